#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The Expect probe as a document tab. First it shows exactly what will be sent (host, method,
// path, body sizes, number of requests, with or without the proxy) and sends nothing until the
// user says so; a host that came from a file is also put to NetworkConsent. Then it runs the
// battery with core's ProbeRunner, which is asynchronous (every exchange is driven by the
// engine's signals), so the window never waits: the table fills in check by check, Cancel
// stops it. Finally the one-line summary on top, the table, and Copy as JSON (the CLI's exact
// JSON) / Copy summary. Status and guide cells are status links (statusActivated).

#include "core/probe/probe_runner.h"
#include "ui/probe/probe_target.h"
#include "ui/status/status_activation.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace statusscope::ui {

class NetworkConsent;
class ProbeResultsModel;
class StatusLinkDelegate;
class VerdictDelegate;

class ProbeView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeView)

public:
    enum class Stage {
        Plan,            // what will be sent; nothing sent yet
        AwaitingConsent, // a host from a file: NetworkConsent's question is open
        Running,
        Finished, // done or cancelled (report().cancelled)
    };

    // consent: asked before a host from a file is contacted; without one such a probe never runs.
    ProbeView(const ProbeTarget &target, NetworkConsent *consent, QWidget *parent = nullptr);
    ~ProbeView() override;

    QString title() const;
    const ProbeTarget &target() const { return m_target; }
    Stage stage() const { return m_stage; }
    const probe::ProbeReport &report() const { return m_runner.report(); }
    ProbeResultsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // What the plan page tells the user before anything is sent.
    QString planText() const;
    // The CLI's `probe --json` output for this report, and the line Copy summary copies.
    QString jsonText() const;
    QString summaryLine() const;

    // "Run the probe": asks NetworkConsent first for a host from a file.
    void start();
    void cancel();
    void copyJson();
    void copySummary();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void statusActivated(const statusscope::ui::StatusActivation &activation);
    void stageChanged(statusscope::ui::ProbeView::Stage stage);

private:
    QWidget *buildPlanPage();
    QWidget *buildResultsPage();
    void updatePlan();
    void run();
    void onCheckStarted(int index, int total, probe::CheckId id, probe::Route via);
    void onCheckFinished(int index, const probe::CheckResult &result);
    void onFinished();
    void showDetail();
    void setStage(Stage stage);
    // Column widths: the badges and the verdict as wide as they are, the check down to its id
    // (the title wraps), "What happened" the rest but never so narrow that it is unreadable
    // (the table scrolls sideways instead).
    void fitColumns();

    ProbeTarget m_target;
    QPointer<NetworkConsent> m_consent;
    probe::ProbeRunner m_runner;
    Stage m_stage = Stage::Plan;

    QStackedWidget *m_pages = nullptr;
    // Plan page
    QLabel *m_planIntro = nullptr;
    QLabel *m_planFacts = nullptr;
    QLabel *m_planRequests = nullptr;
    QLabel *m_planNote = nullptr;
    QLabel *m_planProblem = nullptr;
    QComboBox *m_method = nullptr;
    QPushButton *m_run = nullptr;
    // Results page
    QLabel *m_heading = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QPushButton *m_cancel = nullptr;
    QTableView *m_table = nullptr;
    ProbeResultsModel *m_model = nullptr;
    StatusLinkDelegate *m_statusLinks = nullptr;
    StatusLinkDelegate *m_guideLinks = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_copyJson = nullptr;
    QPushButton *m_copySummary = nullptr;
    QPushButton *m_runAgain = nullptr;
};

} // namespace statusscope::ui
