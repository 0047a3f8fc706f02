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
    QList<int> statuses;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromLatin1(lines.at(i)).trimmed();
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
