#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The "compare headers" step: the header lists of two attempts side by side, and which two
// attempts a troubleshooting run compares (the last two of the exchange, or the original and
// the last resend). Synchronous: everything is already in memory.

#include "core/diagnose/checks/check_result.h"
#include "core/http/http_types.h"

#include <optional>

namespace statusscope::diagnose {

// "+ name: value" only in b, "- name: value" only in a; request headers, then response headers.
QString headerDiff(const http::Attempt &a, const http::Attempt &b);

// Ok when the later request sends no Expect, Failed when it still does; NotPossible with only
// one attempt and no resend to compare with.
CheckResult compareWithPrevious(const http::Exchange &exchange, const std::optional<http::Exchange> &lastResend);

} // namespace statusscope::diagnose
