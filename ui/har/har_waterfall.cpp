// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_waterfall.h"

#include "core/text/durations.h"
#include "ui/har/har_time_scale.h"

#include <QCoreApplication>
#include <QPainter>
#include <QRect>

#include <cmath>
#include <limits>

namespace statusscope::ui {

HarWaterfallSpan HarWaterfallSpan::fromEntry(const HarEntry &entry, qint64 originMs)
{
    HarWaterfallSpan span;
    span.startMs = entry.startedMs == HarEntry::kNoTime || originMs == HarEntry::kNoTime
        ? 0
        : static_cast<double>(entry.startedMs - originMs);
    span.totalMs = entry.time;
    for (int p = 0; p < static_cast<int>(HarPhase::PhaseCount); ++p)
        span.phases[static_cast<size_t>(p)] = entry.timings.phase(static_cast<HarPhase>(p));
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

namespace {

struct Segment
{
    HarPhase phase;
    double ms;
};

// The phases in the order they happen, connect split into its plain part and its ssl part.
QList<Segment> segmentsOf(const HarWaterfallSpan &span)
{
    auto ms = [&span](HarPhase phase) { return span.phases[static_cast<size_t>(phase)]; };
    const double ssl = ms(HarPhase::Ssl) > 0 && ms(HarPhase::Ssl) <= ms(HarPhase::Connect) ? ms(HarPhase::Ssl) : 0;
    QList<Segment> segments;
    for (HarPhase phase : {HarPhase::Blocked, HarPhase::Dns, HarPhase::Connect, HarPhase::Send, HarPhase::Wait,
                           HarPhase::Receive}) {
        if (ms(phase) <= 0)
            continue;
        if (phase == HarPhase::Connect && ssl > 0) {
            if (ms(phase) > ssl)
                segments.append({HarPhase::Connect, ms(phase) - ssl});
            segments.append({HarPhase::Ssl, ssl});
            continue;
        }
        segments.append({phase, ms(phase)});
    }
    // An entry without timings still marks when it ran.
    if (segments.isEmpty())
        segments.append({HarPhase::Blocked, std::max(0.0, span.totalMs)});
    return segments;
}

} // namespace

void paintWaterfall(QPainter *painter, const QRect &rect, const HarWaterfallSpan &span, const HarTimeScale &scale)
{
    if (scale.isEmpty() || rect.width() < 4)
        return;
    painter->save();
    const int top = rect.top() + rect.height() / 4;
    const int height = std::max(2, rect.height() / 2);
    // Laid out in pixels one after the other: a phase below a pixel keeps kMinPhasePixels and
    // pushes the next one along instead of being painted over by it.
    int previousRight = std::numeric_limits<int>::min();
    double at = span.startMs;
    for (const Segment &segment : segmentsOf(span)) {
        const int left = std::max(static_cast<int>(std::lround(scale.xAt(at, rect))), previousRight);
        const int right = std::max(static_cast<int>(std::lround(scale.xAt(at + segment.ms, rect))),
                                   left + kMinPhasePixels);
        at += segment.ms;
        previousRight = right;
        const int clippedLeft = std::max(left, rect.left());
        const int clippedRight = std::min(right, rect.right() + 1);
        if (clippedRight > clippedLeft)
            painter->fillRect(QRect(clippedLeft, top, clippedRight - clippedLeft, height), phaseColor(segment.phase));
    }
    painter->restore();
}

QString describeWaterfall(const HarWaterfallSpan &span)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("HarWaterfall", text); };
    QString html = QStringLiteral("<table>");
    auto row = [&html](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;%2</td></tr>").arg(name, value);
    };
    row(tr("started at"), text::exactMs(span.startMs, 3));
    for (int p = 0; p < static_cast<int>(HarPhase::PhaseCount); ++p) {
        const auto phase = static_cast<HarPhase>(p);
        const double ms = span.phases[static_cast<size_t>(p)];
        QString value = ms < 0 ? tr("did not apply") : text::exactMs(ms, 3);
        if (phase == HarPhase::Ssl && ms >= 0)
            value += tr(" (inside connect)");
        row(toString(phase), value);
    }
    row(tr("<b>total</b>"), QStringLiteral("<b>%1</b>").arg(text::exactMs(span.totalMs, 3)));
    return html + QStringLiteral("</table>");
}

} // namespace statusscope::ui
