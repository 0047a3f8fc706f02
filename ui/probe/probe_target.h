#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// What the Expect probe will be run against, from wherever the user asked for it: the composer
// (their own request: URL, method, proxy, TLS settings), a saved exchange or a HAR entry (a host
// that came from a file, so the probe asks NetworkConsent before contacting it). Plain values:
// the probe view shows them before anything is sent.

#include "core/probe/probe_types.h"
#include "ui/diagnose/network_consent.h"

#include <QString>

namespace statusscope {
struct HarEntry;
}
namespace statusscope::http {
struct Exchange;
}

namespace statusscope::ui {

struct ComposerState;

struct ProbeTarget
{
    probe::ProbeOptions options;
    QString origin; // "the HAR file page.har"; empty when the user composed the request
    QString note;   // what was adapted, e.g. a GET turned into PUT because the checks carry content
    bool fromFile() const { return !origin.isEmpty(); }
};

ProbeTarget probeTargetFromComposer(const ComposerState &state);
ProbeTarget probeTargetFromExchange(const http::Exchange &exchange, const QString &origin);
ProbeTarget probeTargetFromHarEntry(const HarEntry &entry, const QString &origin);

// Requests one battery sends: eight per route (check 7 may add a HEAD on the same connection).
int probeRequestCount(const probe::ProbeOptions &options);
// "127.0.0.1:8080": what the consent is remembered for.
QString probeHost(const probe::ProbeOptions &options);
// The consent question for a target from a file: host, method and the largest body.
NetworkRequestSummary probeConsentRequest(const ProbeTarget &target);

} // namespace statusscope::ui
