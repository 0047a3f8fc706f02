// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/pattern_parser.h"

#include "core/logs/log_time.h"

#include <QRegularExpression>

#include <cstring>
#include <ostream>

namespace statusscope::logs {

QString toString(PatternField field)
{
    switch (field) {
    case PatternField::Ignore:
        return QStringLiteral("ignore");
    case PatternField::Client:
        return QStringLiteral("client");
    case PatternField::TimeBracketed:
        return QStringLiteral("time-bracketed");
    case PatternField::TimeClf:
        return QStringLiteral("time-clf");
    case PatternField::TimeIso:
        return QStringLiteral("time-iso");
    case PatternField::TimeEpoch:
        return QStringLiteral("time-epoch");
    case PatternField::Request:
        return QStringLiteral("request");
    case PatternField::Method:
        return QStringLiteral("method");
    case PatternField::Target:
        return QStringLiteral("target");
    case PatternField::Status:
        return QStringLiteral("status");
    case PatternField::Bytes:
        return QStringLiteral("bytes");
    case PatternField::UserAgent:
        return QStringLiteral("user-agent");
    case PatternField::DurationUs:
        return QStringLiteral("duration-us");
    case PatternField::DurationMs:
        return QStringLiteral("duration-ms");
    case PatternField::DurationS:
        return QStringLiteral("duration-s");
    case PatternField::UpstreamTimes:
        return QStringLiteral("upstream-times");
    }
    return QStringLiteral("unknown");
}

void PrintTo(PatternField field, std::ostream *os)
{
    *os << toString(field).toStdString();
}

namespace {

bool isTimeField(PatternField field)
{
    return field == PatternField::TimeBracketed || field == PatternField::TimeClf
           || field == PatternField::TimeIso || field == PatternField::TimeEpoch;
}

// Appends a literal, merging with a literal just before it.
void addLiteral(std::vector<PatternItem> &items, const std::string &text)
{
    if (text.empty())
        return;
    if (!items.empty() && items.back().isLiteral) {
        items.back().literal += text;
        return;
    }
    PatternItem item;
    item.isLiteral = true;
    item.literal = text;
    items.push_back(std::move(item));
}

void addField(std::vector<PatternItem> &items, PatternField field, const QString &name)
{
    PatternItem item;
    item.field = field;
    item.name = name;
    items.push_back(std::move(item));
}

// A format is usable only with a time and a status, and two fields may not touch: with no
// literal between them there is no telling where the first ends.
QString checkItems(const std::vector<PatternItem> &items)
{
    bool hasTime = false;
    bool hasStatus = false;
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].isLiteral)
            continue;
        hasTime = hasTime || isTimeField(items[i].field);
        hasStatus = hasStatus || items[i].field == PatternField::Status;
        if (i + 1 < items.size() && !items[i + 1].isLiteral)
            return QStringLiteral("fields %1 and %2 touch with no separator between them")
                .arg(items[i].name, items[i + 1].name);
    }
    if (!hasTime)
        return QStringLiteral("the format has no time field (%t, $time_local, $time_iso8601 or $msec)");
    if (!hasStatus)
        return QStringLiteral("the format has no status field (%>s or $status)");
    return {};
}

// The text inside the first quoted argument, with the config's escapes undone. Apache
// config strings use double quotes with \" inside; nginx allows '…' and "…" and
// concatenates adjacent quoted parts.
QString quotedArguments(const QString &text, bool concatenate)
{
    QString out;
    int i = 0;
    bool found = false;
    while (i < text.size()) {
        const QChar quote = text.at(i);
        if (quote != QLatin1Char('"') && quote != QLatin1Char('\'')) {
            ++i;
            continue;
        }
        found = true;
        ++i;
        while (i < text.size() && text.at(i) != quote) {
            if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size()) {
                const QChar next = text.at(i + 1);
                out += next == QLatin1Char('t') ? QLatin1Char('\t') : next;
                i += 2;
                continue;
            }
            out += text.at(i++);
        }
        ++i;
        if (!concatenate)
            break;
    }
    return found ? out : text;
}

