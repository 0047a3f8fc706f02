// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/request_workspace.h"

#include "core/har/har_reader.h"
#include "core/har/har_sanitizer.h"
#include "core/har/har_writer.h"
#include "core/history/history_secrets.h"

#include "core/guides/status_table.h"
#include "ui/status/guide_navigator.h"

#include "core/curl/curl_command.h"
#include "core/http/exchange_har.h"
#include "core/http/exchange_json.h"
#include "core/http_io/exchange_json_reader.h"
#include "ui/composer/composer_state.h"
#include "ui/composer/composer_widget.h"
#include "ui/diagnose/check_runner.h"
#include "ui/diagnose/log_focus.h"
#include "ui/diagnose/network_consent.h"
#include "ui/diagnose/troubleshoot_launch.h"
#include "ui/diagnose/troubleshooting_panel.h"
#include "ui/guide_dock.h"
#include "ui/history/history_panel.h"
#include "ui/main_window.h"
#include "ui/status/status_link.h"
#include "ui/timeline/timeline_view.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>
#include <QTabWidget>

namespace statusscope::ui {

namespace {

constexpr int kStatusMessageMs = 6000;

QByteArray finalBody(const http::Exchange &x)
{
    if (x.attempts.isEmpty() || !x.attempts.last().response)
        return {};
    const http::Response &r = *x.attempts.last().response;
    return r.body; // as received: history shows what came over the wire
}

} // namespace

RequestWorkspace::RequestWorkspace(MainWindow *window, const QString &historyPath, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_history(std::make_unique<HistoryStore>(historyPath))
    , m_consent(new NetworkConsent(window, this))
    , m_logFocus(new LogFocus(window, this))
{
    m_openResult = m_history->open();
    m_panel = new HistoryPanel(m_history.get(), window);
    window->addSidebarPanel(m_panel, tr("History"));
    window->setHistoryPanel(m_panel);
    connect(m_panel, &HistoryPanel::openRequested, this, [this](qint64 id) { reopenFromHistory(id); });
    connect(m_panel, &HistoryPanel::resendRequested, this, [this](qint64 id) { resendFromHistory(id); });
    connect(m_panel, &HistoryPanel::statusActivated, this, &RequestWorkspace::showStatusGuide);

    if (m_openResult.state != HistoryStore::OpenState::Ready) {
        // A clear message, once, and the app keeps going (HistoryStore moved a bad file aside).
        window->statusBar()->showMessage(m_openResult.message, 0);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("History"), m_openResult.message, QMessageBox::Ok, window);
        box->setObjectName(QStringLiteral("historyProblemBox"));
        if (!m_openResult.movedAsidePath.isEmpty())
            box->setInformativeText(tr("The damaged file was kept as %1.").arg(m_openResult.movedAsidePath));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // window-modal, not blocking: the app still starts
    }

    m_importCurlAction = new QAction(tr("Import c&URL…"), this);
    m_importCurlAction->setObjectName(QStringLiteral("actionImportCurl"));
    m_importCurlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_importCurlAction, &QAction::triggered, this, &RequestWorkspace::showImportDialog);
    m_saveExchangeAction = new QAction(tr("&Save Exchange As…"), this);
    m_saveExchangeAction->setObjectName(QStringLiteral("actionSaveExchange"));
    m_saveExchangeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_saveExchangeAction, &QAction::triggered, this, [this] { saveCurrentExchange(false); });
    m_saveExchangeSecretsAction = new QAction(tr("Save Exchange &With Secrets As…"), this);
    m_saveExchangeSecretsAction->setObjectName(QStringLiteral("actionSaveExchangeWithSecrets"));
    m_saveExchangeSecretsAction->setToolTip(tr("Save without removing credentials, cookies and tokens"));
    connect(m_saveExchangeSecretsAction, &QAction::triggered, this, [this] { saveCurrentExchange(true); });
    if (auto *file = window->menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"))) {
        QAction *before = file->actions().size() > 2 ? file->actions().at(2) : nullptr;
        file->insertAction(before, m_importCurlAction);
        file->insertAction(before, m_saveExchangeAction);
        file->insertAction(before, m_saveExchangeSecretsAction);
    } else {
        window->addAction(m_importCurlAction);
        window->addAction(m_saveExchangeAction);
        window->addAction(m_saveExchangeSecretsAction);
    }
}

RequestWorkspace::~RequestWorkspace() = default;

ComposerWidget *RequestWorkspace::createComposer(QWidget *parent)
{
    auto *composer = new ComposerWidget(parent);
    connect(composer, &ComposerWidget::exchangeFinished, this, &RequestWorkspace::recordExchange);
    connect(composer, &ComposerWidget::statusActivated, this, &RequestWorkspace::showStatusGuide);
    connect(composer, &ComposerWidget::messageShown, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, kStatusMessageMs); });
    connect(composer, &ComposerWidget::titleChanged, this, [this, composer](const QString &title) {
        const int index = m_window->documents()->indexOf(composer);
        if (index >= 0)
            m_window->documents()->setTabText(index, title);
    });
    connectTimeline(composer->timeline(), composer);
    return composer;
}

