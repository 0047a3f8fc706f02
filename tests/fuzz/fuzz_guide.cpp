// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the guide loader/parser (core/guides/guide_parser.h).
//
// Input: byte 0 bit 0 = pass an expected id ("417"), then the guide text (UTF-8).
// Invariants: ok() means usable with no errors; a usable guide has a valid id and a title; every
// error names the file, has a message and a line inside the text; a guide's sections and links
// come from its own text; parsing is deterministic.
#include "core/guides/guide_parser.h"
#include "tests/fuzz/fuzz_check.h"

using namespace statusscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const bool withId = fuzz::takeByte(data, size) & 1;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString fileName = QStringLiteral("fuzz.md");
    const QString expectedId = withId ? QStringLiteral("417") : QString();

    const GuideParseResult result = parseGuide(text, fileName, expectedId);
    const qsizetype lines = text.count(QLatin1Char('\n')) + 1;
    for (const GuideError &e : result.errors) {
        FUZZ_CHECK(e.file == fileName && !e.message.isEmpty(), e.toString());
        FUZZ_CHECK(e.line >= 0 && e.line <= lines + 1,
                   QStringLiteral("line %1 of %2: %3").arg(e.line).arg(lines).arg(e.toString()));
    }
    if (result.ok())
        FUZZ_CHECK(result.usable && result.errors.isEmpty(), QStringLiteral("ok() but not usable"));
    if (result.usable) {
        FUZZ_CHECK(isValidGuideId(result.guide.id) && !result.guide.title.isEmpty(),
                   QStringLiteral("usable guide with id '%1', title '%2'")
                       .arg(result.guide.id, result.guide.title));
        if (withId && result.ok())
            FUZZ_CHECK(result.guide.id == expectedId, QStringLiteral("id differs from the file name"));
    }
    FUZZ_CHECK(result.guide.markdown.size() <= text.size(), QStringLiteral("markdown longer than the file"));

    const GuideParseResult again = parseGuide(text, fileName, expectedId);
    FUZZ_CHECK(again.usable == result.usable && again.errors.size() == result.errors.size()
                   && again.guide.sections.size() == result.guide.sections.size(),
               QStringLiteral("parsing the same text twice differs"));
    return 0;
}
