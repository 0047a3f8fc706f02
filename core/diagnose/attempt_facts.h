#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Small questions the exchange rules ask of an attempt, answered once here.

#include "core/http/http_types.h"

#include <QString>

#include <optional>

namespace statusscope::diagnose {

// "attempt 2 (POST http://host/upload)": how explanations name an attempt (1-based).
QString describeAttempt(const http::Exchange &x, int index);

// Index of the first event of that type (and status, when non-zero); empty when none.
std::optional<int> eventIndex(const http::Attempt &a, http::EventType type, int status = 0);

// The request carried `Expect: 100-continue` (RFC 9110 §10.1.1).
bool sentExpectContinue(const http::Attempt &a);

// ms from the exchange start of the first event of that type, or empty.
std::optional<double> eventMs(const http::Exchange &x, const http::Attempt &a, http::EventType type,
                              int status = 0);

// The final status of the attempt, 0 without a response.
int statusOf(const http::Attempt &a);

} // namespace statusscope::diagnose
