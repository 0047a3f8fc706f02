#pragma once

#include "core/logs/log_summary.h"

namespace statusscope::logs {

// Spike detection against a robust rolling baseline. For each status, each bucket is
// compared with the median m and the median absolute deviation (MAD) of the previous
// `window` buckets; it is a spike when its count exceeds m + k·σ, with σ = 1.4826·MAD (the
// MAD's normal-consistent scale) but never below √m (Poisson noise) or 1. Buckets already
// flagged feed their baseline, not their count, into later windows, so a long spike does
// not raise its own baseline. Adjacent flagged buckets merge into one spike.
struct SpikeOptions
{
    int window = 30;        // buckets of history
    int minHistory = 8;     // no verdict before this many buckets exist
    double k = 6.0;         // deviations above the median
    qint64 minCount = 10;   // a bucket with fewer of the status is never a spike
    double minRatio = 3.0;  // …nor one under minRatio × the baseline
};

QList<Spike> detectSpikes(const QList<SeriesBucket> &buckets, int bucketSeconds,
                          const SpikeOptions &options = {});

} // namespace statusscope::logs
