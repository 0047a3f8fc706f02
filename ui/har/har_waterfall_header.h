// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHeaderView>

namespace statusscope::ui {

class HarTimeScale;

// The HAR table's header: two lines tall, the waterfall column's section carries the time
// axis (tick labels on the tab's time scale under its title), as DevTools' network panel does.
class HarWaterfallHeader : public QHeaderView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarWaterfallHeader)

public:
    // `scale` belongs to the view and outlives the header.
    HarWaterfallHeader(int waterfallColumn, const HarTimeScale *scale, QWidget *parent);

    QSize sizeHint() const override;

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;

private:
    int m_waterfallColumn;
    const HarTimeScale *m_scale;
};

} // namespace statusscope::ui