ComposerWidget *RequestWorkspace::newComposerTab()
{
    ComposerWidget *composer = createComposer(m_window->documents());
    m_window->addDocument(composer, composer->title());
    return composer;
}

ComposerWidget *RequestWorkspace::importCurlTab(const QString &commandLine)
{
    ComposerWidget *composer = newComposerTab();
    if (!composer->importCurl(commandLine))
        m_window->statusBar()->showMessage(tr("That is not a curl command curl would accept."), kStatusMessageMs);
    return composer;
}

void RequestWorkspace::showImportDialog()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        m_window, tr("Import cURL"),
        tr("Paste a curl command (bash or cmd, e.g. from a browser's \"Copy as cURL\"):"), {}, &ok);
    if (ok && !text.trimmed().isEmpty())
        importCurlTab(text);
}

void RequestWorkspace::connectTimeline(TimelineView *view, ComposerWidget *composer, const QString &origin)
{
    if (!composer) // a composer forwards its timeline's statuses itself
        connect(view, &TimelineView::statusActivated, this, &RequestWorkspace::showStatusGuide);
    connect(view, &TimelineView::troubleshootRequested, this, [this, view, composer, origin](const diagnose::Finding &finding) {
        CheckContext context;
        context.exchange = view->exchange();
        context.hostFromFile = !origin.isEmpty();
        context.origin = origin;
        // The composer knows the request exactly (body included); a saved exchange only its
        // headers and size.
        const SpecResult spec = composer ? requestSpecFromState(composer->state()) : SpecResult{};
        if (composer && spec.error.isEmpty())
            context.spec = spec.spec;
        else
            context.spec = specFromExchange(view->exchange(), &context.specNote);
        openTroubleshooting(troubleshootingRunFor(view->exchange(), finding), context);
    });
}

ComposerWidget *RequestWorkspace::replayInComposer(const ComposerState &state)
{
    ComposerWidget *composer = newComposerTab();
    composer->setState(state);
    return composer;
}

TroubleshootingPanel *RequestWorkspace::openTroubleshooting(const diagnose::TroubleshootingRun &run,
                                                            const CheckContext &context)
{
    CheckContext withLogs = context;
    withLogs.openLogs = [this](int status, const QDateTime &at, LogFocus::Done done) {
        m_logFocus->focus(status, at, this, std::move(done));
    };
    // The flow's status when an attempt got it (417 even when the exchange ended in 201 after the
    // retry); a class flow's guide (500 for any 5xx) is not a status the exchange saw.
    bool numeric = false;
    const int flowStatus = run.flow().guide.toInt(&numeric);
    for (const http::Attempt &a : context.exchange.attempts) {
        if (withLogs.status == 0 && numeric && a.response && a.response->status == flowStatus)
            withLogs.status = flowStatus;
    }
    withLogs.consent = m_consent;
    auto *panel = new TroubleshootingPanel(run, withLogs, m_window->documents());
    connect(panel, &TroubleshootingPanel::statusActivated, this, &RequestWorkspace::showStatusGuide);
    m_window->addDocument(panel, panel->title(), run.flow().title);
    return panel;
}

void RequestWorkspace::recordExchange(const http::Exchange &exchange, const ComposerState &state)
{
    HistoryEntry entry;
    entry.startedAt = exchange.startedAt;
    entry.method = state.method;
    entry.url = exchange.url.toString();
    entry.finalStatus = exchange.finalStatus().value_or(-1);
    const http::Error error = exchange.error();
    if (error.isError())
        entry.errorKind = http::toString(error.kind);
    if (!exchange.attempts.isEmpty() && !exchange.attempts.last().events.isEmpty())
        entry.totalMs = exchange.msFromStart(exchange.attempts.last().endNs());
    QJsonObject json = http::exchangeToJson(exchange);
    json.insert(QLatin1String(kRequestCurlKey), exportCurlCommand(curlFromState(state)));
    entry.exchangeJson = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const QByteArray body = finalBody(exchange);
    entry.bodyTruncated = body.size() > HistoryStore::kMaxStoredBodyBytes;
    entry.responseBody = body.left(HistoryStore::kMaxStoredBodyBytes);
    if (m_history->add(entry) == 0)
        m_window->statusBar()->showMessage(tr("Could not save to history: %1").arg(m_history->lastError()), kStatusMessageMs);
    m_panel->refresh();
}

TimelineView *RequestWorkspace::reopenFromHistory(qint64 id)
{
    const std::optional<HistoryEntry> entry = m_history->load(id);
    if (!entry) {
        m_window->statusBar()->showMessage(tr("That history entry is gone: %1").arg(m_history->lastError()), kStatusMessageMs);
        return nullptr;
    }
    const http::ExchangeReadResult read = http::readExchangeJson(entry->exchangeJson);
    if (!read.ok()) {
        m_window->statusBar()->showMessage(tr("History entry %1 cannot be read: %2").arg(id).arg(read.describe()), kStatusMessageMs);
        return nullptr;
    }
    http::Exchange exchange = read.exchange;
    if (!exchange.attempts.isEmpty() && exchange.attempts.last().response)
        exchange.attempts.last().response->body = entry->responseBody;
    auto *view = new TimelineView(m_window->documents());
    view->setExchange(exchange);
    view->setNote(tr("From history, sent %1.%2").arg(entry->startedAt.toLocalTime().toString(Qt::ISODate),
                                                    entry->bodyTruncated ? tr(" The body was kept only up to %1 bytes.")
                                                                               .arg(HistoryStore::kMaxStoredBodyBytes)
                                                                         : QString()));
    connectTimeline(view);
    m_window->addDocument(view, QStringLiteral("%1 %2").arg(entry->method, QUrl(entry->url).host()), entry->url);
    return view;
}

