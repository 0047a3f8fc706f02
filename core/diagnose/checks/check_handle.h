#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// How an asynchronous check is held and stopped without the caller being a QObject: the start
// functions return a CheckHandle; the check's callback runs exactly once (its result, or a
// Cancelled result when cancel() comes first). Dropping the last handle abandons the check
// silently: its work stops and the callback never runs.

#include "core/diagnose/checks/check_result.h"

#include <functional>
#include <memory>

class QObject;

namespace statusscope::diagnose {

// The shared state of one running check: its callback, the receiver its signals go to, and how
// to stop its work. The check's own code holds it weakly, the handle strongly.
class CheckTask : public std::enable_shared_from_this<CheckTask>
{
public:
    static std::shared_ptr<CheckTask> create(CheckKind kind, CheckCallback done);
    ~CheckTask();
    CheckTask(const CheckTask &) = delete;
    CheckTask &operator=(const CheckTask &) = delete;

    CheckKind kind() const { return m_kind; }
    bool isDone() const { return m_finished; }
    // The receiver for the work's signals and the parent of its sockets and timers; deleted
    // (later, as it may be inside one of its own signals) once the result is delivered.
    QObject *context();
    // Stops the work (abort a lookup, a socket, an engine) when cancelled or abandoned.
    void onAbort(std::function<void()> abort) { m_abort = std::move(abort); }
    // The first result wins; later ones (a late signal after a cancel) are dropped.
    void deliver(CheckResult result);
    void cancel();

private:
    CheckTask(CheckKind kind, CheckCallback done);
    void release();

    CheckKind m_kind;
    CheckCallback m_done;
    std::function<void()> m_abort;
    QObject *m_context = nullptr;
    bool m_finished = false;
};

class CheckHandle
{
public:
    CheckHandle() = default;
    explicit CheckHandle(std::shared_ptr<CheckTask> task)
        : m_task(std::move(task))
    {
    }

    bool isRunning() const { return m_task && !m_task->isDone(); }
    // Stops the check; its callback gets a Cancelled result now. Nothing when it has finished.
    void cancel()
    {
        if (m_task)
            m_task->cancel();
    }

private:
    std::shared_ptr<CheckTask> m_task;
};

// A check that has its answer at once (from the exchange, or nothing to do): the callback runs
// before this returns, and the handle is already finished.
CheckHandle deliverNow(CheckResult result, const CheckCallback &done);
// A check with nothing to work from (no host, no request): NotPossible at once, saying why.
CheckHandle deliverNotPossible(CheckKind kind, const QString &observed, const CheckCallback &done);

} // namespace statusscope::diagnose
