// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/troubleshooting_panel.h"

#include "ui/status/status_link.h"
#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace statusscope::ui {

using diagnose::CheckKind;

namespace {

// Beyond this many lines the check's details scroll.
constexpr int kMaxDetailsLines = 12;
constexpr int kMinDetailsLines = 3;

QString checkButtonText(CheckKind kind)
{
    switch (kind) {
    case CheckKind::ResendWithoutExpect: return TroubleshootingPanel::tr("Resend without Expect");
    case CheckKind::ResendWithExpect: return TroubleshootingPanel::tr("Resend with Expect: 100-continue");
    case CheckKind::ResendHttp10: return TroubleshootingPanel::tr("Resend with HTTP/1.0");
    case CheckKind::ResendSmallerBody: return TroubleshootingPanel::tr("Resend with a 64 KiB body");
    case CheckKind::ResendWithoutProxy: return TroubleshootingPanel::tr("Resend without the proxy");
    case CheckKind::DnsLookup: return TroubleshootingPanel::tr("Look up DNS");
    case CheckKind::ShowCertificateChain: return TroubleshootingPanel::tr("Show the certificate chain");
    case CheckKind::CompareWithPreviousAttempt: return TroubleshootingPanel::tr("Compare headers");
    case CheckKind::OpenLogsFiltered: return TroubleshootingPanel::tr("Open the logs at this status");
    case CheckKind::None: break;
    }
    return {};
}

QLabel *wrapped(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

TroubleshootingPanel::TroubleshootingPanel(diagnose::TroubleshootingRun run, const CheckContext &context, QWidget *parent)
    : QWidget(parent)
    , m_run(std::move(run))
    , m_checks(new CheckRunner(this))
{
    m_checks->setContext(context);

    auto *header = buildHeader(context);
    auto *historyBox = buildHistory();
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildStepPage());
    m_pages->addWidget(buildSummaryPage());
    auto *nav = buildNavigation();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_pages, 1);
    rightLayout->addLayout(nav);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(historyBox);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({260, 700});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_findingLabel);
    layout->addWidget(split, 1);

    connect(m_checks, &CheckRunner::finished, this, &TroubleshootingPanel::checkDone);
    showCurrent();
}

// The flow, its guide, and the finding (or the request) it started from.
QHBoxLayout *TroubleshootingPanel::buildHeader(const CheckContext &context)
{
    auto *flowTitle = new QLabel(QStringLiteral("<h2>%1</h2>").arg(m_run.flow().title.toHtmlEscaped()), this);
    flowTitle->setObjectName(QStringLiteral("troubleshootFlowTitle"));
    m_guide = new StatusLinkLabel(this);
    m_guide->setObjectName(QStringLiteral("troubleshootGuide"));
    m_guide->setCodeId(m_run.flow().guide);
    m_guide->setToolTip(tr("Open the guide for %1").arg(m_run.flow().guide));
    connect(m_guide, &StatusLinkLabel::statusActivated, this, &TroubleshootingPanel::statusActivated);
    m_findingLabel = wrapped(this, "troubleshootFinding");
    if (const auto &finding = m_run.finding())
        m_findingLabel->setText(tr("<b>Finding:</b> %1").arg(finding->title.toHtmlEscaped()));
    else if (!context.exchange.url.isEmpty())
        m_findingLabel->setText(tr("<b>Request:</b> %1").arg(context.exchange.url.toDisplayString().toHtmlEscaped()));
    m_findingLabel->setVisible(!m_findingLabel->text().isEmpty());
    auto *header = new QHBoxLayout;
    header->addWidget(flowTitle);
    header->addSpacing(12);
    header->addWidget(new QLabel(tr("Guide:"), this));
    header->addWidget(m_guide);
    header->addStretch(1);
    return header;
}

// Left: what has been done so far.
QWidget *TroubleshootingPanel::buildHistory()
{
    auto *historyBox = new QGroupBox(tr("Steps taken"), this);
    m_history = new QListWidget(historyBox);
    m_history->setObjectName(QStringLiteral("troubleshootHistory"));
    m_history->setWordWrap(true);
    m_history->setFocusPolicy(Qt::NoFocus);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_history);
    return historyBox;
}

