// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/exchange_document.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace statusscope::diagnose {

namespace {

using namespace http;

// JSON numbers are doubles: integers are exact up to 2^53, which is also far beyond any body.
constexpr double kMaxBytes = 9007199254740992.0;
constexpr double kMaxStatus = 999; // RFC 9110 §15: three digits
// A century in ms: an offset from the exchange start beyond it is corrupt, and its nanoseconds
// would overflow qint64 (which holds about 292 years).
constexpr double kMaxOffsetMs = 100.0 * 365.25 * 24 * 3600 * 1000;

template<typename Enum>
std::optional<Enum> enumFromString(QStringView text, std::initializer_list<Enum> values)
{
    for (Enum v : values) {
        if (text == toString(v))
            return v;
    }
    return std::nullopt;
}

// Walks the document keeping the JSON path of the current value; the first problem wins.
class Reader
{
public:
    QString error;
    QString errorPath;

    bool failed() const { return !error.isEmpty(); }

    void fail(const QString &path, const QString &message)
    {
        if (error.isEmpty()) {
            error = message;
            errorPath = path;
        }
    }

    // Optional field of a type; a present value of another type (null counts as absent) fails.
    QJsonValue field(const QJsonObject &o, const QString &path, const char *key, QJsonValue::Type type,
                     bool required = false)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        const QString p = path.isEmpty() ? QString::fromLatin1(key) : path + QLatin1Char('.') + QLatin1String(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(p, QStringLiteral("missing"));
            return QJsonValue(QJsonValue::Undefined);
        }
        if (v.type() != type) {
            static const char *const kNames[] = {"null", "a boolean", "a number", "a string",
                                                 "an array", "an object"};
            const int t = int(type);
            fail(p, QStringLiteral("expected %1").arg(QLatin1String(t >= 0 && t < 6 ? kNames[t] : "a value")));
            return QJsonValue(QJsonValue::Undefined);
        }
        return v;
    }

    QString string(const QJsonObject &o, const QString &path, const char *key, bool required = false)
    {
        return field(o, path, key, QJsonValue::String, required).toString();
    }

    std::optional<double> number(const QJsonObject &o, const QString &path, const char *key,
                                 bool required = false)
    {
        const QJsonValue v = field(o, path, key, QJsonValue::Double, required);
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    }

    // A number within [low, high]: outside it the integer conversions below would overflow.
    std::optional<double> bounded(const QJsonObject &o, const QString &path, const char *key, double low,
                                  double high, bool required = false)
    {
        const std::optional<double> v = number(o, path, key, required);
        if (v && !(*v >= low && *v <= high)) {
            fail(path + QLatin1Char('.') + QLatin1String(key),
                 QStringLiteral("%1 is out of range [%2, %3]").arg(*v).arg(low).arg(high));
            return std::nullopt;
        }
        return v;
    }
    qint64 byteCount(const QJsonObject &o, const QString &path, const char *key, qint64 fallback)
    {
        return qint64(bounded(o, path, key, -1, kMaxBytes).value_or(double(fallback)));
    }
    int statusCode(const QJsonObject &o, const QString &path, const char *key, bool required = false)
    {
        return int(bounded(o, path, key, 0, kMaxStatus, required).value_or(0));
    }
    qint64 timeNs(const QJsonObject &o, const QString &path, const char *key, bool required = false,
                  double fallbackMs = 0)
    {
        return ns(bounded(o, path, key, -kMaxOffsetMs, kMaxOffsetMs, required).value_or(fallbackMs));
    }

