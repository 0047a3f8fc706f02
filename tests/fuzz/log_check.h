// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the log fuzz targets: parses each line of a text with a LineParser and checks what
// every parsed record must satisfy.

#include "core/logs/line_parser.h"
#include "core/logs/log_record.h"
#include "tests/fuzz/fuzz_check.h"

#include <cmath>
#include <string_view>

namespace statusscope::fuzz {

// A record's text fields are views: they must point into the line (or, for parsers that
// unescape, into the parser's own storage) and be readable — reading every byte lets ASan
// catch a dangling view.
inline void checkView(std::string_view view, std::string_view line, bool mayPointElsewhere,
                      const char *what)
{
    unsigned sum = 0;
    for (char c : view)
        sum += static_cast<unsigned char>(c);
    (void)sum;
    // pathOfTarget() gives a static "/" for an absolute URL without a path.
    if (view.empty() || mayPointElsewhere || view == "/")
        return;
    FUZZ_CHECK(view.data() >= line.data() && view.data() + view.size() <= line.data() + line.size(),
               QStringLiteral("%1 does not point into its line").arg(QLatin1String(what)));
}

inline void checkRecord(const logs::LogRecord &r, std::string_view line, bool mayPointElsewhere)
{
    FUZZ_CHECK(r.status >= 100 && r.status <= 599, QStringLiteral("record with status %1").arg(r.status));
    FUZZ_CHECK(r.bytes >= -1, QStringLiteral("record with %1 bytes").arg(r.bytes));
    FUZZ_CHECK(std::isfinite(r.durationMs) && r.durationMs >= -1.0,
               QStringLiteral("record with duration %1 ms").arg(r.durationMs));
    FUZZ_CHECK(r.tzOffsetMinutes > -24 * 60 && r.tzOffsetMinutes < 24 * 60,
               QStringLiteral("time-zone offset %1 min").arg(r.tzOffsetMinutes));
    checkView(r.method, line, mayPointElsewhere, "method");
    checkView(r.path, line, mayPointElsewhere, "path");
    checkView(r.client, line, mayPointElsewhere, "client");
    checkView(r.userAgent, line, mayPointElsewhere, "user agent");
}

// Feeds every line (without its CR LF) to `parser`, and to a clone when the parser is
// stateless: the clone must give the same outcome and record.
inline void parseLines(logs::LineParser &parser, std::string_view text, bool mayPointElsewhere)
{
    using namespace statusscope::logs;
    std::unique_ptr<LineParser> clone = parser.isStateful() ? nullptr : parser.clone();
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        LogRecord record;
        const ParseResult result = parser.parse(line, record);
        if (result.outcome == ParseOutcome::Record)
            checkRecord(record, line, mayPointElsewhere);
        if (clone) {
            LogRecord other;
            const ParseResult again = clone->parse(line, other);
            FUZZ_CHECK(again.outcome == result.outcome
                           && (result.outcome != ParseOutcome::Skip || again.reason == result.reason),
                       QStringLiteral("a clone of %1 parses a line differently").arg(parser.formatName()));
            if (result.outcome == ParseOutcome::Record)
                FUZZ_CHECK(other.status == record.status && other.timeMs == record.timeMs
                               && other.bytes == record.bytes && other.method == record.method
                               && other.path == record.path,
                           QStringLiteral("a clone of %1 gives another record").arg(parser.formatName()));
        }
        start = end + 1;
    }
}

} // namespace statusscope::fuzz
