// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A log tab's calls to its LogSource, off the GUI thread. The source answers one call at a time,
// so they queue on one worker thread. Calls come in lanes (the overview, a filter's recount, a
// clicked bucket's details, its samples, a zoom): a newer call in a lane supersedes the older
// one, whose answer is dropped and which, when it has not started yet, is not run at all, so a
// superseded recount never reads the files again. Progress reports arrive on the GUI thread.

#include "core/logs/source/log_source.h"

#include <QObject>
#include <QThreadPool>

#include <array>
#include <atomic>
#include <functional>
#include <memory>

namespace statusscope::ui {

class SourceCalls : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceCalls)

public:
    enum Lane { Overview, Recount, Details, Samples, Series, kLaneCount };

    explicit SourceCalls(std::shared_ptr<logs::LogSource> source, QObject *parent = nullptr);
    // Cancels what runs and waits for it: a tab closes at once even mid-query.
    ~SourceCalls() override;

    logs::LogSource &source() const { return *m_source; }
    bool isBusy() const { return m_pending > 0; }
    bool isBusy(Lane lane) const { return m_lanePending[size_t(lane)] > 0; }

    // `done` runs on the GUI thread with the answer, unless a newer call of the lane came first.
    void summary(Lane lane, const logs::LogQuery &query, std::function<void(const logs::SourceSummary &)> done);
    void series(const logs::LogQuery &query, std::function<void(const logs::SourceSeries &)> done);
    void samples(const logs::LogQuery &query, std::function<void(const logs::SourceSamples &)> done);
    // Drops the lane's answer still to come and stops its call when it is the one running.
    void supersede(Lane lane);
    // Stops every call, running and queued; their answers come as Cancelled errors.
    void cancel();

signals:
    void progress(const logs::SourceProgress &progress);
    // A call's answer was handed over (or dropped) and no call is left.
    void idle();

private:
    struct LaneState
    {
        std::atomic<int> generation{0};
    };
    template<typename Answer>
    void run(Lane lane, std::function<Answer()> call, std::function<void(const Answer &)> done);

    std::shared_ptr<logs::LogSource> m_source;
    QThreadPool m_pool; // one thread: the source answers one call at a time
    std::shared_ptr<std::array<LaneState, kLaneCount>> m_lanes;
    std::shared_ptr<std::atomic<int>> m_runningLane; // the lane on the worker now, or -1
    // Counts the user's cancels: a call queued before the latest one stays cancelled, while a
    // cancel that only stopped a superseded call is cleared before the next call starts.
    std::shared_ptr<std::atomic<int>> m_cancels;
    int m_pending = 0;
    std::array<int, kLaneCount> m_lanePending{};
};

} // namespace statusscope::ui
