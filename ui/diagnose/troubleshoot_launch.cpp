// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/troubleshoot_launch.h"

#include "core/diagnose/transport_guides.h"

namespace statusscope::ui {

diagnose::TroubleshootingRun troubleshootingRunFor(const http::Exchange &exchange, const diagnose::Finding &finding)
{
    if (!finding.rule.isEmpty())
        return diagnose::TroubleshootingRun(diagnose::flowForFinding(finding), finding);
    if (const std::optional<int> status = exchange.finalStatus())
        return diagnose::TroubleshootingRun(diagnose::flowForStatus(*status));
    const http::Error error = exchange.error();
    if (error.isError()) {
        const bool viaProxy = !exchange.attempts.isEmpty() && exchange.attempts.last().connection.viaProxy;
        return diagnose::TroubleshootingRun(diagnose::flowForTransport(diagnose::transportGuideId(error, viaProxy)));
    }
    return diagnose::TroubleshootingRun(diagnose::flowForStatus(0));
}

diagnose::TroubleshootingRun troubleshootingRunFor(const HarEntry &entry, const diagnose::Findings &entryFindings)
{
    if (!entryFindings.isEmpty())
        return diagnose::TroubleshootingRun(diagnose::flowForFinding(entryFindings.first()), entryFindings.first());
    return diagnose::TroubleshootingRun(diagnose::flowForStatus(entry.response.status));
}

diagnose::Findings findingsOfEntry(const diagnose::Findings &all, int entryIndex)
{
    diagnose::Findings mine;
    for (const diagnose::Finding &f : all) {
        if (f.entry == entryIndex)
            mine << f;
    }
    return mine;
}

} // namespace statusscope::ui