    HeaderList headers(const QJsonObject &o, const QString &path)
    {
        HeaderList out;
        const QJsonArray a = field(o, path, "headers", QJsonValue::Array).toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QJsonArray pair = a.at(i).toArray();
            if (!a.at(i).isArray() || pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString()) {
                fail(QStringLiteral("%1.headers[%2]").arg(path).arg(i), QStringLiteral("expected [name, value]"));
                return out;
            }
            // Header bytes are Latin-1 on the wire (RFC 9110 §5.5); the writer used fromLatin1.
            out.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
        }
        return out;
    }

    static qint64 ns(double ms) { return qRound64(ms * 1e6); }

    SentRequest request(const QJsonObject &o, const QString &path)
    {
        SentRequest r;
        r.method = string(o, path, "method", true).toLatin1();
        r.target = string(o, path, "target").toLatin1();
        const QString version = string(o, path, "version");
        if (!version.isEmpty()) {
            if (auto v = enumFromString(version, {HttpVersion::Http10, HttpVersion::Http11}))
                r.version = *v;
            else
                fail(path + QStringLiteral(".version"), QStringLiteral("unknown version \"%1\"").arg(version));
        }
        r.headers = headers(o, path);
        r.bodyBytes = byteCount(o, path, "body_bytes", 0);
        r.bodySentBytes = byteCount(o, path, "body_sent_bytes", 0);
        const QJsonValue expect = field(o, path, "expect_100", QJsonValue::Bool);
        r.expectSent = expect.isBool() ? expect.toBool()
                                       : headerValue(r.headers, "expect").value_or(QByteArray())
                                                 .trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;
        return r;
    }

    ConnectionInfo connection(const QJsonObject &o, const QString &path)
    {
        ConnectionInfo c;
        c.remote = string(o, path, "remote");
        c.reused = field(o, path, "reused", QJsonValue::Bool).toBool();
        c.viaProxy = field(o, path, "via_proxy", QJsonValue::Bool).toBool();
        const QJsonValue tlsValue = field(o, path, "tls", QJsonValue::Object);
        if (tlsValue.isObject()) {
            const QJsonObject t = tlsValue.toObject();
            const QString tp = path + QStringLiteral(".tls");
            TlsInfo tls;
            tls.version = string(t, tp, "version");
            tls.cipher = string(t, tp, "cipher");
            tls.peerSubject = string(t, tp, "peer_subject");
            tls.peerIssuer = string(t, tp, "peer_issuer");
            tls.peerExpiry = QDateTime::fromString(string(t, tp, "peer_expiry"), Qt::ISODate);
            tls.verified = field(t, tp, "verified", QJsonValue::Bool).toBool();
            for (const QJsonValue &e : field(t, tp, "verification_errors", QJsonValue::Array).toArray())
                tls.verificationErrors << e.toString();
            c.tls = tls;
        }
        return c;
    }

    QList<Event> events(const QJsonObject &o, const QString &path)
    {
        QList<Event> out;
        const QJsonArray a = field(o, path, "events", QJsonValue::Array).toArray();
        for (int i = 0; i < a.size() && !failed(); ++i) {
            const QString p = QStringLiteral("%1.events[%2]").arg(path).arg(i);
            if (!a.at(i).isObject()) {
                fail(p, QStringLiteral("expected an object"));
                break;
            }
            const QJsonObject e = a.at(i).toObject();
            Event ev;
            const QString type = string(e, p, "type", true);
            const auto t = enumFromString(type, {EventType::DnsStart, EventType::DnsDone, EventType::ConnectStart,
                                                 EventType::ConnectDone, EventType::TlsStart, EventType::TlsDone,
                                                 EventType::RequestHeadersSent, EventType::ExpectWaitStart,
                                                 EventType::InterimResponse, EventType::ExpectTimeout,
                                                 EventType::BodySendStart, EventType::BodySent,
                                                 EventType::ResponseHeaders, EventType::ResponseBodyDone,
                                                 EventType::ConnectionClosed, EventType::Error, EventType::Finding});
            if (!t && !failed())
                fail(p + QStringLiteral(".type"), QStringLiteral("unknown event type \"%1\"").arg(type));
            ev.type = t.value_or(EventType::Error);
            ev.tNs = timeNs(e, p, "t_ms", true);
            ev.detail = string(e, p, "detail");
            ev.status = statusCode(e, p, "status");
            ev.bytes = byteCount(e, p, "bytes", -1);
            out << ev;
        }
        return out;
    }

    QList<InterimResponse> interim(const QJsonObject &o, const QString &path)
    {
        QList<InterimResponse> out;
        const QJsonArray a = field(o, path, "interim", QJsonValue::Array).toArray();
        for (int i = 0; i < a.size() && !failed(); ++i) {
            const QString p = QStringLiteral("%1.interim[%2]").arg(path).arg(i);
            const QJsonObject r = a.at(i).toObject();
            InterimResponse ir;
            ir.status = statusCode(r, p, "status", true);
            ir.reason = string(r, p, "reason").toLatin1();
            ir.headers = headers(r, p);
            ir.tNs = timeNs(r, p, "t_ms");
            out << ir;
        }
        return out;
    }

    std::optional<Response> response(const QJsonObject &o, const QString &path)
    {
        const QJsonValue v = field(o, path, "response", QJsonValue::Object);
        if (!v.isObject())
            return std::nullopt;
        const QJsonObject r = v.toObject();
        const QString p = path + QStringLiteral(".response");
        Response resp;
        resp.status = statusCode(r, p, "status", true);
        resp.reason = string(r, p, "reason").toLatin1();
        if (string(r, p, "version") == toString(HttpVersion::Http10))
            resp.version = HttpVersion::Http10;
        resp.headers = headers(r, p);
        resp.bodyBytes = byteCount(r, p, "body_bytes", 0);
        resp.bodyComplete = field(r, p, "body_complete", QJsonValue::Bool).toBool();
        resp.tNs = timeNs(r, p, "t_ms");
        resp.firstByteNs = r.contains(QStringLiteral("first_byte_ms")) ? timeNs(r, p, "first_byte_ms") : resp.tNs;
        resp.bodyFile = string(r, p, "body_file");
        return resp;
    }

    Error transportError(const QJsonObject &o, const QString &path)
    {
        const QJsonValue v = field(o, path, "error", QJsonValue::Object);
        if (!v.isObject())
            return {};
        const QJsonObject e = v.toObject();
        const QString p = path + QStringLiteral(".error");
        const QString kind = string(e, p, "kind", true);
        const auto k = enumFromString(kind, {ErrorKind::Dns, ErrorKind::Connect, ErrorKind::Tls, ErrorKind::Timeout,
                                             ErrorKind::Protocol, ErrorKind::Io, ErrorKind::Cancelled});
        if (!k && !failed())
            fail(p + QStringLiteral(".kind"), QStringLiteral("unknown error kind \"%1\"").arg(kind));
        return Error{k.value_or(ErrorKind::None), string(e, p, "message")};
    }

    Attempt attempt(const QJsonObject &o, const QString &path, const QUrl &exchangeUrl)
    {
        Attempt a;
        const QString reason = string(o, path, "reason");
        if (!reason.isEmpty()) {
            const auto r = enumFromString(reason, {AttemptReason::Initial, AttemptReason::RetryWithoutExpect,
                                                   AttemptReason::Redirect});
            if (!r)
                fail(path + QStringLiteral(".reason"), QStringLiteral("unknown attempt reason \"%1\"").arg(reason));
            a.reason = r.value_or(AttemptReason::Initial);
        }
        const QString url = string(o, path, "url");
        a.url = url.isEmpty() ? exchangeUrl : QUrl(url);
        const QJsonValue request = field(o, path, "request", QJsonValue::Object, true);
        a.request = request.isObject() ? this->request(request.toObject(), path + QStringLiteral(".request"))
                                       : SentRequest{};
        const QJsonValue conn = field(o, path, "connection", QJsonValue::Object);
        if (conn.isObject())
            a.connection = connection(conn.toObject(), path + QStringLiteral(".connection"));
        a.events = events(o, path);
        a.interim = interim(o, path);
        a.response = response(o, path);
        a.error = transportError(o, path);
        return a;
    }
};

