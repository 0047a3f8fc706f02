#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Which troubleshooting flow to start for what the user is looking at: the finding they chose,
// else the first finding, else the final status, else the transport failure.

#include "core/diagnose/troubleshooting_flow.h"
#include "core/har/har_types.h"
#include "core/http/http_types.h"

namespace statusscope::ui {

// `finding` with an empty rule means "none chosen": the final status (or transport failure)
// decides the flow.
diagnose::TroubleshootingRun troubleshootingRunFor(const http::Exchange &exchange, const diagnose::Finding &finding);
diagnose::TroubleshootingRun troubleshootingRunFor(const HarEntry &entry, const diagnose::Findings &entryFindings);

// The findings of a whole HAR that are about one entry (HarEntry::index); the rules run over the
// whole log because some need it (the median wait, the redirect that follows).
diagnose::Findings findingsOfEntry(const diagnose::Findings &all, int entryIndex);

} // namespace statusscope::ui
