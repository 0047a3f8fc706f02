// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/clock.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace statusscope::http {

namespace {

class QtClockTimer final : public ClockTimer
{
public:
    explicit QtClockTimer(std::function<void()> onTimeout)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, std::move(onTimeout));
    }
    void start(qint64 ms) override { m_timer.start(int(std::min<qint64>(ms, std::numeric_limits<int>::max()))); }
    void stop() override { m_timer.stop(); }
    bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
};

} // namespace

std::unique_ptr<ClockTimer> Clock::createTimer(std::function<void()> onTimeout) const
{
    return std::make_unique<QtClockTimer>(std::move(onTimeout));
}

struct ManualClock::State
{
    qint64 now = 0;
    struct Entry
    {
        const void *timer;
        qint64 deadlineNs;
        std::function<void()> *onTimeout;
    };
    std::vector<Entry> active;

    void remove(const void *timer)
    {
        active.erase(std::remove_if(active.begin(), active.end(), [timer](const Entry &e) { return e.timer == timer; }),
                     active.end());
    }
};

namespace {

class ManualClockTimer final : public ClockTimer
{
public:
    ManualClockTimer(std::shared_ptr<ManualClock::State> state, std::function<void()> onTimeout)
        : m_state(std::move(state))
        , m_onTimeout(std::move(onTimeout))
    {
    }
    ~ManualClockTimer() override { stop(); }
    void start(qint64 ms) override
    {
        stop();
        m_state->active.push_back({this, m_state->now + ms * 1000000, &m_onTimeout});
    }
    void stop() override { m_state->remove(this); }
    bool isActive() const override
    {
        return std::any_of(m_state->active.begin(), m_state->active.end(), [this](const auto &e) { return e.timer == this; });
    }

private:
    std::shared_ptr<ManualClock::State> m_state;
    std::function<void()> m_onTimeout;
};

} // namespace

ManualClock::ManualClock()
    : m_state(std::make_shared<State>())
{
}

ManualClock::~ManualClock() = default;

qint64 ManualClock::nowNs() const
{
    return m_state->now;
}

void ManualClock::setNs(qint64 ns)
{
    const qint64 target = std::max(m_state->now, ns);
    // One timer at a time, earliest first: a callback may stop or start other timers.
    for (;;) {
        auto due = std::min_element(m_state->active.begin(), m_state->active.end(),
                                    [](const auto &a, const auto &b) { return a.deadlineNs < b.deadlineNs; });
        if (due == m_state->active.end() || due->deadlineNs > target)
            break;
        const State::Entry fired = *due;
        m_state->active.erase(due);
        m_state->now = std::max(m_state->now, fired.deadlineNs);
        (*fired.onTimeout)();
    }
    m_state->now = target;
}

std::unique_ptr<ClockTimer> ManualClock::createTimer(std::function<void()> onTimeout) const
{
    return std::make_unique<ManualClockTimer>(m_state, std::move(onTimeout));
}

int ManualClock::activeTimers() const
{
    return int(m_state->active.size());
}

} // namespace statusscope::http
