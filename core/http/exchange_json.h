#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The Exchange as the JSON object of DESIGN.md (`statusscope-cli send --json`). Field names
// are a contract: add fields, never rename.

#include "core/http/http_types.h"

#include <QJsonObject>

namespace statusscope::http {

QJsonObject exchangeToJson(const Exchange &exchange);
QJsonObject attemptToJson(const Exchange &exchange, const Attempt &attempt);
QJsonObject timingsToJson(const Timings &timings);

} // namespace statusscope::http
