#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// One diagnosis: what a rule saw in an exchange or a HAR entry, the likely cause, the fix, and
// the built-in guide it links to. A plain value type the CLI prints and the GUI shows.

#include <QList>
#include <QString>

#include <iosfwd>
#include <optional>

namespace statusscope::diagnose {

enum class Severity {
    Info,    // worth knowing; nothing is broken (e.g. an early rejection that saved bandwidth)
    Warning, // costs time or bytes, or will break under other conditions
    Error,   // the request failed, or a security problem
};
QString toString(Severity severity); // "info", "warning", "error"
void PrintTo(Severity severity, std::ostream *os);

struct Finding
{
    QString rule; // stable id, e.g. "expect-417"
    Severity severity = Severity::Info;
    QString title;       // one line
    QString explanation; // what was seen, with numbers and times
    QString cause;       // the likely cause
    QString fix;         // concrete next step
    QString guide;       // a guide id: a status code ("417") or a transport id ("dns-failure")
    std::optional<int> attempt; // index into Exchange::attempts
    std::optional<int> event;   // index into that attempt's events
    std::optional<int> entry;   // index into the HAR's entries (HarEntry::index)

    // What every rule says first: which rule, how bad, and the guide that explains it.
    static Finding of(QString rule, Severity severity, QString guide = {})
    {
        Finding f;
        f.rule = std::move(rule);
        f.severity = severity;
        f.guide = std::move(guide);
        return f;
    }
};
void PrintTo(const Finding &finding, std::ostream *os);

using Findings = QList<Finding>;

} // namespace statusscope::diagnose
