// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace statusscope {

// The class a status belongs to (RFC 9110 §15: the first digit), plus the two kinds of guide that
// have no class: the pseudo-status 0 ("no response") and transport failures (no status at all).
enum class StatusClass {
    Informational, // 1xx
    Success,       // 2xx
    Redirection,   // 3xx
    ClientError,   // 4xx
    ServerError,   // 5xx
    None,          // status 0: browsers and HAR files record it when no response arrived
    Transport,     // DNS, connect, TLS, timeouts: the request never got a status
};

// "1xx" … "5xx", "none", "transport": the spelling of the guides' front matter (FORMAT.md).
QString toString(StatusClass statusClass);
bool statusClassFromString(QStringView text, StatusClass *out);
// 0 → None; 100–199 → Informational … 500–599 → ServerError. Anything else has no class
// (RFC 9110 §15 only defines 100–599) and returns false.
bool statusClassForCode(int code, StatusClass *out);
// Display order of the groups in lists: 1xx … 5xx, then no response, then transport.
int displayOrder(StatusClass statusClass);
QString displayName(StatusClass statusClass); // "4xx Client error"

// Where a code comes from: the IANA HTTP Status Code Registry, or somewhere else.
enum class Registry {
    Iana,          // permanent registration
    IanaTemporary, // provisional registration (104)
    IanaObsoleted, // registered, then moved to historic (510)
    Unofficial,    // used by a product (nginx 499, Cloudflare 52x, AWS ELB 46x…)
    Pseudo,        // status 0
    Transport,     // transport failures, not a status
};

// "iana", "iana-temporary", "iana-obsoleted", "unofficial", "pseudo", "transport".
QString toString(Registry registry);
bool registryFromString(QStringView text, Registry *out);
// Registered with IANA in any state: what the guides' `official: true` means.
bool isOfficial(Registry registry);

} // namespace statusscope
