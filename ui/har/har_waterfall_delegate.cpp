// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_waterfall_delegate.h"

#include "ui/har/har_entries_model.h"
#include "ui/har/har_time_scale.h"
#include "ui/har/har_waterfall.h"

#include <QApplication>
#include <QPainter>

namespace statusscope::ui {

namespace {

// The narrowest waterfall that still shows where a request sits among the others.
constexpr int kMinimumUsefulWidth = 120;

} // namespace

HarWaterfallDelegate::HarWaterfallDelegate(const HarTimeScale *scale, QObject *parent)
    : QStyledItemDelegate(parent), m_scale(scale)
{
}

QRect waterfallBarsRect(const QRect &cell)
{
    return cell.adjusted(4, 0, -4, 0);
}

void HarWaterfallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QRect bars = waterfallBarsRect(option.rect);
    QColor grid = option.palette.color(QPalette::Text);
    grid.setAlpha(28);
    m_scale->paintGrid(painter, bars, grid, option.fontMetrics);
    const QVariant value = index.data(HarEntriesModel::WaterfallRole);
    if (value.canConvert<HarWaterfallSpan>())
        paintWaterfall(painter, bars, value.value<HarWaterfallSpan>(), *m_scale);
}

QSize HarWaterfallDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), kMinimumUsefulWidth));
    return size;
}

} // namespace statusscope::ui