// What to check and why, the automatic check with its result, and the outcomes to pick.
QWidget *TroubleshootingPanel::buildStepPage()
{
    auto *stepPage = new QWidget(this);
    m_stepTitle = wrapped(stepPage, "troubleshootStepTitle");
    m_check = wrapped(stepPage, "troubleshootCheck");
    m_why = wrapped(stepPage, "troubleshootWhy");
    m_autoBox = new QGroupBox(tr("Automatic check"), stepPage);
    m_runButton = new QPushButton(m_autoBox);
    m_runButton->setObjectName(QStringLiteral("troubleshootRunCheck"));
    m_runButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    connect(m_runButton, &QPushButton::clicked, this, &TroubleshootingPanel::runCheck);
    m_cancel = new QPushButton(tr("Cancel"), m_autoBox);
    m_cancel->setObjectName(QStringLiteral("troubleshootCancelCheck"));
    connect(m_cancel, &QPushButton::clicked, this, &TroubleshootingPanel::cancelCheck);
    m_busy = new QProgressBar(m_autoBox);
    m_busy->setRange(0, 0); // no measurable progress: a resend or a lookup just runs
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_result = wrapped(m_autoBox, "troubleshootResult");
    m_result->setTextFormat(Qt::RichText); // the text is escaped HTML: entities must render, not show
    m_details = new QPlainTextEdit(m_autoBox);
    m_details->setObjectName(QStringLiteral("troubleshootDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_busy);
    runRow->addStretch(1);
    auto *autoLayout = new QVBoxLayout(m_autoBox);
    autoLayout->addLayout(runRow);
    autoLayout->addWidget(m_result);
    autoLayout->addWidget(m_details);

    m_note = new QLineEdit(stepPage);
    m_note->setObjectName(QStringLiteral("troubleshootNote"));
    m_note->setPlaceholderText(tr("What you saw (optional; goes into the summary)"));
    m_outcomeBox = new QGroupBox(tr("What did you find?"), stepPage);
    m_outcomeLayout = new QVBoxLayout(m_outcomeBox);

    auto *stepLayout = new QVBoxLayout(stepPage);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    stepLayout->addWidget(m_stepTitle);
    stepLayout->addWidget(m_check);
    stepLayout->addWidget(m_why);
    stepLayout->addWidget(m_autoBox);
    stepLayout->addWidget(m_note);
    stepLayout->addWidget(m_outcomeBox);
    stepLayout->addStretch(1);
    auto *stepScroll = new QScrollArea(this);
    stepScroll->setWidget(stepPage);
    stepScroll->setWidgetResizable(true);
    stepScroll->setFrameShape(QFrame::NoFrame);
    stepScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // text wraps instead
    return stepScroll;
}

// The diagnosis at the end, with its guide links and "Copy as Markdown".
QWidget *TroubleshootingPanel::buildSummaryPage()
{
    auto *summaryPage = new QWidget(this);
    m_summary = new QTextBrowser(summaryPage);
    m_summary->setObjectName(QStringLiteral("troubleshootSummary"));
    // guide: links (the fix sections) open in the Guide dock; web links in the browser.
    m_summary->setOpenLinks(false);
    m_summary->setOpenExternalLinks(false);
    connect(m_summary, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("guide"))
            emit statusActivated({url.path(), url.fragment()});
    });
    m_copy = new QPushButton(tr("Copy as Markdown"), summaryPage);
    m_copy->setObjectName(QStringLiteral("troubleshootCopy"));
    m_copy->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    connect(m_copy, &QPushButton::clicked, this, &TroubleshootingPanel::copyMarkdown);
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->addWidget(m_summary, 1);
    auto *copyRow = new QHBoxLayout;
    copyRow->addStretch(1);
    copyRow->addWidget(m_copy);
    summaryLayout->addLayout(copyRow);
    return summaryPage;
}

// Back, start over, and the summary so far.
QHBoxLayout *TroubleshootingPanel::buildNavigation()
{
    m_back = new QPushButton(tr("Back"), this);
    m_back->setObjectName(QStringLiteral("troubleshootBack"));
    m_back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_back->setToolTip(tr("Undo the last answer and return to that step."));
    connect(m_back, &QPushButton::clicked, this, &TroubleshootingPanel::back);
    m_restart = new QPushButton(tr("Start over"), this);
    m_restart->setObjectName(QStringLiteral("troubleshootRestart"));
    connect(m_restart, &QPushButton::clicked, this, &TroubleshootingPanel::restart);
    auto *summaryNow = new QPushButton(tr("Copy summary so far"), this);
    summaryNow->setObjectName(QStringLiteral("troubleshootCopySoFar"));
    connect(summaryNow, &QPushButton::clicked, this, &TroubleshootingPanel::copyMarkdown);
    auto *nav = new QHBoxLayout;
    nav->addWidget(m_back);
    nav->addWidget(m_restart);
    nav->addStretch(1);
    nav->addWidget(summaryNow);
    return nav;
}

