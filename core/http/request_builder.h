#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Turns a RequestSpec into the exact request head put on the wire: request line, default
// headers, the user's headers, Content-Length and Expect. Pure, so tests check exact bytes.

#include "core/http/http_types.h"

namespace statusscope::http {

struct BuildOptions
{
    qint64 bodyBytes = 0;        // length of the body to send; -1 unknown; 0 none
    bool withoutExpect = false;  // the retry after 417 (RFC 9110 §15.5.18)
    bool absoluteForm = false;   // through an HTTP proxy (RFC 9112 §3.2.2)
};

// Whether a request with this body length gets `Expect: 100-continue` from the engine.
bool wantsExpect(const RequestSpec &spec, qint64 bodyBytes);

// The request as sent, headers in wire order. `request.expectSent` says whether it carries
// `Expect: 100-continue` (added by us or by the user) and has a body to hold back.
SentRequest buildRequest(const RequestSpec &spec, const QUrl &url, const BuildOptions &options);

// The head bytes: request line, header lines, empty line.
QByteArray serializeHead(const SentRequest &request);

// "host" or "host:port" when the port is not the scheme's default (RFC 9110 §7.2).
QByteArray hostHeaderValue(const QUrl &url);

} // namespace statusscope::http