QString stripKeyword(const QString &format, const QString &keyword)
{
    QString text = format.trimmed();
    if (!text.startsWith(keyword, Qt::CaseInsensitive))
        return {};
    return text.mid(keyword.size()).trimmed();
}

} // namespace

CompiledPattern compileApacheLogFormat(const QString &format)
{
    QString text = format.trimmed();
    const QString afterKeyword = stripKeyword(text, QStringLiteral("LogFormat"));
    if (!afterKeyword.isEmpty() || text.startsWith(QLatin1Char('"')))
        text = quotedArguments(afterKeyword.isEmpty() ? text : afterKeyword, false);

    CompiledPattern result;
    std::string literal;
    const QByteArray utf8 = text.toUtf8();
    const std::string_view s(utf8.constData(), static_cast<size_t>(utf8.size()));
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '%') {
            literal += s[i++];
            continue;
        }
        const size_t start = i++;
        if (i < s.size() && s[i] == '%') {
            literal += '%';
            ++i;
            continue;
        }
        // Modifiers: "<" / ">" (original or final request), "!" and status lists
        // ("%400,501{User-agent}i") that only blank the field for other statuses.
        while (i < s.size() && (s[i] == '<' || s[i] == '>' || s[i] == '!' || s[i] == ','
                                || (s[i] >= '0' && s[i] <= '9')))
            ++i;
        std::string argument;
        if (i < s.size() && s[i] == '{') {
            const size_t close = s.find('}', i);
            if (close == std::string_view::npos) {
                result.error = QStringLiteral("unclosed %{ at character %1").arg(start + 1);
                return result;
            }
            argument = std::string(s.substr(i + 1, close - i - 1));
            i = close + 1;
        }
        if (i >= s.size()) {
            result.error = QStringLiteral("the format ends inside a directive at character %1").arg(start + 1);
            return result;
        }
        const char letter = s[i++];
        const QString name = QString::fromUtf8(s.substr(start, i - start));
        QString lowerArgument = QString::fromStdString(argument).toLower();
        PatternField field = PatternField::Ignore;
        switch (letter) {
        case 'h':
        case 'a':
            field = PatternField::Client;
            break;
        case 't':
            if (argument.empty())
                field = PatternField::TimeBracketed;
            else if (lowerArgument == QLatin1String("sec"))
                field = PatternField::TimeEpoch;
            else if (lowerArgument.contains(QLatin1String("%y-%m-%d")) || lowerArgument.contains(QLatin1String("%f")))
                field = PatternField::TimeIso;
            else if (lowerArgument.contains(QLatin1String("%d/%b/%y")))
                field = PatternField::TimeClf;
            else {
                result.error = QStringLiteral("unsupported time format %1").arg(name);
                return result;
            }
            break;
        case 'r':
            field = PatternField::Request;
            break;
        case 'm':
            field = PatternField::Method;
            break;
        case 'U':
            field = PatternField::Target;
            break;
        case 's':
            field = PatternField::Status;
            break;
        case 'b':
        case 'B':
        case 'O':
            field = PatternField::Bytes;
            break;
        case 'D':
            field = PatternField::DurationUs;
            break;
        case 'T':
            field = lowerArgument == QLatin1String("ms")   ? PatternField::DurationMs
                    : lowerArgument == QLatin1String("us") ? PatternField::DurationUs
                                                           : PatternField::DurationS;
            break;
        case 'i':
            field = lowerArgument == QLatin1String("user-agent") ? PatternField::UserAgent
                                                                  : PatternField::Ignore;
            break;
        default:
            field = PatternField::Ignore; // %l %u %v %p %q %H … carry nothing we chart
            break;
        }
        addLiteral(result.items, literal);
        literal.clear();
        addField(result.items, field, name);
    }
    addLiteral(result.items, literal);
    result.error = checkItems(result.items);
    return result;
}

