// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace statusscope::ui {

// Paints the waterfall column from HarEntriesModel::WaterfallRole (Wireshark's
// timeline_delegate idea): the model only carries numbers, the delegate only draws.
class HarWaterfallDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarWaterfallDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace statusscope::ui
