#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// One monotonic "now" for a whole exchange (curl's docs/internals/TIME-KEEPING.md: mixing
// clocks once made timelines run backwards). Tests replace it with a ManualClock instead of
// sleeping (curl's tests/unit/unit1399.c does the same).

#include <QElapsedTimer>
#include <QtGlobal>

namespace statusscope::http {

class Clock
{
public:
    virtual ~Clock() = default;
    // Nanoseconds on a monotonic scale; only differences are meaningful.
    virtual qint64 nowNs() const = 0;
};

class SteadyClock final : public Clock
{
public:
    SteadyClock() { m_timer.start(); }
    qint64 nowNs() const override { return m_timer.nsecsElapsed(); }

private:
    QElapsedTimer m_timer;
};

// Moves only when told to; nowNs() never goes backwards.
class ManualClock final : public Clock
{
public:
    qint64 nowNs() const override { return m_now; }
    void advanceMs(double ms) { m_now += qint64(ms * 1e6); }
    void setNs(qint64 ns) { m_now = qMax(m_now, ns); }

private:
    qint64 m_now = 0;
};

} // namespace statusscope::http
