#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The request a resend check sends: the original request (the composer's, or rebuilt from a
// saved exchange) with exactly one thing changed.

#include "core/diagnose/troubleshooting_flow.h"
#include "core/http/http_types.h"

#include <optional>

namespace statusscope::diagnose {

// A smaller body is this much of the original: enough to pass any sane limit, big enough to
// still be a real upload.
inline constexpr qint64 kSmallerBodyBytes = 64 * 1024;

// Headers a resend must not copy: HTTP/2 pseudo-headers (":authority") and those the engine
// writes itself from the spec (Host, framing, Expect; hop-by-hop ones, RFC 9110 §7.6.1).
bool isEngineWrittenHeader(const QString &name);

// A saved exchange keeps the request's headers and size, not its body: the spec gets the same
// method, URL and headers (minus the ones the engine adds itself) and a body of as many bytes,
// so size-dependent behaviour (Expect, 413) is reproduced. Empty when the exchange has no attempt.
std::optional<http::RequestSpec> specFromExchange(const http::Exchange &exchange, QString *note = nullptr);

// The spec a resend check sends: `base` with one thing changed (Expect off or on, HTTP/1.0, the
// first 64 KiB of the body, no proxy); never retried on 417, so the server's own answer shows.
http::RequestSpec specForCheck(CheckKind kind, const http::RequestSpec &base);

} // namespace statusscope::diagnose
