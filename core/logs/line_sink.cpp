// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/line_sink.h"

namespace statusscope::logs {

namespace {

bool isValidUtf8(std::string_view text)
{
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            extra = 1;
        else if ((c & 0xF0) == 0xE0)
            extra = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (i + size_t(extra) >= n)
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((static_cast<unsigned char>(text[i + size_t(k)]) & 0xC0) != 0x80)
                return false;
        }
        i += size_t(extra) + 1;
    }
    return true;
}

} // namespace

// Only asked of lines that failed to parse, so valid lines pay nothing for it.
bool looksBinary(std::string_view line)
{
    for (char ch : line) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return true;
    }
    return !isValidUtf8(line);
}

void LineSink::skip(SkipReason reason, std::string_view line, qint64 lineInChunk)
{
    aggregate->addSkip(reason);
    if (chunkExamples < kMaxSkipExamples) {
        ++chunkExamples;
        examples->push_back({file, chunk, lineInChunk, reason, -1, std::string(line.substr(0, size_t(kSkipExampleBytes)))});
    }
}

void LineSink::deviate(unsigned deviations, std::string_view line, qint64 lineInChunk)
{
    for (int i = 0; i < kDeviationCount; ++i) {
        if (!(deviations & (1u << unsigned(i))))
            continue;
        aggregate->addDeviation(static_cast<Deviation>(i));
        int &kept = chunkDeviationExamples[size_t(i)];
        if (kept < kMaxDeviationExamples) {
            ++kept;
            examples->push_back({file, chunk, lineInChunk, SkipReason::OtherFormat, i,
                                 std::string(line.substr(0, size_t(kSkipExampleBytes)))});
        }
    }
}

void LineSink::line(std::string_view text, qint64 lineInChunk)
{
    if (!text.empty() && text.back() == '\r')
        text.remove_suffix(1);
    if (text.size() > size_t(maxLine)) {
        skip(SkipReason::TooLong, text, lineInChunk);
        return;
    }
    if (text.find_first_not_of(" \t") == std::string_view::npos) {
        skip(SkipReason::Empty, text, lineInChunk);
        return;
    }
    const ParseResult result = parser->parse(text, record);
    switch (result.outcome) {
    case ParseOutcome::Record:
        aggregate->add(record);
        if (result.deviations != 0) [[unlikely]]
            deviate(result.deviations, text, lineInChunk);
        if (liveDelta) {
            const qint64 minute = minuteOf(record.timeMs);
            if (!liveCell || minute != liveMinute) {
                liveCell = &(*liveDelta)[minute];
                liveMinute = minute;
            }
            liveCell->add(record.status);
        }
        return;
    case ParseOutcome::Meta:
        aggregate->addMeta();
        return;
    case ParseOutcome::Skip:
        skip(looksBinary(text) ? SkipReason::Binary : result.reason, text, lineInChunk);
        return;
    }
}

} // namespace statusscope::logs
