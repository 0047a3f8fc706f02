#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// What the flow catalog (troubleshooting_flows.cpp, troubleshooting_class_flows.cpp) is written
// with: short constructors for outcomes, steps and flows, so each flow reads as a table.

#include "core/diagnose/troubleshooting_flow.h"

namespace statusscope::diagnose::flows {

// An outcome that leads on to step `next`.
StepOutcome go(const char *id, const char *label, const char *next);
// An end of the flow: the cause, and its fix on each side, each in its guide's section. `guide`
// names the guide that holds the fixes when it is not the flow's own (a certificate flow ends
// in cert-expired's fixes).
StepOutcome end(const char *id, const char *label, const char *cause, const char *server, const char *client,
                const char *guide = nullptr);
TroubleshootingStep step(const char *id, const char *title, const char *check, const char *why, CheckKind kind,
                         QList<StepOutcome> outcomes);
// The flow; ends without a guide of their own take the flow's.
TroubleshootingFlow flow(const char *id, const char *title, const QString &guide, QList<TroubleshootingStep> steps);

// The generic flow of a status class (1 to 5; anything else is 5).
TroubleshootingFlow classFlow(int cls);

} // namespace statusscope::diagnose::flows
