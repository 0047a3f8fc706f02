// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One entry's place on the waterfall: where it starts relative to its page and how long each
// HAR phase took, carried by HarEntriesModel::WaterfallRole and painted by the delegate and by
// the timings bar of the details pane.

#include "core/har/har_types.h"

#include <QColor>
#include <QMetaType>

#include <array>

class QPainter;
class QRect;

namespace statusscope::ui {

struct HarWaterfallSpan
{
    double startMs = 0; // from the page's start (or the first entry's)
    std::array<double, static_cast<size_t>(HarPhase::PhaseCount)> phases{}; // -1: did not apply
    double scaleMs = 0; // the width of the whole bar: the page's last end

    static HarWaterfallSpan fromEntry(const HarEntry &entry, qint64 originMs, double scaleMs);
};

QColor phaseColor(HarPhase phase);

// Bars for the phases inside `rect`, placed on a 0..scaleMs axis. ssl is drawn over the end of
// connect, since HAR 1.2 counts it inside connect.
void paintWaterfall(QPainter *painter, const QRect &rect, const HarWaterfallSpan &span);

} // namespace statusscope::ui

Q_DECLARE_METATYPE(statusscope::ui::HarWaterfallSpan)
