// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/check_runner.h"

#include "core/diagnose/checks/check_start.h"
#include "core/diagnose/checks/outgoing_contact.h"
#include "ui/diagnose/network_consent.h"

namespace statusscope::ui {

using diagnose::CheckKind;

CheckRunner::CheckRunner(QObject *parent)
    : QObject(parent)
{
}

CheckRunner::~CheckRunner()
{
    cancel();
}

diagnose::CheckInputs CheckRunner::inputs() const
{
    return {m_context.exchange, m_context.spec, m_context.specNote, m_context.status, m_lastResend};
}

bool CheckRunner::answersFromEvidence(CheckKind kind) const
{
    return diagnose::answerFromEvidence(kind, inputs()).has_value();
}

void CheckRunner::start(CheckKind kind)
{
    cancel();
    m_kind = kind;
    m_running = true;
    const quint64 generation = ++m_generation;
    emit started(kind, diagnose::checkTitle(kind));
    const diagnose::CheckInputs in = inputs();
    std::optional<diagnose::OutgoingContact> contact;
    if (m_context.hostFromFile && !diagnose::answerFromEvidence(kind, in))
        contact = diagnose::outgoingContact(kind, in);
    if (!contact) {
        run(kind);
        return;
    }
    if (!m_context.consent) {
        finish(diagnose::refusedCheck(kind, contact->host));
        return;
    }
    const NetworkRequestSummary request{*contact, m_context.origin};
    m_context.consent->ask(request, this, [this, kind, generation, host = contact->host](bool allowed) {
        if (!m_running || generation != m_generation)
            return; // cancelled or replaced while the question was open
        if (allowed)
            run(kind);
        else
            finish(diagnose::refusedCheck(kind, host));
    });
}

void CheckRunner::run(CheckKind kind)
{
    if (kind == CheckKind::OpenLogsFiltered) {
        openLogs();
        return;
    }
    const quint64 generation = m_generation;
    diagnose::CheckHandle check = diagnose::startCheck(kind, inputs(), [this, generation](CheckResult result) {
        if (generation == m_generation)
            finish(std::move(result));
    });
    // A check that answered at once has finished already; one started since must not be replaced.
    if (m_running && generation == m_generation)
        m_check = check;
}

void CheckRunner::cancel()
{
    if (!m_running)
        return;
    if (m_check.isRunning()) {
        m_check.cancel(); // delivers the Cancelled result through finish()
        return;
    }
    ++m_generation; // a consent question still open: its answer is ignored
    finish(diagnose::cancelledCheck(m_kind));
}

void CheckRunner::finish(CheckResult result)
{
    m_running = false;
    m_check = {};
    result.kind = m_kind;
    if (!result.exchange.attempts.isEmpty())
        m_lastResend = result.exchange;
    emit finished(result);
}

void CheckRunner::openLogs()
{
    const diagnose::CheckInputs in = inputs();
    if (!m_context.openLogs) {
        CheckResult result;
        result.observed = tr("Logs: no access log is open; open the server's log (File → Open) and run this again");
        finish(result);
        return;
    }
    // The log may have to be chosen, or opened and read first: the answer can come later.
    const quint64 generation = m_generation;
    const QPointer<CheckRunner> self(this);
    m_context.openLogs(in.troubleshotStatus(), in.exchange.startedAt, [self, generation](const QString &found) {
        if (!self || !self->m_running || generation != self->m_generation)
            return; // cancelled or replaced meanwhile
        CheckResult result;
        result.outcome = diagnose::CheckOutcome::Ok;
        result.observed = found;
        self->finish(result);
    });
}

} // namespace statusscope::ui
