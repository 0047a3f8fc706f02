// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_ingest.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace statusscope::logs {

// A drill-down lists at most this many lines: 100,000 hits are 3.2 MB of offsets, and nobody
// scrolls further; the count of all matches is still exact.
constexpr int kMaxLineHits = 100000;

// A line a drill-down found: where it is, not what it says (a million lines of text would
// be hundreds of MB; their offsets are 32 bytes each and the text is read back on demand).
struct LineHit
{
    qint64 offset = 0; // of the line's start in the (inflated) file
    qint64 line = 0;   // 1-based
    qint64 timeMs = 0;
    int file = 0;      // index into LineHits::files
    int status = 0;
};

struct LineHits
{
    QStringList files;
    std::vector<LineHit> hits; // the first maxHits matches, in file order
    qint64 total = 0;          // every match, hits.size() or more
    bool cancelled = false;
    bool capped() const { return total > qint64(hits.size()); }
};

// The requests of `paths` within the options' [fromMs, toMs] that match options.filter, read
// again from disk on the calling thread (the ingest keeps counts, never lines). `progress`
// gets the bytes read over all files and their total size.
LineHits collectLineHits(const QStringList &paths, const IngestOptions &options, int maxHits = kMaxLineHits,
                         const std::atomic<bool> *cancel = nullptr,
                         const std::function<void(qint64 done, qint64 total)> &progress = {});

} // namespace statusscope::logs
