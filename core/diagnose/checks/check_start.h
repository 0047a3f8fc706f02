#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Starts the check a troubleshooting step names: what the exchange already shows is answered
// from it (check_evidence.h) and sends nothing; otherwise the resend, the DNS lookup, the
// certificate chain or the header comparison runs. Asking for consent and opening log tabs are
// the ui's part (they need windows), before and instead of this.

#include "core/diagnose/checks/check_handle.h"
#include "core/diagnose/checks/check_inputs.h"

#include <optional>

namespace statusscope::diagnose {

// The answer the exchange holds for `kind` (Answered, or NotApplicable with the reason).
std::optional<CheckResult> answerFromEvidence(CheckKind kind, const CheckInputs &inputs);

// `done` runs once, possibly before this returns (an answer from the evidence, a comparison).
// OpenLogsFiltered and None have nothing to run here: NotPossible.
CheckHandle startCheck(CheckKind kind, const CheckInputs &inputs, CheckCallback done);

} // namespace statusscope::diagnose
