// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/waterfall_delegate.h"
#include "core/text/durations.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace statusscope::ui {

namespace {
// A phase of a few microseconds still gets a visible sliver.
constexpr double kMinSpanPixels = 2.0;
constexpr int kMargin = 4;
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

QRectF WaterfallDelegate::spanRect(const Waterfall &w, const QRect &cell, const PhaseSpan &span)
{
    const QRectF area = QRectF(cell).adjusted(kMargin, 4, -kMargin, -4);
    const double scale = w.scaleEndMs > 0 ? area.width() / w.scaleEndMs : 0;
    const double left = area.left() + span.startMs * scale;
    const double width = qMax(kMinSpanPixels, span.durationMs() * scale);
    return QRectF(left, area.top(), width, area.height());
}

std::optional<PhaseSpan> WaterfallDelegate::spanAt(const Waterfall &w, const QRect &cell, int x)
{
    // Later phases are drawn on top, so search from the end.
    for (auto it = w.spans.crbegin(); it != w.spans.crend(); ++it) {
        const QRectF r = spanRect(w, cell, *it);
        if (x >= r.left() - 1 && x <= r.right() + 1)
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
    return size;
}

bool WaterfallDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QVariant value = index.data(m_role);
    if (event->type() != QEvent::ToolTip || !value.canConvert<Waterfall>())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const Waterfall w = value.value<Waterfall>();
    QStringList lines;
    if (const auto span = spanAt(w, option.rect, event->pos().x())) {
        lines << QStringLiteral("<b>%1</b>: %2 (from %3 to %4)")
                     .arg(toString(span->phase), text::exactMs(span->durationMs()), text::exactMs(span->startMs),
                          text::exactMs(span->endMs));
        if (span->phase == Phase::WaitFor100 && !w.wait100End.isEmpty())
            lines << QObject::tr("ended by %1").arg(w.wait100End);
    } else {
        for (const PhaseSpan &s : w.spans)
            lines << QStringLiteral("%1: %2").arg(toString(s.phase), text::exactMs(s.durationMs()));
    }
    QToolTip::showText(event->globalPos(), lines.join(QStringLiteral("<br>")), view);
    return true;
}

} // namespace statusscope::ui
