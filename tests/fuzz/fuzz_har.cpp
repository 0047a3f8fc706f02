// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the streaming HAR reader (core/har/har_reader.h, RapidJSON SAX).
//
// Invariants: the reader never reports more entries than the file's log.entries array holds
// (loaded + skipped == array length when Qt's own JSON parser reads the same document); skipped
// indexes are distinct, ascending and inside the array; reading without bodies or details loads
// and skips exactly the same entries; reading on two threads gives the very same result; a
// failed read carries no log, and a NotJson error points inside the input.
#include "core/har/har_reader.h"
#include "tests/fuzz/fuzz_check.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace statusscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const HarReadResult full = readHarData(json);
    HarReadOptions lean;
    lean.keepBodies = false;
    lean.keepDetails = false;
    const HarReadResult light = readHarData(json, lean);

    // Two threads (forced, whatever the size) read exactly what one reads: same entries, same
    // skipped ones, same error at the same byte.
    HarReadOptions split;
    split.splitMinBytes = 1;
    const HarReadResult twoThreads = readHarData(json, split);
    FUZZ_CHECK(twoThreads.error == full.error && twoThreads.log == full.log,
               QStringLiteral("two threads read \"%1\" (%2 entries), one thread \"%3\" (%4 entries)")
                   .arg(twoThreads.error.describe()).arg(twoThreads.log.entries.size())
                   .arg(full.error.describe()).arg(full.log.entries.size()));

    FUZZ_CHECK(full.error.status == light.error.status,
               QStringLiteral("status %1 with details, %2 without")
                   .arg(toString(full.error.status), toString(light.error.status)));
    if (!full.ok()) {
        FUZZ_CHECK(full.log.entries.isEmpty() && full.log.skipped.isEmpty(),
                   QStringLiteral("a failed read returned entries"));
        FUZZ_CHECK(!full.error.message.isEmpty(), QStringLiteral("an error without a message"));
        if (full.error.status == HarReadStatus::NotJson)
            FUZZ_CHECK(full.error.byteOffset >= 0 && full.error.byteOffset <= json.size()
                           && full.error.line >= 1 && full.error.column >= 1,
                       QStringLiteral("NotJson position %1 outside the input").arg(full.error.describe()));
        return 0;
    }

    FUZZ_CHECK(full.log.entries.size() == light.log.entries.size()
                   && full.log.skipped == light.log.skipped,
               QStringLiteral("keepBodies/keepDetails changed which entries load"));
    int previous = -1;
    for (const HarSkippedEntry &s : full.log.skipped) {
        FUZZ_CHECK(s.index > previous, QStringLiteral("skipped index %1 after %2").arg(s.index).arg(previous));
        FUZZ_CHECK(!s.reason.isEmpty(), QStringLiteral("skipped entry %1 without a reason").arg(s.index));
        previous = s.index;
    }
    const qsizetype counted = full.log.entries.size() + full.log.skipped.size();
    FUZZ_CHECK(previous < counted, QStringLiteral("skipped index %1 of %2 entries").arg(previous).arg(counted));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    // Qt keeps only the last of duplicate keys, we keep every "entries" array: compare only
    // when the word occurs once (an escaped spelling makes it 0 and skips the check too).
    if (parseError.error == QJsonParseError::NoError && doc.isObject() && json.count("entries") == 1) {
        const QJsonValue entries = doc.object().value(QStringLiteral("log"))
                                       .toObject().value(QStringLiteral("entries"));
        if (entries.isArray())
            FUZZ_CHECK(counted == entries.toArray().size(),
                       QStringLiteral("%1 loaded + %2 skipped, the array has %3")
                           .arg(full.log.entries.size()).arg(full.log.skipped.size())
                           .arg(entries.toArray().size()));
    }
    return 0;
}
