// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/outcome_suggestion.h"

namespace statusscope::diagnose {

namespace {

// The first of `ids` the step has.
QString firstOf(const TroubleshootingStep &step, std::initializer_list<const char *> ids)
{
    for (const char *id : ids) {
        if (step.outcome(QString::fromLatin1(id)))
            return QString::fromLatin1(id);
    }
    return {};
}

QString forResend(const TroubleshootingStep &step, const CheckResult &result)
{
    if (result.skipped()) // no proxy was used: the request already went directly
        return firstOf(step, {"direct-417", "direct-fails"});
    if (result.transportError != http::ErrorKind::None) // no status at all: not "a different status"
        return firstOf(step, {"no-address", "direct-fails", "origin-fails", "fails"});
    const int status = result.status.value_or(0);
    if (status == 417)
        return firstOf(step, {"still-417", "direct-417"});
    if (status == 413)
        return firstOf(step, {"still-413", "rejected-early"});
    if (result.passed.value_or(false))
        return step.outcomes.first().id; // each resend step lists "it works" first
    if (const QString other = firstOf(step, {"other-status", "origin-fails", "direct-fails", "fails"}); !other.isEmpty())
        return other;
    return step.outcomes.size() > 1 ? step.outcomes.at(1).id : QString();
}

QString forCertificates(const TroubleshootingStep &step, const CheckResult &result)
{
    if (isTransportFailure(result.outcome))
        return firstOf(step, {"no-certificate"});
    switch (result.certificate) {
    case CertificateProblem::Expired: return firstOf(step, {"expired"});
    case CertificateProblem::NameMismatch: return firstOf(step, {"name-mismatch"});
    case CertificateProblem::SelfSigned: return firstOf(step, {"self-signed"});
    case CertificateProblem::IncompleteChain: return firstOf(step, {"incomplete-chain"});
    case CertificateProblem::Other:
    case CertificateProblem::None: break;
    }
    return {};
}

} // namespace

QString suggestOutcome(const TroubleshootingStep &step, const CheckResult &result)
{
    if (result.cancelled() || step.outcomes.isEmpty())
        return {};
    switch (result.kind) {
    case CheckKind::ResendWithoutExpect:
    case CheckKind::ResendWithExpect:
    case CheckKind::ResendHttp10:
    case CheckKind::ResendSmallerBody:
    case CheckKind::ResendWithoutProxy: return forResend(step, result);
    case CheckKind::DnsLookup:
        return result.passed.value_or(false) ? firstOf(step, {"resolves", "expected-address"})
                                             : firstOf(step, {"no-address", "wrong-address"});
    case CheckKind::ShowCertificateChain: return forCertificates(step, result);
    case CheckKind::CompareWithPreviousAttempt:
        if (!result.passed.has_value() || !step.outcome(QStringLiteral("expect-left")))
            return {};
        return *result.passed ? QStringLiteral("no-expect") : QStringLiteral("expect-left");
    case CheckKind::OpenLogsFiltered:
    case CheckKind::None: break;
    }
    return {};
}

} // namespace statusscope::diagnose
