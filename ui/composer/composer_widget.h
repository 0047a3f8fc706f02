#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// A request tab: the composer on top, the timeline of the last exchange below. Exchanges run on
// the tab's ExchangeRunner (a worker thread), so a busy window cannot inflate their timings.

#include "core/curl/shell_words.h"
#include "core/http/http_types.h"
#include "ui/composer/composer_state.h"
#include "ui/status/status_activation.h"

#include <QElapsedTimer>
#include <QUrl>
#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTimer;

namespace statusscope::http {
class ExchangeRunner;
struct TransferProgress;
}

namespace statusscope::ui {

class BodyEditor;
class KeyValueTable;
class TimelineView;
class UrlLineEdit;

class ComposerWidget : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerWidget)

public:
    explicit ComposerWidget(QWidget *parent = nullptr);
    ~ComposerWidget() override;

    ComposerState state() const;
    void setState(const ComposerState &state);

    // Fills the composer from a curl command; false (and the error shown) when it is not one.
    bool importCurl(const QString &commandLine);
    QString curlCommand(ShellDialect dialect) const;
    QStringList importWarnings() const { return m_importWarnings; }

    TimelineView *timeline() const { return m_timeline; }
    QAction *probeAction() const { return m_probeAction; }
    bool isRunning() const;
    QString title() const;

    void send();
    void cancel();

    // Asked on the GUI thread when following redirects stopped at an https → http hop (we
    // never downgrade silently). True: send again and follow it. The default asks with a
    // QMessageBox; tests replace it.
    using DowngradePrompt = std::function<bool(const QUrl &from, const QUrl &to)>;
    void setDowngradePrompt(DowngradePrompt prompt) { m_downgradePrompt = std::move(prompt); }

signals:
    void exchangeFinished(const statusscope::http::Exchange &exchange,
                          const statusscope::ui::ComposerState &state);
    void statusActivated(const statusscope::ui::StatusActivation &activation);
    void titleChanged(const QString &title);
    void messageShown(const QString &message);
    // "Probe Expect handling…": the Expect probe of the current URL, method and proxy.
    void probeRequested();

private:
    void askAboutDowngrade(const http::Exchange &exchange);
    QWidget *buildParamsPage();
    QWidget *buildHeadersPage();
    QWidget *buildOptionsPage();
    void onUrlEdited();
    void syncParamsFromUrl();
    void syncUrlFromParams();
    void updateValidation();
    void updateTlsWarning();
    void updateProgress(const http::TransferProgress &progress);
    void onFinished(const http::Exchange &exchange);
    void setRunning(bool running);
    void showMessage(const QString &message);

    // Request line
    QComboBox *m_method = nullptr;
    UrlLineEdit *m_url = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_copyCurl = nullptr;
    QAction *m_probeAction = nullptr;
    QLabel *m_urlProblem = nullptr;
    QLabel *m_importNote = nullptr;
    QLabel *m_tlsWarning = nullptr;
    QTabWidget *m_tabs = nullptr;

    KeyValueTable *m_params = nullptr;
    KeyValueTable *m_headers = nullptr;
    QLineEdit *m_removedHeaders = nullptr;

    BodyEditor *m_body = nullptr;

    QComboBox *m_expect = nullptr;
    QDoubleSpinBox *m_expectTimeout = nullptr;
    QCheckBox *m_retry417 = nullptr;
    QComboBox *m_version = nullptr;
    QCheckBox *m_follow = nullptr;
    QSpinBox *m_maxRedirects = nullptr;
    QCheckBox *m_verifyTls = nullptr;
    QLineEdit *m_caFile = nullptr;
    QDoubleSpinBox *m_connectTimeout = nullptr;
    QDoubleSpinBox *m_maxTime = nullptr;
    QLineEdit *m_proxy = nullptr;
    enum class AuthMode { None, Basic, Bearer }; // the indexes of m_authMode
    QComboBox *m_authMode = nullptr;
    QLineEdit *m_user = nullptr; // USER:PASSWORD for Basic, the token for Bearer
    QCheckBox *m_compressed = nullptr;
    QLineEdit *m_outputFile = nullptr;

    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    TimelineView *m_timeline = nullptr;
    QSplitter *m_split = nullptr;
    bool m_sentOnce = false;

    http::ExchangeRunner *m_runner = nullptr;
    ComposerState m_sentState;
    DowngradePrompt m_downgradePrompt;
    bool m_followDowngrade = false; // the user said "Follow anyway" for the next send
    QElapsedTimer m_runClock;
    qint64 m_lastBytes = 0;
    qint64 m_lastBytesAtMs = 0;
    double m_rate = 0;
    bool m_syncing = false;
    QStringList m_importWarnings;
};

} // namespace statusscope::ui
