// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/latency_histogram.h"

#include <bit>
#include <cmath>

namespace statusscope::logs {

namespace {

constexpr int kSub = 64;

int indexOf(quint64 us)
{
    if (us < kSub)
        return static_cast<int>(us);
    const int msb = 63 - std::countl_zero(us); // >= 6
    const int sub = static_cast<int>((us >> (msb - 6)) & (kSub - 1));
    return kSub + (msb - 6) * kSub + sub;
}

// The middle of a bucket, in microseconds.
double midpointOf(int index)
{
    if (index < kSub)
        return index;
    const int msb = (index - kSub) / kSub + 6;
    const int sub = (index - kSub) % kSub;
    const double low = std::ldexp(double(kSub + sub), msb - 6);
    const double width = std::ldexp(1.0, msb - 6);
    return low + width / 2.0;
}

} // namespace

void LatencyHistogram::add(double milliseconds)
{
    if (!(milliseconds >= 0))
        return;
    const double us = milliseconds * 1000.0;
    int index = us >= 9.0e15 ? kBucketCount - 1 : indexOf(static_cast<quint64>(us));
    if (index >= kBucketCount)
        index = kBucketCount - 1;
    ++m_buckets[static_cast<size_t>(index)];
    ++m_count;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_count += other.m_count;
}

std::optional<double> LatencyHistogram::quantile(double q) const
{
    if (m_count == 0)
        return std::nullopt;
    // The rank of the q-quantile, 1-based (nearest-rank method).
    const qint64 rank = std::max<qint64>(1, static_cast<qint64>(std::ceil(q * double(m_count))));
    qint64 seen = 0;
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (seen >= rank)
            return midpointOf(static_cast<int>(i)) / 1000.0;
    }
    return midpointOf(kBucketCount - 1) / 1000.0;
}

std::optional<LatencyPercentiles> LatencyHistogram::percentiles() const
{
    if (m_count == 0)
        return std::nullopt;
    return LatencyPercentiles{*quantile(0.50), *quantile(0.95), *quantile(0.99), m_count};
}

} // namespace statusscope::logs
