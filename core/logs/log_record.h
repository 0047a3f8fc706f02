// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <array>
#include <iosfwd>
#include <string_view>

namespace statusscope::logs {

// One parsed access-log line. The string fields are views into the line being parsed: a
// record lives only while its line does (the ingest aggregates it at once and keeps no
// records, so memory does not grow with the file's size).
struct LogRecord
{
    qint64 timeMs = 0;        // UTC, milliseconds since the epoch
    int tzOffsetMinutes = 0;  // the log's own offset, kept for display
    int status = 0;           // 100..599 (anything else is a skip: bad status)
    qint64 bytes = -1;        // -1: the format has none, or "-"
    double durationMs = -1.0; // -1: the format has no duration for this line
    std::string_view method;
    std::string_view path;    // the request target without its query
    std::string_view client;
    std::string_view userAgent;
};

// Why a line did not become a record. Stable names: they are keys of the CLI's JSON.
enum class SkipReason {
    Truncated,   // the line ends before the format's last field
    BadTime,     // the time field does not parse
    BadStatus,   // the status is not a three-digit code 100..599
    OtherFormat, // the line does not match the file's format at all
    Binary,      // NUL, control bytes or invalid UTF-8
    TooLong,     // longer than the line limit
    Empty,       // nothing but whitespace
};
constexpr int kSkipReasonCount = 7;

QString toString(SkipReason reason);
void PrintTo(SkipReason reason, std::ostream *os);

// Something unusual about a line that was still read (lenient in reading, exact in
// reporting): counted by type, with the first examples. Stable names: keys of the CLI's JSON.
enum class Deviation {
    ExtraFields,  // fields after the format's last one (nginx `main`'s "$http_x_forwarded_for", …)
    NoWrapper,    // a line without the file's container/syslog prefix, read as it stands
    PartialJoined, // a record the container runtime split into partial (CRI "P") lines, joined
    FormatChange, // a line in a second format of the file (its config changed part-way)
    FieldMissing, // a JSON record without a method or path (still charted by its status)
};
constexpr int kDeviationCount = 5;

QString toString(Deviation deviation);
void PrintTo(Deviation deviation, std::ostream *os);
constexpr unsigned deviationBit(Deviation deviation) { return 1u << static_cast<unsigned>(deviation); }

// The outcome of parsing one line.
enum class ParseOutcome {
    Record, // the record is filled in
    Skip,   // skipped for the reason given
    Meta,   // a directive or comment of the format (W3C "#Fields:"), not a request
};

QString toString(ParseOutcome outcome);
void PrintTo(ParseOutcome outcome, std::ostream *os);

struct ParseResult
{
    ParseOutcome outcome = ParseOutcome::Skip;
    SkipReason reason = SkipReason::OtherFormat;
    unsigned deviations = 0; // deviationBit()s of a record

    static ParseResult record(unsigned deviations = 0) { return {ParseOutcome::Record, SkipReason::OtherFormat, deviations}; }
    static ParseResult skip(SkipReason why) { return {ParseOutcome::Skip, why, 0}; }
    static ParseResult meta() { return {ParseOutcome::Meta, SkipReason::OtherFormat, 0}; }
};

// The class of a status: 1 for 1xx … 5 for 5xx, 0 for anything else.
constexpr int statusClass(int status) { return status >= 100 && status <= 599 ? status / 100 : 0; }

} // namespace statusscope::logs
