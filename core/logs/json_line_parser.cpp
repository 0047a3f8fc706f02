// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/json_line_parser.h"

#include "core/logs/log_time.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <cmath>

namespace statusscope::logs {

namespace {

bool present(const QJsonValue &value)
{
    return !value.isUndefined() && !value.isNull() && !(value.isString() && value.toString().isEmpty());
}

template<typename Keys>
QJsonValue firstOf(const QJsonObject &object, const Keys &keys)
{
    for (const QLatin1String &key : keys) {
        const auto it = object.constFind(key);
        if (it != object.constEnd() && present(*it))
            return *it;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue firstOf(const QJsonObject &object, std::initializer_list<QLatin1String> keys)
{
    return firstOf<std::initializer_list<QLatin1String>>(object, keys);
}

// The first of `keys` anywhere in the object, breadth first (a shallow "status" beats a
// nested one), at most 4 levels deep.
template<typename Keys>
QJsonValue findDeep(const QJsonObject &root, const Keys &keys)
{
    QList<QJsonObject> level{root};
    for (int depth = 0; depth < 4 && !level.isEmpty(); ++depth) {
        for (const QJsonObject &object : level) {
            const QJsonValue hit = firstOf(object, keys);
            if (!hit.isUndefined())
                return hit;
        }
        QList<QJsonObject> next;
        for (const QJsonObject &object : level) {
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                if (it->isObject())
                    next.push_back(it->toObject());
            }
        }
        level = std::move(next);
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue atPath(const QJsonObject &root, const QString &path)
{
    QJsonValue current(root);
    for (const QString &part : path.split(QLatin1Char('.'))) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        if (current.isArray() && isIndex)
            current = current.toArray().at(index);
        else if (current.isObject())
            current = current.toObject().value(part);
        else
            return QJsonValue(QJsonValue::Undefined);
    }
    return present(current) ? current : QJsonValue(QJsonValue::Undefined);
}

bool toNumber(const QJsonValue &value, double &number)
{
    if (value.isDouble()) {
        number = value.toDouble();
        return true;
    }
    if (!value.isString())
        return false;
    QByteArray text = value.toString().toLatin1();
    if (text.endsWith('s') && !text.endsWith("ms")) // Cloud Logging durations: "0.012345s"
        text.chop(1);
    return parseDecimal(std::string_view(text.constData(), static_cast<size_t>(text.size())), number);
}

// A number of seconds, milliseconds, microseconds or nanoseconds since the epoch, told
// apart by size (Cloudflare's unixnano, JavaScript's ms, Caddy's float seconds).
qint64 epochToMs(double value)
{
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e17)
        return static_cast<qint64>(value / 1e6);
    if (magnitude >= 1e14)
        return static_cast<qint64>(value / 1e3);
    if (magnitude >= 1e11)
        return static_cast<qint64>(value);
    return static_cast<qint64>(std::llround(value * 1000.0));
}

bool parseTimeValue(const QJsonValue &time, LogRecord &record)
{
    if (time.isDouble()) {
        record.timeMs = epochToMs(time.toDouble());
        return true;
    }
    if (!time.isString())
        return false;
    const QByteArray text = time.toString().toLatin1();
    const std::string_view view(text.constData(), static_cast<size_t>(text.size()));
    if (parseIsoTime(view, record.timeMs, record.tzOffsetMinutes) || parseClfTime(view, record.timeMs, record.tzOffsetMinutes))
        return true;
    double number = 0;
    if (parseDecimal(view, number)) {
        record.timeMs = epochToMs(number);
        return true;
    }
    return false;
}

std::string_view store(std::string &buffer, const QJsonValue &value)
{
    if (value.isArray()) // Caddy's headers: {"User-Agent": ["…"]}
        return store(buffer, value.toArray().at(0));
    buffer = value.isString() ? value.toString().toStdString() : std::string();
    return buffer;
}

// The common key names per role, most specific first.
using L = QLatin1String;
const std::array<QLatin1String, 8> kStatusKeys{L("status"), L("status_code"), L("statusCode"), L("http_status"),
                                               L("response_status"), L("sc-status"), L("elb_status_code"),
                                               L("EdgeResponseStatus")};
const std::array<QLatin1String, 10> kTimeKeys{L("time_iso8601"), L("timestamp"), L("@timestamp"), L("time"),
                                              L("ts"), L("datetime"), L("start_time"), L("msec"),
                                              L("EdgeStartTimestamp"), L("date")};
const std::array<QLatin1String, 6> kMethodKeys{L("request_method"), L("method"), L("requestMethod"),
                                               L("http_method"), L("verb"), L("ClientRequestMethod")};
const std::array<QLatin1String, 8> kPathKeys{L("request_uri"), L("uri"), L("path"), L("requestUrl"),
                                             L("request_url"), L("url"), L("ClientRequestURI"), L("target")};
const std::array<QLatin1String, 6> kClientKeys{L("remote_addr"), L("client_ip"), L("remote_ip"), L("remoteIp"),
                                               L("ClientIP"), L("client")};
const std::array<QLatin1String, 5> kAgentKeys{L("http_user_agent"), L("user_agent"), L("userAgent"),
                                              L("User-Agent"), L("ClientRequestUserAgent")};
const std::array<QLatin1String, 6> kBytesKeys{L("body_bytes_sent"), L("bytes_sent"), L("size"), L("responseSize"),
                                              L("EdgeResponseBytes"), L("bytes")};
const std::array<QLatin1String, 1> kDurationMsKeys{L("duration_ms")};

} // namespace

QStringList jsonFieldRoles()
{
    return {QStringLiteral("status"), QStringLiteral("time"),  QStringLiteral("method"),
            QStringLiteral("path"),   QStringLiteral("client"), QStringLiteral("user_agent"),
            QStringLiteral("bytes"),  QStringLiteral("duration")};
}

JsonLineParser::JsonLineParser(JsonFieldPaths paths)
    : m_paths(std::move(paths))
{
}

QString JsonLineParser::formatName() const
{
    switch (m_seen) {
    case Shape::Caddy:
        return QStringLiteral("caddy");
    case Shape::Gcp:
        return QStringLiteral("gcp-lb");
    case Shape::Cloudflare:
        return QStringLiteral("cloudflare");
    case Shape::Generic:
        break;
    }
    return QStringLiteral("json");
}

double JsonLineParser::matchProgress(std::string_view line)
{
    LogRecord record;
    if (parse(line, record).outcome == ParseOutcome::Record)
        return 1.0;
    // A JSON object whose status or time was not found is as close as a line can come
    // (closer than any text format's 0.9): --json-field names them.
    if (line.empty() || line.front() != '{')
        return 0.0;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(line.data(), static_cast<qsizetype>(line.size())), &error);
    return error.error == QJsonParseError::NoError && document.isObject() ? 0.95 : 0.3;
}

ParseResult JsonLineParser::parse(std::string_view line, LogRecord &record)
{
    record = LogRecord();
    if (line.empty() || line.front() != '{')
        return ParseResult::skip(SkipReason::OtherFormat);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(line.data(), static_cast<qsizetype>(line.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const bool ranOut = error.error == QJsonParseError::UnterminatedObject
                            || error.error == QJsonParseError::UnterminatedString
                            || error.error == QJsonParseError::UnterminatedArray
                            || error.offset >= static_cast<int>(line.size()) - 1;
        return ParseResult::skip(ranOut ? SkipReason::Truncated : SkipReason::OtherFormat);
    }
    const QJsonObject object = document.object();

    // Specific shapes first: their keys are unambiguous.
    QJsonValue status, time, method, target, client, agent, bytes;
    double durationMs = -1.0;
    double number = 0;
    const QJsonObject httpRequest = object.value(QLatin1String("httpRequest")).toObject();
    const QJsonObject request = object.value(QLatin1String("request")).toObject();
    Shape shape = Shape::Generic;
    if (object.value(QLatin1String("logger")).toString().startsWith(QLatin1String("http.log.access"))) {
        shape = Shape::Caddy;
        method = request.value(QLatin1String("method"));
        target = request.value(QLatin1String("uri"));
        client = firstOf(request, {QLatin1String("client_ip"), QLatin1String("remote_ip")});
        agent = request.value(QLatin1String("headers")).toObject().value(QLatin1String("User-Agent"));
        if (toNumber(object.value(QLatin1String("duration")), number))
            durationMs = number * 1000.0; // seconds since Caddy 2.5
    } else if (!httpRequest.isEmpty() && httpRequest.contains(QLatin1String("status"))) {
        shape = Shape::Gcp;
        status = httpRequest.value(QLatin1String("status"));
        time = firstOf(object, {QLatin1String("timestamp"), QLatin1String("receiveTimestamp")});
        method = httpRequest.value(QLatin1String("requestMethod"));
        target = httpRequest.value(QLatin1String("requestUrl"));
        client = httpRequest.value(QLatin1String("remoteIp"));
        agent = httpRequest.value(QLatin1String("userAgent"));
        bytes = httpRequest.value(QLatin1String("responseSize"));
        if (toNumber(httpRequest.value(QLatin1String("latency")), number))
            durationMs = number * 1000.0;
    } else if (object.contains(QLatin1String("EdgeResponseStatus"))) {
        shape = Shape::Cloudflare;
        status = object.value(QLatin1String("EdgeResponseStatus"));
        time = firstOf(object, {QLatin1String("EdgeStartTimestamp"), QLatin1String("EdgeEndTimestamp")});
        method = object.value(QLatin1String("ClientRequestMethod"));
        target = object.value(QLatin1String("ClientRequestURI"));
        client = object.value(QLatin1String("ClientIP"));
        agent = object.value(QLatin1String("ClientRequestUserAgent"));
        bytes = object.value(QLatin1String("EdgeResponseBytes"));
        LogRecord start, end;
        if (parseTimeValue(object.value(QLatin1String("EdgeStartTimestamp")), start)
            && parseTimeValue(object.value(QLatin1String("EdgeEndTimestamp")), end) && end.timeMs >= start.timeMs)
            durationMs = double(end.timeMs - start.timeMs);
    }
    if (!present(status))
        status = findDeep(object, kStatusKeys);
    if (!present(time))
        time = findDeep(object, kTimeKeys);
    if (!present(method))
        method = findDeep(object, kMethodKeys);
    if (!present(target))
        target = findDeep(object, kPathKeys);
    if (!present(client))
        client = findDeep(object, kClientKeys);
    if (!present(agent))
        agent = findDeep(object, kAgentKeys);
    if (!present(bytes))
        bytes = findDeep(object, kBytesKeys);
    if (durationMs < 0) {
        if (toNumber(firstOf(object, {QLatin1String("request_time"), QLatin1String("duration")}), number))
            durationMs = number * 1000.0; // nginx's $request_time and Caddy's duration are seconds
        else if (toNumber(findDeep(object, kDurationMsKeys), number))
            durationMs = number;
    }
    // --json-field paths win.
    for (auto it = m_paths.cbegin(); it != m_paths.cend(); ++it) {
        const QJsonValue value = atPath(object, it.value());
        const QString &role = it.key();
        if (role == QLatin1String("status"))
            status = value;
        else if (role == QLatin1String("time"))
            time = value;
        else if (role == QLatin1String("method"))
            method = value;
        else if (role == QLatin1String("path"))
            target = value;
        else if (role == QLatin1String("client"))
            client = value;
        else if (role == QLatin1String("user_agent"))
            agent = value;
        else if (role == QLatin1String("bytes"))
            bytes = value;
        else if (role == QLatin1String("duration"))
            durationMs = toNumber(value, number) ? number * 1000.0 : -1.0;
    }

    if (!present(status) && !present(time))
        return ParseResult::skip(SkipReason::OtherFormat);
    if (!parseTimeValue(time, record))
        return ParseResult::skip(SkipReason::BadTime);
    double statusNumber = 0;
    if (!toNumber(status, statusNumber) || statusNumber < 100 || statusNumber > 599
        || statusNumber != static_cast<int>(statusNumber))
        return ParseResult::skip(SkipReason::BadStatus);
    record.status = static_cast<int>(statusNumber);
    if (m_seen == Shape::Generic)
        m_seen = shape;

    // "request": "GET /p HTTP/1.1" (nginx's $request) when no method key is there.
    const QJsonValue requestLine = object.value(QLatin1String("request"));
    if (!present(method) && requestLine.isString()) {
        const std::string_view requestText = store(m_path, requestLine);
        splitRequestLine(requestText, record);
        m_method.assign(record.method);
        record.method = m_method;
        target = QJsonValue(QJsonValue::Undefined);
    } else {
        record.method = store(m_method, method);
        if (present(target))
            record.path = pathOfTarget(store(m_path, target));
    }
    record.client = store(m_client, client);
    record.userAgent = store(m_userAgent, agent);
    if (toNumber(bytes, number))
        record.bytes = static_cast<qint64>(number);
    record.durationMs = durationMs;
    return ParseResult::record(record.method.empty() || record.path.empty() ? deviationBit(Deviation::FieldMissing) : 0);
}

} // namespace statusscope::logs
