// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
};

} // namespace statusscope::cli
