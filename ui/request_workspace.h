#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Ties requests to the main window: composer tabs (New Request, Import cURL), saved-exchange
// tabs, the history sidebar, Save Exchange As, and the Guide dock for a clicked status.
// The app creates one next to its MainWindow; tests create one with a temporary history path.

#include "core/diagnose/troubleshooting_flow.h"
#include "core/history/history_secrets.h"
#include "core/history/history_store.h"
#include "core/http/http_types.h"
#include "ui/status/status_activation.h"

#include <QObject>

#include <memory>

class QAction;

namespace statusscope::ui {

class GuideNavigator;

class ComposerWidget;
class HistoryPanel;
class MainWindow;
class LogFocus;
class NetworkConsent;
class TimelineView;
class TroubleshootingPanel;
struct CheckContext;
struct ComposerState;

class RequestWorkspace : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestWorkspace)

public:
    // Key added to the exchange JSON kept in history: the composer's request as a curl command,
    // so "Re-send" can rebuild it. DESIGN.md allows added fields.
    static constexpr const char *kRequestCurlKey = kHistoryCurlKey;

    RequestWorkspace(MainWindow *window, const QString &historyPath, QObject *parent = nullptr);
    ~RequestWorkspace() override;

    // The request factory and the ExchangeJson viewer the app registers.
    ComposerWidget *createComposer(QWidget *parent);
    QWidget *openExchangeFile(const QString &path, QWidget *parent);

    ComposerWidget *newComposerTab();
    ComposerWidget *importCurlTab(const QString &commandLine);
    TimelineView *reopenFromHistory(qint64 id);
    ComposerWidget *resendFromHistory(qint64 id);
    // A new request tab filled from `state` (HAR "Replay in composer"), not sent yet.
    ComposerWidget *replayInComposer(const ComposerState &state);
    // The step-by-step panel as a document tab ("Troubleshoot 417"). The context's log hook is
    // filled here: it shows the status in a log tab (logFocus()).
    TroubleshootingPanel *openTroubleshooting(const diagnose::TroubleshootingRun &run, const CheckContext &context);
    // "Open the logs at this status": which log (asks when several or none are open), and what
    // it holds around the exchange's time.
    LogFocus *logFocus() const { return m_logFocus; }
    // Sanitized by default: credentials, cookies and token-like parameters become
    // REDACTED (core/har's sanitizer for .har, history_secrets for exchange JSON);
    // keepSecrets writes them as they were.
    bool saveExchange(const http::Exchange &exchange, const QString &path, QString *error = nullptr,
                      bool keepSecrets = false);

    HistoryStore *history() const { return m_history.get(); }
    HistoryPanel *historyPanel() const { return m_panel; }
    HistoryStore::OpenResult historyOpenResult() const { return m_openResult; }
    // Statuses clicked anywhere in requests, timelines and history go to the one navigator
    // (the Guide dock's browser). Without one, the dock shows what the status table knows.
    void setGuideNavigator(GuideNavigator *navigator) { m_navigator = navigator; }
    void showStatusGuide(const StatusActivation &activation);
    // Asks before checks reach a host that came from a file; remembers answers for the session.
    NetworkConsent *networkConsent() const { return m_consent; }

private:
    void recordExchange(const http::Exchange &exchange, const ComposerState &state);
    // origin: where a saved exchange came from ("the saved exchange x.json"); empty when the
    // user composed the request (a composer, their own history), so checks need no consent.
    void connectTimeline(TimelineView *view, ComposerWidget *composer = nullptr, const QString &origin = {});
    void showImportDialog();
    void saveCurrentExchange(bool keepSecrets = false);
    const http::Exchange *currentExchange() const;

    MainWindow *m_window;
    GuideNavigator *m_navigator = nullptr;
    std::unique_ptr<HistoryStore> m_history;
    HistoryStore::OpenResult m_openResult;
    HistoryPanel *m_panel = nullptr;
    NetworkConsent *m_consent = nullptr;
    LogFocus *m_logFocus = nullptr;
    QAction *m_importCurlAction = nullptr;
    QAction *m_saveExchangeAction = nullptr;
    QAction *m_saveExchangeSecretsAction = nullptr;
};

} // namespace statusscope::ui
