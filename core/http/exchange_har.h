#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// An Exchange as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): one entry for the
// exchange, built from its last attempt, with the standard timings mapped from ours and custom
// fields (allowed by the spec with a leading underscore):
//   _interimResponses  the 1xx responses of the last attempt (status, statusText, headers, time)
//   _attempts          every attempt: reason, status, bodySent, timings, error
//   _expect            whether Expect: 100-continue was sent and how it ended

#include "core/http/http_types.h"

#include <QJsonObject>

namespace statusscope::http {

QJsonObject exchangeToHar(const Exchange &exchange);

} // namespace statusscope::http