QString TroubleshootingPanel::title() const
{
    // Which request: two troubleshooting tabs for the same status must be told apart.
    const http::Exchange &x = m_checks->context().exchange;
    if (x.attempts.isEmpty())
        return tr("Troubleshoot %1").arg(m_run.flow().guide);
    const http::Attempt &first = x.attempts.first();
    QString path = first.url.isValid() ? first.url.path() : x.url.path();
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (path.size() > 40)
        path = path.left(39) + QChar(0x2026);
    return tr("Troubleshoot %1 — %2 %3").arg(m_run.flow().guide, QString::fromLatin1(first.request.method), path);
}

void TroubleshootingPanel::runCheck()
{
    const diagnose::TroubleshootingStep *step = m_run.currentStep();
    if (!step || step->automatic == CheckKind::None)
        return;
    m_suggested.clear();
    m_observed.clear();
    m_result->setText(tr("Running…"));
    m_details->clear();
    m_runButton->setEnabled(false);
    m_cancel->setVisible(true);
    m_busy->setVisible(true);
    m_checks->start(step->automatic);
}

void TroubleshootingPanel::cancelCheck()
{
    m_checks->cancel();
}

void TroubleshootingPanel::checkDone(const CheckResult &result)
{
    m_runButton->setEnabled(true);
    m_cancel->setVisible(false);
    m_busy->setVisible(false);
    const diagnose::TroubleshootingStep *step = m_run.currentStep();
    m_observed = result.cancelled() ? QString() : result.observed;
    m_suggested = step ? suggestOutcome(*step, result) : QString();
    QString text = result.observed.toHtmlEscaped();
    if (result.skipped() || result.refused()) {
        // The observed line already says "Does not apply: …" or "… not run": no Passed/Failed.
    } else if (result.passed.has_value() && !result.cancelled()) {
        const bool dark = isDarkPalette();
        const QColor color = *result.passed ? (dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32))
                                            : (dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28));
        text = QStringLiteral("<b style=\"color:%1\">%2</b> %3")
                   .arg(color.name(), *result.passed ? tr("Passed:") : tr("Failed:"), text);
    }
    if (const diagnose::StepOutcome *o = step ? step->outcome(m_suggested) : nullptr)
        text += tr("<br>Suggests: <b>%1</b>. Confirm below, or pick what you saw.").arg(o->label.toHtmlEscaped());
    m_result->setText(text);
    m_details->setPlainText(result.details);
    m_details->setVisible(!result.details.isEmpty());
    // As tall as the text (a DNS answer is two lines, a certificate chain a dozen), up to a cap.
    // Room for a wrapped line or two beyond the line breaks.
    const int lines = qBound(kMinDetailsLines, int(result.details.count(QLatin1Char('\n'))) + 3, kMaxDetailsLines);
    m_details->setFixedHeight(lines * m_details->fontMetrics().lineSpacing()
                              + 2 * m_details->frameWidth() + 8);
    if (!result.cancelled()) {
        m_note->setText(result.observed);
        m_note->setCursorPosition(0); // show where the line starts, not its tail
    }
    // Mark the suggested answer so the user sees what the check points to.
    for (QPushButton *button : m_outcomeBox->findChildren<QPushButton *>()) {
        const bool suggested = button->property("outcome").toString() == m_suggested && !m_suggested.isEmpty();
        QFont font = button->font();
        font.setBold(suggested);
        button->setFont(font);
        button->setDefault(suggested);
        if (suggested)
            button->setFocus();
    }
    emit checkFinished(result);
    emit runChanged();
}

bool TroubleshootingPanel::chooseOutcome(const QString &outcomeId)
{
    if (m_checks->isRunning())
        m_checks->cancel();
    const QString observed = m_note->text().trimmed();
    if (!m_run.record(outcomeId, observed))
        return false;
    m_suggested.clear();
    m_observed.clear();
    showCurrent();
    emit runChanged();
    return true;
}

