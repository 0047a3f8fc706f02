// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_summary.h"

#include <limits>

namespace statusscope::logs {

// Spike detection against a robust rolling baseline. For each error status, the status's
// share of each bucket's traffic is compared with the median m and the median absolute
// deviation (MAD) of its share over the previous `window` buckets. Working on shares keeps
// the daily rhythm of traffic (a quiet night, a busy noon) from looking like a spike; the
// expected count is m × the bucket's total. A bucket is a spike when its count exceeds the
// expected count by k·σ, with σ = 1.4826·MAD·total (the MAD's normal-consistent scale) but
// never below √expected (Poisson noise) or 1. Buckets already flagged feed the baseline,
// not their own share, into later windows, so a long spike does not raise its own
// baseline. Adjacent flagged buckets merge into one spike; its baseline is the median
// expected count per bucket.
// The 4xx and 5xx rates go through the same test with the class's count in place of one
// status's. A rate spike that overlaps a status spike of its class is left out: that
// status already explains it.
struct SpikeOptions
{
    int window = 30;        // buckets of history
    int minHistory = 8;     // no verdict before this many buckets exist
    double k = 8.0;         // deviations above the median
    qint64 minCount = 10;   // a bucket with fewer of the status is never a spike
    double minRatio = 3.0;  // …nor one under minRatio × the baseline
};

// The most frequent status of class 1..5 among buckets starting in [fromMs, toMs): the guide
// a rate spike or a class's legend entry opens; c00 when the class has none.
int topStatusOfClass(const QList<SeriesBucket> &buckets, int statusClass,
                     qint64 fromMs = std::numeric_limits<qint64>::min(),
                     qint64 toMs = std::numeric_limits<qint64>::max());

QList<Spike> detectSpikes(const QList<SeriesBucket> &buckets, int bucketSeconds,
                          const SpikeOptions &options = {});

} // namespace statusscope::logs