ComposerWidget *RequestWorkspace::resendFromHistory(qint64 id)
{
    const std::optional<HistoryEntry> entry = m_history->load(id);
    if (!entry)
        return nullptr;
    const QJsonObject json = QJsonDocument::fromJson(entry->exchangeJson).object();
    const QString curl = json.value(QLatin1String(kRequestCurlKey)).toString();
    ComposerWidget *composer = newComposerTab();
    if (!curl.isEmpty()) {
        composer->importCurl(curl);
    } else { // saved by someone else: method and URL are what we know
        ComposerState state;
        state.method = entry->method;
        state.url = entry->url;
        composer->setState(state);
    }
    composer->send();
    return composer;
}

QWidget *RequestWorkspace::openExchangeFile(const QString &path, QWidget *parent)
{
    const http::ExchangeReadResult read = http::readExchangeFile(path);
    if (!read.ok()) {
        auto *label = new QLabel(tr("<b>%1</b> could not be read as a saved exchange:<br>%2")
                                     .arg(QFileInfo(path).fileName().toHtmlEscaped(), read.describe().toHtmlEscaped()),
                                 parent);
        label->setObjectName(QStringLiteral("exchangeReadError"));
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        return label;
    }
    auto *view = new TimelineView(parent);
    view->setExchange(read.exchange);
    QString note = tr("Saved exchange %1 (bodies are not part of the file).").arg(QFileInfo(path).fileName());
    if (!read.warnings.isEmpty())
        note += QLatin1Char(' ') + tr("Skipped: %1").arg(read.warnings.join(QStringLiteral("; ")));
    view->setNote(note);
    connectTimeline(view, nullptr, tr("the saved exchange %1").arg(QFileInfo(path).fileName()));
    return view;
}

const http::Exchange *RequestWorkspace::currentExchange() const
{
    QWidget *current = m_window->documents()->currentWidget();
    if (auto *composer = qobject_cast<ComposerWidget *>(current))
        return &composer->timeline()->exchange();
    if (auto *timeline = qobject_cast<TimelineView *>(current))
        return &timeline->exchange();
    return nullptr;
}

bool RequestWorkspace::saveExchange(const http::Exchange &exchange, const QString &path, QString *error, bool keepSecrets)
{
    const bool har = path.endsWith(QLatin1String(".har"), Qt::CaseInsensitive);
    const http::Exchange saved = keepSecrets ? exchange : redactExchange(exchange);
    const QJsonObject json = har ? http::exchangeToHar(saved) : http::exchangeToJson(saved);
    QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (!keepSecrets && har) {
        // The HAR sanitizer adds what only it knows: JWT signatures, sensitive form fields.
        const HarReadResult read = readHarData(bytes);
        if (!read.ok()) {
            if (error)
                *error = tr("could not sanitize the HAR: %1").arg(read.error.describe());
            return false;
        }
        bytes = harToJson(sanitizeHar(read.log).log);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void RequestWorkspace::saveCurrentExchange(bool keepSecrets)
{
    const http::Exchange *exchange = currentExchange();
    if (!exchange || exchange->attempts.isEmpty()) {
        m_window->statusBar()->showMessage(tr("Nothing to save: send a request or open an exchange first."), kStatusMessageMs);
        return;
    }
    QString selected;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Exchange"), QStringLiteral("exchange.json"),
                                                      tr("Exchange JSON (*.json);;HAR 1.2 (*.har)"), &selected);
    if (path.isEmpty())
        return;
    QString error;
    if (saveExchange(*exchange, path, &error, keepSecrets))
        m_window->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    else
        QMessageBox::warning(m_window, tr("Save Exchange"), tr("Could not save %1: %2").arg(path, error));
}

void RequestWorkspace::showStatusGuide(const StatusActivation &activation)
{
    if (m_navigator) {
        m_navigator->showGuide(activation);
        return;
    }
    // No guide browser wired (tests of this class alone): name the code, its phrase and class.
    const StatusInfo info = statusInfo(activation.codeId.toInt());
    auto *label = new QLabel(tr("<h2>%1 %2</h2><p><b>Class:</b> %3</p>")
                                 .arg(info.code)
                                 .arg(info.known ? info.reason.toHtmlEscaped() : tr("(unregistered status)"),
                                      info.hasClass ? displayName(info.statusClass) : tr("no class")));
    label->setObjectName(QStringLiteral("statusGuideSummary"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setMargin(12);
    m_window->guideDock()->setContent(label);
    m_window->guideDock()->show();
}

} // namespace statusscope::ui
