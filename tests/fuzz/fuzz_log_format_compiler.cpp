// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the Apache LogFormat / nginx log_format compiler (core/logs/pattern_parser.h)
// and the line parser it builds.
//
// Input: byte 0 picks the syntax (0 Apache, 1 nginx, 2 either), the rest up to a NUL byte is the
// format string (nginx directives span lines), what follows the NUL are log lines for the compiled format.
// Invariants: a compile gives items or an error, never an empty success; literal items are not
// empty and fields have their placeholder name; "either" gives exactly what the syntax it picks
// gives; records from the compiled parser satisfy the record invariants (log_check.h).
#include "core/logs/pattern_parser.h"
#include "tests/fuzz/log_check.h"

using namespace statusscope;
using namespace statusscope::logs;

namespace {

bool sameItems(const CompiledPattern &a, const CompiledPattern &b)
{
    if (a.error != b.error || a.items.size() != b.items.size())
        return false;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        const PatternItem &x = a.items[i];
        const PatternItem &y = b.items[i];
        if (x.isLiteral != y.isLiteral || x.literal != y.literal || x.field != y.field || x.name != y.name)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const int syntax = fuzz::takeByte(data, size) % 3;
    const std::string_view all(reinterpret_cast<const char *>(data), size);
    const std::size_t newline = all.find('\0');
    const std::string_view formatBytes = all.substr(0, newline);
    const std::string_view lines = newline == std::string_view::npos ? std::string_view() : all.substr(newline + 1);
    const QString format = QString::fromUtf8(formatBytes.data(), qsizetype(formatBytes.size()));

    const CompiledPattern compiled = syntax == 0   ? compileApacheLogFormat(format)
                                     : syntax == 1 ? compileNginxLogFormat(format)
                                                   : compileServerLogFormat(format);
    if (syntax == 2) {
        const bool apache = sameItems(compiled, compileApacheLogFormat(format));
        const bool nginx = sameItems(compiled, compileNginxLogFormat(format));
        FUZZ_CHECK(apache || nginx, QStringLiteral("compileServerLogFormat matches neither syntax"));
    }
    if (!compiled.error.isEmpty())
        return 0;
    FUZZ_CHECK(!compiled.items.empty(), QStringLiteral("an empty pattern without an error"));
    for (const PatternItem &item : compiled.items) {
        if (item.isLiteral)
            FUZZ_CHECK(!item.literal.empty(), QStringLiteral("an empty literal"));
        else
            FUZZ_CHECK(!item.name.isEmpty(), QStringLiteral("a field without its placeholder"));
    }
    PatternParser parser(QStringLiteral("custom"), compiled.items);
    fuzz::parseLines(parser, lines, false);
    return 0;
}
