#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The probe's JSON (statusscope-cli probe --json), a contract:
// {"url", "proxy", "summary", "checks": [{"id", "via", "status", "interim", "body_sent",
//  "timings_ms", "verdict", "rfc", "detail", "guide"}]}

#include "core/probe/probe_types.h"

#include <QJsonObject>

namespace statusscope::probe {

QJsonObject reportToJson(const ProbeReport &report);
QJsonObject checkToJson(const CheckResult &check);

} // namespace statusscope::probe
