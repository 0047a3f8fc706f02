#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Which of a step's outcomes a check result points to, by the outcome ids the flows use
// ("still-417", "no-address", "self-signed", …). The user confirms it; nothing is recorded here.

#include "core/diagnose/checks/check_result.h"

namespace statusscope::diagnose {

// Empty when the result points to none of the step's outcomes (or was cancelled).
QString suggestOutcome(const TroubleshootingStep &step, const CheckResult &result);

} // namespace statusscope::diagnose
