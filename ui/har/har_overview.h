// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/har/har_time_scale.h"

#include <QList>
#include <QWidget>

#include <optional>

namespace statusscope::ui {

// One request on the overview: when it ran, ms from the log's origin.
struct HarOverviewBar
{
    double startMs = 0;
    double endMs = 0;
    bool failed = false; // no response, 4xx or 5xx
};

// The whole log over time above the table, as DevTools' overview: every request as a thin bar
// in stacked lanes, page DOMContentLoaded/load lines, a time axis. Dragging across it selects
// a time range (rangeSelected), which the tab turns into a filter.
class HarOverview : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarOverview)

public:
    explicit HarOverview(QWidget *parent = nullptr);

    void setTimeline(const QList<HarOverviewBar> &bars, double extentMs, const QList<HarPageMarker> &markers);
    // The range the table is filtered to, shaded; nullopt: none.
    void setSelection(std::optional<QPair<double, double>> range);
    const HarTimeScale &scale() const { return m_scale; }
    // Where the bars and markers are drawn; the scale maps into this.
    QRect plotRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void rangeSelected(double fromMs, double toMs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    struct Placed
    {
        HarOverviewBar bar;
        int lane = 0;
    };

    QList<Placed> m_bars;
    HarTimeScale m_scale;
    std::optional<QPair<double, double>> m_selection;
    std::optional<int> m_dragFrom; // x where the drag started
    int m_dragTo = 0;
};

} // namespace statusscope::ui
