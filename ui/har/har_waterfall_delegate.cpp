// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_waterfall_delegate.h"

#include "ui/har/har_entries_model.h"
#include "ui/har/har_waterfall.h"

#include <QApplication>
#include <QPainter>

namespace statusscope::ui {

void HarWaterfallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QVariant value = index.data(HarEntriesModel::WaterfallRole);
    if (!value.canConvert<HarWaterfallSpan>())
        return;
    paintWaterfall(painter, option.rect.adjusted(2, 0, -2, 0), value.value<HarWaterfallSpan>());
}

QSize HarWaterfallDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 200));
    return size;
}

} // namespace statusscope::ui
