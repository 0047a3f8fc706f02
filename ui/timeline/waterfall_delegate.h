#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Paints an attempt's phases as a bar in a table cell, from a role carrying a Waterfall
// (Wireshark's models/timeline_delegate.h does the same for conversations). Hover names the
// phase under the mouse with its exact start and duration.

#include "ui/timeline/phase_spans.h"

#include <QStyledItemDelegate>

namespace statusscope::ui {

QColor phaseColor(Phase phase);

class WaterfallDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaterfallDelegate)

public:
    explicit WaterfallDelegate(int waterfallRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // The span drawn at `pos` (cell coordinates), for the tooltip and for tests.
    static std::optional<PhaseSpan> spanAt(const Waterfall &waterfall, const QRect &cell, QPoint pos);
    // The hover text at `pos`: the phase with its exact duration, start and end.
    static QString toolTipAt(const Waterfall &waterfall, const QRect &cell, QPoint pos);
    // Where the bars go in a cell: the time axis above the column uses the same span.
    static QRectF barArea(const QRect &cell);
    static QRectF spanRect(const Waterfall &waterfall, const QRect &cell, const PhaseSpan &span);
    // However short, a phase is drawn at least this wide, so a 1 ms wait stays visible.
    static constexpr double kMinSpanPixels = 4.0;

private:
    int m_role;
};

} // namespace statusscope::ui
