// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_parser.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace statusscope::logs {

// What a placeholder of a server's log format holds.
enum class PatternField {
    Ignore,       // a field we do not need (%l, %u, $remote_user, unknown variables)
    Client,       // %h, %a, $remote_addr
    TimeBracketed, // Apache %t: "[13/May/2024:00:00:04 +0000]" with its brackets
    TimeClf,      // nginx $time_local: the same without brackets
    TimeIso,      // $time_iso8601, %{%Y-%m-%dT%H:%M:%S%z}t
    TimeEpoch,    // $msec, %{sec}t, %{msec_frac}… seconds since the epoch
    Request,      // %r, $request: "GET /path HTTP/1.1"
    Method,       // %m, $request_method
    Target,       // %U (path), $request_uri, $uri
    Status,       // %>s, %s, $status
    Bytes,        // %b, %B, %O, $body_bytes_sent, $bytes_sent
    UserAgent,    // %{User-Agent}i, $http_user_agent
    DurationUs,   // %D, %{us}T: microseconds
    DurationMs,   // %{ms}T
    DurationS,    // %T (whole seconds), $request_time (seconds with milliseconds)
    UpstreamTimes, // $upstream_response_time: "0.010", "-", "0.010, 0.020", "0.1 : 0.2"
};

QString toString(PatternField field);
void PrintTo(PatternField field, std::ostream *os);

struct PatternItem
{
    bool isLiteral = false;
    std::string literal;   // for a literal
    PatternField field = PatternField::Ignore;
    QString name;          // the placeholder as written ("%>s", "$status"), for messages
};

// Result of compiling a pasted format string.
struct CompiledPattern
{
    std::vector<PatternItem> items;
    QString error; // empty on success
};

// Apache mod_log_config LogFormat: "%h %l %u %t \"%r\" %>s %b". Accepts the whole config
// line too (`LogFormat "…" combined`), unescaping \" as Apache does.
CompiledPattern compileApacheLogFormat(const QString &format);
// nginx log_format: "$remote_addr - $remote_user [$time_local] …". Accepts the whole
// directive too (`log_format main '…' '…';`, quoted parts concatenated as nginx does).
CompiledPattern compileNginxLogFormat(const QString &format);
// Either syntax, decided by whether the string uses $variables or %directives.
CompiledPattern compileServerLogFormat(const QString &format);

// A line parser for a compiled server log format: literals must match exactly, each field
// runs to the next literal (backslash escapes skipped inside quotes, as both servers escape
// a quote inside a quoted field), and the line must end where the format ends.
class PatternParser final : public LineParser
{
public:
    PatternParser(QString name, std::vector<PatternItem> items);

    ParseResult parse(std::string_view line, LogRecord &record) override;
    QString formatName() const override { return m_name; }
    std::unique_ptr<LineParser> clone() const override;
    double matchProgress(std::string_view line) override;

    bool hasDuration() const;
    // Lenient about what a server appends: fields after the format's closing literal (nginx
    // `main`'s "$http_x_forwarded_for", a $request_time, $upstream_* …) are read past and the
    // record carries the extra_fields deviation. Only for formats that end in a literal.
    void setAllowExtraFields(bool allow);

private:
    QString m_name;
    std::vector<PatternItem> m_items;
    std::vector<bool> m_quoted; // per item: the field sits between quotes
    bool m_hasTime = false;
    bool m_hasStatus = false;
    bool m_allowExtra = false;
};

// The built-in formats written as server format strings, by `--format` name: common,
// combined, vcombined, nginx-timed, ingress-nginx, traefik, envoy. Returns the format strings
// (several shapes may share a name); empty for other names.
std::vector<QString> builtinPatternFormats(const QString &name);
// The names builtinPatternFormats knows, most specific first (detection's order).
QStringList builtinPatternNames();
// Whether detection lets this built-in format carry extra trailing fields.
bool builtinAllowsExtraFields(const QString &name);

} // namespace statusscope::logs
