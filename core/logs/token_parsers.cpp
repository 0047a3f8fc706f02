// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/token_parsers.h"

#include "core/logs/field_splitter.h"
#include "core/logs/log_time.h"

namespace statusscope::logs {

namespace {

bool parseStatusCode(std::string_view text, int &status)
{
    qint64 v = 0;
    if (text.size() != 3 || !parseUnsigned(text, v) || v < 100 || v > 599)
        return false;
    status = static_cast<int>(v);
    return true;
}

std::string_view stripPort(std::string_view hostPort)
{
    const size_t colon = hostPort.rfind(':');
    if (colon == std::string_view::npos)
        return hostPort;
    if (!hostPort.empty() && hostPort.front() == '[') // [v6]:port
        return hostPort.substr(1, hostPort.find(']') - 1);
    if (hostPort.find(':') != colon) // a bare IPv6 address has several colons and no port
        return hostPort;
    return hostPort.substr(0, colon);
}

// HTTP log timers "TR/Tw/Tc/Tr/Ta" (HAProxy ≥ 1.9) or "Tq/Tw/Tc/Tr/Tt": five integers,
// -1 for a phase that did not happen, "+" before a total logged with `option logasap`.
bool isTimers(std::string_view text)
{
    int parts = 1;
    for (char c : text) {
        if (c == '/')
            ++parts;
        else if (!((c >= '0' && c <= '9') || c == '-' || c == '+'))
            return false;
    }
    return parts == 5;
}

std::string_view nextWord(std::string_view line, size_t &pos)
{
    while (pos < line.size() && line[pos] == ' ')
        ++pos;
    const size_t start = pos;
    while (pos < line.size() && line[pos] != ' ')
        ++pos;
    return line.substr(start, pos - start);
}

} // namespace

ParseResult HaproxyParser::parse(std::string_view line, LogRecord &record)
{
    record = LogRecord();
    // The accept date is the first " [" followed by a digit; "haproxy[7]:" has no space.
    size_t open = line.find(" [");
    while (open != std::string_view::npos && (open + 2 >= line.size() || line[open + 2] < '0' || line[open + 2] > '9'))
        open = line.find(" [", open + 1);
    if (open == std::string_view::npos)
        return ParseResult::skip(SkipReason::OtherFormat);
    const size_t close = line.find(']', open);
    if (close == std::string_view::npos)
        return ParseResult::skip(SkipReason::Truncated);
    const size_t clientStart = line.rfind(' ', open - 1);
    record.client = stripPort(line.substr(clientStart == std::string_view::npos ? 0 : clientStart + 1,
                                          open - (clientStart == std::string_view::npos ? 0 : clientStart + 1)));
    const std::string_view acceptDate = line.substr(open + 2, close - open - 2);
    if (acceptDate.find(' ') != std::string_view::npos) // a zone: Apache's %t, not HAProxy's
        return ParseResult::skip(SkipReason::OtherFormat);
    if (!parseClfTime(acceptDate, record.timeMs, record.tzOffsetMinutes))
        return ParseResult::skip(SkipReason::BadTime);

    size_t pos = close + 1;
    nextWord(line, pos);                              // frontend
    const std::string_view backend = nextWord(line, pos);
    const std::string_view timers = nextWord(line, pos);
    const std::string_view status = nextWord(line, pos);
    std::string_view bytes = nextWord(line, pos);
    if (backend.find('/') == std::string_view::npos || !isTimers(timers))
        return ParseResult::skip(backend.empty() || timers.empty() ? SkipReason::Truncated : SkipReason::OtherFormat);
    if (status.empty())
        return ParseResult::skip(SkipReason::Truncated);
    if (!parseStatusCode(status, record.status))
        return ParseResult::skip(SkipReason::BadStatus);
    if (!bytes.empty() && bytes.front() == '+') // "+" marks a size logged before the end
        bytes.remove_prefix(1);
    if (!parseUnsigned(bytes, record.bytes))
        return ParseResult::skip(bytes.empty() ? SkipReason::Truncated : SkipReason::OtherFormat);
    const std::string_view total = timers.substr(timers.rfind('/') + 1);
    double totalMs = 0;
    if (parseDecimal(total, totalMs))
        record.durationMs = totalMs;

    // The request line is the last quoted field. HAProxy truncates it at 1024 bytes but
    // keeps the closing quote only when the line is whole.
    if (line.empty() || line.back() != '"')
        return ParseResult::skip(SkipReason::Truncated);
    const size_t requestStart = line.rfind('"', line.size() - 2);
    if (requestStart == std::string_view::npos || requestStart < pos)
        return ParseResult::skip(SkipReason::Truncated);
    splitRequestLine(line.substr(requestStart + 1, line.size() - requestStart - 2), record);
    return ParseResult::record();
}

ParseResult AlbParser::parse(std::string_view line, LogRecord &record)
{
    record = LogRecord();
    if (!splitFields(line, m_fields))
        return ParseResult::skip(SkipReason::Truncated);
    if (m_fields.empty())
        return ParseResult::skip(SkipReason::Empty);
    const std::string_view type = m_fields[0];
    if (type != "http" && type != "https" && type != "h2" && type != "grpcs" && type != "ws" && type != "wss")
        return ParseResult::skip(SkipReason::OtherFormat);
    if (m_fields.size() < 14)
        return ParseResult::skip(SkipReason::Truncated);
    if (!parseIsoTime(m_fields[1], record.timeMs, record.tzOffsetMinutes))
        return ParseResult::skip(SkipReason::BadTime);
    record.client = stripPort(m_fields[3]);
    double total = -1;
    for (int i = 5; i <= 7; ++i) {
        double part = 0;
        if (parseDecimal(m_fields[static_cast<size_t>(i)], part)) // -1: not dispatched
            total = (total < 0 ? 0 : total) + part;
    }
    record.durationMs = total < 0 ? -1.0 : total * 1000.0;
    if (!parseStatusCode(m_fields[8], record.status))
        return ParseResult::skip(SkipReason::BadStatus);
    qint64 sent = 0;
    if (parseUnsigned(m_fields[11], sent))
        record.bytes = sent;
    splitRequestLine(m_fields[12], record);
    record.userAgent = m_fields[13];
    return ParseResult::record();
}

ParseResult SquidParser::parse(std::string_view line, LogRecord &record)
{
    record = LogRecord();
    if (!splitFields(line, m_fields))
        return ParseResult::skip(SkipReason::Truncated);
    if (m_fields.empty())
        return ParseResult::skip(SkipReason::Empty);
    if (m_fields.size() < 7) {
        qint64 probe = 0;
        return ParseResult::skip(parseEpochSeconds(m_fields[0], probe) ? SkipReason::Truncated
                                                                       : SkipReason::OtherFormat);
    }
    const std::string_view codeStatus = m_fields[3];
    const size_t slash = codeStatus.find('/');
    if (slash == std::string_view::npos)
        return ParseResult::skip(SkipReason::OtherFormat);
    if (!parseEpochSeconds(m_fields[0], record.timeMs))
        return ParseResult::skip(SkipReason::BadTime);
    double elapsed = 0;
    if (parseDecimal(m_fields[1], elapsed))
        record.durationMs = elapsed;
    record.client = m_fields[2];
    if (!parseStatusCode(codeStatus.substr(slash + 1), record.status))
        return ParseResult::skip(SkipReason::BadStatus);
    qint64 bytes = 0;
    if (parseUnsigned(m_fields[4], bytes))
        record.bytes = bytes;
    record.method = m_fields[5];
    record.path = pathOfTarget(m_fields[6]);
    return ParseResult::record();
}

} // namespace statusscope::logs
