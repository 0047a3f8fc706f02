// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/waterfall_header.h"

#include "ui/timeline/waterfall_delegate.h"

#include <QPainter>

#include <cmath>

namespace statusscope::ui {

WaterfallHeader::WaterfallHeader(int waterfallSection, QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
    , m_section(waterfallSection)
{
    setSectionsClickable(false);
}

void WaterfallHeader::setScaleEndMs(double endMs)
{
    m_endMs = endMs;
    viewport()->update();
}

QList<AxisTick> WaterfallHeader::ticks() const
{
    const QRect cell(0, 0, sectionSize(m_section), height());
    return axisTicks(m_endMs, WaterfallDelegate::barArea(cell).width());
}

void WaterfallHeader::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (logicalIndex != m_section || m_endMs <= 0) {
        QHeaderView::paintSection(painter, rect, logicalIndex);
        return;
    }
    // The section's frame without its title, then the axis.
    QStyleOptionHeader opt;
    initStyleOption(&opt);
    opt.rect = rect;
    opt.section = logicalIndex;
    style()->drawControl(QStyle::CE_HeaderSection, &opt, painter, this);
    const QRectF area = WaterfallDelegate::barArea(rect);
    const QFontMetrics metrics(font());
    painter->save();
    painter->setPen(palette().color(QPalette::ButtonText));
    painter->setClipRect(rect);
    for (const AxisTick &tick : ticks()) {
        const double x = std::round(area.left() + tick.ms * area.width() / m_endMs) + 0.5;
        painter->drawLine(QPointF(x, rect.bottom() - 4), QPointF(x, rect.bottom()));
        const int w = metrics.horizontalAdvance(tick.label);
        // Labels centred on their tick, kept inside the section at both ends.
        const int left = qBound(rect.left() + 1, int(x) - w / 2, rect.right() - w - 1);
        painter->drawText(QRect(left, rect.top(), w + 1, rect.height() - 4), Qt::AlignCenter, tick.label);
    }
    painter->restore();
}

} // namespace statusscope::ui
