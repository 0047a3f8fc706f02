// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QString>

class QFontMetrics;
class QPainter;
class QRect;

namespace statusscope::ui {

// A page's DOMContentLoaded or load event, in ms from the log's origin (HAR pageTimings).
struct HarPageMarker
{
    enum class Kind { ContentLoaded, Load };
    double ms = 0;
    Kind kind = Kind::Load;
    bool operator==(const HarPageMarker &) const = default;
};

// The colours DevTools gives the two events, so the lines read the same way.
QColor markerColor(HarPageMarker::Kind kind);

struct HarTimeTick
{
    double ms = 0;
    QString label; // "500 ms", "1.5 s"
};

// One time range laid across a pixel width: the waterfall column, its header and the overview
// strip each map ms to x through one of these, so bars, ticks and markers line up.
class HarTimeScale
{
public:
    void setRange(double fromMs, double toMs);
    double fromMs() const { return m_fromMs; }
    double toMs() const { return m_toMs; }
    bool isEmpty() const { return m_toMs <= m_fromMs; }

    void setMarkers(const QList<HarPageMarker> &markers) { m_markers = markers; }
    const QList<HarPageMarker> &markers() const { return m_markers; }

    // x in `rect` for a time, and the time at an x; outside the range they extrapolate.
    double xAt(double ms, const QRect &rect) const;
    double msAt(double x, const QRect &rect) const;

    // Round steps (1, 2, 5 × 10ⁿ ms) with labels that do not touch at this width.
    QList<HarTimeTick> ticks(int widthPx, const QFontMetrics &metrics) const;

    // Faint tick lines and the page markers inside `rect`, under the bars.
    void paintGrid(QPainter *painter, const QRect &rect, const QColor &gridColor, const QFontMetrics &metrics) const;

private:
    double m_fromMs = 0;
    double m_toMs = 0;
    QList<HarPageMarker> m_markers;
};

// "0", "250 ms", "1.25 s", "2 min": the unit the step needs, and no more decimals than it.
QString tickLabel(double ms, double stepMs);

} // namespace statusscope::ui
