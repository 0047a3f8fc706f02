#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The judgement of each check: from what the engine recorded (CheckObservation) to a verdict,
// the RFC section it rests on, a sentence saying what happened with its timings, and the guide
// to read. Pure functions, so every rule is unit-tested on hand-made exchanges.

#include "core/probe/probe_types.h"

namespace statusscope::probe {

// How the server answered a request that carried Expect: 100-continue and content.
enum class ExpectOutcome {
    Continue,   // a 100 came within the client's wait, the body followed
    FinalFirst, // a final status came within the wait, the body was not sent
    NoAnswer,   // nothing within the wait: the body went anyway
    Failed,     // the exchange failed before any of these could be seen
};
ExpectOutcome expectOutcome(const http::Attempt &attempt);

CheckResult judgeCheck(CheckId id, Route via, const CheckObservation &observation, const ProbeOptions &options);

// One line for people: what the origin (and the proxy) do, and how many violations.
QString summarize(const ProbeReport &report);

} // namespace statusscope::probe
