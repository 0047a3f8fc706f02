// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/w3c_parser.h"

#include "core/logs/field_splitter.h"
#include "core/logs/log_time.h"

namespace statusscope::logs {

namespace {

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

} // namespace

QString W3cParser::formatName() const
{
    return m_cloudFront ? QStringLiteral("cloudfront") : QStringLiteral("w3c");
}

void W3cParser::readFields(std::string_view names)
{
    std::vector<std::string_view> fields;
    splitFields(names, fields);
    m_fieldCount = static_cast<int>(fields.size());
    m_date = m_time = m_client = m_method = m_stem = m_uri = -1;
    m_status = m_bytes = m_taken = m_userAgent = -1;
    m_takenIsMs = false;
    ++m_fieldsChanges;
    for (int i = 0; i < m_fieldCount; ++i) {
        const std::string_view f = fields[static_cast<size_t>(i)];
        if (equalsNoCase(f, "date") || (equalsNoCase(f, "date-local") && m_date < 0))
            m_date = i;
        else if (equalsNoCase(f, "time") || (equalsNoCase(f, "time-local") && m_time < 0))
            m_time = i;
        else if (equalsNoCase(f, "c-ip"))
            m_client = i;
        else if (equalsNoCase(f, "cs-method"))
            m_method = i;
        else if (equalsNoCase(f, "cs-uri-stem"))
            m_stem = i;
        else if (equalsNoCase(f, "cs-uri"))
            m_uri = i;
        else if (equalsNoCase(f, "sc-status"))
            m_status = i;
        else if (equalsNoCase(f, "sc-bytes") || equalsNoCase(f, "bytes"))
            m_bytes = i;
        else if (equalsNoCase(f, "time-taken"))
            m_taken = i;
        else if (equalsNoCase(f, "TimeTakenMS")) {
            m_taken = i;
            m_takenIsMs = true;
        } else if (equalsNoCase(f, "cs(User-Agent)"))
            m_userAgent = i;
        else if (equalsNoCase(f, "x-edge-location"))
            m_cloudFront = true;
    }
}

ParseResult W3cParser::parse(std::string_view line, LogRecord &record)
{
    record = LogRecord();
    if (!line.empty() && line.front() == '#') {
        const size_t colon = line.find(':');
        const std::string_view name = line.substr(1, colon == std::string_view::npos ? 0 : colon - 1);
        const std::string_view value = colon == std::string_view::npos ? std::string_view()
                                                                        : trimmed(line.substr(colon + 1));
        if (name == "Fields")
            readFields(value);
        else if (name == "GMT-Offset")
            parseZone(value, m_defaultOffset);
        else if (name == "Date" || name == "Start-Date")
            m_defaultDate = std::string(value.substr(0, 10));
        return ParseResult::meta();
    }
    if (m_fieldCount == 0 || m_status < 0 || m_time < 0)
        return ParseResult::skip(SkipReason::OtherFormat);
    if (!splitFields(line, m_values, line.find('\t') != std::string_view::npos))
        return ParseResult::skip(SkipReason::Truncated);
    if (static_cast<int>(m_values.size()) < m_fieldCount)
        return ParseResult::skip(SkipReason::Truncated);
    if (static_cast<int>(m_values.size()) > m_fieldCount)
        return ParseResult::skip(SkipReason::OtherFormat);
    auto value = [this](int index) { return index < 0 ? std::string_view() : m_values[static_cast<size_t>(index)]; };

    m_timeBuffer.assign(m_date >= 0 ? value(m_date) : std::string_view(m_defaultDate));
    m_timeBuffer += ' ';
    m_timeBuffer.append(value(m_time));
    if (!parseIsoTime(m_timeBuffer, record.timeMs, record.tzOffsetMinutes, m_defaultOffset))
        return ParseResult::skip(SkipReason::BadTime);
    qint64 status = 0;
    const std::string_view statusText = value(m_status);
    if (statusText.size() != 3 || !parseUnsigned(statusText, status) || status < 100 || status > 599)
        return ParseResult::skip(SkipReason::BadStatus);
    record.status = static_cast<int>(status);
    record.client = value(m_client);
    record.method = value(m_method);
    record.path = pathOfTarget(m_stem >= 0 ? value(m_stem) : value(m_uri));
    record.userAgent = value(m_userAgent);
    qint64 bytes = 0;
    if (m_bytes >= 0 && parseUnsigned(value(m_bytes), bytes))
        record.bytes = bytes;
    double taken = 0;
    const std::string_view takenText = value(m_taken);
    if (m_taken >= 0 && parseDecimal(takenText, taken)) {
        // IIS writes milliseconds; CloudFront writes seconds with a fraction.
        const bool seconds = !m_takenIsMs && takenText.find('.') != std::string_view::npos;
        record.durationMs = seconds ? taken * 1000.0 : taken;
    }
    return ParseResult::record();
}

} // namespace statusscope::logs
