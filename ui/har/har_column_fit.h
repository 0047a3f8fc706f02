// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace statusscope::ui {

// What a column wants and what it can live with; minimum == natural: it does not shrink.
struct HarColumnNeed
{
    int natural = 0;
    int minimum = 0;
};

// Widths for the columns so that they fit into `available` pixels: when they do not, the
// shrinkable ones give up room in proportion to what each can give, never below its minimum.
// What still does not fit is left to the caller (the table scrolls).
QList<int> fitColumns(const QList<HarColumnNeed> &needs, int available);

} // namespace statusscope::ui
