// SPDX-License-Identifier: GPL-3.0-or-later
// qcustomplot.h (2.1) needs Qt's foreach, which the project turns off (see log_chart.cpp).
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "ui/logs/chart_palette.h"

#include <QPalette>

namespace statusscope::ui {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void applyChartPalette(QCustomPlot *plot, const QPalette &palette)
{
    const QColor background = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // Grid lines a little off the background: visible, never competing with the bars.
    const QColor grid = isDark(palette) ? background.lighter(170) : background.darker(112);
    plot->setBackground(background);
    for (QCPAxisRect *rect : plot->axisRects()) {
        rect->setBackground(background);
        for (QCPAxis *axis : rect->axes()) {
            axis->setBasePen(QPen(text, 1));
            axis->setTickPen(QPen(text, 1));
            axis->setSubTickPen(QPen(text, 1));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setSubGridPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setZeroLinePen(QPen(grid, 1));
        }
    }
    plot->legend->setBrush(background);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setTextColor(text);
    plot->legend->setSelectedTextColor(text);
}

QColor statusClassColor(int statusClass)
{
    switch (statusClass) {
    case 1:
        return QColor(0x90, 0x90, 0x90);
    case 2:
        return QColor(0x4c, 0xaf, 0x50);
    case 3:
        return QColor(0x42, 0x85, 0xf4);
    case 4:
        return QColor(0xff, 0x98, 0x00);
    default:
        return QColor(0xe5, 0x39, 0x35);
    }
}

QColor statusRateColor(int statusClass, bool dark)
{
    return dark ? statusClassColor(statusClass).lighter(130) : statusClassColor(statusClass).darker(130);
}

QColor spikeColor(bool dark)
{
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

} // namespace statusscope::ui
