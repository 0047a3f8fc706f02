// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/spike_detector.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <utility>
#include <vector>

namespace statusscope::logs {

namespace {

double medianOf(std::vector<double> values)
{
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2.0;
}

// Runs of flagged buckets for one series (a status's counts, or a class's).
template<typename CountOf>
void detectRuns(const QList<SeriesBucket> &buckets, qint64 bucketMs, const SpikeOptions &options, SpikeKind kind,
                int status, CountOf countOf, QList<Spike> &spikes)
{
    std::vector<double> history; // the series' share of each bucket's traffic
    history.reserve(static_cast<size_t>(buckets.size()));
    Spike open;
    bool inSpike = false;
    std::vector<double> baselines;
    for (const SeriesBucket &bucket : buckets) {
        const double count = double(countOf(bucket));
        const double total = double(bucket.total);
        const double share = total > 0 ? count / total : 0.0;
        bool flagged = false;
        double medianShare = 0;
        double expected = 0;
        double score = 0;
        if (static_cast<int>(history.size()) >= options.minHistory && total > 0) {
            const size_t from = history.size() > size_t(options.window) ? history.size() - size_t(options.window) : 0;
            std::vector<double> window(history.begin() + static_cast<std::ptrdiff_t>(from), history.end());
            medianShare = medianOf(window);
            for (double &v : window)
                v = std::fabs(v - medianShare);
            expected = medianShare * total;
            const double sigma = std::max({1.4826 * medianOf(window) * total, std::sqrt(expected), 1.0});
            score = (count - expected) / sigma;
            flagged = score > options.k && count >= double(options.minCount) && count >= options.minRatio * expected;
        }
        if (total > 0)
            history.push_back(flagged ? medianShare : share);
        if (flagged) {
            if (!inSpike) {
                open = Spike();
                open.kind = kind;
                open.status = status;
                open.startMs = bucket.startMs;
                baselines.clear();
                inSpike = true;
            }
            open.endMs = bucket.startMs + bucketMs;
            open.count += qint64(count);
            open.peakScore = std::max(open.peakScore, score);
            baselines.push_back(expected);
        } else if (inSpike) {
            open.baseline = medianOf(baselines);
            spikes.push_back(open);
            inSpike = false;
        }
    }
    if (inSpike) {
        open.baseline = medianOf(baselines);
        spikes.push_back(open);
    }
}

} // namespace

QString toString(SpikeKind kind)
{
    switch (kind) {
    case SpikeKind::Status:
        return QStringLiteral("status");
    case SpikeKind::Rate4xx:
        return QStringLiteral("rate_4xx");
    case SpikeKind::Rate5xx:
        return QStringLiteral("rate_5xx");
    }
    return QStringLiteral("status");
}

void PrintTo(SpikeKind kind, std::ostream *os)
{
    *os << toString(kind).toStdString();
}

int topStatusOfClass(const QList<SeriesBucket> &buckets, int statusClass, qint64 fromMs, qint64 toMs)
{
    QMap<int, qint64> counts;
    for (const SeriesBucket &bucket : buckets) {
        if (bucket.startMs < fromMs || bucket.startMs >= toMs)
            continue;
        for (auto it = bucket.byStatus.cbegin(); it != bucket.byStatus.cend(); ++it) {
            if (logs::statusClass(it.key()) == statusClass)
                counts[it.key()] += it.value();
        }
    }
    int best = statusClass * 100;
    qint64 bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

QList<Spike> detectSpikes(const QList<SeriesBucket> &buckets, int bucketSeconds, const SpikeOptions &options)
{
    QSet<int> statuses;
    for (const SeriesBucket &bucket : buckets) {
        for (auto it = bucket.byStatus.cbegin(); it != bucket.byStatus.cend(); ++it) {
            // Only error statuses: a surge of 200s is traffic, not a problem to chart.
            if (it.key() >= 400)
                statuses.insert(it.key());
        }
    }
    QList<int> ordered(statuses.begin(), statuses.end());
    std::sort(ordered.begin(), ordered.end());

    QList<Spike> spikes;
    const qint64 bucketMs = qint64(bucketSeconds) * 1000;
    for (int status : ordered) {
        detectRuns(buckets, bucketMs, options, SpikeKind::Status, status,
                   [status](const SeriesBucket &bucket) { return bucket.byStatus.value(status, 0); }, spikes);
    }
    const qsizetype statusSpikes = spikes.size();
    for (const auto &rateKind : {std::pair{SpikeKind::Rate4xx, 4}, std::pair{SpikeKind::Rate5xx, 5}}) {
        // Plain variables, not a structured binding: lambdas may capture those only from C++20
        // compilers newer than clang 14 (the fuzz build) and Apple clang 15.
        const SpikeKind kind = rateKind.first;
        const int statusClass = rateKind.second;
        QList<Spike> rate;
        detectRuns(buckets, bucketMs, options, kind, 0,
                   [statusClass](const SeriesBucket &bucket) { return bucket.byClass[size_t(statusClass)]; }, rate);
        for (Spike &spike : rate) {
            const bool explained = std::any_of(spikes.cbegin(), spikes.cbegin() + statusSpikes, [&](const Spike &other) {
                return other.status / 100 == statusClass && other.startMs < spike.endMs && other.endMs > spike.startMs;
            });
            if (explained)
                continue;
            spike.status = topStatusOfClass(buckets, statusClass, spike.startMs, spike.endMs);
            spikes.push_back(spike);
        }
    }
    std::sort(spikes.begin(), spikes.end(), [](const Spike &a, const Spike &b) {
        if (a.startMs != b.startMs)
            return a.startMs < b.startMs;
        return a.kind != b.kind ? a.kind < b.kind : a.status < b.status;
    });
    return spikes;
}

} // namespace statusscope::logs
