// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_ingest.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace statusscope::logs {

// A clicked bucket lists "sample lines": enough raw lines to see what happened,
// few enough to read at a glance and to keep memory flat.
constexpr int kMaxSampleLines = 20;
// Each sample shows the start of its line, like a skip example.
constexpr int kSampleLineChars = 400;

struct SampleLine
{
    QString file;
    qint64 line = 0; // 1-based
    int status = 0;
    QString text;
};

// The first `maxLines` requests of [fromMs, toMs] (UTC, inclusive) in `paths` that match
// options.filter, read line by line through zlib (plain and .gz alike) with the format the
// options name or detect. The
// range's lines are not indexed anywhere (memory would grow with the file), so this re-reads
// the files like the bucket's path list does; it stops as soon as it has enough samples, or
// when `cancel` is set. Unreadable files and stdin ("-") are passed over.
QList<SampleLine> collectSampleLines(const QStringList &paths, const IngestOptions &options, qint64 fromMs,
                                     qint64 toMs, int maxLines = kMaxSampleLines,
                                     const std::atomic<bool> *cancel = nullptr);

// The time zone offset of the first request in the file's first 64 KiB (plain or .gz), so a
// chart can draw in the log's own zone before the whole file is read; nullopt when none
// parses there.
std::optional<int> firstTzOffsetMinutes(const QString &path, const IngestOptions &options);

} // namespace statusscope::logs
