// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/raw_wire.h"

#include "core/http/request_builder.h"
#include "ui/timeline/phase_spans.h"

namespace statusscope::ui {

namespace {

QByteArray headBytes(const QByteArray &statusLine, const http::HeaderList &headers)
{
    QByteArray out = statusLine + "\r\n";
    for (const http::Header &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    return out + "\r\n";
}

// --trace-ascii style: offset, then the text with CR shown as nothing and LF ending the line.
QString traceBlock(const QByteArray &bytes)
{
    QString out;
    qsizetype offset = 0;
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == lines.size() - 1 && lines.at(i).isEmpty())
            break;
        QByteArray line = lines.at(i);
        const qsizetype len = line.size() + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        QString printable;
        for (char c : std::as_const(line))
            printable += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QLatin1Char('.');
        out += QStringLiteral("%1: %2\n").arg(offset, 4, 16, QLatin1Char('0')).arg(printable);
        offset += len;
    }
    return out;
}

} // namespace

RawWireText rawWireText(const http::Exchange &x, bool showAll)
{
    RawWireText result;
    QString &out = result.text;
    for (int ai = 0; ai < x.attempts.size(); ++ai) {
        const http::Attempt &a = x.attempts.at(ai);
        out += QStringLiteral("== Attempt %1 (%2) %3\n").arg(ai + 1).arg(http::toString(a.reason), a.url.toString());
        if (!a.connection.remote.isEmpty())
            out += QStringLiteral("== Info: Connected to %1%2\n").arg(a.connection.remote,
                                                                     a.connection.reused ? QStringLiteral(" (reused)") : QString());
        if (!a.request.method.isEmpty()) {
            const QByteArray head = http::serializeHead(a.request);
            out += QStringLiteral("=> Send header, %1 bytes (0x%2)\n").arg(head.size()).arg(head.size(), 0, 16);
            out += traceBlock(head);
        }
        if (a.request.bodySentBytes > 0)
            out += QStringLiteral("=> Send data, %1 bytes — body content not kept by the engine\n")
                       .arg(groupedNumber(a.request.bodySentBytes));
        else if (a.request.bodyBytes > 0)
            out += QStringLiteral("== Info: body of %1 bytes NOT sent\n").arg(groupedNumber(a.request.bodyBytes));
        for (const http::InterimResponse &ir : a.interim) {
            const QByteArray head = headBytes("HTTP/1.1 " + QByteArray::number(ir.status) + ' ' + ir.reason, ir.headers);
            out += QStringLiteral("<= Recv header, %1 bytes (0x%2)\n").arg(head.size()).arg(head.size(), 0, 16);
            out += traceBlock(head);
        }
        if (a.response) {
            const http::Response &r = *a.response;
            const QByteArray head = headBytes(http::toString(r.version).toLatin1() + ' ' + QByteArray::number(r.status)
                                                  + ' ' + r.reason, r.headers);
            out += QStringLiteral("<= Recv header, %1 bytes (0x%2)\n").arg(head.size()).arg(head.size(), 0, 16);
            out += traceBlock(head);
            if (r.bodyBytes > 0) {
                out += QStringLiteral("<= Recv data, %1 bytes (0x%2)\n").arg(r.bodyBytes).arg(r.bodyBytes, 0, 16);
                QByteArray body = r.body;
                if (body.isEmpty() && !r.bodyFile.isEmpty())
                    out += QStringLiteral("== Info: body kept in %1\n").arg(r.bodyFile);
                if (!showAll && body.size() > kRawBodyPreviewBytes) {
                    body.truncate(kRawBodyPreviewBytes);
                    result.elided = true;
                }
                out += traceBlock(body);
                if (body.size() < r.body.size())
                    out += QStringLiteral("== Info: … %1 more bytes (Show all)\n").arg(groupedNumber(r.body.size() - body.size()));
            }
        }
        if (a.error.isError())
            out += QStringLiteral("== Info: %1: %2\n").arg(http::toString(a.error.kind), a.error.message);
        out += QLatin1Char('\n');
    }
    return result;
}

} // namespace statusscope::ui
