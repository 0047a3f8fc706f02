// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/troubleshooting_flow.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <ostream>

namespace statusscope::diagnose {

QString toString(CheckKind kind)
{
    switch (kind) {
    case CheckKind::None: return QStringLiteral("none");
    case CheckKind::ResendWithoutExpect: return QStringLiteral("resend-without-expect");
    case CheckKind::ResendWithExpect: return QStringLiteral("resend-with-expect");
    case CheckKind::ResendHttp10: return QStringLiteral("resend-http10");
    case CheckKind::ResendSmallerBody: return QStringLiteral("resend-smaller-body");
    case CheckKind::ResendWithoutProxy: return QStringLiteral("resend-without-proxy");
    case CheckKind::DnsLookup: return QStringLiteral("dns-lookup");
    case CheckKind::ShowCertificateChain: return QStringLiteral("show-certificate-chain");
    case CheckKind::CompareWithPreviousAttempt: return QStringLiteral("compare-with-previous-attempt");
    case CheckKind::OpenLogsFiltered: return QStringLiteral("open-logs-filtered");
    }
    return QStringLiteral("?");
}

void PrintTo(CheckKind kind, std::ostream *os)
{
    *os << toString(kind).toStdString();
}

const StepOutcome *TroubleshootingStep::outcome(const QString &outcomeId) const
{
    for (const StepOutcome &o : outcomes) {
        if (o.id == outcomeId)
            return &o;
    }
    return nullptr;
}

const TroubleshootingStep *TroubleshootingFlow::step(const QString &stepId) const
{
    for (const TroubleshootingStep &s : steps) {
        if (s.id == stepId)
            return &s;
    }
    return nullptr;
}

QStringList TroubleshootingFlow::problems() const
{
    QStringList out;
    if (steps.isEmpty())
        return {QStringLiteral("%1: no steps").arg(id)};
    QSet<QString> ids;
    for (const TroubleshootingStep &s : steps) {
        if (ids.contains(s.id))
            out << QStringLiteral("%1: duplicate step id %2").arg(id, s.id);
        ids.insert(s.id);
        if (s.outcomes.isEmpty())
            out << QStringLiteral("%1/%2: no outcomes").arg(id, s.id);
        if (s.title.isEmpty() || s.check.isEmpty() || s.why.isEmpty())
            out << QStringLiteral("%1/%2: title, check and why are required").arg(id, s.id);
        QSet<QString> outcomeIds;
        for (const StepOutcome &o : s.outcomes) {
            if (outcomeIds.contains(o.id))
                out << QStringLiteral("%1/%2: duplicate outcome %3").arg(id, s.id, o.id);
            outcomeIds.insert(o.id);
            const auto complete = [](const Fix &f) { return !f.text.isEmpty() && !f.guide.isEmpty() && !f.section.isEmpty(); };
            if (o.endsFlow() && (o.cause.isEmpty() || !complete(o.server) || !complete(o.client)))
                out << QStringLiteral("%1/%2/%3: an end needs a cause and a fix").arg(id, s.id, o.id);
            if (!o.endsFlow() && !step(o.next))
                out << QStringLiteral("%1/%2/%3: leads to unknown step %4").arg(id, s.id, o.id, o.next);
        }
    }
    // Reachability and cycles: a depth-first walk from the first step (white/grey/black).
    QHash<QString, int> colour;
    std::function<void(const QString &)> visit = [&](const QString &stepId) {
        colour[stepId] = 1;
        const TroubleshootingStep *s = step(stepId);
        for (const StepOutcome &o : s ? s->outcomes : QList<StepOutcome>{}) {
            if (o.endsFlow() || !step(o.next))
                continue;
            if (colour.value(o.next) == 1)
                out << QStringLiteral("%1/%2/%3: cycle back to %4").arg(id, stepId, o.id, o.next);
            else if (colour.value(o.next) == 0)
                visit(o.next);
        }
        colour[stepId] = 2;
    };
    visit(steps.first().id);
    for (const TroubleshootingStep &s : steps) {
        if (colour.value(s.id) == 0)
            out << QStringLiteral("%1/%2: unreachable").arg(id, s.id);
    }
    return out;
}

TroubleshootingRun::TroubleshootingRun(TroubleshootingFlow flow, std::optional<Finding> finding)
    : m_flow(std::move(flow))
    , m_finding(std::move(finding))
{
    m_currentStep = m_flow.steps.isEmpty() ? QString() : m_flow.steps.first().id;
    m_finished = m_flow.steps.isEmpty();
}

const TroubleshootingStep *TroubleshootingRun::currentStep() const
{
    return m_finished ? nullptr : m_flow.step(m_currentStep);
}

const StepOutcome *TroubleshootingRun::conclusion() const
{
    if (!m_finished || m_history.isEmpty())
        return nullptr;
    const TroubleshootingStep *s = m_flow.step(m_history.last().stepId);
    return s ? s->outcome(m_history.last().outcomeId) : nullptr;
}

bool TroubleshootingRun::record(const QString &outcomeId, const QString &observed)
{
    const TroubleshootingStep *s = currentStep();
    const StepOutcome *o = s ? s->outcome(outcomeId) : nullptr;
    if (!o)
        return false;
    m_history.append({s->id, o->id, observed});
    if (o->endsFlow())
        m_finished = true;
    else
        m_currentStep = o->next;
    return true;
}

bool TroubleshootingRun::undo()
{
    if (m_history.isEmpty())
        return false;
    m_currentStep = m_history.takeLast().stepId;
    m_finished = false;
    return true;
}

} // namespace statusscope::diagnose
