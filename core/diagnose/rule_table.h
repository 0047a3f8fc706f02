#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Running a table of rules ({id, run} rows) over one subject: an Exchange or a HarLog.

#include "core/diagnose/finding.h"

#include <QList>
#include <QString>

namespace statusscope::diagnose {

template<typename Rule, typename Subject>
Findings runRuleById(const QList<Rule> &table, const QString &id, const Subject &subject)
{
    for (const Rule &rule : table) {
        if (id == QLatin1String(rule.id))
            return rule.run(subject);
    }
    return {};
}

template<typename Rule, typename Subject>
Findings runAllRules(const QList<Rule> &table, const Subject &subject)
{
    Findings out;
    for (const Rule &rule : table)
        out += rule.run(subject);
    return out;
}

} // namespace statusscope::diagnose
