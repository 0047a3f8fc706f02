// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One entry's place on the waterfall: where it starts relative to the log's origin and how long
// each HAR phase took, carried by HarEntriesModel::WaterfallRole and painted by the delegate.

#include "core/har/har_types.h"

#include <QColor>
#include <QMetaType>

#include <array>

class QPainter;
class QRect;

namespace statusscope::ui {

class HarTimeScale;

struct HarWaterfallSpan
{
    double startMs = 0; // from the log's origin (the earliest page or entry start)
    double totalMs = 0; // the entry's time
    std::array<double, static_cast<size_t>(HarPhase::PhaseCount)> phases{}; // -1: did not apply

    double endMs() const { return startMs + std::max(0.0, totalMs); }
    static HarWaterfallSpan fromEntry(const HarEntry &entry, qint64 originMs);
};

QColor phaseColor(HarPhase phase);

// Narrower than this, a phase is still drawn at this width: a 0.3 ms send next to a 2 s wait
// must stay visible (the tooltip has its exact duration).
inline constexpr int kMinPhasePixels = 2;

// Bars for the phases inside `rect`, placed by `scale`. ssl is drawn as the last part of
// connect, since HAR 1.2 counts it inside connect.
void paintWaterfall(QPainter *painter, const QRect &rect, const HarWaterfallSpan &span, const HarTimeScale &scale);

// "dns  17.802 ms" for each phase, for the bar's tooltip.
QString describeWaterfall(const HarWaterfallSpan &span);

} // namespace statusscope::ui

Q_DECLARE_METATYPE(statusscope::ui::HarWaterfallSpan)
