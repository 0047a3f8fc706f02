// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace statusscope::ui {

class HarTimeScale;

// Paints the waterfall column from HarEntriesModel::WaterfallRole (Wireshark's
// timeline_delegate idea): the model only carries numbers, the delegate only draws, on the
// tab's time scale (the same one the column's header labels), over its tick lines and page
// markers.
class HarWaterfallDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarWaterfallDelegate)

public:
    // `scale` belongs to the view and outlives the delegate.
    HarWaterfallDelegate(const HarTimeScale *scale, QObject *parent);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const HarTimeScale *m_scale;
};

// Where the bars of the waterfall column go inside a cell.
QRect waterfallBarsRect(const QRect &cell);

} // namespace statusscope::ui
