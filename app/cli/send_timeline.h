#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The readable timeline of `statusscope-cli send` without --json: relative ms, → sent,
// ← received, and a phase table per attempt.

#include "core/http/http_types.h"

#include <QString>

namespace statusscope::cli {

QString formatTimeline(const http::Exchange &exchange);

} // namespace statusscope::cli
