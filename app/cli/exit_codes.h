// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/http_types.h"

// The exit statuses of statusscope-cli: a contract with users' scripts (DESIGN.md).
namespace statusscope::cli {

enum ExitCode : int {
    kExitOk = 0, // any HTTP status counts as success for `send`
    kExitFailure = 1,
    kExitUsage = 2,
    kExitDns = 3,
    kExitConnect = 4,
    kExitTls = 5,
    kExitTimeout = 6,
    kExitProtocol = 7,
    kExitFile = 8,
    kExitProxy = 9, // the proxy refused the CONNECT tunnel (or failed it)
};

// The exit status for how an exchange ended: 0 when it got a response (whatever its status),
// else the transport failure's own status; shared by `send` and `probe`.
int exitCodeFor(http::ErrorKind kind);

} // namespace statusscope::cli
