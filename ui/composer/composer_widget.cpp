// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composer/composer_widget.h"

#include "core/curl/curl_command.h"
#include "core/http/exchange_runner.h"
#include "ui/composer/body_editor.h"
#include "ui/composer/key_value_table.h"
#include "ui/document_keys.h"
#include "ui/timeline/phase_spans.h"
#include "ui/timeline/timeline_view.h"

#include <QMessageBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace statusscope::ui {

// The URL field: a pasted curl command fills the whole composer instead of the field.
class UrlLineEdit : public QLineEdit
{
public:
    using QLineEdit::QLineEdit;
    std::function<bool(const QString &)> onCurlPasted;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->matches(QKeySequence::Paste) && onCurlPasted) {
            const QString clip = QApplication::clipboard()->text();
            if (looksLikeCurlCommand(clip) && onCurlPasted(clip))
                return;
        }
        QLineEdit::keyPressEvent(event);
    }
};

namespace {

// Show progress only for transfers still running after a moment (STYLE.md habit 9).
constexpr int kProgressDelayMs = 300;

// The divider the user last dragged in any request tab (this session).
QList<int> &rememberedSplit()
{
    static QList<int> sizes;
    return sizes;
}

// After a send the timeline needs room, but the composer keeps its full height (a request
// squeezed into a scrolling strip cannot be read or edited) unless that leaves the timeline
// less than 40 %; the user's own choice, once made, wins.
QList<int> splitAfterSend(const QSplitter *split)
{
    const QList<int> sizes = split->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    const QList<int> &remembered = rememberedSplit();
    if (remembered.size() == 2 && remembered.at(0) + remembered.at(1) > 0) {
        const int top = total * remembered.at(0) / (remembered.at(0) + remembered.at(1));
        return {top, total - top};
    }
    const int wanted = split->widget(0)->minimumSizeHint().height();
    const int top = qMin(qMax(wanted, total * 2 / 5), total * 3 / 5);
    return {top, total - top};
}

QDoubleSpinBox *secondsBox(const QString &special, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 86400);
    box->setDecimals(3);
    box->setSingleStep(0.5);
    box->setSuffix(QStringLiteral(" s"));
    box->setSpecialValueText(special); // 0 means "not set"
    return box;
}

std::optional<double> secondsValue(const QDoubleSpinBox *box)
{
    return box->value() > 0 ? std::optional<double>(box->value()) : std::nullopt;
}

} // namespace

