// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/exit_codes.h"

namespace statusscope::cli {

int exitCodeFor(http::ErrorKind kind)
{
    switch (kind) {
    case http::ErrorKind::None: return kExitOk;
    case http::ErrorKind::Dns: return kExitDns;
    case http::ErrorKind::Connect: return kExitConnect;
    case http::ErrorKind::Tls: return kExitTls;
    case http::ErrorKind::Timeout: return kExitTimeout;
    case http::ErrorKind::Protocol: return kExitProtocol;
    case http::ErrorKind::Io: return kExitFile;
    case http::ErrorKind::Proxy: return kExitProxy;
    case http::ErrorKind::Cancelled: return kExitFailure;
    }
    return kExitFailure;
}

} // namespace statusscope::cli