CompiledPattern compileNginxLogFormat(const QString &format)
{
    QString text = format.trimmed();
    const QString afterKeyword = stripKeyword(text, QStringLiteral("log_format"));
    if (!afterKeyword.isEmpty()) {
        // log_format name [escape=default|json|none] 'string' ...;
        QString rest = afterKeyword;
        rest = rest.mid(rest.indexOf(QLatin1Char(' ')) + 1).trimmed();
        if (rest.startsWith(QLatin1String("escape=")))
            rest = rest.mid(rest.indexOf(QLatin1Char(' ')) + 1).trimmed();
        if (rest.endsWith(QLatin1Char(';')))
            rest.chop(1);
        text = quotedArguments(rest, true);
    } else if (text.startsWith(QLatin1Char('\'')) || text.startsWith(QLatin1Char('"'))) {
        text = quotedArguments(text, true);
    }

    CompiledPattern result;
    std::string literal;
    const QByteArray utf8 = text.toUtf8();
    const std::string_view s(utf8.constData(), static_cast<size_t>(utf8.size()));
    auto isNameChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '$') {
            literal += s[i++];
            continue;
        }
        std::string variable;
        if (i + 1 < s.size() && s[i + 1] == '{') {
            const size_t close = s.find('}', i);
            if (close == std::string_view::npos) {
                result.error = QStringLiteral("unclosed ${ at character %1").arg(i + 1);
                return result;
            }
            variable = std::string(s.substr(i + 2, close - i - 2));
            i = close + 1;
        } else {
            size_t end = i + 1;
            while (end < s.size() && isNameChar(s[end]))
                ++end;
            variable = std::string(s.substr(i + 1, end - i - 1));
            if (variable.empty()) {
                literal += '$';
                ++i;
                continue;
            }
            i = end;
        }
        PatternField field = PatternField::Ignore;
        if (variable == "remote_addr" || variable == "realip_remote_addr")
            field = PatternField::Client;
        else if (variable == "time_local")
            field = PatternField::TimeClf;
        else if (variable == "time_iso8601")
            field = PatternField::TimeIso;
        else if (variable == "msec")
            field = PatternField::TimeEpoch;
        else if (variable == "request")
            field = PatternField::Request;
        else if (variable == "request_method")
            field = PatternField::Method;
        else if (variable == "request_uri" || variable == "uri" || variable == "document_uri")
            field = PatternField::Target;
        else if (variable == "status")
            field = PatternField::Status;
        else if (variable == "body_bytes_sent" || variable == "bytes_sent")
            field = PatternField::Bytes;
        else if (variable == "http_user_agent")
            field = PatternField::UserAgent;
        else if (variable == "request_time")
            field = PatternField::DurationS;
        else if (variable.rfind("upstream_", 0) == 0 && variable.size() > 5
                 && variable.compare(variable.size() - 5, 5, "_time") == 0)
            field = PatternField::UpstreamTimes;
        addLiteral(result.items, literal);
        literal.clear();
        addField(result.items, field, QStringLiteral("$") + QString::fromStdString(variable));
    }
    addLiteral(result.items, literal);
    result.error = checkItems(result.items);
    return result;
}

CompiledPattern compileServerLogFormat(const QString &format)
{
    const QString trimmed = format.trimmed();
    if (trimmed.startsWith(QLatin1String("log_format"), Qt::CaseInsensitive))
        return compileNginxLogFormat(format);
    if (trimmed.startsWith(QLatin1String("LogFormat"), Qt::CaseInsensitive))
        return compileApacheLogFormat(format);
    static const QRegularExpression nginxVariable(QStringLiteral(R"(\$\{?[A-Za-z_])"));
    static const QRegularExpression apacheDirective(QStringLiteral(R"(%[<>!0-9,]*(\{[^}]*\})?[a-zA-Z])"));
    const int nginxCount = static_cast<int>(nginxVariable.globalMatch(format).hasNext());
    const int apacheCount = static_cast<int>(apacheDirective.globalMatch(format).hasNext());
    if (nginxCount > 0 && apacheCount == 0)
        return compileNginxLogFormat(format);
    return compileApacheLogFormat(format);
}

