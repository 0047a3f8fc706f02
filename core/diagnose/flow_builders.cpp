// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/flow_builders.h"

namespace statusscope::diagnose::flows {

StepOutcome go(const char *id, const char *label, const char *next)
{
    return {QString::fromUtf8(id), QString::fromUtf8(label), QString::fromUtf8(next), {}, {}};
}

StepOutcome end(const char *id, const char *label, const char *cause, const char *server, const char *client,
                const char *guide)
{
    const QString g = guide ? QString::fromLatin1(guide) : QString();
    return {QString::fromUtf8(id),
            QString::fromUtf8(label),
            {},
            QString::fromUtf8(cause),
            {QString::fromUtf8(server), g, QStringLiteral("server-side-fixes")},
            {QString::fromUtf8(client), g, QStringLiteral("client-side-fixes")}};
}

TroubleshootingStep step(const char *id, const char *title, const char *check, const char *why, CheckKind kind,
                         QList<StepOutcome> outcomes)
{
    return {QString::fromUtf8(id), QString::fromUtf8(title), QString::fromUtf8(check), QString::fromUtf8(why),
            kind, std::move(outcomes)};
}

TroubleshootingFlow flow(const char *id, const char *title, const QString &guide, QList<TroubleshootingStep> steps)
{
    for (TroubleshootingStep &s : steps) {
        for (StepOutcome &o : s.outcomes) {
            for (Fix *fix : {&o.server, &o.client}) {
                if (o.endsFlow() && fix->guide.isEmpty())
                    fix->guide = guide; // the fixes are in the flow's own guide
            }
        }
    }
    return {QString::fromUtf8(id), QString::fromUtf8(title), guide, std::move(steps)};
}

} // namespace statusscope::diagnose::flows
