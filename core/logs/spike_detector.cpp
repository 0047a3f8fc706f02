#include "core/logs/spike_detector.h"

#include <QSet>

#include <algorithm>
#include <cmath>
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

} // namespace

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
        std::vector<double> history; // the status's share of each bucket's traffic
        history.reserve(static_cast<size_t>(buckets.size()));
        Spike open;
        bool inSpike = false;
        std::vector<double> baselines;
        for (const SeriesBucket &bucket : buckets) {
            const double count = double(bucket.byStatus.value(status, 0));
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
                flagged = score > options.k && count >= double(options.minCount)
                          && count >= options.minRatio * expected;
            }
            const double median = expected;
            if (total > 0)
                history.push_back(flagged ? medianShare : share);
            if (flagged) {
                if (!inSpike) {
                    open = Spike();
                    open.status = status;
                    open.startMs = bucket.startMs;
                    baselines.clear();
                    inSpike = true;
                }
                open.endMs = bucket.startMs + bucketMs;
                open.count += qint64(count);
                open.peakScore = std::max(open.peakScore, score);
                baselines.push_back(median);
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
    std::sort(spikes.begin(), spikes.end(), [](const Spike &a, const Spike &b) {
        return a.startMs != b.startMs ? a.startMs < b.startMs : a.status < b.status;
    });
    return spikes;
}

} // namespace statusscope::logs
