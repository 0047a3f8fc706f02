// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/line_wrapper.h"

#include <array>
#include <cctype>

namespace statusscope::logs {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "ESC [ … letter": the colour codes `docker compose logs` writes on a terminal.
size_t skipAnsi(std::string_view s, size_t pos)
{
    while (pos + 1 < s.size() && s[pos] == '\x1b' && s[pos + 1] == '[') {
        size_t i = pos + 2;
        while (i < s.size() && (isDigit(s[i]) || s[i] == ';'))
            ++i;
        if (i >= s.size())
            return pos;
        pos = i + 1;
    }
    return pos;
}

// An RFC 3339 timestamp such as "2024-05-13T10:00:00.123456789Z" or "…+02:00" at pos; its end.
size_t rfc3339End(std::string_view s, size_t pos)
{
    if (s.size() < pos + 20 || !isDigit(s[pos]) || s[pos + 4] != '-' || s[pos + 7] != '-' || s[pos + 10] != 'T'
        || s[pos + 13] != ':' || s[pos + 16] != ':')
        return std::string_view::npos;
    size_t i = pos + 19;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
    }
    if (i < s.size() && s[i] == 'Z')
        return i + 1;
    if (i + 6 <= s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':')
        return i + 6;
    return std::string_view::npos;
}

bool unwrapDocker(std::string_view s, std::string_view &payload)
{
    size_t i = skipAnsi(s, 0);
    const size_t nameStart = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '-' || s[i] == '.'))
        ++i;
    if (i == nameStart || i >= s.size() || s[i] != ' ')
        return false;
    while (i < s.size() && s[i] == ' ')
        ++i;
    if (i >= s.size() || s[i] != '|')
        return false;
    i = skipAnsi(s, i + 1);
    if (i < s.size() && s[i] == ' ')
        ++i;
    // `docker compose logs -t` puts the container's timestamp first.
    const size_t stamp = rfc3339End(s, i);
    if (stamp != std::string_view::npos && stamp < s.size() && s[stamp] == ' ')
        i = stamp + 1;
    payload = s.substr(i);
    return true;
}

bool unwrapKubectl(std::string_view s, std::string_view &payload)
{
    if (s.size() < 6 || s[0] != '[')
        return false;
    const size_t close = s.find("] ");
    if (close == std::string_view::npos)
        return false;
    const std::string_view inside = s.substr(1, close - 1);
    // pod/NAME/CONTAINER (or another kind: deployment/…): no spaces, two slashes.
    if (inside.find(' ') != std::string_view::npos || inside.find('/') == std::string_view::npos
        || inside.find('/') == inside.rfind('/'))
        return false;
    payload = s.substr(close + 2);
    return true;
}

bool unwrapCri(std::string_view s, std::string_view &payload, bool &partial)
{
    const size_t stamp = rfc3339End(s, 0);
    if (stamp == std::string_view::npos || stamp >= s.size() || s[stamp] != ' ')
        return false;
    std::string_view rest = s.substr(stamp + 1);
    if (rest.substr(0, 7) == "stdout " || rest.substr(0, 7) == "stderr ")
        rest.remove_prefix(7);
    else
        return false;
    // The tag: "F" (full) or "P" (partial), possibly followed by more ':'-separated tags.
    const size_t space = rest.find(' ');
    const std::string_view tag = rest.substr(0, space);
    if (tag.empty() || (tag[0] != 'F' && tag[0] != 'P') || (tag.size() > 1 && tag[1] != ':'))
        return false;
    partial = tag[0] == 'P';
    payload = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    return true;
}

// "<PRI>" at the start; its end (0 when there is none).
size_t priEnd(std::string_view s)
{
    if (s.empty() || s[0] != '<')
        return 0;
    size_t i = 1;
    while (i < s.size() && i <= 4 && isDigit(s[i]))
        ++i;
    return i > 1 && i < s.size() && s[i] == '>' ? i + 1 : 0;
}

size_t tokenEnd(std::string_view s, size_t pos)
{
    const size_t space = s.find(' ', pos);
    return space == std::string_view::npos ? s.size() : space;
}

bool unwrapSyslog3164(std::string_view s, std::string_view &payload)
{
    size_t i = priEnd(s);
    static constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    bool month = false;
    for (std::string_view m : kMonths)
        month = month || s.substr(i, 3) == m;
    if (month) {
        // "Mmm dd hh:mm:ss " with the day padded by a space ("Dec  2").
        if (s.size() < i + 16 || s[i + 3] != ' ' || s[i + 6] != ' ' || s[i + 9] != ':' || s[i + 12] != ':'
            || s[i + 15] != ' ')
            return false;
        i += 16;
    } else {
        // rsyslog's high-precision file format puts an RFC 3339 time there.
        const size_t stamp = rfc3339End(s, i);
        if (stamp == std::string_view::npos || stamp >= s.size() || s[stamp] != ' ')
            return false;
        i = stamp + 1;
    }
    const size_t hostEnd = tokenEnd(s, i);
    if (hostEnd == i || hostEnd >= s.size())
        return false;
    i = hostEnd + 1;
    // TAG ("nginx", "haproxy[7]") then ": ".
    const size_t tagStart = i;
    while (i < s.size() && i - tagStart <= 64 && s[i] != ':' && s[i] != ' ')
        ++i;
    if (i == tagStart || i + 1 >= s.size() || s[i] != ':' || s[i + 1] != ' ')
        return false;
    payload = s.substr(i + 2);
    return true;
}

