// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace statusscope::ui {

// What every widget emits when the user activates a status (a badge, a table row, a chart
// legend, a guide link in a summary): the guide to open and, optionally, where in it. One
// shape for all of them, so a GuideNavigator (or a test) connects any view the same way.
struct StatusActivation
{
    // The guide's id: a number ("417", "0") or a transport id ("dns-failure"), never parsed
    // as an int because transport failures have no number.
    QString codeId;
    // A section of that guide to scroll to ("server-side-fixes"); empty: the top of the guide.
    QString section;

    static StatusActivation ofCode(int code) { return {QString::number(code), {}}; }

    bool operator==(const StatusActivation &) const = default;
};

} // namespace statusscope::ui

Q_DECLARE_METATYPE(statusscope::ui::StatusActivation)