std::vector<QString> builtinPatternFormats(const QString &name)
{
    static const QString kCommon = QStringLiteral(R"(%h %l %u %t "%r" %>s %b)");
    static const QString kCombined = kCommon + QStringLiteral(R"( "%{Referer}i" "%{User-Agent}i")");
    if (name == QLatin1String("common"))
        return {kCommon};
    if (name == QLatin1String("combined"))
        return {kCombined};
    if (name == QLatin1String("vcombined")) // Apache's vhost_combined with %D appended, and without:
        // the longer shape first, since the shorter one reads its lines too (the %D as an extra field)
        return {QStringLiteral("%v:%p ") + kCombined + QStringLiteral(" %D"), QStringLiteral("%v:%p ") + kCombined};
    if (name == QLatin1String("nginx-timed"))
        return {QStringLiteral(R"($remote_addr - $remote_user [$time_local] "$request" $status )"
                               R"($body_bytes_sent "$http_referer" "$http_user_agent" )"
                               R"($request_time $upstream_response_time)")};
    if (name == QLatin1String("ingress-nginx"))
        // ingress-nginx's default `log_format upstreaminfo` (kubernetes.github.io/ingress-nginx,
        // "Log format"). Its tail — $upstream_addr $upstream_response_length
        // $upstream_response_time $upstream_status $req_id — lists one value per upstream tried,
        // joined by ", ", so it has no fixed number of spaces: the last field takes all of it.
        return {QStringLiteral(R"($remote_addr - $remote_user [$time_local] "$request" $status )"
                               R"($body_bytes_sent "$http_referer" "$http_user_agent" $request_length )"
                               R"($request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name] )"
                               R"($upstream_addr)")};
    if (name == QLatin1String("traefik"))
        // Traefik's default access log, its "Common Log Format" (doc.traefik.io, "Access Logs"):
        // combined, then the request count, "router", "server URL" and the duration with "ms".
        return {kCombined + QStringLiteral(R"( %k "%{router}n" "%{server}n" %{ms}Tms)")};
    if (name == QLatin1String("envoy"))
        // Envoy's default format string (envoyproxy.io, "Access logging", "Default format
        // string"): [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%"
        // %RESPONSE_CODE% %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION%
        // %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
        // "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%", written as Apache directives.
        return {QStringLiteral(R"([%{%Y-%m-%dT%H:%M:%S%z}t] "%r" %>s %{flags}n %I %O %{ms}T %{x-envoy-upstream-service-time}o )"
                               R"("%{X-Forwarded-For}i" "%{User-Agent}i" "%{X-Request-Id}i" "%{Host}i" "%{upstream}n")")};
    return {};
}

QStringList builtinPatternNames()
{
    return {QStringLiteral("vcombined"), QStringLiteral("ingress-nginx"), QStringLiteral("traefik"),
            QStringLiteral("nginx-timed"), QStringLiteral("combined"),    QStringLiteral("common"),
            QStringLiteral("envoy")};
}

bool builtinAllowsExtraFields(const QString &name)
{
    return name == QLatin1String("combined") || name == QLatin1String("vcombined");
}

PatternParser::PatternParser(QString name, std::vector<PatternItem> items)
    : m_name(std::move(name))
    , m_items(std::move(items))
{
    m_quoted.resize(m_items.size(), false);
    for (size_t i = 0; i < m_items.size(); ++i) {
        const PatternItem &item = m_items[i];
        if (item.isLiteral)
            continue;
        m_hasTime = m_hasTime || isTimeField(item.field);
        m_hasStatus = m_hasStatus || item.field == PatternField::Status;
        const bool openQuote = i > 0 && m_items[i - 1].isLiteral && m_items[i - 1].literal.back() == '"';
        const bool closeQuote = i + 1 < m_items.size() && m_items[i + 1].isLiteral
                                && m_items[i + 1].literal.front() == '"';
        m_quoted[i] = openQuote && closeQuote;
    }
}

