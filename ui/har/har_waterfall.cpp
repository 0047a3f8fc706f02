// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_waterfall.h"

#include <QPainter>
#include <QRect>

namespace statusscope::ui {

HarWaterfallSpan HarWaterfallSpan::fromEntry(const HarEntry &entry, qint64 originMs, double scaleMs)
{
    HarWaterfallSpan span;
    span.startMs = entry.startedMs == HarEntry::kNoTime || originMs == HarEntry::kNoTime
        ? 0
        : static_cast<double>(entry.startedMs - originMs);
    for (int p = 0; p < static_cast<int>(HarPhase::PhaseCount); ++p)
        span.phases[static_cast<size_t>(p)] = entry.timings.phase(static_cast<HarPhase>(p));
    span.scaleMs = scaleMs;
    return span;
}

QColor phaseColor(HarPhase phase)
{
    // The colours browsers' network panels use, so the bars read the same way.
    switch (phase) {
    case HarPhase::Blocked: return QColor(0xb0, 0xb0, 0xb0);
    case HarPhase::Dns: return QColor(0x2b, 0x9f, 0x94);
    case HarPhase::Connect: return QColor(0xe8, 0x8e, 0x2a);
    case HarPhase::Ssl: return QColor(0xb9, 0x4f, 0xc8);
    case HarPhase::Send: return QColor(0x3b, 0x7d, 0xdd);
    case HarPhase::Wait: return QColor(0x35, 0xa8, 0x52);
    case HarPhase::Receive: return QColor(0x1b, 0x5e, 0xbd);
    case HarPhase::PhaseCount: break;
    }
    return Qt::gray;
}

void paintWaterfall(QPainter *painter, const QRect &rect, const HarWaterfallSpan &span)
{
    if (span.scaleMs <= 0 || rect.width() < 4)
        return;
    painter->save();
    const double pxPerMs = (rect.width() - 2) / span.scaleMs;
    const int top = rect.top() + rect.height() / 4;
    const int height = std::max(2, rect.height() / 2);
    double at = std::max(0.0, span.startMs);
    auto bar = [&](double from, double ms, HarPhase phase) {
        const int x = rect.left() + 1 + static_cast<int>(from * pxPerMs);
        const int w = std::max(1, static_cast<int>(ms * pxPerMs));
        painter->fillRect(QRect(x, top, std::min(w, rect.right() - x), height), phaseColor(phase));
    };
    for (HarPhase phase : {HarPhase::Blocked, HarPhase::Dns, HarPhase::Connect, HarPhase::Send,
                           HarPhase::Wait, HarPhase::Receive}) {
        const double ms = span.phases[static_cast<size_t>(phase)];
        if (ms <= 0)
            continue;
        bar(at, ms, phase);
        if (phase == HarPhase::Connect) {
            const double ssl = span.phases[static_cast<size_t>(HarPhase::Ssl)];
            if (ssl > 0 && ssl <= ms)
                bar(at + ms - ssl, ssl, HarPhase::Ssl);
        }
        at += ms;
    }
    painter->restore();
}

} // namespace statusscope::ui
