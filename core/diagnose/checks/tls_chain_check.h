#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate step of the TLS flow: open a TLS connection (no HTTP request), take the chain
// the server presents, errors and all, and list each certificate with its issuer and validity.

#include "core/diagnose/checks/check_handle.h"

#include <QString>

namespace statusscope::diagnose {

struct TlsTarget
{
    QString host;
    quint16 port = 443;
    QString caFile; // extra CA certificates to trust (the request's --cacert), or empty
};

// A silent port must not hang the step.
inline constexpr int kHandshakeTimeoutMs = 10000;

// Ok: the chain verified. Failed: a chain came with verification errors (listed in details).
// TlsFailure, ConnectFailure, DnsFailure or Timeout: no certificate at all.
CheckHandle showCertificateChain(const TlsTarget &target, CheckCallback done, int timeoutMs = kHandshakeTimeoutMs);

} // namespace statusscope::diagnose
