#pragma once

#include "core/logs/log_summary.h"

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
struct SpikeOptions
{
    int window = 30;        // buckets of history
    int minHistory = 8;     // no verdict before this many buckets exist
    double k = 8.0;         // deviations above the median
    qint64 minCount = 10;   // a bucket with fewer of the status is never a spike
    double minRatio = 3.0;  // …nor one under minRatio × the baseline
};

QList<Spike> detectSpikes(const QList<SeriesBucket> &buckets, int bucketSeconds,
                          const SpikeOptions &options = {});

} // namespace statusscope::logs
