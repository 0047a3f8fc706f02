// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_time_scale.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRect>

#include <cmath>

namespace statusscope::ui {

QColor markerColor(HarPageMarker::Kind kind)
{
    return kind == HarPageMarker::Kind::ContentLoaded ? QColor(0x1a, 0x73, 0xe8) : QColor(0xd9, 0x30, 0x25);
}

void HarTimeScale::setRange(double fromMs, double toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
}

double HarTimeScale::xAt(double ms, const QRect &rect) const
{
    if (isEmpty())
        return rect.left();
    return rect.left() + (ms - m_fromMs) * rect.width() / (m_toMs - m_fromMs);
}

double HarTimeScale::msAt(double x, const QRect &rect) const
{
    if (rect.width() <= 0)
        return m_fromMs;
    return m_fromMs + (x - rect.left()) * (m_toMs - m_fromMs) / rect.width();
}

QString tickLabel(double ms, double stepMs)
{
    if (ms == 0)
        return QStringLiteral("0");
    // A label carries the decimals its step needs: steps of 0.5 s read "1.5 s", of 2 s "4 s".
    auto decimalsFor = [](double step) { return std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9))); };
    if (stepMs >= 100 && std::abs(ms) >= 1000)
        return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', decimalsFor(stepMs / 1000));
    return QStringLiteral("%1 ms").arg(ms, 0, 'f', decimalsFor(stepMs));
}

QList<HarTimeTick> HarTimeScale::ticks(int widthPx, const QFontMetrics &metrics) const
{
    QList<HarTimeTick> ticks;
    if (isEmpty() || widthPx <= 0)
        return ticks;
    const double range = m_toMs - m_fromMs;
    const int gap = metrics.horizontalAdvance(QLatin1Char('M'));
    double step = 0;
    for (double decade = 0.01; decade < 1e9 && step == 0; decade *= 10) {
        for (double factor : {1.0, 2.0, 5.0}) {
            const double candidate = decade * factor;
            const double widest = std::max(metrics.horizontalAdvance(tickLabel(m_toMs, candidate)),
                                           metrics.horizontalAdvance(tickLabel(m_fromMs + candidate, candidate)));
            if (candidate * widthPx / range >= widest + gap) {
                step = candidate;
                break;
            }
        }
    }
    if (step == 0)
        return ticks;
    for (double ms = std::ceil(m_fromMs / step - 1e-9) * step; ms <= m_toMs + 1e-9; ms += step)
        ticks.append({ms, tickLabel(std::abs(ms) < step / 1e6 ? 0 : ms, step)});
    return ticks;
}

void HarTimeScale::paintGrid(QPainter *painter, const QRect &rect, const QColor &gridColor,
                             const QFontMetrics &metrics) const
{
    painter->save();
    for (const HarTimeTick &tick : ticks(rect.width(), metrics)) {
        const int x = static_cast<int>(std::lround(xAt(tick.ms, rect)));
        painter->fillRect(QRect(x, rect.top(), 1, rect.height()), gridColor);
    }
    for (const HarPageMarker &marker : m_markers) {
        if (marker.ms < m_fromMs || marker.ms > m_toMs)
            continue;
        const int x = static_cast<int>(std::lround(xAt(marker.ms, rect)));
        painter->fillRect(QRect(std::min(x, rect.right()), rect.top(), 1, rect.height()), markerColor(marker.kind));
    }
    painter->restore();
}

} // namespace statusscope::ui
