#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Redacts secrets in an exchange saved as the CLI's JSON (DESIGN.md, `send --json`), for
// History › Remove Secrets from History: the values of Authorization,
// Proxy-Authorization, Cookie and Set-Cookie in every header list (request, interim, response,
// trailers), and the values of token-like query parameters (core/har's isSensitiveName) in
// every URL and request target. Field names and everything else stay as they were.

#include "core/http/http_types.h"

#include <QByteArray>

namespace statusscope {

// The member of a history record that holds the request as a curl command (what Re-send
// imports). Its -u password, secret -H values and token-like query parameters are redacted
// with the rest.
inline constexpr char kHistoryCurlKey[] = "request_curl";

struct RedactedExchangeJson
{
    QByteArray json;     // the redacted document (unchanged bytes when nothing was found)
    int redactions = 0;  // values replaced
    bool valid = true;   // false: not a JSON object, left as it was
};

RedactedExchangeJson redactExchangeJson(const QByteArray &json);

// The same rules on a live exchange, for exports made from it (Save Exchange As… JSON or HAR,
// where the HAR's own extension fields carry the attempts too). Bodies are left alone.
http::Exchange redactExchange(const http::Exchange &exchange, int *redactions = nullptr);

} // namespace statusscope
