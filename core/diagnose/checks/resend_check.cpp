// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/resend_check.h"

#include "core/diagnose/checks/resend_spec.h"
#include "core/http/http_engine.h"

#include <QObject>

namespace statusscope::diagnose {

namespace {

QString statusLine(const http::Exchange &x)
{
    if (const std::optional<int> status = x.finalStatus()) {
        const http::Attempt &last = x.attempts.last();
        const QString reason = last.response ? QString::fromLatin1(last.response->reason) : QString();
        return reason.isEmpty() ? QString::number(*status) : QStringLiteral("%1 %2").arg(*status).arg(reason);
    }
    const http::Error error = x.error();
    return error.isError() ? QStringLiteral("%1 (%2)").arg(http::toString(error.kind), error.message)
                           : QObject::tr("no response");
}

// One line per attempt: what went out and what came back.
QString attemptLines(const http::Exchange &x, const QByteArray &sentMethod)
{
    QStringList lines;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        QStringList statuses;
        for (const http::InterimResponse &r : a.interim)
            statuses << QString::number(r.status);
        if (a.response)
            statuses << QString::number(a.response->status);
        // An attempt that failed before sending has no recorded request line: the spec says
        // what was about to go out.
        const QByteArray method = a.request.method.isEmpty() ? sentMethod : a.request.method;
        lines << QObject::tr("Attempt %1: %2 %3, %4 of %5 body bytes sent%6 → %7")
                     .arg(i + 1)
                     .arg(QString::fromLatin1(method), http::toString(a.request.version))
                     .arg(a.request.bodySentBytes)
                     .arg(a.request.bodyBytes)
                     .arg(a.request.expectSent ? QObject::tr(", with Expect") : QString(),
                          statuses.isEmpty() ? a.error.message : statuses.join(QStringLiteral(" → ")));
    }
    return lines.join(QLatin1Char('\n'));
}

CheckOutcome statusOutcome(int status, int troubleshot)
{
    if (status < 400)
        return CheckOutcome::Ok;
    return troubleshot == 0 || status == troubleshot ? CheckOutcome::Failed : CheckOutcome::DifferentStatus;
}

CheckResult resendResult(const ResendRequest &request, const http::RequestSpec &sent, http::Exchange exchange)
{
    CheckResult result;
    result.status = exchange.finalStatus();
    const http::Error error = exchange.error();
    result.transportError = error.kind;
    // A transport failure (DNS, connect, TLS) says nothing about the status being troubleshot:
    // it is reported as what it is, not as "a different status".
    if (error.isError()) {
        result.outcome = outcomeForError(error.kind);
    } else {
        result.passed = result.status && *result.status < 400;
        result.outcome = result.status ? statusOutcome(*result.status, request.troubleshotStatus) : CheckOutcome::Failed;
    }
    result.observed = QObject::tr("%1: %2").arg(checkTitle(request.kind), statusLine(exchange));
    result.details = attemptLines(exchange, sent.method);
    if (!request.specNote.isEmpty())
        result.details += (result.details.isEmpty() ? QString() : QStringLiteral("\n"))
                          + QObject::tr("Note: %1.").arg(request.specNote);
    result.exchange = std::move(exchange);
    return result;
}

} // namespace

CheckHandle resend(const ResendRequest &request, CheckCallback done)
{
    const std::shared_ptr<CheckTask> task = CheckTask::create(request.kind, std::move(done));
    const http::RequestSpec spec = specForCheck(request.kind, request.base);
    auto *engine = new http::HttpEngine(nullptr, task->context());
    const std::weak_ptr<CheckTask> weak = task;
    // Queued: the engine may finish inside start() (a refused connection), before the caller
    // holds the handle.
    QObject::connect(
        engine, &http::HttpEngine::exchangeFinished, task->context(),
        [weak, engine, request, spec] {
            if (const std::shared_ptr<CheckTask> live = weak.lock())
                live->deliver(resendResult(request, spec, engine->exchange()));
        },
        Qt::QueuedConnection);
    task->onAbort([engine] { engine->cancel(); });
    engine->start(spec);
    return CheckHandle(task);
}

} // namespace statusscope::diagnose
