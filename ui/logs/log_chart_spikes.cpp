// SPDX-License-Identifier: GPL-3.0-or-later
// qcustomplot.h (2.1) needs Qt's foreach, which the project turns off (see log_chart.cpp).
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "ui/logs/log_chart.h"

#include "ui/logs/chart_palette.h"
#include "ui/logs/chart_time_text.h"

#include <algorithm>
#include <numeric>

// LogChart's spike markers: a shaded window and a tag per spike, their tooltips and hit-tests.
namespace statusscope::ui {

using namespace statusscope::logs;

namespace {

// Space kept free between two spike labels.
constexpr int kLabelGapPixels = 6;

QString spikeName(const Spike &spike)
{
    return spike.kind == SpikeKind::Status ? QString::number(spike.status)
                                           : LogChart::tr("%1xx rate").arg(spike.status / 100);
}

} // namespace

int LogChart::guideStatusAt(const QPoint &pixel) const
{
    for (int i = 0; i < m_plot->legend->itemCount(); ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i));
        if (item && item->realVisibility() && item->outerRect().contains(pixel)) {
            const int c = classOf(item->plottable());
            return c > 0 ? topStatusOfClass(c) : 0;
        }
    }
    const int spike = spikeAt(pixel);
    return spike >= 0 ? m_spikes[spike].status : 0;
}

int LogChart::spikeAt(const QPoint &pixel) const
{
    if (!m_plot->axisRect()->rect().contains(pixel))
        return -1;
    // Labels first: they sit on top of their shaded range.
    if (const int labelled = spikeLabelAt(pixel); labelled >= 0)
        return labelled;
    // Then the window under the pointer, or the nearest within reach: a one-minute spike on a
    // day's chart is a pixel wide. (QCustomPlot's selectTest cannot tell inside from near.)
    int nearest = -1;
    double nearestDistance = m_plot->selectionTolerance();
    for (int i = 0; i < m_spikeWindows.size(); ++i) {
        const double left = m_spikeWindows[i]->topLeft->pixelPosition().x();
        const double right = m_spikeWindows[i]->bottomRight->pixelPosition().x();
        const double distance = pixel.x() < left ? left - pixel.x() : std::max(0.0, pixel.x() - right);
        if (distance < nearestDistance) {
            nearest = i;
            nearestDistance = distance;
        }
    }
    return nearest;
}

int LogChart::spikeLabelAt(const QPoint &pixel) const
{
    for (int i = 0; i < m_spikeLabels.size(); ++i) {
        const QCPItemText *label = m_spikeLabels[i];
        if (label->visible()
            && QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition()).contains(pixel))
            return i;
    }
    return -1;
}

QString LogChart::spikeTooltip(int index) const
{
    if (index < 0 || index >= m_spikes.size())
        return {};
    const Spike &spike = m_spikes[index];
    const QString what = spike.kind == SpikeKind::Status
                             ? tr("<b>%1 spike</b>").arg(spike.status)
                             : tr("<b>%1xx error rate spike</b> (mostly %2)").arg(spike.status / 100).arg(spike.status);
    const QString counted = spike.kind == SpikeKind::Status ? QString::number(spike.status)
                                                            : QStringLiteral("%1xx").arg(spike.status / 100);
    return QStringLiteral("%1<br>%2 (%3)<br>%4<br>%5<br><i>%6</i>")
        .arg(what, timeWindowText(spike.startMs, spike.endMs, m_tzOffsetMinutes), durationText(spike.endMs - spike.startMs),
             tr("%1 × %2").arg(spike.count).arg(counted),
             tr("expected about %1 per %2 (rolling median)")
                 .arg(spike.baseline, 0, 'f', spike.baseline < 10 ? 1 : 0)
                 .arg(durationText(qint64(m_spikeBucketSeconds) * 1000)),
             tr("Click: its lines · double-click: guide"));
}

std::pair<qint64, qint64> LogChart::spikeBucketRange(int index) const
{
    if (index < 0 || index >= m_spikes.size())
        return {0, 0};
    return snapToBuckets(m_spikes[index].startMs, m_spikes[index].endMs);
}

void LogChart::showSpikes()
{
    for (QCPAbstractItem *marker : m_spikeLabels)
        m_plot->removeItem(marker);
    for (QCPAbstractItem *marker : m_spikeWindows)
        m_plot->removeItem(marker);
    m_spikeLabels.clear();
    m_spikeWindows.clear();
    const QPalette pal = palette();
    const QColor color = spikeColor(isDark(pal));
    QColor shade = color;
    shade.setAlpha(40);
    QColor outline = color;
    outline.setAlpha(160);
    QColor labelBackground = pal.color(QPalette::Base);
    labelBackground.setAlpha(230);
    for (int i = 0; i < m_spikes.size(); ++i) {
        const Spike &spike = m_spikes[i];
        auto *rect = new QCPItemRect(m_plot);
        rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->topLeft->setCoords(keyOf(spike.startMs), 0);
        rect->bottomRight->setCoords(keyOf(spike.endMs), 1);
        rect->setPen(QPen(outline, 1, Qt::DotLine));
        rect->setBrush(shade);
        rect->setSelectable(false);
        rect->setLayer(QStringLiteral("background"));
        // A tag centred over its window at the top, above the bars (refitValueAxis keeps
        // room there); placeSpikeLabels hides those that would cover another.
        auto *label = new QCPItemText(m_plot);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(keyOf((spike.startMs + spike.endMs) / 2), 0);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
        label->setText(spikeName(spike));
        label->setColor(color);
        label->setPen(QPen(color, 1));
        label->setBrush(labelBackground);
        label->setPadding(QMargins(4, 1, 4, 1));
        label->setSelectable(false);
        m_spikeWindows.push_back(rect);
        m_spikeLabels.push_back(label);
    }
}

// Strongest spikes first: a label is shown when its whole tag is inside the plot and clear of
// the labels already shown; the others stay findable by their shaded window and its tooltip.
void LogChart::placeSpikeLabels()
{
    QList<int> order(m_spikes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [this](int a, int b) { return m_spikes[a].peakScore > m_spikes[b].peakScore; });
    const QRect plotArea = m_plot->axisRect()->rect();
    QList<QRectF> taken;
    for (const int i : order) {
        QCPItemText *label = m_spikeLabels.value(i);
        if (!label)
            continue;
        const QFontMetrics metrics(label->font());
        const QMargins padding = label->padding();
        const double width = metrics.horizontalAdvance(label->text()) + padding.left() + padding.right();
        const double center = m_plot->xAxis->coordToPixel(label->position->key());
        const QRectF tag(center - width / 2, plotArea.top(), width, metrics.height() + padding.top() + padding.bottom());
        const QRectF clearance = tag.adjusted(-kLabelGapPixels / 2.0, 0, kLabelGapPixels / 2.0, 0);
        const bool inside = tag.left() >= plotArea.left() && tag.right() <= plotArea.right();
        const bool free = std::none_of(taken.cbegin(), taken.cend(),
                                       [&](const QRectF &other) { return other.intersects(clearance); });
        label->setVisible(inside && free);
        if (inside && free)
            taken.push_back(clearance);
    }
}

} // namespace statusscope::ui
