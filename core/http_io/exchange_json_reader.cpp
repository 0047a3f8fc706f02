// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http_io/exchange_json_reader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace statusscope::http {

namespace {

// Every enum is matched through its own toString(), so the reader can never drift from the
// writer's spelling.
template<typename Enum>
std::optional<Enum> enumFromString(const QString &text, std::initializer_list<Enum> values)
{
    for (Enum v : values) {
        if (toString(v) == text)
            return v;
    }
    return std::nullopt;
}

qint64 nsFromMs(const QJsonValue &v)
{
    return qint64(v.toDouble() * 1e6 + (v.toDouble() >= 0 ? 0.5 : -0.5));
}

class Reader
{
public:
    QString error;
    QStringList warnings;

    bool fail(const QString &path, const QString &what)
    {
        if (error.isEmpty())
            error = QStringLiteral("%1: %2").arg(path, what);
        return false;
    }

    bool headers(const QJsonValue &value, const QString &path, HeaderList &out)
    {
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isArray())
            return fail(path, QStringLiteral("expected an array of [name, value] pairs"));
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonArray pair = array.at(i).toArray();
            if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
                return fail(QStringLiteral("%1[%2]").arg(path).arg(i), QStringLiteral("expected [name, value] strings"));
            out.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
        }
        return true;
    }

    bool version(const QJsonValue &value, const QString &path, HttpVersion &out)
    {
        if (value.isUndefined())
            return true;
        const auto v = enumFromString<HttpVersion>(value.toString(), {HttpVersion::Http10, HttpVersion::Http11});
        if (!v)
            return fail(path, QStringLiteral("unknown HTTP version \"%1\"").arg(value.toString()));
        out = *v;
        return true;
    }

    bool attempt(const QJsonObject &o, const QString &path, Attempt &a)
    {
        const auto reason = enumFromString<AttemptReason>(
            o.value(QStringLiteral("reason")).toString(),
            {AttemptReason::Initial, AttemptReason::RetryWithoutExpect, AttemptReason::Redirect});
        if (!reason)
            return fail(path + QStringLiteral(".reason"), QStringLiteral("unknown attempt reason \"%1\"")
                                                             .arg(o.value(QStringLiteral("reason")).toString()));
        a.reason = *reason;
        a.url = QUrl(o.value(QStringLiteral("url")).toString());

        const QJsonObject req = o.value(QStringLiteral("request")).toObject();
        a.request.method = req.value(QStringLiteral("method")).toString().toLatin1();
        a.request.target = req.value(QStringLiteral("target")).toString().toLatin1();
        if (!version(req.value(QStringLiteral("version")), path + QStringLiteral(".request.version"), a.request.version)
            || !headers(req.value(QStringLiteral("headers")), path + QStringLiteral(".request.headers"), a.request.headers))
            return false;
        a.request.bodyBytes = req.value(QStringLiteral("body_bytes")).toInteger();
        a.request.bodySentBytes = req.value(QStringLiteral("body_sent_bytes")).toInteger();
        a.request.expectSent = req.value(QStringLiteral("expect_100")).toBool();

        const QJsonObject conn = o.value(QStringLiteral("connection")).toObject();
        a.connection.remote = conn.value(QStringLiteral("remote")).toString();
        a.connection.reused = conn.value(QStringLiteral("reused")).toBool();
        a.connection.viaProxy = conn.value(QStringLiteral("via_proxy")).toBool();
        if (conn.value(QStringLiteral("tls")).isObject()) {
            const QJsonObject t = conn.value(QStringLiteral("tls")).toObject();
            TlsInfo tls;
            tls.version = t.value(QStringLiteral("version")).toString();
            tls.cipher = t.value(QStringLiteral("cipher")).toString();
            tls.peerSubject = t.value(QStringLiteral("peer_subject")).toString();
            tls.peerIssuer = t.value(QStringLiteral("peer_issuer")).toString();
            tls.peerExpiry = QDateTime::fromString(t.value(QStringLiteral("peer_expiry")).toString(), Qt::ISODate);
            tls.verified = t.value(QStringLiteral("verified")).toBool();
            for (const QJsonValue &e : t.value(QStringLiteral("verification_errors")).toArray())
                tls.verificationErrors << e.toString();
            a.connection.tls = tls;
        }

        const QJsonArray events = o.value(QStringLiteral("events")).toArray();
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QJsonObject e = events.at(i).toObject();
            const QString epath = QStringLiteral("%1.events[%2]").arg(path).arg(i);
            const auto type = enumFromString<EventType>(
                e.value(QStringLiteral("type")).toString(),
                {EventType::DnsStart, EventType::DnsDone, EventType::ConnectStart, EventType::ConnectDone,
                 EventType::TlsStart, EventType::TlsDone, EventType::RequestHeadersSent, EventType::ExpectWaitStart,
                 EventType::InterimResponse, EventType::ExpectTimeout, EventType::BodySendStart, EventType::BodySent,
                 EventType::ResponseHeaders, EventType::ResponseBodyDone, EventType::ConnectionClosed,
                 EventType::Error, EventType::Finding});
            if (!type) {
                warnings << QStringLiteral("%1: unknown event type \"%2\" skipped").arg(epath, e.value(QStringLiteral("type")).toString());
                continue;
            }
            if (!e.value(QStringLiteral("t_ms")).isDouble())
                return fail(epath + QStringLiteral(".t_ms"), QStringLiteral("expected a number"));
            Event ev;
            ev.type = *type;
            ev.tNs = nsFromMs(e.value(QStringLiteral("t_ms")));
            ev.detail = e.value(QStringLiteral("detail")).toString();
            ev.status = e.value(QStringLiteral("status")).toInt();
            ev.bytes = e.value(QStringLiteral("bytes")).toInteger(-1);
            a.events.append(ev);
        }

        const QJsonArray interim = o.value(QStringLiteral("interim")).toArray();
        for (qsizetype i = 0; i < interim.size(); ++i) {
            const QJsonObject ir = interim.at(i).toObject();
            InterimResponse r;
            r.status = ir.value(QStringLiteral("status")).toInt();
            r.reason = ir.value(QStringLiteral("reason")).toString().toLatin1();
            r.tNs = nsFromMs(ir.value(QStringLiteral("t_ms")));
            if (!headers(ir.value(QStringLiteral("headers")), QStringLiteral("%1.interim[%2].headers").arg(path).arg(i), r.headers))
                return false;
            a.interim.append(r);
        }

        if (o.value(QStringLiteral("response")).isObject()) {
            const QJsonObject ro = o.value(QStringLiteral("response")).toObject();
            const QString rpath = path + QStringLiteral(".response");
            Response r;
            r.status = ro.value(QStringLiteral("status")).toInt();
            if (r.status < 100 || r.status > 999)
                return fail(rpath + QStringLiteral(".status"), QStringLiteral("expected a status 100–999"));
            r.reason = ro.value(QStringLiteral("reason")).toString().toLatin1();
            if (!version(ro.value(QStringLiteral("version")), rpath + QStringLiteral(".version"), r.version)
                || !headers(ro.value(QStringLiteral("headers")), rpath + QStringLiteral(".headers"), r.headers)
                || !headers(ro.value(QStringLiteral("trailers")), rpath + QStringLiteral(".trailers"), r.trailers))
                return false;
            r.bodyBytes = ro.value(QStringLiteral("body_bytes")).toInteger();
            r.bodyComplete = ro.value(QStringLiteral("body_complete")).toBool(true);
            r.tNs = nsFromMs(ro.value(QStringLiteral("t_ms")));
            r.firstByteNs = ro.contains(QStringLiteral("first_byte_ms")) ? nsFromMs(ro.value(QStringLiteral("first_byte_ms"))) : r.tNs;
            r.bodyFile = ro.value(QStringLiteral("body_file")).toString();
            a.response = r;
        }

        if (o.value(QStringLiteral("error")).isObject()) {
            const QJsonObject eo = o.value(QStringLiteral("error")).toObject();
            const auto kind = enumFromString<ErrorKind>(
                eo.value(QStringLiteral("kind")).toString(),
                {ErrorKind::Dns, ErrorKind::Connect, ErrorKind::Tls, ErrorKind::Timeout, ErrorKind::Protocol,
                 ErrorKind::Io, ErrorKind::Cancelled});
            if (!kind)
                return fail(path + QStringLiteral(".error.kind"), QStringLiteral("unknown error kind \"%1\"")
                                                                      .arg(eo.value(QStringLiteral("kind")).toString()));
            a.error = Error{*kind, eo.value(QStringLiteral("message")).toString()};
        }
        return true;
    }
};

} // namespace

