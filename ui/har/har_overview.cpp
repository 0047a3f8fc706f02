// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_overview.h"

#include "ui/har/har_waterfall.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace statusscope::ui {

namespace {

constexpr int kLanes = 10;
constexpr int kLaneHeight = 3; // a 2 px bar and a 1 px gap
// Less than this is a click, not a range.
constexpr int kMinimumDragPixels = 3;

QColor failedColor()
{
    return QColor(0xc6, 0x28, 0x28);
}

} // namespace

HarOverview::HarOverview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("harOverview"));
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Every request over time, with each page's DOMContentLoaded (blue) and load (red).\n"
                  "Drag across it to show only the requests of that time range."));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize HarOverview::sizeHint() const
{
    return {400, fontMetrics().height() + 4 + kLanes * kLaneHeight + 4};
}

QSize HarOverview::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

QRect HarOverview::plotRect() const
{
    return rect().adjusted(4, fontMetrics().height() + 4, -4, -2);
}

void HarOverview::setTimeline(const QList<HarOverviewBar> &bars, double extentMs, const QList<HarPageMarker> &markers)
{
    m_scale.setRange(0, std::max(extentMs, 1.0));
    m_scale.setMarkers(markers);
    // Lanes as DevTools stacks them: a request goes to the first lane free at its start; when
    // every lane is busy, to the one that frees first.
    QList<HarOverviewBar> sorted = bars;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const HarOverviewBar &a, const HarOverviewBar &b) { return a.startMs < b.startMs; });
    QList<double> laneEnds;
    m_bars.clear();
    m_bars.reserve(sorted.size());
    for (const HarOverviewBar &bar : std::as_const(sorted)) {
        int lane = -1;
        for (int i = 0; i < laneEnds.size() && lane < 0; ++i) {
            if (laneEnds[i] <= bar.startMs)
                lane = i;
        }
        if (lane < 0 && laneEnds.size() < kLanes) {
            lane = static_cast<int>(laneEnds.size());
            laneEnds.append(0);
        }
        if (lane < 0)
            lane = static_cast<int>(std::min_element(laneEnds.begin(), laneEnds.end()) - laneEnds.begin());
        laneEnds[lane] = std::max(laneEnds[lane], bar.endMs);
        m_bars.append({bar, lane});
    }
    update();
}

void HarOverview::setSelection(std::optional<QPair<double, double>> range)
{
    m_selection = range;
    update();
}

void HarOverview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const QRect plot = plotRect();
    const QFontMetrics metrics = fontMetrics();
    QColor grid = palette().color(QPalette::Text);
    grid.setAlpha(40);
    painter.setPen(palette().color(QPalette::Text));
    for (const HarTimeTick &tick : m_scale.ticks(plot.width(), metrics)) {
        const int x = static_cast<int>(std::lround(m_scale.xAt(tick.ms, plot)));
        const int width = metrics.horizontalAdvance(tick.label);
        if (x + 3 + width <= rect().right())
            painter.drawText(QRect(x + 3, 1, width, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter, tick.label);
        painter.fillRect(QRect(x, 1, 1, plot.bottom()), grid);
    }
    for (const Placed &placed : std::as_const(m_bars)) {
        const int left = static_cast<int>(std::floor(m_scale.xAt(placed.bar.startMs, plot)));
        const int right = std::max(left + 1, static_cast<int>(std::ceil(m_scale.xAt(placed.bar.endMs, plot))));
        const QColor color = placed.bar.failed ? failedColor() : phaseColor(HarPhase::Wait);
        painter.fillRect(QRect(left, plot.top() + placed.lane * kLaneHeight, right - left, kLaneHeight - 1), color);
    }
    // Page events over the bars, the full height, as DevTools draws them.
    for (const HarPageMarker &marker : m_scale.markers()) {
        const int x = std::min(static_cast<int>(std::lround(m_scale.xAt(marker.ms, plot))), plot.right());
        painter.fillRect(QRect(x, plot.top(), 1, plot.height()), markerColor(marker.kind));
    }
    std::optional<QPair<int, int>> shaded;
    if (m_dragFrom)
        shaded = {std::min(*m_dragFrom, m_dragTo), std::max(*m_dragFrom, m_dragTo)};
    else if (m_selection)
        shaded = {static_cast<int>(std::lround(m_scale.xAt(m_selection->first, plot))),
                  static_cast<int>(std::lround(m_scale.xAt(m_selection->second, plot)))};
    if (shaded) {
        QColor highlight = palette().color(QPalette::Highlight);
        highlight.setAlpha(60);
        const QRect area(shaded->first, rect().top(), std::max(1, shaded->second - shaded->first), rect().height());
        painter.fillRect(area, highlight);
        highlight.setAlpha(200);
        painter.fillRect(QRect(area.left(), area.top(), 1, area.height()), highlight);
        painter.fillRect(QRect(area.right(), area.top(), 1, area.height()), highlight);
    }
}

void HarOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragFrom = std::clamp(event->position().toPoint().x(), plotRect().left(), plotRect().right());
    m_dragTo = *m_dragFrom;
    update();
}

void HarOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragFrom)
        return QWidget::mouseMoveEvent(event);
    m_dragTo = std::clamp(event->position().toPoint().x(), plotRect().left(), plotRect().right());
    update();
}

void HarOverview::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragFrom || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_dragTo = std::clamp(event->position().toPoint().x(), plotRect().left(), plotRect().right());
    const int from = std::min(*m_dragFrom, m_dragTo);
    const int to = std::max(*m_dragFrom, m_dragTo);
    m_dragFrom.reset();
    update();
    if (to - from >= kMinimumDragPixels)
        emit rangeSelected(m_scale.msAt(from, plotRect()), m_scale.msAt(to, plotRect()));
}

} // namespace statusscope::ui
