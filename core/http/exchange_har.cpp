// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/exchange_har.h"

#include "core/app_info.h"
#include "core/http/exchange_json.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace statusscope::http {

namespace {

QJsonArray harHeaders(const HeaderList &headers)
{
    QJsonArray out;
    for (const Header &h : headers)
        out.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(h.first)},
                               {QStringLiteral("value"), QString::fromLatin1(h.second)}});
    return out;
}

qint64 headBytes(const QByteArray &firstLine, const HeaderList &headers)
{
    qint64 n = firstLine.size() + 2 + 2;
    for (const Header &h : headers)
        n += h.first.size() + 2 + h.second.size() + 2;
    return n;
}

// HAR uses -1 for "does not apply"; our null maps to it.
double harMs(const std::optional<double> &v)
{
    return v ? *v : -1.0;
}

QString expectOutcome(const Attempt &a)
{
    if (!a.request.expectSent)
        return QStringLiteral("not-sent");
    for (const Event &e : a.events) {
        if (e.type == EventType::InterimResponse && e.status == 100)
            return QStringLiteral("100-continue");
        if (e.type == EventType::ExpectTimeout)
            return QStringLiteral("timeout");
        if (e.type == EventType::ResponseHeaders)
            return e.status == 417 ? QStringLiteral("417") : QStringLiteral("final-before-100");
    }
    return QStringLiteral("unfinished");
}

} // namespace

