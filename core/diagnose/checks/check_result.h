#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// What a troubleshooting check delivers: a plain value with a typed outcome (a DNS failure is
// not "a different status"), the facts it saw and the words the panel shows. Every check in
// core/diagnose/checks ends in one of these; the ui only presents it.

#include "core/diagnose/troubleshooting_flow.h"
#include "core/http/http_types.h"

#include <QString>

#include <functional>
#include <iosfwd>
#include <optional>

namespace statusscope::diagnose {

enum class CheckOutcome {
    Ok,              // the check passed: a resend got a success, a name resolved, a chain verified
    Failed,          // it ran and found the problem: the same error status, verification errors
    DifferentStatus, // a resend got an error status other than the one being troubleshot
    Answered,        // the exchange itself already holds the answer: nothing was sent
    NotApplicable,   // the check does not apply to this exchange (observed says why)
    NotPossible,     // nothing to work from: no request, no host, one attempt only, no log
    Refused,         // the user did not allow contacting the host: nothing was sent
    DnsFailure,
    ConnectFailure,
    TlsFailure,
    Timeout,
    Cancelled,
};
QString toString(CheckOutcome outcome); // "ok", "dns-failure", …
void PrintTo(CheckOutcome outcome, std::ostream *os);

// The outcome for a transport failure (Protocol and Io failures are plain Failed).
CheckOutcome outcomeForError(http::ErrorKind kind);
// True for the outcomes where nothing answered at all: no address, no connection, no handshake.
bool isTransportFailure(CheckOutcome outcome);

// What is wrong with a certificate chain, most telling first (an expired certificate is often
// also untrusted; the expiry is what to fix).
enum class CertificateProblem { None, Expired, NameMismatch, SelfSigned, IncompleteChain, Other };

struct CheckResult
{
    CheckKind kind = CheckKind::None;
    CheckOutcome outcome = CheckOutcome::NotPossible;
    QString observed; // one line for the run's record: "Resent without Expect: 201 Created"
    QString details;  // several lines: addresses, certificates, a header diff
    std::optional<int> status;  // a resend's final status (or the answering attempt's)
    std::optional<bool> passed; // what the check suggests; empty when it cannot tell
    http::Exchange exchange;    // a resend's exchange (for the next comparison)
    int answeredByAttempt = 0;  // 1-based attempt of the exchange that already answered it, or 0
    http::ErrorKind transportError = http::ErrorKind::None; // a resend that got no status: why
    CertificateProblem certificate = CertificateProblem::None; // the chain check's finding

    bool cancelled() const { return outcome == CheckOutcome::Cancelled; }
    bool refused() const { return outcome == CheckOutcome::Refused; }
    bool skipped() const { return outcome == CheckOutcome::NotApplicable; }
};

using CheckCallback = std::function<void(CheckResult)>;

// "Resent without Expect", "DNS lookup", …: how results and questions name a check.
QString checkTitle(CheckKind kind);
// The result of a check stopped before it finished.
CheckResult cancelledCheck(CheckKind kind);
// The result of a check that was not allowed to contact `host`.
CheckResult refusedCheck(CheckKind kind, const QString &host);

} // namespace statusscope::diagnose
