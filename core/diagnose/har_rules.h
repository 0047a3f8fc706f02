#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The diagnosis rules over a HAR log, where the data allows: a HAR has no interim responses and
// no wire events, so only what its statuses, headers, custom error fields and phase timings say.
// Rules that also exist for exchanges share their checks (status_findings.h) and rule ids.
// Finding::entry is HarEntry::index (0-based); explanations number entries from 1.

#include "core/diagnose/finding.h"
#include "core/har/har_types.h"

#include <QList>
#include <QString>

namespace statusscope::diagnose {

using HarRuleFunction = Findings (*)(const HarLog &log);

struct HarRule
{
    const char *id;
    HarRuleFunction run;
};

const QList<HarRule> &harRules();
Findings runHarRule(const QString &id, const HarLog &log);
Findings diagnoseHar(const HarLog &log);

// A wait (TTFB) is an outlier when it is at least this long…
inline constexpr double kSlowWaitFloorMs = 1000.0;
// …and this many times the median wait of the file (a slow API among fast assets).
inline constexpr double kSlowWaitFactor = 5.0;
// Below this many timed entries a median says nothing.
inline constexpr int kSlowWaitMinEntries = 5;
// A followed redirect shows up within the next few entries (other requests interleave).
inline constexpr int kRedirectLookAhead = 8;

namespace har_rules {
Findings noResponse(const HarLog &log);       // "no-response" (status 0)
Findings expect417(const HarLog &log);        // "expect-417"
Findings expectUnknown417(const HarLog &log); // "expect-unknown-417"
Findings rejectedBeforeBody(const HarLog &log); // "rejected-before-body"
Findings proxyAnswered5xx(const HarLog &log); // "proxy-answered-5xx"
Findings upstreamFailure(const HarLog &log);  // "upstream-failure"
Findings retryAfter(const HarLog &log);       // "retry-after"
Findings postToGet(const HarLog &log);        // "post-to-get"
Findings httpsDowngrade(const HarLog &log);   // "https-downgrade"
Findings slowWait(const HarLog &log);         // "slow-wait"
} // namespace har_rules

} // namespace statusscope::diagnose
