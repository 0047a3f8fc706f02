#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// One monotonic "now" for a whole exchange (curl's docs/internals/TIME-KEEPING.md: mixing
// clocks once made timelines run backwards), and the engine's timeouts on the same scale.
// Tests replace both with a ManualClock: time moves when the test says so, and a timeout
// fires when the test advances the clock past it, so no test has to sleep through one
// (curl's tests/unit/unit1399.c does the same for its clock).

#include <QElapsedTimer>
#include <QtGlobal>

#include <functional>
#include <memory>
#include <vector>

namespace statusscope::http {

// A one-shot timer measured on its clock. Destroying it stops it.
class ClockTimer
{
public:
    virtual ~ClockTimer() = default;
    virtual void start(qint64 ms) = 0; // (re)starts: fires once, `ms` from now
    virtual void stop() = 0;
    virtual bool isActive() const = 0;
};

class Clock
{
public:
    virtual ~Clock() = default;
    // Nanoseconds on a monotonic scale; only differences are meaningful.
    virtual qint64 nowNs() const = 0;
    // A timer that calls `onTimeout`: by default from this thread's event loop after real
    // time; a clock that moves on command (ManualClock) fires it when moved past its deadline.
    virtual std::unique_ptr<ClockTimer> createTimer(std::function<void()> onTimeout) const;
};

class SteadyClock final : public Clock
{
public:
    SteadyClock() { m_timer.start(); }
    qint64 nowNs() const override { return m_timer.nsecsElapsed(); }

private:
    QElapsedTimer m_timer;
};

// Moves only when told to; nowNs() never goes backwards. Advancing fires, in deadline order,
// every timer whose deadline it passes (at the moment of its deadline: nowNs() reads the
// deadline inside the callback).
class ManualClock final : public Clock
{
public:
    ManualClock();
    ~ManualClock() override;

    qint64 nowNs() const override;
    void advanceMs(double ms) { setNs(nowNs() + qint64(ms * 1e6)); }
    void setNs(qint64 ns);
    std::unique_ptr<ClockTimer> createTimer(std::function<void()> onTimeout) const override;
    // Timers started and not yet fired or stopped.
    int activeTimers() const;

    struct State; // shared with the timers, which may outlive neither clock nor each other

private:
    std::shared_ptr<State> m_state;
};

} // namespace statusscope::http