std::unique_ptr<LineParser> PatternParser::clone() const
{
    return std::make_unique<PatternParser>(*this);
}

void PatternParser::setAllowExtraFields(bool allow)
{
    m_allowExtra = allow && !m_items.empty() && m_items.back().isLiteral;
}

bool PatternParser::hasDuration() const
{
    for (const PatternItem &item : m_items) {
        if (item.field == PatternField::DurationUs || item.field == PatternField::DurationMs
            || item.field == PatternField::DurationS)
            return true;
    }
    return false;
}

namespace {

// line[pos…] starts with literal: an inlined loop, since literals are one to three bytes and a
// memcmp call costs more than the comparison.
inline bool startsWithAt(std::string_view line, size_t pos, const std::string &literal)
{
    const size_t n = literal.size();
    if (line.size() - pos < n || pos > line.size())
        return false;
    const char *a = line.data() + pos;
    const char *b = literal.data();
    for (size_t i = 0; i < n; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// Where a quoted field ends: the next `literal` whose first character is not escaped. A
// quote is escaped when an odd number of backslashes precede it (Apache writes \" and \\;
// nginx writes \x22, which contains no quote at all).
size_t findQuotedEnd(std::string_view line, size_t pos, const std::string &literal)
{
    const char first = literal.front();
    size_t from = pos;
    while (from < line.size()) {
        const void *hit = std::memchr(line.data() + from, first, line.size() - from);
        if (!hit)
            return std::string_view::npos;
        const size_t i = size_t(static_cast<const char *>(hit) - line.data());
        size_t backslashes = 0;
        while (i - backslashes > pos && line[i - backslashes - 1] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0 && startsWithAt(line, i, literal))
            return i;
        from = i + 1;
    }
    return std::string_view::npos;
}

// Unquoted fields are short (an address, "-", a status), so a plain loop beats a memchr call.
size_t findUnquotedEnd(std::string_view line, size_t pos, const std::string &literal)
{
    const char first = literal.front();
    const size_t n = line.size();
    for (size_t i = pos; i < n; ++i) {
        if (line[i] == first && startsWithAt(line, i, literal))
            return i;
    }
    return std::string_view::npos;
}

bool parseStatus(std::string_view value, int &status)
{
    if (value.size() != 3)
        return false;
    int v = 0;
    for (char c : value) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    if (v < 100 || v > 599)
        return false;
    status = v;
    return true;
}

} // namespace

ParseResult PatternParser::parse(std::string_view line, LogRecord &record)
{
    record = LogRecord();
    bool haveTime = false;
    // A line that ends early is "truncated" only once it has shown the format's shape (two
    // separators matched); a word of garbage that runs out is just another format.
    int literalsMatched = 0;
    auto ranOutReason = [&literalsMatched] {
        return literalsMatched >= 2 ? SkipReason::Truncated : SkipReason::OtherFormat;
    };
    size_t pos = 0;
    const size_t count = m_items.size();
    for (size_t i = 0; i < count; ++i) {
        const PatternItem &item = m_items[i];
        if (item.isLiteral) {
            const std::string &lit = item.literal;
            if (!startsWithAt(line, pos, lit)) {
                const bool ranOut = line.size() - pos < lit.size()
                                    && lit.compare(0, line.size() - pos, line.substr(pos)) == 0;
                return ParseResult::skip(ranOut ? ranOutReason() : SkipReason::OtherFormat);
            }
            pos += lit.size();
            ++literalsMatched;
            continue;
        }
        std::string_view value;
        if (item.field == PatternField::TimeBracketed) {
            if (pos >= line.size())
                return ParseResult::skip(ranOutReason());
            if (line[pos] != '[')
                return ParseResult::skip(SkipReason::OtherFormat);
            const size_t close = line.find(']', pos);
            if (close == std::string_view::npos)
                return ParseResult::skip(SkipReason::Truncated);
            value = line.substr(pos + 1, close - pos - 1);
            pos = close + 1;
        } else if (i + 1 == count) {
            value = line.substr(pos);
            pos = line.size();
        } else {
            const std::string &next = m_items[i + 1].literal;
            const size_t end = m_quoted[i] ? findQuotedEnd(line, pos, next) : findUnquotedEnd(line, pos, next);
            if (end == std::string_view::npos)
                return ParseResult::skip(ranOutReason());
            value = line.substr(pos, end - pos);
            pos = end;
        }
        switch (item.field) {
        case PatternField::Ignore:
            break;
        case PatternField::Client:
            record.client = value;
            break;
        case PatternField::TimeBracketed:
        case PatternField::TimeClf:
            if (!parseClfTime(value, record.timeMs, record.tzOffsetMinutes))
                return ParseResult::skip(SkipReason::BadTime);
            haveTime = true;
            break;
        case PatternField::TimeIso:
            if (!parseIsoTime(value, record.timeMs, record.tzOffsetMinutes))
                return ParseResult::skip(SkipReason::BadTime);
            haveTime = true;
            break;
        case PatternField::TimeEpoch:
            if (!parseEpochSeconds(value, record.timeMs))
                return ParseResult::skip(SkipReason::BadTime);
            haveTime = true;
            break;
        case PatternField::Request:
            splitRequestLine(value, record);
            break;
        case PatternField::Method:
            record.method = value;
            break;
        case PatternField::Target:
            record.path = pathOfTarget(value);
            break;
        case PatternField::Status:
            if (!parseStatus(value, record.status))
                return ParseResult::skip(SkipReason::BadStatus);
            break;
        case PatternField::Bytes:
            if (value != "-" && !parseUnsigned(value, record.bytes))
                return ParseResult::skip(SkipReason::OtherFormat);
            break;
        case PatternField::UserAgent:
            record.userAgent = value;
            break;
        case PatternField::UpstreamTimes:
            // Checked, not kept: as the last field it would otherwise swallow anything after
            // it, such as a second record glued onto the line.
            for (char c : value) {
                if (!((c >= '0' && c <= '9') || c == '.' || c == ',' || c == ' ' || c == ':' || c == '-'))
                    return ParseResult::skip(SkipReason::OtherFormat);
            }
            break;
        case PatternField::DurationUs:
        case PatternField::DurationMs:
        case PatternField::DurationS: {
            if (value == "-")
                break;
            double v = 0;
            if (!parseDecimal(value, v))
                return ParseResult::skip(SkipReason::OtherFormat);
            record.durationMs = item.field == PatternField::DurationUs   ? v / 1000.0
                                : item.field == PatternField::DurationMs ? v
                                                                         : v * 1000.0;
            break;
        }
        }
    }
    unsigned deviations = 0;
    if (pos != line.size()) {
        if (!m_allowExtra || line[pos] != ' ')
            return ParseResult::skip(SkipReason::OtherFormat);
        deviations = deviationBit(Deviation::ExtraFields);
    }
    if (!haveTime)
        return ParseResult::skip(SkipReason::BadTime);
    return ParseResult::record(deviations);
}

double PatternParser::matchProgress(std::string_view line)
{
    LogRecord record;
    if (parse(line, record).outcome == ParseOutcome::Record)
        return 1.0;
    // How many of the format's separators turn up in order: a line of a similar format
    // with one field more or less still matches most of them.
    int literals = 0;
    int matched = 0;
    size_t pos = 0;
    bool inOrder = true;
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (!m_items[i].isLiteral)
            continue;
        ++literals;
        if (!inOrder)
            continue;
        const size_t at = i == 0 ? (startsWithAt(line, 0, m_items[i].literal) ? 0 : std::string_view::npos)
                                 : line.find(m_items[i].literal, pos);
        if (at == std::string_view::npos) {
            inOrder = false;
            continue;
        }
        ++matched;
        pos = at + m_items[i].literal.size();
    }
    return literals > 0 ? 0.9 * double(matched) / double(literals) : 0.0;
}

} // namespace statusscope::logs
