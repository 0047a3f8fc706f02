// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_timings_bar.h"

#include "ui/har/har_waterfall.h"
#include "core/text/durations.h"

#include <QPainter>

namespace statusscope::ui {

namespace {

constexpr int kRowHeight = 20;
constexpr int kLabelWidth = 140;

} // namespace

HarTimingsBar::HarTimingsBar(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(kRowHeight * static_cast<int>(HarPhase::PhaseCount) + 4);
}

void HarTimingsBar::setTimings(const HarTimings &timings)
{
    m_timings = timings;
    update();
}

QSize HarTimingsBar::sizeHint() const
{
    return {480, kRowHeight * static_cast<int>(HarPhase::PhaseCount) + 4};
}

void HarTimingsBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const double total = std::max(1e-9, m_timings.total());
    const int barWidth = std::max(10, width() - kLabelWidth - 8);
    double at = 0; // where the phase starts, ms from the entry's start
    for (int p = 0; p < static_cast<int>(HarPhase::PhaseCount); ++p) {
        const auto phase = static_cast<HarPhase>(p);
        const double ms = m_timings.phase(phase);
        const QRect row(0, 2 + p * kRowHeight, width(), kRowHeight);
        const QString value = ms < 0 ? tr("–") : text::exactMs(ms, 2);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(row.adjusted(4, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         QStringLiteral("%1  %2").arg(toString(phase), -8).arg(value));
        if (ms <= 0)
            continue;
        // ssl is part of connect (HAR 1.2): drawn at connect's end, not after it.
        const double start = phase == HarPhase::Ssl ? at - ms : at;
        const int x = kLabelWidth + static_cast<int>(start / total * barWidth);
        const int w = std::max(1, static_cast<int>(ms / total * barWidth));
        painter.fillRect(QRect(x, row.top() + 4, w, kRowHeight - 8), phaseColor(phase));
        if (phase != HarPhase::Ssl)
            at += ms;
    }
}

} // namespace statusscope::ui
