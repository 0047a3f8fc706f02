#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The header of a view with a waterfall column: over that column it draws the time axis (ms
// ticks on the delegate's scale, so a tick sits exactly over the bars' time); the other
// sections are ordinary headers.

#include "ui/timeline/phase_spans.h"

#include <QHeaderView>

namespace statusscope::ui {

class WaterfallHeader : public QHeaderView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaterfallHeader)

public:
    WaterfallHeader(int waterfallSection, QWidget *parent = nullptr);

    // The axis runs from 0 to endMs (the bars' scale); 0 draws the section's title instead.
    void setScaleEndMs(double endMs);
    double scaleEndMs() const { return m_endMs; }
    // The ticks drawn at the section's current width.
    QList<AxisTick> ticks() const;
    // The width a section's title needs.
    int contentWidth(int logicalIndex) const { return sectionSizeFromContents(logicalIndex).width(); }

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;

private:
    int m_section;
    double m_endMs = 0;
};

} // namespace statusscope::ui