ComposerWidget::ComposerWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("composer"));

    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("composerMethod"));
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_method->setMinimumContentsLength(8);
    m_url = new UrlLineEdit(this);
    m_url->setObjectName(QStringLiteral("composerUrl"));
    m_url->setPlaceholderText(tr("https://example.com/path — or paste a curl command"));
    m_url->setClearButtonEnabled(true);
    m_url->onCurlPasted = [this](const QString &text) { return importCurl(text); };
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("composerSend"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the request (Ctrl+Enter)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("composerCancel"));
    m_cancel->setToolTip(tr("Stop the exchange (Esc)"));
    m_cancel->setEnabled(false);
    m_cancel->hide();
    m_copyCurl = new QPushButton(tr("Copy as cURL"), this);
    m_copyCurl->setObjectName(QStringLiteral("composerCopyCurl"));
    auto *curlMenu = new QMenu(m_copyCurl);
    QAction *copyBash = curlMenu->addAction(tr("Copy as cURL (bash)"), this, [this] {
        QApplication::clipboard()->setText(curlCommand(ShellDialect::Posix));
        showMessage(tr("Copied the request as a curl command for bash."));
    });
    setDocumentKeyTarget(copyBash, DocumentKey::CopyAsCurl);
    curlMenu->addAction(tr("Copy as cURL (cmd)"), this, [this] {
        QApplication::clipboard()->setText(curlCommand(ShellDialect::WinCmd));
        showMessage(tr("Copied the request as a curl command for cmd.exe."));
    });
    m_copyCurl->setMenu(curlMenu);
    m_probeAction = new QAction(tr("Probe Expect handling…"), this);
    m_probeAction->setObjectName(QStringLiteral("composerProbeExpect"));
    m_probeAction->setToolTip(tr("How does this server (and the proxy) handle Expect: 100-continue? Shows the "
                                 "requests it would send and asks first."));
    connect(m_probeAction, &QAction::triggered, this, &ComposerWidget::probeRequested);
    auto *probe = new QToolButton(this);
    probe->setObjectName(QStringLiteral("composerProbeButton"));
    probe->setDefaultAction(m_probeAction);

    m_urlProblem = new QLabel(this);
    m_urlProblem->setObjectName(QStringLiteral("composerUrlProblem"));
    m_urlProblem->setStyleSheet(QStringLiteral("color: #d32f2f"));
    m_importNote = new QLabel(this);
    m_importNote->setObjectName(QStringLiteral("composerImportNote"));
    m_importNote->setWordWrap(true);
    m_importNote->hide();
    m_tlsWarning = new QLabel(tr("⚠ TLS certificate verification is OFF: anyone on the path can "
                                 "impersonate the server (curl -k)."),
                              this);
    m_tlsWarning->setObjectName(QStringLiteral("composerTlsWarning"));
    m_tlsWarning->setStyleSheet(QStringLiteral("QLabel { background: #c62828; color: white; padding: 4px; font-weight: bold; }"));
    m_tlsWarning->setWordWrap(true);
    m_tlsWarning->hide();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("composerTabs"));
    m_tabs->addTab(buildParamsPage(), tr("Params"));
    m_tabs->addTab(buildHeadersPage(), tr("Headers"));
    m_body = new BodyEditor(this);
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(buildOptionsPage(), tr("Options"));
    m_tabs->setCurrentIndex(1);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("composerProgress"));
    m_progress->setMaximumWidth(240);
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(QStringLiteral("composerProgressText"));
    m_progress->hide();
    m_progressText->hide();

    m_timeline = new TimelineView(this);
    connect(m_timeline, &TimelineView::statusActivated, this, &ComposerWidget::statusActivated);

    auto *line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    line->addWidget(m_send);
    line->addWidget(m_cancel);
    line->addWidget(m_copyCurl);
    line->addWidget(probe);
    auto *progressLine = new QHBoxLayout;
    progressLine->addWidget(m_progress);
    progressLine->addWidget(m_progressText, 1);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(line);
    topLayout->addWidget(m_urlProblem);
    topLayout->addWidget(m_importNote);
    topLayout->addWidget(m_tlsWarning);
    topLayout->addWidget(m_tabs, 1);
    topLayout->addLayout(progressLine);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("composerSplit"));
    split->addWidget(top);
    split->addWidget(m_timeline);
    // Before the first send the composer gets the room; the first send hands it to the timeline.
    split->setSizes({470, 280});
    m_split = split;
    // Where the user put the divider is kept for the tabs that follow.
    connect(split, &QSplitter::splitterMoved, this, [split] { rememberedSplit() = split->sizes(); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);

    connect(m_send, &QPushButton::clicked, this, &ComposerWidget::send);
    connect(m_cancel, &QPushButton::clicked, this, &ComposerWidget::cancel);
    // The window's Ctrl+L, Ctrl+Enter and Esc act on these (ui/document_keys.h).
    setDocumentKeyTarget(m_url, DocumentKey::GoToUrl);
    setDocumentKeyTarget(m_send, DocumentKey::Send);
    setDocumentKeyTarget(m_cancel, DocumentKey::Cancel);

    connect(m_url, &QLineEdit::textEdited, this, &ComposerWidget::onUrlEdited);
    connect(m_url, &QLineEdit::textChanged, this, &ComposerWidget::updateValidation);
    connect(m_method, &QComboBox::currentTextChanged, this, [this] { emit titleChanged(title()); });

    m_runner = new http::ExchangeRunner(nullptr, this);
    connect(m_runner, &http::ExchangeRunner::snapshot, this, [this](const http::Exchange &soFar) {
        m_timeline->setExchange(soFar);
    });
    connect(m_runner, &http::ExchangeRunner::progress, this, &ComposerWidget::updateProgress);
    connect(m_runner, &http::ExchangeRunner::finished, this, &ComposerWidget::onFinished);
    updateValidation();
}

ComposerWidget::~ComposerWidget() = default;

bool ComposerWidget::isRunning() const
{
    return m_runner->isRunning();
}

QWidget *ComposerWidget::buildParamsPage()
{
    m_params = new KeyValueTable({}, this);
    m_params->setObjectName(QStringLiteral("composerParams"));
    connect(m_params, &KeyValueTable::rowsEdited, this, &ComposerWidget::syncUrlFromParams);
    return m_params;
}

