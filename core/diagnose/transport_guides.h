#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Which transport guide (resources/guides/transport/<id>.md) explains a failure that has no
// HTTP status: from the engine's error kind and message, or from a browser's net error name in
// a HAR file.

#include "core/http/http_types.h"

#include <QString>

namespace statusscope::diagnose {

// The ids of resources/guides/transport/, one per failure without a status.
inline constexpr const char *kTransportGuideIds[] = {
    "dns-failure",    "connection-refused",    "connection-reset", "connect-timeout",
    "read-timeout",   "tls-handshake-failure", "cert-expired",     "cert-self-signed",
    "cert-hostname-mismatch", "cert-unknown-issuer", "proxy-error",
};

// Empty when no transport guide fits (a cancelled exchange, a local file error, a protocol
// error such as too many redirects that other rules explain).
QString transportGuideId(const http::Error &error, bool viaProxy);

// Chrome's "net::ERR_NAME_NOT_RESOLVED" and friends (also without the "net::" prefix), and
// Firefox's NS_ERROR_* names. Empty when the name is not a transport failure.
QString transportGuideForNetError(const QString &netError);

} // namespace statusscope::diagnose
