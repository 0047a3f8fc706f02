// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/source_calls.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace statusscope::ui {

using namespace statusscope::logs;

namespace {

template<typename Answer>
Answer superseded(const LogSource &source)
{
    Answer answer;
    answer.error = {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled").arg(source.name())};
    return answer;
}

} // namespace

SourceCalls::SourceCalls(std::shared_ptr<LogSource> source, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_lanes(std::make_shared<std::array<LaneState, kLaneCount>>())
    , m_runningLane(std::make_shared<std::atomic<int>>(-1))
    , m_cancels(std::make_shared<std::atomic<int>>(0))
{
    m_pool.setMaxThreadCount(1);
    // Reports come on the worker thread; the queued call is dropped once this object is gone.
    QPointer<SourceCalls> self(this);
    m_source->setProgressHandler([self](const SourceProgress &report) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, report] {
                if (self && self->isBusy())
                    emit self->progress(report);
            },
            Qt::QueuedConnection);
    });
}

SourceCalls::~SourceCalls()
{
    for (LaneState &lane : *m_lanes)
        ++lane.generation; // what still waits for the thread is not started
    cancel();
    m_pool.waitForDone();
    m_source->setProgressHandler({});
}

template<typename Answer>
void SourceCalls::run(Lane lane, std::function<Answer()> call, std::function<void(const Answer &)> done)
{
    // A cancel asked for before this call was queued must not stop it; one asked for while it
    // waits for the thread must (LogSource's contract).
    m_source->resetCancel();
    const int generation = ++(*m_lanes)[size_t(lane)].generation;
    const int cancelsBefore = m_cancels->load();
    auto lanes = m_lanes;
    auto running = m_runningLane;
    auto cancels = m_cancels;
    std::shared_ptr<LogSource> source = m_source;
    auto *watcher = new QFutureWatcher<Answer>(this);
    ++m_pending;
    ++m_lanePending[size_t(lane)];
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, lane, generation, done = std::move(done)] {
        watcher->deleteLater();
        --m_pending;
        --m_lanePending[size_t(lane)];
        if ((*m_lanes)[size_t(lane)].generation.load() == generation)
            done(watcher->result());
        if (m_pending == 0)
            emit idle();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [lanes, running, cancels, source, lane, generation, cancelsBefore,
                                                   call = std::move(call)] {
        if ((*lanes)[size_t(lane)].generation.load() != generation)
            return superseded<Answer>(*source);
        running->store(int(lane));
        if (cancels->load() == cancelsBefore) {
            // What stopped a superseded call must not stop this one; a cancel by the user that
            // comes meanwhile is applied again.
            source->resetCancel();
            if (cancels->load() != cancelsBefore)
                source->cancel();
        }
        Answer answer = call();
        running->store(-1);
        return answer;
    }));
}

void SourceCalls::summary(Lane lane, const LogQuery &query, std::function<void(const SourceSummary &)> done)
{
    std::shared_ptr<LogSource> source = m_source;
    run<SourceSummary>(lane, [source, query] { return source->summary(query); }, std::move(done));
}

void SourceCalls::series(const LogQuery &query, std::function<void(const SourceSeries &)> done)
{
    std::shared_ptr<LogSource> source = m_source;
    run<SourceSeries>(Series, [source, query] { return source->series(query); }, std::move(done));
}

void SourceCalls::samples(const LogQuery &query, std::function<void(const SourceSamples &)> done)
{
    std::shared_ptr<LogSource> source = m_source;
    run<SourceSamples>(Samples, [source, query] { return source->samples(query); }, std::move(done));
}

void SourceCalls::supersede(Lane lane)
{
    ++(*m_lanes)[size_t(lane)].generation;
    if (m_runningLane->load() == int(lane))
        m_source->cancel();
}

void SourceCalls::cancel()
{
    ++*m_cancels;
    m_source->cancel();
}

} // namespace statusscope::ui