QWidget *ComposerWidget::buildHeadersPage()
{
    auto *page = new QWidget(this);
    m_headers = new KeyValueTable(commonHeaderNames(), page);
    m_headers->setObjectName(QStringLiteral("composerHeaders"));
    m_removedHeaders = new QLineEdit(page);
    m_removedHeaders->setObjectName(QStringLiteral("composerRemovedHeaders"));
    m_removedHeaders->setPlaceholderText(tr("e.g. User-Agent, Accept (curl -H 'Name:')"));
    auto *form = new QFormLayout;
    form->addRow(tr("Leave out default headers:"), m_removedHeaders);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_headers, 1);
    layout->addLayout(form);
    return page;
}

QWidget *ComposerWidget::buildOptionsPage()
{
    auto *page = new QWidget(this);
    m_expect = new QComboBox(page);
    m_expect->setObjectName(QStringLiteral("composerExpect"));
    m_expect->addItem(tr("auto (bodies of 1 MiB or more)"), int(http::ExpectMode::Auto));
    m_expect->addItem(tr("always"), int(http::ExpectMode::Always));
    m_expect->addItem(tr("never"), int(http::ExpectMode::Never));
    m_expectTimeout = secondsBox(tr("default (1 s)"), page);
    m_expectTimeout->setObjectName(QStringLiteral("composerExpectTimeout"));
    m_retry417 = new QCheckBox(tr("Retry without Expect after 417"), page);
    m_retry417->setObjectName(QStringLiteral("composerRetry417"));
    m_retry417->setChecked(true);
    m_version = new QComboBox(page);
    m_version->setObjectName(QStringLiteral("composerVersion"));
    m_version->addItems({QStringLiteral("HTTP/1.1"), QStringLiteral("HTTP/1.0")});
    m_follow = new QCheckBox(tr("Follow redirects"), page);
    m_follow->setObjectName(QStringLiteral("composerFollow"));
    m_maxRedirects = new QSpinBox(page);
    m_maxRedirects->setObjectName(QStringLiteral("composerMaxRedirects"));
    m_maxRedirects->setRange(-1, 1000);
    m_maxRedirects->setValue(-1);
    m_maxRedirects->setSpecialValueText(tr("default (50)"));
    m_verifyTls = new QCheckBox(tr("Verify the TLS certificate"), page);
    m_verifyTls->setObjectName(QStringLiteral("composerVerifyTls"));
    m_verifyTls->setChecked(true);
    connect(m_verifyTls, &QCheckBox::toggled, this, &ComposerWidget::updateTlsWarning);
    m_caFile = new QLineEdit(page);
    m_caFile->setObjectName(QStringLiteral("composerCaFile"));
    m_caFile->setPlaceholderText(tr("PEM file of extra trusted CAs (--cacert)"));
    m_connectTimeout = secondsBox(tr("none"), page);
    m_connectTimeout->setObjectName(QStringLiteral("composerConnectTimeout"));
    m_maxTime = secondsBox(tr("none"), page);
    m_maxTime->setObjectName(QStringLiteral("composerMaxTime"));
    m_proxy = new QLineEdit(page);
    m_proxy->setObjectName(QStringLiteral("composerProxy"));
    m_proxy->setPlaceholderText(tr("http://proxy:3128"));
    m_authMode = new QComboBox(page);
    m_authMode->setObjectName(QStringLiteral("composerAuthMode"));
    m_authMode->addItems({tr("None"), tr("Basic"), tr("Bearer token")});
    m_user = new QLineEdit(page);
    m_user->setObjectName(QStringLiteral("composerUser"));
    const auto authChanged = [this] {
        const auto mode = AuthMode(m_authMode->currentIndex());
        m_user->setEnabled(mode != AuthMode::None);
        m_user->setPlaceholderText(mode == AuthMode::Bearer ? tr("token → Authorization: Bearer …")
                                   : mode == AuthMode::Basic ? tr("user:password → Authorization: Basic …")
                                                             : QString());
    };
    connect(m_authMode, &QComboBox::currentIndexChanged, this, authChanged);
    authChanged();
    auto *auth = new QHBoxLayout;
    auth->addWidget(m_authMode);
    auth->addWidget(m_user, 1);
    m_compressed = new QCheckBox(tr("Ask for a compressed response (--compressed)"), page);
    m_compressed->setObjectName(QStringLiteral("composerCompressed"));
    m_outputFile = new QLineEdit(page);
    m_outputFile->setObjectName(QStringLiteral("composerOutputFile"));
    m_outputFile->setPlaceholderText(tr("keep the body in memory (or a temp file when large)"));

    auto *redirects = new QHBoxLayout;
    redirects->addWidget(m_follow);
    redirects->addWidget(new QLabel(tr("at most"), page));
    redirects->addWidget(m_maxRedirects);
    redirects->addStretch(1);
    auto *expect = new QHBoxLayout;
    expect->addWidget(m_expect);
    expect->addWidget(new QLabel(tr("wait"), page));
    expect->addWidget(m_expectTimeout);
    expect->addStretch(1);
    auto *timeouts = new QHBoxLayout;
    timeouts->addWidget(new QLabel(tr("connect"), page));
    timeouts->addWidget(m_connectTimeout);
    timeouts->addWidget(new QLabel(tr("whole exchange"), page));
    timeouts->addWidget(m_maxTime);
    timeouts->addStretch(1);
    auto *tls = new QHBoxLayout;
    tls->addWidget(m_verifyTls);
    tls->addWidget(m_caFile, 1);

    // One column that scrolls vertically: it reads top to bottom in wire order and never
    // forces the window wider than a 1280-pixel screen.
    auto *form = new QFormLayout(page);
    form->addRow(tr("Expect: 100-continue"), expect);
    form->addRow(QString(), m_retry417);
    form->addRow(tr("HTTP version"), m_version);
    form->addRow(tr("Redirects"), redirects);
    form->addRow(tr("TLS"), tls);
    form->addRow(tr("Timeouts"), timeouts);
    form->addRow(tr("Proxy"), m_proxy);
    form->addRow(tr("Authentication"), auth);
    form->addRow(tr("Save body to"), m_outputFile);
    form->addRow(QString(), m_compressed);
    // Scrolls rather than forcing the window wider than a 1280-pixel screen.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("composerOptions"));
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

QString ComposerWidget::title() const
{
    const QUrl url = effectiveUrl(m_url->text());
    if (m_url->text().trimmed().isEmpty())
        return tr("New Request");
    return QStringLiteral("%1 %2%3").arg(m_method->currentText().toUpper(), url.host(), url.path());
}

ComposerState ComposerWidget::state() const
{
    ComposerState s;
    s.method = m_method->currentText().trimmed().toUpper();
    s.url = m_url->text().trimmed();
    s.headers = m_headers->rows();
    for (const QString &name : m_removedHeaders->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!name.trimmed().isEmpty())
            s.removedHeaders << name.trimmed();
    }
    m_body->readInto(s);
    s.expectMode = http::ExpectMode(m_expect->currentData().toInt());
    s.expect100TimeoutS = secondsValue(m_expectTimeout);
    s.retryOn417 = m_retry417->isChecked();
    s.http10 = m_version->currentIndex() == 1;
    s.followRedirects = m_follow->isChecked();
    if (m_maxRedirects->value() >= 0)
        s.maxRedirects = m_maxRedirects->value();
    s.verifyTls = m_verifyTls->isChecked();
    s.caFile = m_caFile->text().trimmed();
    s.connectTimeoutS = secondsValue(m_connectTimeout);
    s.maxTimeS = secondsValue(m_maxTime);
    s.proxy = m_proxy->text().trimmed();
    const auto auth = AuthMode(m_authMode->currentIndex());
    (auth == AuthMode::Bearer ? s.bearerToken : s.user) = auth == AuthMode::None ? QString() : m_user->text();
    s.compressed = m_compressed->isChecked();
    s.outputFile = m_outputFile->text().trimmed();
    return s;
}

