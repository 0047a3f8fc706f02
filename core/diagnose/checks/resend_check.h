#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The resend steps of a troubleshooting flow: send the request again with one thing changed
// (resend_spec.h) through the HTTP engine, and say what came back.

#include "core/diagnose/checks/check_handle.h"
#include "core/http/http_types.h"

namespace statusscope::diagnose {

struct ResendRequest
{
    CheckKind kind = CheckKind::ResendWithoutExpect; // which one thing changes
    http::RequestSpec base;                          // the original request
    QString specNote;         // how `base` was obtained (rebuilt from a file…), shown in details
    int troubleshotStatus = 0; // the status being troubleshot; 0: unknown
};

// Ok: a success status. Failed: the troubleshot status again (or any error status when it is
// unknown). DifferentStatus: another error status. DnsFailure, ConnectFailure, TlsFailure,
// Timeout: no status at all. The result carries the resend's exchange.
CheckHandle resend(const ResendRequest &request, CheckCallback done);

} // namespace statusscope::diagnose
