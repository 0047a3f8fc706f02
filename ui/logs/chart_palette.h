// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QCustomPlot;
class QPalette;

namespace statusscope::ui {

// QCustomPlot paints its own white background, black axes and grey grid whatever the theme;
// this gives a plot the colours of a widget palette, so a dark theme reaches the chart too.
void applyChartPalette(QCustomPlot *plot, const QPalette &palette);

// True when the palette's window is darker than its text.
bool isDark(const QPalette &palette);

// The bars of a status class (1..5): mid tones, readable on light and dark backgrounds.
QColor statusClassColor(int statusClass);
// The line of a class's error rate: darker than its bars on light, lighter on dark.
QColor statusRateColor(int statusClass, bool dark);
// Spike markers: their text and outline.
QColor spikeColor(bool dark);

} // namespace statusscope::ui
