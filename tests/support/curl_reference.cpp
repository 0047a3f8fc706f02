// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/curl_reference.h"

#include "tests/support/test_support.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace statusscope::test {

CurlOutcome parseCurlTrace(const QByteArray &trace)
{
    // --trace-ascii writes "<= Recv header, N bytes" followed by "0000: HTTP/1.1 100 Continue"
    // for each header line, and "=> Send data, N bytes" for each piece of request body.
    CurlOutcome out;
    out.trace = QString::fromUtf8(trace.right(6000));
    const QList<QByteArray> lines = trace.split('\n');
    static const QRegularExpression statusLine(QStringLiteral(R"(^0000: HTTP/1\.[01] (\d{3}))"));
    static const QRegularExpression sendData(QStringLiteral(R"(^=> Send data, (\d+) bytes)"));
    static const QRegularExpression dumpLine(QStringLiteral(R"(^[0-9a-f]{4}: )"));
    QList<int> statuses;
    enum class Block { Other, SendHeader, SendData } block = Block::Other;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromLatin1(lines.at(i)).trimmed();
        // The lines of a dump follow its "=> Send …" line: "0000: " and the bytes.
        const QByteArray raw = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        if (dumpLine.match(QString::fromLatin1(raw)).hasMatch()) {
            const QByteArray bytes = raw.mid(6);
            if (block == Block::SendHeader && !bytes.isEmpty()) {
                if (out.requestLine.isEmpty())
                    out.requestLine = bytes;
                else
                    out.sentHeaders.append(bytes);
            } else if (block == Block::SendData) {
                out.sentBody += bytes;
            }
            continue;
        }
        block = line.startsWith(QLatin1String("=> Send header")) ? Block::SendHeader
                : line.startsWith(QLatin1String("=> Send data")) ? Block::SendData
                                                                  : Block::Other;
        if (line.startsWith(QLatin1String("<= Recv header")) && i + 1 < lines.size()) {
            const auto m = statusLine.match(QString::fromLatin1(lines.at(i + 1)).trimmed());
            if (m.hasMatch())
                statuses.append(m.captured(1).toInt());
        }
        const auto d = sendData.match(line);
        if (d.hasMatch())
            out.bodySentBytes += d.captured(1).toLongLong();
    }
    for (int s : std::as_const(statuses)) {
        if (s >= 100 && s < 200 && s != 101)
            out.interimStatuses.append(s);
        else
            out.finalStatus = s;
    }
    return out;
}

QByteArray traceAsciiRendering(const QByteArray &bytes)
{
    QByteArray out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\r' && i + 1 < bytes.size() && bytes.at(i + 1) == '\n') {
            ++i; // curl ends the dump line at CR LF and shows neither
            continue;
        }
        const auto c = static_cast<unsigned char>(bytes.at(i));
        out += c >= 0x20 && c < 0x80 ? char(c) : '.';
    }
    return out;
}

CurlOutcome runCurl(const QStringList &args, int timeoutMs)
{
    QTemporaryDir dir;
    const QString tracePath = dir.filePath(QStringLiteral("trace.txt"));
    QStringList all{QStringLiteral("-sS"), QStringLiteral("--trace-ascii"), tracePath,
                    QStringLiteral("-o"), QStringLiteral("/dev/null")};
    all += args;
    const ProcessResult r = runProcess(QStringLiteral("/usr/bin/curl"), all, timeoutMs);
    QFile f(tracePath);
    CurlOutcome out = parseCurlTrace(f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray());
    out.ran = r.finished;
    out.exitCode = r.exitCode;
    return out;
}

} // namespace statusscope::test
