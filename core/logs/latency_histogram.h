// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>
#include <optional>

namespace statusscope::logs {

struct LatencyPercentiles
{
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    qint64 count = 0;
};

// A fixed-size log-linear histogram of durations (HdrHistogram's layout, 64 sub-buckets per
// power of two): every value costs one increment, memory is constant (~20 KiB) whatever the
// number of lines, and a quantile is off by at most 1/64 (1.6 %) of the true value.
class LatencyHistogram
{
public:
    void add(double milliseconds);
    void merge(const LatencyHistogram &other);
    qint64 count() const { return m_count; }
    // The value below which a share q (0..1) of the durations lie; nullopt when empty.
    std::optional<double> quantile(double q) const;
    std::optional<LatencyPercentiles> percentiles() const;

private:
    static constexpr int kSubBuckets = 64;
    // Microseconds up to 2^43 (≈ 100 days): longer durations land in the last bucket.
    static constexpr int kBucketCount = kSubBuckets + 38 * kSubBuckets;

    std::array<qint64, kBucketCount> m_buckets{};
    qint64 m_count = 0;
};

} // namespace statusscope::logs
