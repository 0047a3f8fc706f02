// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_summary.h"
#include "ui/status/status_activation.h"

#include <QWidget>

#include <utility>

class QCPAbstractItem;
class QCPAbstractPlottable;
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
    // The same log with more lines (follow mode): the view grows with the data unless the user
    // has zoomed or panned, in which case it stays where they put it.
    void updateSummary(const logs::LogSummary &summary);
    // Back to the whole time range (double-click on the plot, Home, or the "Show all" button).
    void showAll();
    // True once the user zoomed or panned away from the fitted view.
    bool isUserRange() const { return m_userRange; }
    // 0: automatic from the visible range; otherwise a fixed size in seconds.
    void setBucketSeconds(int seconds);

    // Buckets from a database source: zooming or a bucket size asks for them with
    // rebucketRequested (the server groups them) instead of building them from minutes here,
    // and setExternalBuckets shows the answer. Set before the first setSummary, whose buckets
    // are then drawn as they came.
    void setExternalBuckets(bool on) { m_external = on; }
    void showExternalBuckets(qint64 fromMs, qint64 toMs, int bucketSeconds, const QList<logs::SeriesBucket> &buckets);

    const QList<logs::SeriesBucket> &buckets() const { return m_buckets; }
    int currentBucketSeconds() const { return m_currentBucketSeconds; }
    QCustomPlot *plot() const { return m_plot; }
    // The bucket under a point of the plot's x axis (seconds since the epoch, log-local), or -1.
    int bucketAt(double key) const;
    QString tooltipFor(int bucket) const;
    // The status whose guide a point opens: a class's legend entry (bars or rate line) gives
    // the class's most frequent status in the visible buckets, a spike marker its status;
    // 0 elsewhere.
    int guideStatusAt(const QPoint &pixel) const;
    // The most frequent status of class 1..5 in the visible buckets (c00 when there is none).
    int topStatusOfClass(int statusClass) const;

    bool savePng(const QString &path);
    bool savePdf(const QString &path);

signals:
    void bucketClicked(qint64 startMs, qint64 endMs);
    // External buckets only: the visible range [fromMs, toMs] wants buckets of this size.
    void rebucketRequested(qint64 fromMs, qint64 toMs, int bucketSeconds);
    void classToggled(int statusClass, bool visible);
    // Double-click or "Open guide" on a legend entry or a spike marker.
    void statusActivated(const statusscope::ui::StatusActivation &activation);

private:
    void takeSummary(const logs::LogSummary &summary);
    void rebucket();
    void fitRange(qint64 fromMs, qint64 toMs);
    void showBuckets();
    void showSpikes();
    double keyOf(qint64 utcMs) const; // plot x: seconds, shifted into the log's own zone
    int classOf(const QCPAbstractPlottable *plottable) const; // 1..5, or 0
    void showGuideMenu(const QPoint &pixel);

    QCustomPlot *m_plot = nullptr;
    QCPBars *m_bars[6] = {};
    QCPGraph *m_rate4xx = nullptr;
    QCPGraph *m_rate5xx = nullptr;
    QCPItemStraightLine *m_cursor = nullptr;
    QTimer *m_rebucketTimer = nullptr;

    logs::MinuteSeries m_minutes;
    QList<logs::Spike> m_spikes;
    QList<std::pair<QCPAbstractItem *, int>> m_spikeMarkers; // marker item → status
    QList<logs::SeriesBucket> m_buckets;
    int m_tzOffsetMinutes = 0;
    int m_fixedBucketSeconds = 0;
    int m_currentBucketSeconds = 60;
    qint64 m_dataFromMs = 0;
    qint64 m_dataToMs = 0;
    bool m_fitting = false;
    bool m_userRange = false;
    bool m_external = false;
    // What the shown external buckets cover, so a rebucket to the same asks nothing.
    qint64 m_externalFromMs = 0;
    qint64 m_externalToMs = -1;
    int m_externalSeconds = 0;
};

} // namespace statusscope::ui