void ComposerWidget::setState(const ComposerState &s)
{
    m_syncing = true;
    m_method->setCurrentText(s.method);
    m_url->setText(s.url);
    m_url->setCursorPosition(0); // the scheme and host are what people check first
    m_headers->setRows(s.headers);
    m_removedHeaders->setText(s.removedHeaders.join(QStringLiteral(", ")));
    m_body->setBody(s);
    m_expect->setCurrentIndex(m_expect->findData(int(s.expectMode)));
    m_expectTimeout->setValue(s.expect100TimeoutS.value_or(0));
    m_retry417->setChecked(s.retryOn417);
    m_version->setCurrentIndex(s.http10 ? 1 : 0);
    m_follow->setChecked(s.followRedirects);
    m_maxRedirects->setValue(s.maxRedirects.value_or(-1));
    m_verifyTls->setChecked(s.verifyTls);
    m_caFile->setText(s.caFile);
    m_connectTimeout->setValue(s.connectTimeoutS.value_or(0));
    m_maxTime->setValue(s.maxTimeS.value_or(0));
    m_proxy->setText(s.proxy);
    m_authMode->setCurrentIndex(int(!s.bearerToken.isEmpty() ? AuthMode::Bearer
                                    : !s.user.isEmpty()      ? AuthMode::Basic
                                                             : AuthMode::None));
    m_user->setText(s.bearerToken.isEmpty() ? s.user : s.bearerToken);
    m_compressed->setChecked(s.compressed);
    m_outputFile->setText(s.outputFile);
    m_syncing = false;
    syncParamsFromUrl();
    updateTlsWarning();
    if (s.bodyMode != BodyMode::None)
        m_tabs->setCurrentIndex(2);
    emit titleChanged(title());
}

