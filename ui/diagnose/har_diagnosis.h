#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The HAR tab's entry actions: "Replay in composer", "Diagnose" (the HAR rules'
// findings for the selected entry, in a "Diagnosis" tab of the details) and "Troubleshoot…".
// What to do with a replay or a troubleshooting run is the app's (signals; app/main.cpp wires
// them to the RequestWorkspace).

#include "core/diagnose/finding.h"
#include "core/diagnose/troubleshooting_flow.h"
#include "ui/composer/composer_state.h"
#include "ui/diagnose/check_runner.h"
#include "ui/status/status_activation.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;

namespace statusscope {
struct HarLog;
}

namespace statusscope::ui {

class FindingsPanel;
class HarView;

class HarDiagnosis : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarDiagnosis)

public:
    // Adds the actions and the Diagnosis tab to `view`'s details; lives as long as the view.
    explicit HarDiagnosis(HarView *view);

    FindingsPanel *findingsPanel() const { return m_panel; }
    QAction *replayAction() const { return m_replay; }
    QAction *diagnoseAction() const { return m_diagnose; }
    QAction *troubleshootAction() const { return m_troubleshoot; }

    void replay();
    // Runs the rules (once per file) and shows the selected entry's findings.
    void diagnose();
    void troubleshoot();

signals:
    void replayRequested(const statusscope::ui::ComposerState &state);
    void troubleshootRequested(const statusscope::diagnose::TroubleshootingRun &run,
                               const statusscope::ui::CheckContext &context);
    void statusActivated(const statusscope::ui::StatusActivation &activation);

private:
    void refresh();
    const diagnose::Findings &allFindings();

    QPointer<HarView> m_view;
    FindingsPanel *m_panel = nullptr;
    int m_tab = -1;
    QAction *m_replay = nullptr;
    QAction *m_diagnose = nullptr;
    QAction *m_troubleshoot = nullptr;
    std::shared_ptr<const HarLog> m_diagnosedLog;
    diagnose::Findings m_findings;
};

} // namespace statusscope::ui
