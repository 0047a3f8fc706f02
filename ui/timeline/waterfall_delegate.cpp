// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/waterfall_delegate.h"
#include "core/text/durations.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace statusscope::ui {

namespace {
constexpr int kMargin = 4;

bool hasSecondLane(const Waterfall &w)
{
    return std::any_of(w.spans.cbegin(), w.spans.cend(), [](const PhaseSpan &s) { return s.lane > 0; });
}
} // namespace

QColor phaseColor(Phase phase)
{
    switch (phase) {
    case Phase::Dns: return QColor(0x26, 0xa6, 0x9a);
    case Phase::Connect: return QColor(0xff, 0x98, 0x00);
    case Phase::Tls: return QColor(0xab, 0x47, 0xbc);
    case Phase::HeadersSent: return QColor(0x78, 0x90, 0x9c);
    case Phase::WaitFor100: return QColor(0xfd, 0xd8, 0x35);
    case Phase::Upload: return QColor(0x42, 0x85, 0xf4);
    case Phase::Waiting: return QColor(0x66, 0xbb, 0x6a);
    case Phase::Download: return QColor(0x1e, 0x88, 0xe5);
    }
    return Qt::gray;
}

WaterfallDelegate::WaterfallDelegate(int waterfallRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(waterfallRole)
{
}

QRectF WaterfallDelegate::barArea(const QRect &cell)
{
    return QRectF(cell).adjusted(kMargin, 3, -kMargin, -3);
}

QRectF WaterfallDelegate::spanRect(const Waterfall &w, const QRect &cell, const PhaseSpan &span)
{
    const QRectF area = barArea(cell);
    const double scale = w.scaleEndMs > 0 ? area.width() / w.scaleEndMs : 0;
    const double width = qMax(kMinSpanPixels, span.durationMs() * scale);
    // A sliver widened to the minimum stays inside the bar area.
    const double left = qMin(area.left() + span.startMs * scale, area.right() - width);
    if (!hasSecondLane(w))
        return QRectF(left, area.top(), width, area.height());
    const double laneHeight = (area.height() - 1) / 2;
    return QRectF(left, area.top() + span.lane * (laneHeight + 1), width, laneHeight);
}

std::optional<PhaseSpan> WaterfallDelegate::spanAt(const Waterfall &w, const QRect &cell, QPoint pos)
{
    // Later phases are drawn on top, so search from the end; within a pixel counts.
    for (auto it = w.spans.crbegin(); it != w.spans.crend(); ++it) {
        const QRectF r = spanRect(w, cell, *it).adjusted(-1, -1, 1, 1);
        if (pos.x() >= r.left() && pos.x() <= r.right() && pos.y() >= r.top() && pos.y() <= r.bottom())
            return *it;
    }
    return std::nullopt;
}

void WaterfallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const QVariant value = index.data(m_role);
    if (!value.canConvert<Waterfall>())
        return;
    const Waterfall w = value.value<Waterfall>();
    painter->save();
    // The time axis's ticks continue down through the bars as faint lines.
    const QRectF area = barArea(opt.rect);
    QColor grid = opt.palette.color(QPalette::Text);
    grid.setAlpha(40);
    painter->setPen(QPen(grid, 1));
    for (const AxisTick &tick : axisTicks(w.scaleEndMs, area.width())) {
        const double x = std::round(area.left() + tick.ms * area.width() / w.scaleEndMs) + 0.5;
        painter->drawLine(QPointF(x, opt.rect.top()), QPointF(x, opt.rect.bottom()));
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    for (const PhaseSpan &span : w.spans) {
        painter->setBrush(phaseColor(span.phase));
        painter->drawRoundedRect(spanRect(w, opt.rect, span), 2, 2);
    }
    painter->restore();
}

QSize WaterfallDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), 240));
    size.setHeight(qMax(size.height(), 22)); // room for two lanes
    return size;
}

QString WaterfallDelegate::toolTipAt(const Waterfall &w, const QRect &cell, QPoint pos)
{
    QStringList lines;
    if (const auto span = spanAt(w, cell, pos)) {
        lines << QStringLiteral("<b>%1</b>: %2 (from %3 to %4)")
                     .arg(toString(span->phase), text::exactMs(span->durationMs()), text::exactMs(span->startMs),
                          text::exactMs(span->endMs));
        if (span->phase == Phase::WaitFor100 && !w.wait100End.isEmpty())
            lines << QObject::tr("ended by %1").arg(w.wait100End);
        if (const auto during = overlappedBy(w.spans, *span))
            lines << QObject::tr("during %1 (lower lane)").arg(toString(during->phase));
    } else {
        for (const PhaseSpan &s : w.spans)
            lines << QStringLiteral("%1: %2").arg(toString(s.phase), text::exactMs(s.durationMs()));
    }
    return lines.join(QStringLiteral("<br>"));
}

bool WaterfallDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QVariant value = index.data(m_role);
    if (event->type() != QEvent::ToolTip || !value.canConvert<Waterfall>())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QToolTip::showText(event->globalPos(), toolTipAt(value.value<Waterfall>(), option.rect, event->pos()), view);
    return true;
}

} // namespace statusscope::ui
