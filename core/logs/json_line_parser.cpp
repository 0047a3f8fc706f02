#include "core/logs/json_line_parser.h"

#include "core/logs/log_time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace statusscope::logs {

namespace {

QJsonValue firstOf(const QJsonObject &object, std::initializer_list<QLatin1String> keys)
{
    for (const QLatin1String &key : keys) {
        const auto it = object.constFind(key);
        if (it != object.constEnd() && !it->isNull() && !(it->isString() && it->toString().isEmpty()))
            return *it;
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool toNumber(const QJsonValue &value, double &number)
{
    if (value.isDouble()) {
        number = value.toDouble();
        return true;
    }
    if (!value.isString())
        return false;
    const QByteArray text = value.toString().toLatin1();
    return parseDecimal(std::string_view(text.constData(), static_cast<size_t>(text.size())), number);
}

std::string_view store(std::string &buffer, const QJsonValue &value)
{
    buffer = value.isString() ? value.toString().toStdString() : std::string();
    return buffer;
}

} // namespace

QString JsonLineParser::formatName() const
{
    return m_caddy ? QStringLiteral("caddy") : QStringLiteral("json");
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
    const QJsonObject request = object.value(QLatin1String("request")).toObject();
    m_caddy = m_caddy || object.value(QLatin1String("logger")).toString().startsWith(QLatin1String("http.log.access"));

    const QJsonValue status = firstOf(object, {QLatin1String("status"), QLatin1String("status_code"),
                                               QLatin1String("sc-status")});
    const QJsonValue time = firstOf(object, {QLatin1String("time_iso8601"), QLatin1String("time"),
                                             QLatin1String("timestamp"), QLatin1String("@timestamp"),
                                             QLatin1String("ts"), QLatin1String("msec")});
    if (status.isUndefined() && time.isUndefined())
        return ParseResult::skip(SkipReason::OtherFormat);
    if (time.isDouble()) {
        record.timeMs = static_cast<qint64>(time.toDouble() * 1000.0);
    } else {
        const QByteArray text = time.toString().toLatin1();
        const std::string_view view(text.constData(), static_cast<size_t>(text.size()));
        if (!parseIsoTime(view, record.timeMs, record.tzOffsetMinutes) && !parseClfTime(view, record.timeMs, record.tzOffsetMinutes)
            && !parseEpochSeconds(view, record.timeMs))
            return ParseResult::skip(SkipReason::BadTime);
    }
    double statusNumber = 0;
    if (!toNumber(status, statusNumber) || statusNumber < 100 || statusNumber > 599
        || statusNumber != static_cast<int>(statusNumber))
        return ParseResult::skip(SkipReason::BadStatus);
    record.status = static_cast<int>(statusNumber);

    QJsonValue method = firstOf(object, {QLatin1String("request_method"), QLatin1String("method")});
    if (method.isUndefined())
        method = request.value(QLatin1String("method"));
    record.method = store(m_method, method);
    QJsonValue target = firstOf(object, {QLatin1String("request_uri"), QLatin1String("uri"), QLatin1String("path")});
    if (target.isUndefined())
        target = request.value(QLatin1String("uri"));
    record.path = pathOfTarget(store(m_path, target));
    QJsonValue client = firstOf(object, {QLatin1String("remote_addr"), QLatin1String("client_ip"),
                                         QLatin1String("remote_ip")});
    if (client.isUndefined())
        client = firstOf(request, {QLatin1String("client_ip"), QLatin1String("remote_ip")});
    record.client = store(m_client, client);
    QJsonValue agent = firstOf(object, {QLatin1String("http_user_agent"), QLatin1String("user_agent")});
    if (agent.isUndefined())
    {
        const QJsonArray agents = request.value(QLatin1String("headers")).toObject().value(QLatin1String("User-Agent")).toArray();
        if (!agents.isEmpty())
            agent = agents.at(0);
    }
    record.userAgent = store(m_userAgent, agent);

    double number = 0;
    if (toNumber(firstOf(object, {QLatin1String("body_bytes_sent"), QLatin1String("bytes_sent"), QLatin1String("size")}), number))
        record.bytes = static_cast<qint64>(number);
    if (toNumber(firstOf(object, {QLatin1String("request_time"), QLatin1String("duration")}), number))
        record.durationMs = number * 1000.0; // both in seconds (Caddy ≥ 2.5 logs float seconds)
    else if (toNumber(firstOf(object, {QLatin1String("duration_ms")}), number))
        record.durationMs = number;
    return ParseResult::record();
}

} // namespace statusscope::logs
