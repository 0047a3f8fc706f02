// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/exchange_json.h"

#include <QJsonArray>

namespace statusscope::http {

namespace {


QJsonArray headersToJson(const HeaderList &headers)
{
    QJsonArray out;
    for (const Header &h : headers)
        out.append(QJsonArray{QString::fromLatin1(h.first), QString::fromLatin1(h.second)});
    return out;
}

double roundMs(double ms)
{
    return qRound64(ms * 1000.0) / 1000.0; // microsecond precision is plenty
}

} // namespace

QJsonObject timingsToJson(const Timings &t)
{
    const auto r = [](const std::optional<double> &v) {
        return v ? QJsonValue(roundMs(*v)) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{{QStringLiteral("dns"), r(t.dns)},
                       {QStringLiteral("connect"), r(t.connect)},
                       {QStringLiteral("tls"), r(t.tls)},
                       {QStringLiteral("send_headers"), r(t.sendHeaders)},
                       {QStringLiteral("wait_100"), r(t.wait100)},
                       {QStringLiteral("upload"), r(t.upload)},
                       {QStringLiteral("ttfb"), r(t.ttfb)},
                       {QStringLiteral("download"), r(t.download)},
                       {QStringLiteral("total"), r(t.total)}};
}

QJsonObject attemptToJson(const Exchange &x, const Attempt &a)
{
    const auto ms = [&x](qint64 ns) { return roundMs(x.msFromStart(ns)); };
    QJsonObject request{{QStringLiteral("method"), QString::fromLatin1(a.request.method)},
                        {QStringLiteral("target"), QString::fromLatin1(a.request.target)},
                        {QStringLiteral("version"), toString(a.request.version)},
                        {QStringLiteral("headers"), headersToJson(a.request.headers)},
                        {QStringLiteral("body_bytes"), a.request.bodyBytes},
                        {QStringLiteral("body_sent_bytes"), a.request.bodySentBytes},
                        {QStringLiteral("expect_100"), a.request.expectSent}};
    QJsonValue tls(QJsonValue::Null);
    if (a.connection.tls) {
        const TlsInfo &t = *a.connection.tls;
        tls = QJsonObject{{QStringLiteral("version"), t.version},
                          {QStringLiteral("cipher"), t.cipher},
                          {QStringLiteral("peer_subject"), t.peerSubject},
                          {QStringLiteral("peer_issuer"), t.peerIssuer},
                          {QStringLiteral("peer_expiry"), t.peerExpiry.toUTC().toString(Qt::ISODate)},
                          {QStringLiteral("verified"), t.verified},
                          {QStringLiteral("verification_errors"), QJsonArray::fromStringList(t.verificationErrors)}};
    }
    QJsonObject connection{{QStringLiteral("remote"), a.connection.remote.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.connection.remote)},
                           {QStringLiteral("reused"), a.connection.reused},
                           {QStringLiteral("via_proxy"), a.connection.viaProxy},
                           {QStringLiteral("tls"), tls}};
    QJsonArray events;
    for (const Event &e : a.events) {
        QJsonObject o{{QStringLiteral("t_ms"), ms(e.tNs)}, {QStringLiteral("type"), toString(e.type)}};
        if (!e.detail.isEmpty())
            o.insert(QStringLiteral("detail"), e.detail);
        if (e.status)
            o.insert(QStringLiteral("status"), e.status);
        if (e.bytes >= 0)
            o.insert(QStringLiteral("bytes"), e.bytes);
        events.append(o);
    }
    QJsonArray interim;
    for (const InterimResponse &ir : a.interim) {
        interim.append(QJsonObject{{QStringLiteral("status"), ir.status},
                                   {QStringLiteral("reason"), QString::fromLatin1(ir.reason)},
                                   {QStringLiteral("headers"), headersToJson(ir.headers)},
                                   {QStringLiteral("t_ms"), ms(ir.tNs)}});
    }
    QJsonValue response(QJsonValue::Null);
    if (a.response) {
        const Response &r = *a.response;
        QJsonObject o{{QStringLiteral("status"), r.status},
                      {QStringLiteral("reason"), QString::fromLatin1(r.reason)},
                      {QStringLiteral("version"), toString(r.version)},
                      {QStringLiteral("headers"), headersToJson(r.headers)},
                      {QStringLiteral("body_bytes"), r.bodyBytes},
                      {QStringLiteral("body_complete"), r.bodyComplete},
                      {QStringLiteral("t_ms"), ms(r.tNs)},
                      {QStringLiteral("first_byte_ms"), ms(r.firstByteNs)}};
        if (!r.trailers.isEmpty())
            o.insert(QStringLiteral("trailers"), headersToJson(r.trailers));
        if (!r.bodyFile.isEmpty())
            o.insert(QStringLiteral("body_file"), r.bodyFile);
        response = o;
    }
    QJsonValue error(QJsonValue::Null);
    if (a.error.isError())
        error = QJsonObject{{QStringLiteral("kind"), toString(a.error.kind)}, {QStringLiteral("message"), a.error.message}};
    return QJsonObject{{QStringLiteral("reason"), toString(a.reason)},
                       {QStringLiteral("url"), a.url.toString()},
                       {QStringLiteral("started_ms"), a.beganNs ? QJsonValue(ms(*a.beganNs)) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("request"), request},
                       {QStringLiteral("connection"), connection},
                       {QStringLiteral("events"), events},
                       {QStringLiteral("interim"), interim},
                       {QStringLiteral("response"), response},
                       {QStringLiteral("body_sent"), a.bodySent()},
                       {QStringLiteral("timings_ms"), timingsToJson(deriveTimings(a))},
                       {QStringLiteral("error"), error}};
}

QJsonObject exchangeToJson(const Exchange &x)
{
    QJsonArray attempts;
    for (const Attempt &a : x.attempts)
        attempts.append(attemptToJson(x, a));
    const std::optional<int> status = x.finalStatus();
    return QJsonObject{{QStringLiteral("url"), x.url.toString()},
                       {QStringLiteral("started_at"), x.startedAt.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("final_status"), status ? QJsonValue(*status) : QJsonValue(QJsonValue::Null)},
                       // Added later (fields are only ever added): TLS verification was off.
                       {QStringLiteral("insecure"), x.insecure},
                       {QStringLiteral("attempts"), attempts}};
}

} // namespace statusscope::http
