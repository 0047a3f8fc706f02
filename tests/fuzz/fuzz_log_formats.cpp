// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: every access-log line parser and the format detection (core/logs).
//
// Input: byte 0 picks the requested format from knownFormatNames() ("auto" included), the rest
// is the log text. The detection runs on the text; the parser it returns (or its error) is then
// fed every line.
// Invariants: the detection gives a parser or an error, a confidence in 0..1 and is
// deterministic; every record has a status 100..599, bytes ≥ -1, a finite duration ≥ -1 and
// readable views into its line; a clone of a stateless parser parses every line the same way.
#include "core/logs/format_detect.h"
#include "tests/fuzz/log_check.h"

using namespace statusscope;
using namespace statusscope::logs;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList names = knownFormatNames();
    const QString requested = names.at(fuzz::takeByte(data, size) % names.size());
    const std::string_view text(reinterpret_cast<const char *>(data), size);

    const FormatGuess guess = detectFormat(text, requested);
    FUZZ_CHECK(guess.parser || !guess.error.isEmpty(),
               QStringLiteral("no parser and no error for '%1'").arg(requested));
    FUZZ_CHECK(guess.confidence >= 0.0 && guess.confidence <= 1.0 && guess.sampleLines >= 0,
               QStringLiteral("confidence %1 over %2 lines").arg(guess.confidence).arg(guess.sampleLines));
    const FormatGuess again = detectFormat(text, requested);
    FUZZ_CHECK(again.name == guess.name && again.confidence == guess.confidence
                   && again.error == guess.error,
               QStringLiteral("detection is not deterministic: %1 / %2").arg(guess.name, again.name));
    if (!guess.parser)
        return 0;
    const QString name = guess.parser->formatName();
    const bool unescapes = name == QLatin1String("json") || name == QLatin1String("caddy");
    fuzz::parseLines(*guess.parser, text, unescapes);
    return 0;
}
