// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writes HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): a whole HarLog or a
// selection of its entries. What the reader kept comes back out: `_custom` fields verbatim,
// -1 timings as -1, absent optional parts absent. Pair with sanitizeHar() before sharing.

#include "core/har/har_types.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

namespace statusscope {

struct HarWriteOptions
{
    bool pretty = true; // 2-space indent, as browsers export
};

// Streams the log to `device` (never builds the whole text in memory). false on a write error.
bool writeHar(const HarLog &log, QIODevice &device, const HarWriteOptions &options = {});
QByteArray harToJson(const HarLog &log, const HarWriteOptions &options = {});
// false with *error set when the file cannot be written (written atomically).
bool writeHarFile(const HarLog &log, const QString &path, QString *error, const HarWriteOptions &options = {});

// A copy of `log` holding only the entries at `positions` (indices into log.entries, in that
// order) and the pages they refer to; skipped-entry notes are dropped.
HarLog selectEntries(const HarLog &log, const QList<int> &positions);

} // namespace statusscope
