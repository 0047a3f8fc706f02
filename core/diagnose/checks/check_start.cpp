// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/check_start.h"

#include "core/diagnose/check_evidence.h"
#include "core/diagnose/checks/dns_check.h"
#include "core/diagnose/checks/header_diff.h"
#include "core/diagnose/checks/resend_check.h"
#include "core/diagnose/checks/tls_chain_check.h"

#include <QObject>

namespace statusscope::diagnose {

std::optional<CheckResult> answerFromEvidence(CheckKind kind, const CheckInputs &inputs)
{
    const std::optional<EvidenceAnswer> answer = answerFromExchange(kind, inputs.exchange, inputs.proxyConfigured());
    if (!answer)
        return std::nullopt;
    CheckResult result;
    result.kind = kind;
    result.outcome = answer->kind == EvidenceAnswer::Kind::Skipped ? CheckOutcome::NotApplicable : CheckOutcome::Answered;
    result.observed = answer->observed;
    result.details = answer->details;
    result.status = answer->status;
    result.passed = answer->passed;
    result.answeredByAttempt = answer->attempt;
    result.transportError = answer->error;
    return result;
}

CheckHandle startCheck(CheckKind kind, const CheckInputs &inputs, CheckCallback done)
{
    // What the exchange already shows is not asked of the network again (a 2 MB upload, a lookup).
    if (std::optional<CheckResult> answer = answerFromEvidence(kind, inputs))
        return deliverNow(*answer, done);
    switch (kind) {
    case CheckKind::ResendWithoutExpect:
    case CheckKind::ResendWithExpect:
    case CheckKind::ResendHttp10:
    case CheckKind::ResendSmallerBody:
    case CheckKind::ResendWithoutProxy:
        if (!inputs.spec)
            return deliverNotPossible(kind, QObject::tr("%1: not possible, the request is not known").arg(checkTitle(kind)),
                                      done);
        return resend({kind, *inputs.spec, inputs.specNote, inputs.troubleshotStatus()}, std::move(done));
    case CheckKind::DnsLookup: return lookUpHost(inputs.url().host(), std::move(done));
    case CheckKind::ShowCertificateChain: {
        const QUrl url = inputs.url();
        const QString caFile = inputs.spec ? inputs.spec->caFile : QString();
        return showCertificateChain({url.host(), quint16(url.port(443)), caFile}, std::move(done));
    }
    case CheckKind::CompareWithPreviousAttempt:
        return deliverNow(compareWithPrevious(inputs.exchange, inputs.lastResend), done);
    case CheckKind::OpenLogsFiltered:
    case CheckKind::None: break;
    }
    return deliverNotPossible(kind, {}, done);
}

} // namespace statusscope::diagnose
