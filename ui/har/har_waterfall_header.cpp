// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_waterfall_header.h"

#include "ui/har/har_time_scale.h"
#include "ui/har/har_waterfall_delegate.h"

#include <QPainter>

#include <cmath>

namespace statusscope::ui {

HarWaterfallHeader::HarWaterfallHeader(int waterfallColumn, const HarTimeScale *scale, QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent), m_waterfallColumn(waterfallColumn), m_scale(scale)
{
    setSectionsClickable(true);
    setHighlightSections(true);
}

QSize HarWaterfallHeader::sizeHint() const
{
    QSize size = QHeaderView::sizeHint();
    size.setHeight(std::max(size.height(), 2 * fontMetrics().height() + 6));
    return size;
}

void HarWaterfallHeader::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    // The style leaves its clip and pen on the painter: the axis is drawn on a clean state.
    painter->save();
    QHeaderView::paintSection(painter, rect, logicalIndex);
    painter->restore();
    if (logicalIndex != m_waterfallColumn)
        return;
    painter->save();
    const QRect bars = waterfallBarsRect(rect);
    const QFontMetrics metrics = fontMetrics();
    const int labelsTop = rect.bottom() - metrics.height() - 1;
    QColor tickColor = palette().color(QPalette::WindowText);
    painter->setPen(tickColor);
    const QList<HarTimeTick> ticks = m_scale->ticks(bars.width(), metrics);
    for (const HarTimeTick &tick : ticks) {
        const int x = static_cast<int>(std::lround(m_scale->xAt(tick.ms, bars)));
        painter->fillRect(QRect(x, labelsTop - 3, 1, rect.bottom() - labelsTop + 3), tickColor);
        // Labels start at their tick; one that would leave the section is left out (the
        // steps leave room for a label between two ticks, not before one).
        const int width = metrics.horizontalAdvance(tick.label);
        if (x + 3 + width <= rect.right())
            painter->drawText(QRect(x + 3, labelsTop, width, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                              tick.label);
    }
    painter->restore();
}

} // namespace statusscope::ui