ExchangeReadResult failure(ExchangeReadStatus status, const QString &message, const QString &path = {},
                           qint64 offset = -1)
{
    ExchangeReadResult r;
    r.status = status;
    r.message = message;
    r.jsonPath = path;
    r.byteOffset = offset;
    return r;
}

} // namespace

QString toString(ExchangeReadStatus status)
{
    switch (status) {
    case ExchangeReadStatus::Ok: return QStringLiteral("ok");
    case ExchangeReadStatus::FileError: return QStringLiteral("file error");
    case ExchangeReadStatus::NotJson: return QStringLiteral("not JSON");
    case ExchangeReadStatus::NotExchange: return QStringLiteral("not a saved exchange");
    }
    return QStringLiteral("?");
}

void PrintTo(ExchangeReadStatus status, std::ostream *os)
{
    *os << toString(status).toStdString();
}

QString ExchangeReadResult::describe() const
{
    QString text = jsonPath.isEmpty() ? message : jsonPath + QStringLiteral(": ") + message;
    if (byteOffset >= 0)
        text += QStringLiteral(" (byte %1)").arg(byteOffset);
    return text;
}

ExchangeReadResult readExchangeJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(ExchangeReadStatus::NotJson, parseError.errorString(), {}, parseError.offset);
    if (!doc.isObject())
        return failure(ExchangeReadStatus::NotExchange, QStringLiteral("expected an object at the top"),
                       QStringLiteral("$"));
    const QJsonObject root = doc.object();
    Reader reader;
    ExchangeReadResult result;
    http::Exchange &x = result.exchange;
    x.url = QUrl(reader.string(root, {}, "url"));
    const QString started = reader.string(root, {}, "started_at");
    x.startedAt = started.isEmpty() ? QDateTime() : QDateTime::fromString(started, Qt::ISODateWithMs);
    x.startNs = 0;
    const QJsonArray attempts = reader.field(root, {}, "attempts", QJsonValue::Array, true).toArray();
    for (int i = 0; i < attempts.size() && !reader.failed(); ++i) {
        const QString path = QStringLiteral("attempts[%1]").arg(i);
        if (!attempts.at(i).isObject()) {
            reader.fail(path, QStringLiteral("expected an object"));
            break;
        }
        x.attempts << reader.attempt(attempts.at(i).toObject(), path, x.url);
    }
    if (!reader.failed() && x.attempts.isEmpty())
        reader.fail(QStringLiteral("attempts"), QStringLiteral("empty: an exchange has at least one attempt"));
    if (reader.failed())
        return failure(ExchangeReadStatus::NotExchange, reader.error, reader.errorPath);
    return result;
}

ExchangeReadResult readExchangeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(ExchangeReadStatus::FileError, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxExchangeDocumentBytes)
        return failure(ExchangeReadStatus::FileError,
                       QStringLiteral("%1 is %2 bytes; a saved exchange is at most %3").arg(path).arg(file.size())
                           .arg(kMaxExchangeDocumentBytes));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return failure(ExchangeReadStatus::FileError, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return readExchangeJson(bytes);
}

} // namespace statusscope::diagnose
