#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The diagnosis of an exchange or a HAR entry as a list: per finding its severity (icon and
// colour), title, what was seen, the likely cause, the fix, and the guide as a status link.
// Links go out through statusActivated (to the GuideNavigator); "Troubleshoot…" on a finding
// asks for the step-by-step panel; "Probe Expect handling…" on an Expect/417 finding asks for the
// Expect probe of the same host.

#include "core/diagnose/finding.h"
#include "ui/status/status_activation.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace statusscope::ui {

class StatusLinkLabel;

class FindingsPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsPanel)

public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    // emptyText: what to say when there are no findings ("No problems found…").
    void setFindings(const diagnose::Findings &findings, const QString &emptyText = {});
    const diagnose::Findings &findings() const { return m_findings; }
    // The guide link of each finding, in order (for wiring and tests).
    QList<StatusLinkLabel *> guideLinks() const { return m_links; }

signals:
    void statusActivated(const statusscope::ui::StatusActivation &activation);
    void troubleshootRequested(const statusscope::diagnose::Finding &finding);
    void probeRequested(const statusscope::diagnose::Finding &finding);

private:
    QWidget *buildCard(const diagnose::Finding &finding, int index);

    diagnose::Findings m_findings;
    QList<StatusLinkLabel *> m_links;
    QWidget *m_list = nullptr;
    QVBoxLayout *m_listLayout = nullptr;
    QLabel *m_empty = nullptr;
};

// A finding about Expect (a 417, a wait for 100, a final status before the body): the Expect
// probe answers how the server handles it.
bool offersExpectProbe(const diagnose::Finding &finding);

// Colour of a severity's marker, readable on the current palette.
QColor severityColor(diagnose::Severity severity, bool dark);

} // namespace statusscope::ui
