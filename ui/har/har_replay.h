#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// A HAR entry as something to send again: the composer's state for "Replay in composer", and
// an Exchange-shaped record of what the HAR saw for the troubleshooting checks.

#include "core/har/har_types.h"
#include "core/http/http_types.h"
#include "ui/composer/composer_state.h"

namespace statusscope::ui {

// Method, URL, the request headers except HTTP/2 pseudo-headers (":authority") and those the
// engine writes itself (Host, Content-Length, Connection and the other hop-by-hop headers,
// RFC 9110 §7.6.1); the posted text as the raw body with its mimeType (or its params as a form).
ComposerState composerStateFromHarEntry(const HarEntry &entry);

// One attempt with the entry's request headers and, when there was one, its response status
// and headers; no events (a HAR has none). Enough for a header comparison and a DNS lookup.
http::Exchange exchangeFromHarEntry(const HarEntry &entry);

} // namespace statusscope::ui
