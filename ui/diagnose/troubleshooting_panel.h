#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Guided troubleshooting, one step at a time: what to check and why, a button for the
// checks the app can run itself (CheckRunner: asynchronous, cancellable) with their outcome and
// a suggested answer, the step's possible outcomes as buttons the user confirms, back/undo,
// and at the end the diagnosis summary with "Copy as Markdown".

#include "core/diagnose/troubleshooting_flow.h"
#include "ui/diagnose/check_runner.h"
#include "ui/status/status_activation.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QVBoxLayout;

namespace statusscope::ui {

class StatusLinkLabel;

class TroubleshootingPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TroubleshootingPanel)

public:
    TroubleshootingPanel(diagnose::TroubleshootingRun run, const CheckContext &context, QWidget *parent = nullptr);

    const diagnose::TroubleshootingRun &run() const { return m_run; }
    CheckRunner *checkRunner() const { return m_checks; }
    // "Troubleshoot 417": the tab title.
    QString title() const;

    // What the buttons do, for keyboard users and tests.
    void runCheck();
    void cancelCheck();
    // Records an outcome of the current step (with the check's or the user's observation).
    bool chooseOutcome(const QString &outcomeId);
    bool back();
    void restart();
    void copyMarkdown() const;

    // The outcome the last automatic check suggests for the current step, or empty.
    QString suggestedOutcome() const { return m_suggested; }
    QString lastObserved() const { return m_observed; }

signals:
    void statusActivated(const statusscope::ui::StatusActivation &activation);
    // Emitted after each recorded outcome, undo and check: the panel changed.
    void runChanged();
    void checkFinished(const statusscope::diagnose::CheckResult &result);

private:
    QHBoxLayout *buildHeader(const CheckContext &context);
    QWidget *buildHistory();
    QWidget *buildStepPage();
    QWidget *buildSummaryPage();
    QHBoxLayout *buildNavigation();
    void showCurrent();
    void checkDone(const CheckResult &result);
    void rebuildHistory();

    diagnose::TroubleshootingRun m_run;
    CheckRunner *m_checks = nullptr;
    QString m_suggested;
    QString m_observed;

    StatusLinkLabel *m_guide = nullptr;
    QLabel *m_findingLabel = nullptr;
    QListWidget *m_history = nullptr;
    QStackedWidget *m_pages = nullptr;
    // The step page
    QLabel *m_stepTitle = nullptr;
    QLabel *m_check = nullptr;
    QLabel *m_why = nullptr;
    QWidget *m_autoBox = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_result = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLineEdit *m_note = nullptr;
    QWidget *m_outcomeBox = nullptr;
    QVBoxLayout *m_outcomeLayout = nullptr;
    // The summary page
    QTextBrowser *m_summary = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_restart = nullptr;
};

} // namespace statusscope::ui
