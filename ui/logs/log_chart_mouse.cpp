// SPDX-License-Identifier: GPL-3.0-or-later
// qcustomplot.h (2.1) needs Qt's foreach, which the project turns off (see log_chart.cpp).
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "ui/logs/log_chart.h"

#include "ui/logs/chart_time_text.h"

#include <QMenu>
#include <QToolTip>

#include <algorithm>

// LogChart's mouse: a click opens a bucket or a spike, a drag selects a time range, Shift+drag
// pans, the context menu opens a guide or acts on the selection.
namespace statusscope::ui {

using namespace statusscope::logs;

namespace {

// A press that moves fewer pixels than this is a click, not a drag (QCustomPlot's own rule).
constexpr int kClickSlopPixels = 3;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

// Outwards to the current bucket grid (the bars' edges), so a range opens whole bars.
std::pair<qint64, qint64> LogChart::snapToBuckets(qint64 fromMs, qint64 toMs) const
{
    const qint64 width = qint64(m_currentBucketSeconds) * 1000;
    if (width <= 0)
        return {fromMs, toMs};
    const qint64 anchor = m_buckets.isEmpty() ? 0 : m_buckets.front().startMs;
    const qint64 from = anchor + floorDiv(fromMs - anchor, width) * width;
    const qint64 to = anchor + (floorDiv(toMs - anchor - 1, width) + 1) * width;
    return {from, std::max(to, from + width)};
}

void LogChart::showGuideMenu(const QPoint &pixel)
{
    auto *menu = new QMenu(m_plot);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (const int code = guideStatusAt(pixel); code > 0)
        menu->addAction(tr("Open guide for %1").arg(code), this, [this, code] {
            emit statusActivated(StatusActivation::ofCode(code));
        });
    if (hasSelectedRange()) {
        menu->addAction(tr("Zoom to selection"), this, [this] {
            m_plot->xAxis->setRange(keyOf(m_selectedFromMs), keyOf(m_selectedToMs));
            m_plot->replot();
        });
        menu->addAction(tr("Clear time selection"), this, &LogChart::clearSelectedRange);
    }
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->popup(m_plot->mapToGlobal(pixel));
}

qint64 LogChart::msOf(double key) const
{
    // Clamp in floating point first: a wild zoom-out may reach far past what qint64 holds.
    return qint64(std::clamp((key - m_tzOffsetMinutes * 60.0) * 1000.0, -9.0e15, 9.0e15));
}

void LogChart::pressed(QMouseEvent *event)
{
    // A plain drag selects a time range; Shift+drag pans as plain dragging used to.
    const bool pan = event->modifiers().testFlag(Qt::ShiftModifier);
    m_plot->setInteraction(QCP::iRangeDrag, pan);
    m_pressPos = event->pos();
    m_selecting = false;
    // A pan is neither a click nor a selection; the legend, below the plot, has its own clicks.
    m_pressed = !pan && event->button() == Qt::LeftButton && m_plot->axisRect()->rect().contains(event->pos());
}

void LogChart::moved(QMouseEvent *event)
{
    if (m_pressed && event->buttons().testFlag(Qt::LeftButton)) {
        if (!m_selecting && (event->pos() - m_pressPos).manhattanLength() <= kClickSlopPixels)
            return;
        m_selecting = true;
        const double a = m_plot->xAxis->pixelToCoord(m_pressPos.x());
        const double b = m_plot->xAxis->pixelToCoord(event->pos().x());
        const auto [from, to] = snapToBuckets(msOf(std::min(a, b)), msOf(std::max(a, b)));
        m_selection->topLeft->setCoords(keyOf(from), 0);
        m_selection->bottomRight->setCoords(keyOf(to), 1);
        m_selection->setVisible(true);
        m_cursor->setVisible(false);
        QToolTip::showText(event->globalPosition().toPoint(),
                           QStringLiteral("%1 (%2)").arg(timeWindowText(from, to, m_tzOffsetMinutes), durationText(to - from)),
                           m_plot);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const double key = m_plot->xAxis->pixelToCoord(event->pos().x());
    const int index = m_plot->axisRect()->rect().contains(event->pos()) ? bucketAt(key) : -1;
    const int spike = spikeAt(event->pos());
    const bool onLabel = spike >= 0 && spike == spikeLabelAt(event->pos());
    if (index < 0 && spike < 0) {
        m_cursor->setVisible(false);
        QToolTip::hideText();
    } else {
        m_cursor->point1->setCoords(key, 0);
        m_cursor->point2->setCoords(key, 1);
        m_cursor->setVisible(!onLabel);
        QString text = onLabel || index < 0 ? spikeTooltip(spike) : tooltipFor(index);
        if (!onLabel && index >= 0 && spike >= 0)
            text += QStringLiteral("<hr>") + spikeTooltip(spike);
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LogChart::released(QMouseEvent *event)
{
    if (!m_pressed || event->button() != Qt::LeftButton)
        return;
    m_pressed = false;
    if (!m_selecting) {
        clicked(event->pos());
        return;
    }
    m_selecting = false;
    QToolTip::hideText();
    const double a = m_plot->xAxis->pixelToCoord(m_pressPos.x());
    const double b = m_plot->xAxis->pixelToCoord(event->pos().x());
    auto [from, to] = snapToBuckets(msOf(std::min(a, b)), msOf(std::max(a, b)));
    // Not past the log's ends: the range is a filter on its lines.
    if (!m_buckets.isEmpty()) {
        from = std::max(from, m_buckets.front().startMs);
        to = std::min(to, m_buckets.back().startMs + qint64(m_currentBucketSeconds) * 1000);
    }
    if (to <= from) {
        showSelectedRange();
        return;
    }
    m_selectedFromMs = from;
    m_selectedToMs = to;
    showSelectedRange();
    emit rangeSelected(from, to);
}

void LogChart::clicked(const QPoint &pixel)
{
    if (const int spike = spikeLabelAt(pixel); spike >= 0) {
        // The label's own spike, whichever bar the label's text reaches over.
        const auto [from, to] = spikeBucketRange(spike);
        emit bucketClicked(from, to);
        emit spikeClicked(m_spikes[spike].status, from, to);
        return;
    }
    const int index = bucketAt(m_plot->xAxis->pixelToCoord(pixel.x()));
    if (index >= 0) {
        const SeriesBucket &bucket = m_buckets[index];
        emit bucketClicked(bucket.startMs, bucket.startMs + qint64(m_currentBucketSeconds) * 1000);
    }
}

void LogChart::setSelectedRange(qint64 fromMs, qint64 toMs)
{
    m_selectedFromMs = fromMs;
    m_selectedToMs = std::max(fromMs, toMs);
    showSelectedRange();
}

void LogChart::clearSelectedRange()
{
    const bool had = hasSelectedRange();
    m_selectedFromMs = m_selectedToMs = 0;
    showSelectedRange();
    if (had)
        emit rangeCleared();
}

void LogChart::showSelectedRange()
{
    m_selection->setVisible(hasSelectedRange());
    m_selection->topLeft->setCoords(keyOf(m_selectedFromMs), 0);
    m_selection->bottomRight->setCoords(keyOf(m_selectedToMs), 1);
    m_plot->replot();
}

} // namespace statusscope::ui
