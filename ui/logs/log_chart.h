#pragma once

#include "core/logs/log_summary.h"

#include <QWidget>

class QCPBars;
class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QTimer;

namespace statusscope::ui {

// Requests per bucket stacked by class, the 4xx and 5xx error rates on a second axis, spikes
// shaded. It only draws: buckets come from core (buildSeries); zooming or panning re-buckets
// the visible range from the minute series, coalesced on a short timer (Wireshark's I/O
// graph does the same) so a wheel spin costs one rebuild, not fifty.
class LogChart : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogChart)

public:
    explicit LogChart(QWidget *parent = nullptr);

    // The whole summary (fits the view to its range), or the minutes read so far.
    void setSummary(const logs::LogSummary &summary);
    void setLiveMinutes(const logs::MinuteSeries &minutes, int tzOffsetMinutes);
    // 0: automatic from the visible range; otherwise a fixed size in seconds.
    void setBucketSeconds(int seconds);

    const QList<logs::SeriesBucket> &buckets() const { return m_buckets; }
    int currentBucketSeconds() const { return m_currentBucketSeconds; }
    QCustomPlot *plot() const { return m_plot; }
    // The bucket under a point of the plot's x axis (seconds since the epoch, log-local), or -1.
    int bucketAt(double key) const;
    QString tooltipFor(int bucket) const;

    bool savePng(const QString &path);
    bool savePdf(const QString &path);

signals:
    void bucketClicked(qint64 startMs, qint64 endMs);
    void classToggled(int statusClass, bool visible);

private:
    void rebucket();
    void fitRange(qint64 fromMs, qint64 toMs);
    void showBuckets();
    void showSpikes();
    double keyOf(qint64 utcMs) const; // plot x: seconds, shifted into the log's own zone

    QCustomPlot *m_plot = nullptr;
    QCPBars *m_bars[6] = {};
    QCPGraph *m_rate4xx = nullptr;
    QCPGraph *m_rate5xx = nullptr;
    QCPItemStraightLine *m_cursor = nullptr;
    QTimer *m_rebucketTimer = nullptr;

    logs::MinuteSeries m_minutes;
    QList<logs::Spike> m_spikes;
    QList<logs::SeriesBucket> m_buckets;
    int m_tzOffsetMinutes = 0;
    int m_fixedBucketSeconds = 0;
    int m_currentBucketSeconds = 60;
    qint64 m_dataFromMs = 0;
    qint64 m_dataToMs = 0;
    bool m_fitting = false;
};

} // namespace statusscope::ui