bool ComposerWidget::importCurl(const QString &commandLine)
{
    const CurlImport import = importCurlCommand(commandLine);
    if (!import.error.isEmpty()) {
        m_importNote->setText(tr("Could not import the curl command: %1").arg(import.error));
        m_importNote->setStyleSheet(QStringLiteral("color: #d32f2f"));
        m_importNote->show();
        return false;
    }
    setState(stateFromCurl(import.command));
    m_importWarnings = import.warnings;
    QString note = tr("Imported a curl command (%1).").arg(toString(import.dialect));
    if (!import.warnings.isEmpty())
        note += QLatin1Char(' ') + tr("Warnings: %1").arg(import.warnings.join(QStringLiteral("; ")));
    m_importNote->setText(note);
    m_importNote->setStyleSheet(import.warnings.isEmpty() ? QString() : QStringLiteral("color: #ef6c00"));
    m_importNote->show();
    return true;
}

QString ComposerWidget::curlCommand(ShellDialect dialect) const
{
    return exportCurlCommand(curlFromState(state()), dialect);
}

void ComposerWidget::onUrlEdited()
{
    const QString text = m_url->text();
    if (looksLikeCurlCommand(text)) { // typed or pasted through the context menu
        importCurl(text);
        return;
    }
    syncParamsFromUrl();
    emit titleChanged(title());
}

void ComposerWidget::syncParamsFromUrl()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QList<KeyValueRow> rows;
    const QString text = m_url->text();
    const qsizetype q = text.indexOf(QLatin1Char('?'));
    if (q >= 0) {
        QString query = text.mid(q + 1);
        query = query.left(query.indexOf(QLatin1Char('#')) < 0 ? query.size() : query.indexOf(QLatin1Char('#')));
        const QUrlQuery parsed(query);
        for (const auto &[name, value] : parsed.queryItems(QUrl::FullyDecoded))
            rows.append({name, value, true});
    }
    // Disabled rows are not in the URL; keep them so unticking does not lose them.
    for (const KeyValueRow &row : m_params->rows()) {
        if (!row.enabled)
            rows.append(row);
    }
    m_params->setRows(rows);
    m_syncing = false;
}

void ComposerWidget::syncUrlFromParams()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QString text = m_url->text();
    const qsizetype hash = text.indexOf(QLatin1Char('#'));
    const QString fragment = hash >= 0 ? text.mid(hash) : QString();
    if (hash >= 0)
        text.truncate(hash);
    const qsizetype q = text.indexOf(QLatin1Char('?'));
    if (q >= 0)
        text.truncate(q);
    QUrlQuery query;
    for (const KeyValueRow &row : m_params->rows()) {
        if (row.enabled)
            query.addQueryItem(row.name, row.value);
    }
    const QString encoded = query.toString(QUrl::FullyEncoded);
    m_url->setText(text + (encoded.isEmpty() ? QString() : QLatin1Char('?') + encoded) + fragment);
    m_syncing = false;
    emit titleChanged(title());
}

void ComposerWidget::updateValidation()
{
    const QString problem = m_url->text().isEmpty() ? QString() : validateUrl(m_url->text());
    m_urlProblem->setText(problem);
    m_urlProblem->setVisible(!problem.isEmpty());
    m_url->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d32f2f; }"));
    m_send->setEnabled(!isRunning() && !m_url->text().trimmed().isEmpty() && problem.isEmpty());
}

