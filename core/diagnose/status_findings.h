#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checks that need only a status and headers, shared by the exchange rules and the HAR rules so
// each diagnosis is written once. `where` names the subject in the explanation ("attempt 1 (GET
// https://…)", "entry 4 (POST …)"); the caller fills the attempt/entry index.

#include "core/diagnose/finding.h"
#include "core/diagnose/header_pairs.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace statusscope::diagnose {

// The headers (and Server values) that show a proxy or CDN handled the response, as
// "Via: 1.1 varnish" strings, most telling first. Empty when none.
QStringList proxyEvidence(const HeaderPairs &headers);

// 5xx (other than 502/504, see upstreamFailureFinding) carrying proxy/CDN headers.
std::optional<Finding> proxyAnswered5xxFinding(int status, const HeaderPairs &headers,
                                               const QString &where);

// 502/504: by definition the answer of a gateway or proxy about its upstream (RFC 9110
// §15.6.3, §15.6.5). `viaProxy`: the client itself went through a configured proxy.
std::optional<Finding> upstreamFailureFinding(int status, const HeaderPairs &headers, bool viaProxy,
                                              const QString &where);

// 429/503 with Retry-After; `started` is when the request was made (used when the response has
// no Date header to anchor an HTTP-date).
std::optional<Finding> retryAfterFinding(int status, const HeaderPairs &headers,
                                         const QDateTime &started, const QString &where);

// A 301/302 answer to a POST that the client followed with a GET (RFC 9110 §15.4.2/§15.4.3).
Finding postToGetFinding(int status, const QString &toUrl,
                         const QString &where);

// An https: URL redirected to plain http: (RFC 9110 §4.2.2: the target loses protection).
Finding httpsDowngradeFinding(int status, const QString &toUrl,
                              const QString &where);

// "1.5 MiB (1572864 bytes)"
QString formatBytes(qint64 bytes);

} // namespace statusscope::diagnose
