// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http_io/exchange_json_reader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace statusscope::http {

namespace {

// JSON numbers are doubles: integers are exact up to 2^53, which is also far beyond any body.
constexpr double kMaxBytes = 9007199254740992.0;
constexpr double kMaxStatus = 999; // RFC 9110 §15: three digits
// A century in ms: an offset from the exchange start beyond it is corrupt, and its nanoseconds
// would overflow qint64 (which holds about 292 years).
constexpr double kMaxOffsetMs = 100.0 * 365.25 * 24 * 3600 * 1000;

// Every enum is matched through its own toString(), so the reader can never drift from the
// writer's spelling.
template<typename Enum>
std::optional<Enum> enumFromString(QStringView text, std::initializer_list<Enum> values)
{
    for (Enum v : values) {
        if (text == toString(v))
            return v;
    }
    return std::nullopt;
}

std::optional<EventType> eventTypeFromString(QStringView text)
{
    return enumFromString(text, {EventType::DnsStart, EventType::DnsDone, EventType::ConnectStart,
                                 EventType::ConnectDone, EventType::TlsStart, EventType::TlsDone,
                                 EventType::RequestHeadersSent, EventType::ExpectWaitStart,
                                 EventType::InterimResponse, EventType::ExpectTimeout, EventType::BodySendStart,
                                 EventType::BodySent, EventType::ResponseHeaders, EventType::ResponseBodyDone,
                                 EventType::ConnectionClosed, EventType::Error, EventType::Finding});
}

QString childPath(const QString &path, const char *key)
{
    return path.isEmpty() ? QString::fromLatin1(key) : path + QLatin1Char('.') + QLatin1String(key);
}

// Walks the document keeping the JSON path of the current value; the first problem wins.
class Reader
{
public:
    QString error;
    QString errorPath;
    QStringList warnings;

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
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(childPath(path, key), QStringLiteral("missing"));
            return QJsonValue(QJsonValue::Undefined);
        }
        if (v.type() != type) {
            static const char *const kNames[] = {"null", "a boolean", "a number", "a string",
                                                 "an array", "an object"};
            const int t = int(type);
            fail(childPath(path, key),
                 QStringLiteral("expected %1").arg(QLatin1String(t >= 0 && t < 6 ? kNames[t] : "a value")));
            return QJsonValue(QJsonValue::Undefined);
        }
        return v;
    }

    QString string(const QJsonObject &o, const QString &path, const char *key, bool required = false)
    {
        return field(o, path, key, QJsonValue::String, required).toString();
    }

    bool boolean(const QJsonObject &o, const QString &path, const char *key, bool fallback = false)
    {
        return field(o, path, key, QJsonValue::Bool).toBool(fallback);
    }

    // A number within [low, high]: outside it the integer conversions below would overflow.
    std::optional<double> bounded(const QJsonObject &o, const QString &path, const char *key, double low,
                                  double high, bool required = false)
    {
        const QJsonValue v = field(o, path, key, QJsonValue::Double, required);
        if (!v.isDouble())
            return std::nullopt;
        if (!(v.toDouble() >= low && v.toDouble() <= high)) {
            fail(childPath(path, key),
                 QStringLiteral("%1 is out of range [%2, %3]").arg(v.toDouble()).arg(low).arg(high));
            return std::nullopt;
        }
        return v.toDouble();
    }
    qint64 byteCount(const QJsonObject &o, const QString &path, const char *key, qint64 fallback)
    {
        return qint64(bounded(o, path, key, -1, kMaxBytes).value_or(double(fallback)));
    }
    int statusCode(const QJsonObject &o, const QString &path, const char *key, bool required = false)
    {
        return int(bounded(o, path, key, 0, kMaxStatus, required).value_or(0));
    }
    qint64 timeNs(const QJsonObject &o, const QString &path, const char *key, bool required = false)
    {
        return qRound64(bounded(o, path, key, -kMaxOffsetMs, kMaxOffsetMs, required).value_or(0) * 1e6);
    }

    HttpVersion version(const QJsonObject &o, const QString &path)
    {
        const QString text = string(o, path, "version");
        if (text.isEmpty())
            return HttpVersion::Http11;
        const auto v = enumFromString(text, {HttpVersion::Http10, HttpVersion::Http11});
        if (!v)
            fail(childPath(path, "version"), QStringLiteral("unknown HTTP version \"%1\"").arg(text));
        return v.value_or(HttpVersion::Http11);
    }

    HeaderList headers(const QJsonObject &o, const QString &path, const char *key = "headers")
    {
        HeaderList out;
        const QJsonArray a = field(o, path, key, QJsonValue::Array).toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QJsonArray pair = a.at(i).toArray();
            if (!a.at(i).isArray() || pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString()) {
                fail(QStringLiteral("%1[%2]").arg(childPath(path, key)).arg(i),
                     QStringLiteral("expected [name, value] strings"));
                return out;
            }
            // Header bytes are Latin-1 on the wire (RFC 9110 §5.5); the writer used fromLatin1.
            out.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
        }
        return out;
    }

    SentRequest request(const QJsonObject &o, const QString &path)
    {
        SentRequest r;
        r.method = string(o, path, "method", true).toLatin1();
        r.target = string(o, path, "target").toLatin1();
        r.version = version(o, path);
        r.headers = headers(o, path);
        r.bodyBytes = byteCount(o, path, "body_bytes", 0);
        r.bodySentBytes = byteCount(o, path, "body_sent_bytes", 0);
        // Absent in hand-written files: the header it stands for says the same.
        const QJsonValue expect = field(o, path, "expect_100", QJsonValue::Bool);
        r.expectSent = expect.isBool() ? expect.toBool()
                                       : headerValue(r.headers, "expect").value_or(QByteArray())
                                                 .trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;
        return r;
    }

    TlsInfo tls(const QJsonObject &t, const QString &path)
    {
        TlsInfo tls;
        tls.version = string(t, path, "version");
        tls.cipher = string(t, path, "cipher");
        tls.peerSubject = string(t, path, "peer_subject");
        tls.peerIssuer = string(t, path, "peer_issuer");
        tls.peerExpiry = QDateTime::fromString(string(t, path, "peer_expiry"), Qt::ISODate);
        tls.verified = boolean(t, path, "verified");
        const QJsonArray errors = field(t, path, "verification_errors", QJsonValue::Array).toArray();
        for (const QJsonValue &e : errors)
            tls.verificationErrors << e.toString();
        return tls;
    }

    ConnectionInfo connection(const QJsonObject &o, const QString &path)
    {
        ConnectionInfo c;
        c.remote = string(o, path, "remote");
        c.reused = boolean(o, path, "reused");
        c.viaProxy = boolean(o, path, "via_proxy");
        const QJsonValue tlsValue = field(o, path, "tls", QJsonValue::Object);
        if (tlsValue.isObject())
            c.tls = tls(tlsValue.toObject(), childPath(path, "tls"));
        return c;
    }

    // An event of a type this build does not know (a newer writer) is skipped with a warning:
    // the rest of the timeline is still worth showing.
    QList<Event> events(const QJsonObject &o, const QString &path)
    {
        QList<Event> out;
        const QJsonArray a = field(o, path, "events", QJsonValue::Array).toArray();
        for (int i = 0; i < a.size() && !failed(); ++i) {
            const QString p = QStringLiteral("%1[%2]").arg(childPath(path, "events")).arg(i);
            if (!a.at(i).isObject()) {
                fail(p, QStringLiteral("expected an object"));
                break;
            }
            const QJsonObject e = a.at(i).toObject();
            const QString type = string(e, p, "type", true);
            const std::optional<EventType> t = eventTypeFromString(type);
            if (!t) {
                if (!failed())
                    warnings << QStringLiteral("%1: unknown event type \"%2\" skipped").arg(p, type);
                continue;
            }
            Event ev;
            ev.type = *t;
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
            const QString p = QStringLiteral("%1[%2]").arg(childPath(path, "interim")).arg(i);
            if (!a.at(i).isObject()) {
                fail(p, QStringLiteral("expected an object"));
                break;
            }
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
        const QString p = childPath(path, "response");
        Response resp;
        resp.status = statusCode(r, p, "status", true);
        resp.reason = string(r, p, "reason").toLatin1();
        resp.version = version(r, p);
        resp.headers = headers(r, p);
        resp.trailers = headers(r, p, "trailers");
        resp.bodyBytes = byteCount(r, p, "body_bytes", 0);
        resp.bodyComplete = boolean(r, p, "body_complete");
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
        const QString p = childPath(path, "error");
        const QString kind = string(e, p, "kind", true);
        const auto k = enumFromString(kind, {ErrorKind::Dns, ErrorKind::Connect, ErrorKind::Tls, ErrorKind::Timeout,
                                             ErrorKind::Protocol, ErrorKind::Io, ErrorKind::Cancelled,
                                             ErrorKind::Proxy});
        if (!k && !failed())
            fail(childPath(p, "kind"), QStringLiteral("unknown error kind \"%1\"").arg(kind));
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
                fail(childPath(path, "reason"), QStringLiteral("unknown attempt reason \"%1\"").arg(reason));
            a.reason = r.value_or(AttemptReason::Initial);
        }
        const QString url = string(o, path, "url");
        a.url = url.isEmpty() ? exchangeUrl : QUrl(url);
        const QJsonValue request = field(o, path, "request", QJsonValue::Object, true);
        if (request.isObject())
            a.request = this->request(request.toObject(), childPath(path, "request"));
        const QJsonValue conn = field(o, path, "connection", QJsonValue::Object);
        if (conn.isObject())
            a.connection = connection(conn.toObject(), childPath(path, "connection"));
        a.events = events(o, path);
        a.interim = interim(o, path);
        a.response = response(o, path);
        a.error = transportError(o, path);
        if (o.value(QStringLiteral("started_ms")).isDouble())
            a.beganNs = timeNs(o, path, "started_ms");
        return a;
    }

    void exchange(const QJsonObject &root, Exchange &x)
    {
        x.url = QUrl(string(root, {}, "url"));
        const QString started = string(root, {}, "started_at");
        x.startedAt = started.isEmpty() ? QDateTime() : QDateTime::fromString(started, Qt::ISODateWithMs);
        x.startNs = 0;
        x.insecure = boolean(root, {}, "insecure"); // absent in files older than the field: verified
        const QJsonArray attempts = field(root, {}, "attempts", QJsonValue::Array, true).toArray();
        for (int i = 0; i < attempts.size() && !failed(); ++i) {
            const QString path = QStringLiteral("attempts[%1]").arg(i);
            if (!attempts.at(i).isObject()) {
                fail(path, QStringLiteral("expected an object"));
                break;
            }
            x.attempts << attempt(attempts.at(i).toObject(), path, x.url);
        }
        if (!failed() && x.attempts.isEmpty())
            fail(QStringLiteral("attempts"), QStringLiteral("empty: an exchange has at least one attempt"));
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
        return failure(ExchangeReadStatus::NotExchange, QStringLiteral("expected an object with \"attempts\""),
                       QStringLiteral("$"));
    Reader reader;
    ExchangeReadResult result;
    reader.exchange(doc.object(), result.exchange);
    if (reader.failed())
        return failure(ExchangeReadStatus::NotExchange, reader.error, reader.errorPath);
    result.warnings = reader.warnings;
    return result;
}

ExchangeReadResult readExchangeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(ExchangeReadStatus::FileError, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxExchangeFileBytes)
        return failure(ExchangeReadStatus::FileError,
                       QStringLiteral("%1 is %2 bytes; a saved exchange is at most %3").arg(path).arg(file.size())
                           .arg(kMaxExchangeFileBytes));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return failure(ExchangeReadStatus::FileError, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return readExchangeJson(bytes);
}

} // namespace statusscope::http