bool unwrapSyslog5424(std::string_view s, std::string_view &payload)
{
    size_t i = priEnd(s);
    if (i == 0 || s.substr(i, 2) != "1 ")
        return false;
    i += 2;
    for (int field = 0; field < 5; ++field) { // TIMESTAMP HOSTNAME APP-NAME PROCID MSGID
        const size_t end = tokenEnd(s, i);
        if (end == i || end >= s.size())
            return false;
        i = end + 1;
    }
    if (i >= s.size())
        return false;
    if (s[i] == '-') {
        ++i;
    } else {
        // One or more "[id key="value" …]" elements; inside values, \] and \" are escaped.
        while (i < s.size() && s[i] == '[') {
            bool inValue = false;
            ++i;
            while (i < s.size() && (inValue || s[i] != ']')) {
                if (s[i] == '\\' && i + 1 < s.size())
                    ++i;
                else if (s[i] == '"')
                    inValue = !inValue;
                ++i;
            }
            if (i >= s.size())
                return false;
            ++i;
        }
    }
    if (i < s.size()) {
        if (s[i] != ' ')
            return false;
        ++i;
    }
    std::string_view message = s.substr(i);
    if (message.substr(0, 3) == "\xEF\xBB\xBF") // RFC 5424 §6.4: a UTF-8 message may start with a BOM
        message.remove_prefix(3);
    payload = message;
    return true;
}

} // namespace

QString toString(Wrapper wrapper)
{
    switch (wrapper) {
    case Wrapper::None:
        return {};
    case Wrapper::DockerCompose:
        return QStringLiteral("docker-compose");
    case Wrapper::Kubectl:
        return QStringLiteral("kubectl");
    case Wrapper::Cri:
        return QStringLiteral("cri");
    case Wrapper::Syslog3164:
        return QStringLiteral("syslog-rfc3164");
    case Wrapper::Syslog5424:
        return QStringLiteral("syslog-rfc5424");
    }
    return {};
}

bool unwrapLine(Wrapper wrapper, std::string_view line, std::string_view &payload, bool &partial)
{
    partial = false;
    switch (wrapper) {
    case Wrapper::None:
        payload = line;
        return true;
    case Wrapper::DockerCompose:
        return unwrapDocker(line, payload);
    case Wrapper::Kubectl:
        return unwrapKubectl(line, payload);
    case Wrapper::Cri:
        return unwrapCri(line, payload, partial);
    case Wrapper::Syslog3164:
        return unwrapSyslog3164(line, payload);
    case Wrapper::Syslog5424:
        return unwrapSyslog5424(line, payload);
    }
    return false;
}

Wrapper detectWrapper(const std::vector<std::string_view> &lines)
{
    // Most specific first: a CRI or RFC 5424 line would not pass for the looser shapes anyway,
    // but on a tie the earlier one wins.
    static constexpr std::array<Wrapper, 5> kOrder{Wrapper::Cri, Wrapper::Syslog5424, Wrapper::Kubectl,
                                                   Wrapper::Syslog3164, Wrapper::DockerCompose};
    int nonBlank = 0;
    std::array<int, kOrder.size()> hits{};
    for (std::string_view line : lines) {
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        ++nonBlank;
        for (size_t k = 0; k < kOrder.size(); ++k) {
            std::string_view payload;
            bool partial = false;
            if (unwrapLine(kOrder[k], line, payload, partial))
                ++hits[k];
        }
    }
    Wrapper best = Wrapper::None;
    int bestHits = 0;
    for (size_t k = 0; k < kOrder.size(); ++k) {
        if (hits[k] > bestHits) {
            bestHits = hits[k];
            best = kOrder[k];
        }
    }
    return bestHits > 0 && bestHits * 2 >= nonBlank ? best : Wrapper::None;
}

WrappedParser::WrappedParser(std::unique_ptr<LineParser> inner, Wrapper wrapper)
    : m_inner(std::move(inner))
    , m_wrapper(wrapper)
{
}

WrappedParser::WrappedParser(const WrappedParser &other)
    : LineParser(other)
    , m_inner(other.m_inner->clone())
    , m_wrapper(other.m_wrapper)
{
}

std::unique_ptr<LineParser> WrappedParser::clone() const
{
    return std::make_unique<WrappedParser>(*this);
}

ParseResult WrappedParser::parse(std::string_view line, LogRecord &record)
{
    if (m_joinedUsed) {
        m_joined.clear();
        m_joinedUsed = false;
    }
    std::string_view payload;
    bool partial = false;
    if (!unwrapLine(m_wrapper, line, payload, partial)) {
        ParseResult result = m_inner->parse(line, record);
        if (result.outcome == ParseOutcome::Record)
            result.deviations |= deviationBit(Deviation::NoWrapper);
        return result;
    }
    if (partial) {
        if (m_joined.size() + payload.size() > kMaxJoinedBytes)
            m_overflow = true;
        else
            m_joined.append(payload);
        return ParseResult::meta();
    }
    if (m_joined.empty() && !m_overflow)
        return m_inner->parse(payload, record);
    if (m_overflow) {
        m_overflow = false;
        m_joined.clear();
        return ParseResult::skip(SkipReason::TooLong);
    }
    m_joined.append(payload);
    m_joinedUsed = true;
    ParseResult result = m_inner->parse(m_joined, record);
    if (result.outcome == ParseOutcome::Record)
        result.deviations |= deviationBit(Deviation::PartialJoined);
    return result;
}

} // namespace statusscope::logs
