// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/guides/status_table.h"

#include <algorithm>
#include <array>

namespace statusscope {

namespace {

// The transport failures that have guides. Order is display order: resolve, connect,
// TLS, then waiting, then the proxy in between.
constexpr std::array kTransportFailures{
    TransportFailureEntry{"dns-failure", "DNS failure"},
    TransportFailureEntry{"connection-refused", "Connection refused"},
    TransportFailureEntry{"connection-reset", "Connection reset"},
    TransportFailureEntry{"connect-timeout", "Connect timeout"},
    TransportFailureEntry{"read-timeout", "Read timeout"},
    TransportFailureEntry{"tls-handshake-failure", "TLS handshake failure"},
    TransportFailureEntry{"cert-expired", "Certificate expired"},
    TransportFailureEntry{"cert-self-signed", "Self-signed certificate"},
    TransportFailureEntry{"cert-hostname-mismatch", "Certificate host name mismatch"},
    TransportFailureEntry{"cert-unknown-issuer", "Unknown certificate issuer"},
    TransportFailureEntry{"proxy-error", "Proxy error"},
};

} // namespace

const StatusCodeEntry *findStatusCode(int code)
{
    const auto table = statusCodeTable();
    const auto it = std::lower_bound(table.begin(), table.end(), code,
                                     [](const StatusCodeEntry &e, int c) { return e.code < c; });
    return it != table.end() && it->code == code ? &*it : nullptr;
}

std::span<const TransportFailureEntry> transportFailureTable()
{
    return kTransportFailures;
}

const TransportFailureEntry *findTransportFailure(QStringView id)
{
    for (const TransportFailureEntry &entry : kTransportFailures) {
        if (id == QLatin1String(entry.id))
            return &entry;
    }
    return nullptr;
}

StatusInfo statusInfo(int code)
{
    StatusInfo info;
    info.code = code;
    info.hasClass = statusClassForCode(code, &info.statusClass);
    if (const StatusCodeEntry *entry = findStatusCode(code)) {
        info.known = true;
        info.reason = QString::fromUtf8(entry->reason);
        info.registry = entry->registry;
        info.definedIn = QString::fromUtf8(entry->definedIn);
    } else {
        info.reason = QStringLiteral("Unknown status");
    }
    return info;
}

} // namespace statusscope
