// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/finding.h"

#include <ostream>

namespace statusscope::diagnose {

QString toString(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return QStringLiteral("?");
}

void PrintTo(Severity severity, std::ostream *os)
{
    *os << toString(severity).toStdString();
}

void PrintTo(const Finding &finding, std::ostream *os)
{
    *os << '[' << toString(finding.severity).toStdString() << "] " << finding.rule.toStdString()
        << " (guide " << finding.guide.toStdString() << "): " << finding.title.toStdString();
    if (finding.attempt)
        *os << " attempt " << *finding.attempt;
    if (finding.entry)
        *os << " entry " << *finding.entry;
}

} // namespace statusscope::diagnose
