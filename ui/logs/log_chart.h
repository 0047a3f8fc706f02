// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_summary.h"
#include "ui/status/status_activation.h"

#include <QWidget>

#include <utility>

class QCPAbstractPlottable;
class QCPBars;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QMouseEvent;
class QTimer;

namespace statusscope::ui {

// Requests per bucket stacked by class, the 4xx and 5xx error rates on a second axis, spikes
// shaded with a label each. It only draws: buckets come from core (buildSeries); zooming or
// panning re-buckets the visible range from the minute series, coalesced on a short timer
// (Wireshark's I/O graph does the same) so a wheel spin costs one rebuild, not fifty.
// Mouse: a click opens a bucket (or a spike), a drag selects a time range, Shift+drag pans,
// the wheel zooms, a double-click shows everything again.
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

    // The class (1..5) whose series stand out, the others dimmed; 0 when none does.
    int highlightedClass() const { return m_highlightClass; }

    // The time range last dragged out on the chart (or set), as [fromMs, toMs), UTC.
    bool hasSelectedRange() const { return m_selectedToMs > m_selectedFromMs; }
    qint64 selectedFromMs() const { return m_selectedFromMs; }
    qint64 selectedToMs() const { return m_selectedToMs; }

    // The summary's spikes, and the one whose marker is under a point of the plot (its label
    // first, then its shaded window), or -1.
    const QList<logs::Spike> &spikes() const { return m_spikes; }
    int spikeAt(const QPoint &pixel) const;
    QString spikeTooltip(int spike) const;
    // The buckets of the current bucket size that hold a spike, as [fromMs, toMs).
    std::pair<qint64, qint64> spikeBucketRange(int spike) const;
    // The label drawn for a spike; hidden when it would cover another spike's label.
    QCPItemText *spikeLabel(int spike) const { return m_spikeLabels.value(spike); }

    bool savePng(const QString &path);
    bool savePdf(const QString &path);

public slots:
    // Emphasises the series of a status's class (404: the 4xx bars and the 4xx rate line) and
    // dims the others, as when a status is selected in a table; 0 clears.
    void highlightStatus(int code);
    // The same for a class 1..5; 0 clears.
    void highlightClass(int statusClass);
    // Shows a time range as selected without emitting rangeSelected (a filter set elsewhere).
    void setSelectedRange(qint64 fromMs, qint64 toMs);
    // Removes the selected range (also in the chart's context menu); emits rangeCleared when
    // there was one.
    void clearSelectedRange();

signals:
    // A click on a bar, or on a spike's label: that bucket (a spike: the buckets that hold it).
    void bucketClicked(qint64 startMs, qint64 endMs);
    // A click on a spike's label, after bucketClicked: the status that stood out in that range.
    void spikeClicked(int status, qint64 startMs, qint64 endMs);
    // A drag across the plot selected [fromMs, toMs), snapped outwards to whole buckets.
    void rangeSelected(qint64 fromMs, qint64 toMs);
    void rangeCleared();
    // External buckets only: the visible range [fromMs, toMs] wants buckets of this size.
    void rebucketRequested(qint64 fromMs, qint64 toMs, int bucketSeconds);
    void classToggled(int statusClass, bool visible);
    // Double-click or "Open guide" on a legend entry or a spike marker.
    void statusActivated(const statusscope::ui::StatusActivation &activation);

protected:
    // The chart follows the palette (light, dark, system) when it changes.
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void takeSummary(const logs::LogSummary &summary);
    void rebucket();
    void fitRange(qint64 fromMs, qint64 toMs);
    void showBuckets();
    void showSpikes();
    double keyOf(qint64 utcMs) const; // plot x: seconds, shifted into the log's own zone
    int classOf(const QCPAbstractPlottable *plottable) const; // 1..5, or 0
    void showGuideMenu(const QPoint &pixel);
    void applyPalette();
    void applyHighlight();
    void updateLegendItems();
    void fitLegend();
    void restack();
    void refitValueAxis();
    void placeSpikeLabels();
    int spikeLabelAt(const QPoint &pixel) const; // a shown label's spike, or -1
    void pressed(QMouseEvent *event);
    void moved(QMouseEvent *event);
    void released(QMouseEvent *event);
    void clicked(const QPoint &pixel);
    void showSelectedRange();
    qint64 msOf(double key) const;
    std::pair<qint64, qint64> snapToBuckets(qint64 fromMs, qint64 toMs) const;

    QCustomPlot *m_plot = nullptr;
    QCPBars *m_bars[6] = {};
    QCPGraph *m_rate4xx = nullptr;
    QCPGraph *m_rate5xx = nullptr;
    QCPItemStraightLine *m_cursor = nullptr;
    QCPItemRect *m_selection = nullptr;
    QTimer *m_rebucketTimer = nullptr;

    logs::MinuteSeries m_minutes;
    QList<logs::Spike> m_spikes;
    int m_spikeBucketSeconds = 60; // the bucket size the spikes were found in
    // By index in m_spikes: the tag over each spike, and its shaded window.
    QList<QCPItemText *> m_spikeLabels;
    QList<QCPItemRect *> m_spikeWindows;
    int m_highlightClass = 0;
    qint64 m_selectedFromMs = 0;
    qint64 m_selectedToMs = 0;
    // A left press in the plot: a click when released where it was, else a range selection.
    QPoint m_pressPos;
    bool m_pressed = false;
    bool m_selecting = false;
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
