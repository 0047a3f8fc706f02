// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/check_handle.h"

#include <QObject>

namespace statusscope::diagnose {

CheckTask::CheckTask(CheckKind kind, CheckCallback done)
    : m_kind(kind)
    , m_done(std::move(done))
{
}

std::shared_ptr<CheckTask> CheckTask::create(CheckKind kind, CheckCallback done)
{
    return std::shared_ptr<CheckTask>(new CheckTask(kind, std::move(done)));
}

CheckTask::~CheckTask()
{
    if (!m_finished && m_abort)
        m_abort();
    release();
}

QObject *CheckTask::context()
{
    if (!m_context)
        m_context = new QObject;
    return m_context;
}

void CheckTask::release()
{
    if (!m_context)
        return;
    QObject *context = std::exchange(m_context, nullptr);
    // Its children (a socket, a timer, an engine) must not call back once the result is out.
    for (QObject *child : context->children())
        child->disconnect(context);
    context->deleteLater();
}

void CheckTask::deliver(CheckResult result)
{
    if (m_finished)
        return;
    // The callback may drop the last handle: keep this alive until it returns.
    const std::shared_ptr<CheckTask> self = shared_from_this();
    m_finished = true;
    release();
    result.kind = m_kind;
    if (m_done)
        std::exchange(m_done, {})(std::move(result));
}

void CheckTask::cancel()
{
    if (m_finished)
        return;
    const std::shared_ptr<CheckTask> self = shared_from_this();
    // Delivered first: stopping a socket or an engine may emit a last signal, which then finds
    // the check finished instead of reporting a result of its own.
    const std::function<void()> abort = std::exchange(m_abort, {});
    deliver(cancelledCheck(m_kind));
    if (abort)
        abort();
}

CheckHandle deliverNow(CheckResult result, const CheckCallback &done)
{
    const std::shared_ptr<CheckTask> task = CheckTask::create(result.kind, done);
    task->deliver(std::move(result));
    return CheckHandle(task);
}

CheckHandle deliverNotPossible(CheckKind kind, const QString &observed, const CheckCallback &done)
{
    CheckResult result;
    result.kind = kind;
    result.outcome = CheckOutcome::NotPossible;
    result.observed = observed;
    return deliverNow(result, done);
}

} // namespace statusscope::diagnose