ExchangeReadResult readExchangeJson(const QByteArray &json)
{
    ExchangeReadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        result.error = QStringLiteral("not JSON: %1 at byte offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return result;
    }
    if (!doc.isObject()) {
        result.error = QStringLiteral("$: expected an object with \"attempts\"");
        return result;
    }
    const QJsonObject root = doc.object();
    if (!root.value(QStringLiteral("attempts")).isArray()) {
        result.error = QStringLiteral("$.attempts: missing — this is not a saved exchange");
        return result;
    }
    Exchange x;
    x.url = QUrl(root.value(QStringLiteral("url")).toString());
    x.startedAt = QDateTime::fromString(root.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs);
    x.startNs = 0;
    x.insecure = root.value(QStringLiteral("insecure")).toBool(); // absent in older files: verified
    Reader reader;
    const QJsonArray attempts = root.value(QStringLiteral("attempts")).toArray();
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        const QString path = QStringLiteral("$.attempts[%1]").arg(i);
        if (!attempts.at(i).isObject()) {
            result.error = path + QStringLiteral(": expected an object");
            return result;
        }
        Attempt a;
        if (!reader.attempt(attempts.at(i).toObject(), path, a)) {
            result.error = reader.error;
            return result;
        }
        x.attempts.append(a);
    }
    result.warnings = reader.warnings;
    result.exchange = x;
    return result;
}

ExchangeReadResult readExchangeJsonFile(const QString &path)
{
    ExchangeReadResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    if (file.size() > kMaxExchangeFileBytes) {
        result.error = QStringLiteral("%1 is %2 bytes: larger than a saved exchange can be (%3)")
                           .arg(path).arg(file.size()).arg(kMaxExchangeFileBytes);
        return result;
    }
    return readExchangeJson(file.readAll());
}

} // namespace statusscope::http