QJsonObject exchangeToHar(const Exchange &x)
{
    QJsonArray entries;
    if (!x.attempts.isEmpty()) {
        const Attempt &a = x.attempts.last();
        const Timings t = deriveTimings(a);

        QJsonArray query;
        const QUrlQuery q(a.url);
        for (const auto &item : q.queryItems(QUrl::FullyDecoded))
            query.append(QJsonObject{{QStringLiteral("name"), item.first}, {QStringLiteral("value"), item.second}});
        QJsonObject request{{QStringLiteral("method"), QString::fromLatin1(a.request.method)},
                            {QStringLiteral("url"), a.url.toString()},
                            {QStringLiteral("httpVersion"), toString(a.request.version)},
                            {QStringLiteral("cookies"), QJsonArray()},
                            {QStringLiteral("headers"), harHeaders(a.request.headers)},
                            {QStringLiteral("queryString"), query},
                            {QStringLiteral("headersSize"), headBytes(a.request.method + ' ' + a.request.target + " HTTP/1.1", a.request.headers)},
                            {QStringLiteral("bodySize"), a.request.bodySentBytes}};
        if (a.request.bodyBytes > 0)
            request.insert(QStringLiteral("postData"), QJsonObject{{QStringLiteral("mimeType"), QString::fromLatin1(headerValue(a.request.headers, "content-type").value_or(QByteArray()))},
                                                                   {QStringLiteral("text"), QString()}});

        QJsonObject response{{QStringLiteral("status"), 0},
                             {QStringLiteral("statusText"), QString()},
                             {QStringLiteral("httpVersion"), QString()},
                             {QStringLiteral("cookies"), QJsonArray()},
                             {QStringLiteral("headers"), QJsonArray()},
                             {QStringLiteral("content"), QJsonObject{{QStringLiteral("size"), 0}, {QStringLiteral("mimeType"), QString()}}},
                             {QStringLiteral("redirectURL"), QString()},
                             {QStringLiteral("headersSize"), -1},
                             {QStringLiteral("bodySize"), -1}};
        if (a.response) {
            const Response &r = *a.response;
            const QByteArray mime = headerValue(r.headers, "content-type").value_or(QByteArray());
            QJsonObject content{{QStringLiteral("size"), r.decodedBody.isEmpty() ? r.bodyBytes : qint64(r.decodedBody.size())},
                                {QStringLiteral("mimeType"), QString::fromLatin1(mime)}};
            const QByteArray &text = r.decodedBody.isEmpty() ? r.body : r.decodedBody;
            if (!text.isEmpty() && r.bodyFile.isEmpty()) {
                const QString decoded = QString::fromUtf8(text);
                if (decoded.toUtf8() == text) {
                    content.insert(QStringLiteral("text"), decoded);
                } else {
                    content.insert(QStringLiteral("text"), QString::fromLatin1(text.toBase64()));
                    content.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
                }
            }
            response = QJsonObject{{QStringLiteral("status"), r.status},
                                   {QStringLiteral("statusText"), QString::fromLatin1(r.reason)},
                                   {QStringLiteral("httpVersion"), toString(r.version)},
                                   {QStringLiteral("cookies"), QJsonArray()},
                                   {QStringLiteral("headers"), harHeaders(r.headers)},
                                   {QStringLiteral("content"), content},
                                   {QStringLiteral("redirectURL"), QString::fromLatin1(headerValue(r.headers, "location").value_or(QByteArray()))},
                                   {QStringLiteral("headersSize"), headBytes("HTTP/1.1 " + QByteArray::number(r.status) + ' ' + r.reason, r.headers)},
                                   {QStringLiteral("bodySize"), r.bodyBytes}};
        }

        // HAR: connect includes ssl; send = request head + wait for 100 + body; wait = TTFB.
        const double connect = t.connect ? *t.connect + t.tls.value_or(0.0) : -1.0;
        const double send = t.sendHeaders.value_or(0.0) + t.wait100.value_or(0.0) + t.upload.value_or(0.0);
        QJsonObject timings{{QStringLiteral("blocked"), -1},
                            {QStringLiteral("dns"), harMs(t.dns)},
                            {QStringLiteral("connect"), connect},
                            {QStringLiteral("ssl"), harMs(t.tls)},
                            {QStringLiteral("send"), send},
                            {QStringLiteral("wait"), t.ttfb.value_or(0.0)},
                            {QStringLiteral("receive"), t.download.value_or(0.0)}};

        QJsonArray interim;
        for (const InterimResponse &ir : a.interim)
            interim.append(QJsonObject{{QStringLiteral("status"), ir.status},
                                       {QStringLiteral("statusText"), QString::fromLatin1(ir.reason)},
                                       {QStringLiteral("headers"), harHeaders(ir.headers)},
                                       {QStringLiteral("time"), x.msFromStart(ir.tNs)}});
        QJsonArray attempts;
        for (const Attempt &each : x.attempts) {
            QJsonObject o{{QStringLiteral("reason"), toString(each.reason)},
                          {QStringLiteral("url"), each.url.toString()},
                          {QStringLiteral("status"), each.response ? QJsonValue(each.response->status) : QJsonValue(QJsonValue::Null)},
                          {QStringLiteral("bodySent"), each.bodySent()},
                          {QStringLiteral("bodySentBytes"), each.request.bodySentBytes},
                          {QStringLiteral("interimStatuses"), [&each] {
                               QJsonArray s;
                               for (const InterimResponse &ir : each.interim)
                                   s.append(ir.status);
                               return s;
                           }()},
                          {QStringLiteral("timings"), timingsToJson(deriveTimings(each))},
                          {QStringLiteral("error"), each.error.isError() ? QJsonValue(toString(each.error.kind) + QStringLiteral(": ") + each.error.message)
                                                                          : QJsonValue(QJsonValue::Null)}};
            attempts.append(o);
        }
        const Attempt &first = x.attempts.first();
        QJsonObject expect{{QStringLiteral("sent"), first.request.expectSent},
                           {QStringLiteral("outcome"), expectOutcome(first)},
                           {QStringLiteral("retriedWithoutExpect"), x.attempts.size() > 1 && x.attempts.at(1).reason == AttemptReason::RetryWithoutExpect}};
        if (const auto w = deriveTimings(first).wait100)
            expect.insert(QStringLiteral("wait100"), *w);

        const double total = x.attempts.last().endNs() > 0 ? x.msFromStart(x.attempts.last().endNs()) : 0.0;
        QJsonObject entry{{QStringLiteral("startedDateTime"), x.startedAt.toUTC().toString(Qt::ISODateWithMs)},
                          {QStringLiteral("time"), total},
                          {QStringLiteral("request"), request},
                          {QStringLiteral("response"), response},
                          {QStringLiteral("cache"), QJsonObject()},
                          {QStringLiteral("timings"), timings},
                          {QStringLiteral("_interimResponses"), interim},
                          {QStringLiteral("_attempts"), attempts},
                          {QStringLiteral("_expect"), expect}};
        const QString remote = a.connection.remote;
        if (!remote.isEmpty())
            entry.insert(QStringLiteral("serverIPAddress"), remote.left(remote.lastIndexOf(QLatin1Char(':'))).remove(QLatin1Char('[')).remove(QLatin1Char(']')));
        if (a.error.isError())
            entry.insert(QStringLiteral("_error"), QJsonObject{{QStringLiteral("kind"), toString(a.error.kind)}, {QStringLiteral("message"), a.error.message}});
        entries.append(entry);
    }
    QJsonObject log{{QStringLiteral("version"), QStringLiteral("1.2")},
                    {QStringLiteral("creator"), QJsonObject{{QStringLiteral("name"), QStringLiteral("StatusScope")},
                                                            {QStringLiteral("version"), QString::fromLatin1(kAppVersion)}}},
                    {QStringLiteral("pages"), QJsonArray()},
                    {QStringLiteral("entries"), entries}};
    return QJsonObject{{QStringLiteral("log"), log}};
}

} // namespace statusscope::http