bool TroubleshootingPanel::back()
{
    if (m_checks->isRunning())
        m_checks->cancel();
    if (!m_run.undo())
        return false;
    showCurrent();
    emit runChanged();
    return true;
}

void TroubleshootingPanel::restart()
{
    while (m_run.undo()) {
    }
    showCurrent();
    emit runChanged();
}

void TroubleshootingPanel::copyMarkdown() const
{
    QApplication::clipboard()->setText(m_run.summaryMarkdown());
}

void TroubleshootingPanel::rebuildHistory()
{
    m_history->clear();
    const auto &records = m_run.history();
    for (int i = 0; i < records.size(); ++i) {
        const auto &r = records.at(i);
        const diagnose::TroubleshootingStep *s = m_run.flow().step(r.stepId);
        const diagnose::StepOutcome *o = s ? s->outcome(r.outcomeId) : nullptr;
        if (!s || !o)
            continue;
        QString text = QStringLiteral("%1. %2\n→ %3").arg(i + 1).arg(s->title, o->label);
        if (!r.observed.isEmpty())
            text += QStringLiteral("\n") + r.observed;
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton), text, m_history);
        item->setToolTip(text);
    }
    if (const diagnose::TroubleshootingStep *current = m_run.currentStep()) {
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_ArrowRight),
                                         tr("%1. %2 (now)").arg(records.size() + 1).arg(current->title), m_history);
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    } else {
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogYesButton), tr("Diagnosis"), m_history);
    }
}

void TroubleshootingPanel::showCurrent()
{
    rebuildHistory();
    m_back->setEnabled(!m_run.history().isEmpty());
    m_restart->setEnabled(!m_run.history().isEmpty());
    const diagnose::TroubleshootingStep *step = m_run.currentStep();
    if (!step) {
        m_summary->setMarkdown(m_run.summaryMarkdown());
        m_pages->setCurrentIndex(1);
        return;
    }
    m_pages->setCurrentIndex(0);
    m_stepTitle->setText(tr("<h3>Step %1: %2</h3>").arg(m_run.history().size() + 1).arg(step->title.toHtmlEscaped()));
    m_check->setText(tr("<b>Check:</b> %1").arg(step->check.toHtmlEscaped()));
    m_why->setText(tr("<b>Why:</b> %1").arg(step->why.toHtmlEscaped()));
    const bool automatic = step->automatic != CheckKind::None;
    m_autoBox->setVisible(automatic);
    m_runButton->setText(checkButtonText(step->automatic));
    m_runButton->setEnabled(true);
    m_cancel->setVisible(false);
    m_busy->setVisible(false);
    m_result->setText(automatic ? tr("StatusScope can run this check for you; the result suggests an answer.")
                                : QString());
    m_details->clear();
    m_details->setVisible(false);
    m_note->clear();
    // Deferred: this runs from an outcome button's own click.
    for (QPushButton *old : m_outcomeBox->findChildren<QPushButton *>()) {
        old->setParent(nullptr);
        old->deleteLater();
    }
    for (const diagnose::StepOutcome &o : step->outcomes) {
        auto *button = new QPushButton(o.label, m_outcomeBox);
        // Long labels must not widen the page into a horizontal scroll; the tooltip has it all.
        button->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        button->setObjectName(QStringLiteral("outcome-") + o.id);
        button->setProperty("outcome", o.id);
        button->setIcon(style()->standardIcon(o.endsFlow() ? QStyle::SP_DialogYesButton : QStyle::SP_ArrowForward));
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 8px;"));
        button->setToolTip(o.endsFlow() ? tr("%1\nConcludes: %2").arg(o.label, o.cause)
                                        : tr("%1\nGoes on to the next check.").arg(o.label));
        const QString id = o.id;
        connect(button, &QPushButton::clicked, this, [this, id] { chooseOutcome(id); });
        m_outcomeLayout->addWidget(button);
    }
    // A step the exchange already answers (or that does not apply) shows that answer at once:
    // nothing is sent, so there is nothing to ask or wait for.
    if (automatic && m_checks->answersFromEvidence(step->automatic))
        runCheck();
}

} // namespace statusscope::ui