void ComposerWidget::updateTlsWarning()
{
    m_tlsWarning->setVisible(!m_verifyTls->isChecked());
}

void ComposerWidget::showMessage(const QString &message)
{
    emit messageShown(message);
}

void ComposerWidget::send()
{
    if (isRunning())
        return;
    const ComposerState s = state();
    const SpecResult built = requestSpecFromState(s);
    if (!built.error.isEmpty()) {
        m_urlProblem->setText(built.error);
        m_urlProblem->show();
        showMessage(built.error);
        return;
    }
    m_sentState = s;
    if (!m_sentOnce) {
        m_sentOnce = true;
        m_split->setSizes(splitAfterSend(m_split));
    }
    http::RequestSpec spec = built.spec;
    if (m_followDowngrade)
        spec.stopOnHttpsDowngrade = false; // the user chose "Follow anyway" for this send
    m_followDowngrade = false;
    setRunning(true);
    m_runner->start(spec);
}

void ComposerWidget::cancel()
{
    m_runner->cancel();
}

void ComposerWidget::setRunning(bool running)
{
    m_cancel->setEnabled(running);
    m_cancel->setVisible(running); // shown only while there is something to cancel
    m_send->setVisible(!running);
    m_method->setEnabled(!running);
    m_url->setReadOnly(running);
    if (running) {
        m_runClock.start();
        m_lastBytes = 0;
        m_lastBytesAtMs = 0;
        m_rate = 0;
    } else {
        m_progress->hide();
        m_progressText->hide();
    }
    updateValidation();
}

void ComposerWidget::updateProgress(const http::TransferProgress &progress)
{
    if (!isRunning() || progress.attemptIndex < 0)
        return;
    const qint64 elapsed = m_runClock.elapsed();
    if (elapsed < kProgressDelayMs)
        return;
    const bool downloading = progress.downloading;
    const qint64 done = progress.doneBytes;
    const qint64 total = progress.totalBytes;
    if (elapsed > m_lastBytesAtMs) {
        const double instant = double(done - m_lastBytes) * 1000.0 / double(elapsed - m_lastBytesAtMs);
        m_rate = m_rate == 0 ? instant : 0.7 * m_rate + 0.3 * instant; // smoothed
        m_lastBytes = done;
        m_lastBytesAtMs = elapsed;
    }
    m_progress->setRange(0, total > 0 ? 1000 : 0);
    if (total > 0)
        m_progress->setValue(int(1000.0 * double(done) / double(total)));
    m_progressText->setText(tr("%1 %2%3 · %4/s")
                                .arg(downloading ? tr("↓ downloaded") : tr("↑ uploaded"), humanBytes(double(done)),
                                     total > 0 ? tr(" of %1").arg(humanBytes(double(total))) : QString(),
                                     humanBytes(qMax(0.0, m_rate))));
    m_progress->show();
    m_progressText->show();
}

void ComposerWidget::onFinished(const http::Exchange &exchange)
{
    setRunning(false);
    m_timeline->setExchange(exchange);
    const std::optional<int> status = exchange.finalStatus();
    showMessage(status ? tr("%1 → %2").arg(title()).arg(*status)
                       : tr("%1 failed: %2").arg(title(), exchange.error().message));
    emit exchangeFinished(exchange, m_sentState);
    askAboutDowngrade(exchange);
}

void ComposerWidget::askAboutDowngrade(const http::Exchange &exchange)
{
    if (exchange.attempts.isEmpty() || !m_sentState.followRedirects)
        return;
    const http::Attempt &last = exchange.attempts.last();
    if (!last.httpsDowngrade) // the engine stopped before a redirect that leaves TLS
        return;
    const QUrl to = last.httpsDowngrade->to;
    const bool follow = m_downgradePrompt
        ? m_downgradePrompt(last.url, to)
        : QMessageBox::question(this, tr("Redirect to plain HTTP"),
                                tr("%1 redirects from HTTPS to unencrypted HTTP:\n%2\n\nThe request stopped here. "
                                   "Send it again and follow the redirect anyway?")
                                    .arg(last.url.host(), to.toDisplayString()),
                                QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
              == QMessageBox::Yes;
    if (!follow)
        return;
    m_followDowngrade = true;
    send();
}

} // namespace statusscope::ui
