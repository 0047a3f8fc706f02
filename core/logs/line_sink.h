// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_parser.h"
#include "core/logs/log_aggregator.h"
#include "core/logs/log_ingest.h"

#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace statusscope::logs {

// DESIGN.md: "up to 20 examples": enough to see every reason, short enough to read.
constexpr int kMaxSkipExamples = 20;
// An example shows the start of its line; a 300 KB line would drown the report.
constexpr int kSkipExampleBytes = 200;
// Examples kept per deviation type: the first few say what happened; the count says how often.
constexpr int kMaxDeviationExamples = 5;

// NUL, control bytes other than tab, DEL, or bytes that are not UTF-8: not a text log line.
bool looksBinary(std::string_view line);

// A skipped line remembered by its position within a chunk; the ingest turns the position
// into a file line number once every chunk's line count is known.
struct PendingExample
{
    int file = 0;
    qint64 chunk = 0;
    qint64 lineInChunk = 0; // 0-based
    SkipReason reason = SkipReason::OtherFormat;
    int deviation = -1; // >= 0: not a skip but a record with this Deviation
    std::string text;
};

// One reader's path from a line to the aggregate: the line limit, blank lines, the parser,
// the skip reason (binary overrides the parser's guess) and its example. Shared by the
// parallel ingest and the follow mode so both count a line the same way.
struct LineSink
{
    LineParser *parser = nullptr;
    LogAggregator *aggregate = nullptr;
    std::vector<PendingExample> *examples = nullptr;
    std::unordered_map<qint64, MinuteCell> *liveDelta = nullptr;
    int maxLine = IngestOptions::kDefaultMaxLineBytes;
    int file = 0;
    qint64 chunk = 0;
    int chunkExamples = 0;
    std::array<int, kDeviationCount> chunkDeviationExamples{};
    LogRecord record;
    // The live cell last written: consecutive lines share their minute. Reset per chunk,
    // since the owner empties liveDelta between chunks.
    qint64 liveMinute = std::numeric_limits<qint64>::min();
    MinuteCell *liveCell = nullptr;

    void beginChunk(qint64 index)
    {
        chunk = index;
        chunkExamples = 0;
        chunkDeviationExamples = {};
        liveCell = nullptr;
        liveMinute = std::numeric_limits<qint64>::min();
    }
    void skip(SkipReason reason, std::string_view line, qint64 lineInChunk);
    void deviate(unsigned deviations, std::string_view line, qint64 lineInChunk);
    // The line without its '\n' (a trailing '\r' is dropped here).
    void line(std::string_view text, qint64 lineInChunk);
};

} // namespace statusscope::logs
