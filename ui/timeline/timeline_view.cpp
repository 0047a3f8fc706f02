// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timeline_view.h"

#include "core/diagnose/exchange_rules.h"
#include "ui/diagnose/findings_panel.h"
#include "ui/status/status_link.h"
#include "ui/timeline/body_viewer.h"
#include "ui/timeline/phase_spans.h"
#include "ui/timeline/raw_wire.h"
#include "ui/timeline/waterfall_delegate.h"
#include "ui/timeline/waterfall_header.h"
#include "ui/theme.h"
#include "core/text/durations.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statusscope::ui {

namespace {

QTableWidget *makeTable(const QStringList &labels, const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(labels.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(labels);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    return t;
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(align);
    return item;
}

QIcon phaseSwatch(Phase phase, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(Qt::NoPen);
    painter.setBrush(phaseColor(phase));
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 2, 2);
    return QIcon(pixmap);
}

QString attemptTitle(const http::Exchange &x, int i)
{
    // Short, so the waterfall keeps its width; the method and URL are in the tooltip.
    const http::Attempt &a = x.attempts.at(i);
    switch (a.reason) {
    case http::AttemptReason::Initial: return QObject::tr("#%1 initial").arg(i + 1);
    case http::AttemptReason::RetryWithoutExpect:
        return QObject::tr("#%1 retry without Expect (after %2 in #%3)")
            .arg(i + 1)
            .arg(i > 0 && x.attempts.at(i - 1).response ? QString::number(x.attempts.at(i - 1).response->status)
                                                        : QObject::tr("no answer"))
            .arg(i);
    case http::AttemptReason::Redirect: return QObject::tr("#%1 redirect from #%2 → %3").arg(i + 1).arg(i).arg(a.url.path());
    }
    return QStringLiteral("#%1").arg(i + 1);
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineView"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("timelineNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_badge = new StatusLinkLabel(this);
    m_badge->setObjectName(QStringLiteral("timelineBadge"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("timelineSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    m_attempts = new QTreeWidget(this);
    m_attempts->setObjectName(QStringLiteral("timelineAttempts"));
    m_axis = new WaterfallHeader(AttemptWaterfallColumn, m_attempts);
    m_attempts->setHeader(m_axis);
    m_attempts->setColumnCount(AttemptColumnCount);
    m_attempts->setHeaderLabels({tr("Attempt"), tr("Status"), tr("Waterfall"), tr("Total")});
    m_attempts->setTextElideMode(Qt::ElideMiddle);
    auto *attemptStatus = new StatusLinkDelegate(StatusRole, m_attempts);
    m_attempts->setItemDelegateForColumn(AttemptStatusColumn, attemptStatus);
    attemptStatus->attachTo(m_attempts);
    m_attempts->setItemDelegateForColumn(AttemptWaterfallColumn, new WaterfallDelegate(WaterfallRole, m_attempts));
    m_attempts->header()->setSectionResizeMode(AttemptTitleColumn, QHeaderView::Interactive);
    m_attempts->header()->setSectionResizeMode(AttemptWaterfallColumn, QHeaderView::Stretch);
    m_attempts->header()->setStretchLastSection(false);
    m_attempts->setMouseTracking(true);
    connect(m_attempts, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        const int index = item->data(0, AttemptRole).toInt();
        if (index != m_selected && index >= 0 && index < m_exchange.attempts.size()) {
            m_selected = index;
            showAttemptDetails();
        }
    });

    m_details = new QTabWidget(this);
    m_details->setObjectName(QStringLiteral("timelineTabs"));

    auto *phasesPage = new QWidget(m_details);
    m_phases = makeTable({tr("Phase"), tr("Start"), tr("End"), tr("Duration"), tr("Runs")}, QStringLiteral("timelinePhases"), phasesPage);
    m_phases->horizontalHeader()->setStretchLastSection(false);
    m_wait100 = new QLabel(phasesPage);
    m_wait100->setObjectName(QStringLiteral("timelineWait100"));
    m_wait100->setWordWrap(true);
    auto *phasesLayout = new QVBoxLayout(phasesPage);
    phasesLayout->addWidget(m_wait100);
    phasesLayout->addWidget(m_phases, 1);

    m_events = makeTable({tr("Attempt"), tr("Time"), tr("Status"), tr("What happened")},
                         QStringLiteral("timelineEvents"), m_details);
    auto *eventStatus = new StatusLinkDelegate(StatusRole, m_events);
    m_events->setItemDelegateForColumn(EventStatusColumn, eventStatus);
    eventStatus->attachTo(m_events);

    auto *responsePage = new QWidget(m_details);
    m_responseBadge = new StatusLinkLabel(responsePage);
    m_responseBadge->setObjectName(QStringLiteral("responseBadge"));
    m_sizes = new QLabel(responsePage);
    m_sizes->setObjectName(QStringLiteral("responseSizes"));
    m_sizes->setWordWrap(true);
    m_headers = makeTable({tr("Name"), tr("Value")}, QStringLiteral("responseHeaders"), responsePage);
    m_body = new BodyViewer(responsePage);
    auto *responseTop = new QHBoxLayout;
    responseTop->addWidget(m_responseBadge);
    responseTop->addWidget(m_sizes, 1);
    auto *responseSplit = new QSplitter(Qt::Vertical, responsePage);
    responseSplit->addWidget(m_headers);
    responseSplit->addWidget(m_body);
    responseSplit->setSizes({140, 260});
    auto *responseLayout = new QVBoxLayout(responsePage);
    responseLayout->addLayout(responseTop);
    responseLayout->addWidget(responseSplit, 1);

    auto *rawPage = new QWidget(m_details);
    m_raw = new QPlainTextEdit(rawPage);
    m_raw->setObjectName(QStringLiteral("rawWire"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawShowAllButton = new QPushButton(tr("Show all"), rawPage);
    m_rawShowAllButton->setObjectName(QStringLiteral("rawShowAll"));
    connect(m_rawShowAllButton, &QPushButton::clicked, this, [this] {
        m_rawShowAll = true;
        showRaw();
    });
    auto *rawNote = new QLabel(tr("Reconstructed from the recorded exchange: request heads exactly as "
                                  "serialised for sending, response heads from the parsed status lines and "
                                  "headers (the engine does not keep raw bytes)."),
                               rawPage);
    rawNote->setWordWrap(true);
    auto *rawTop = new QHBoxLayout;
    rawTop->addWidget(rawNote, 1);
    rawTop->addWidget(m_rawShowAllButton);
    auto *rawLayout = new QVBoxLayout(rawPage);
    rawLayout->addLayout(rawTop);
    rawLayout->addWidget(m_raw, 1);

    m_details->addTab(m_events, tr("Events"));
    m_details->addTab(phasesPage, tr("Phases"));
    m_details->addTab(responsePage, tr("Response"));
    m_details->addTab(rawPage, tr("Raw"));
    m_findings = new FindingsPanel(m_details);
    m_findings->setObjectName(QStringLiteral("timelineFindings"));
    m_findingsTab = m_details->addTab(m_findings, tr("Diagnosis"));
    connect(m_findings, &FindingsPanel::statusActivated, this, &TimelineView::statusActivated);
    connect(m_findings, &FindingsPanel::troubleshootRequested, this, &TimelineView::troubleshootRequested);
    m_troubleshoot = new QPushButton(tr("Troubleshoot…"), this);
    m_troubleshoot->setObjectName(QStringLiteral("timelineTroubleshoot"));
    m_troubleshoot->setToolTip(tr("Step-by-step checks for this status, with the ones StatusScope can run itself."));
    connect(m_troubleshoot, &QPushButton::clicked, this, &TimelineView::requestTroubleshooting);

    QStringList legend;
    for (Phase p : {Phase::Dns, Phase::Connect, Phase::Tls, Phase::HeadersSent, Phase::WaitFor100, Phase::Upload,
                    Phase::Waiting, Phase::Download})
        legend << QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2").arg(phaseColor(p).name(), toString(p).toHtmlEscaped());
    auto *legendLabel = new QLabel(legend.join(QStringLiteral(" &nbsp; ")), this);
    legendLabel->setObjectName(QStringLiteral("timelineLegend"));
    legendLabel->setWordWrap(true);
    legendLabel->setToolTip(tr("Hover a bar for the exact duration of each phase."));
    auto *top = new QHBoxLayout;
    top->addWidget(m_badge);
    top->addWidget(m_troubleshoot);
    top->addWidget(m_summary, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_attempts);
    split->addWidget(m_details);
    split->setSizes({170, 330});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addLayout(top);
    layout->addWidget(legendLabel);
    layout->addWidget(split, 1);

    for (StatusLinkLabel *label : {m_badge, m_responseBadge})
        connect(label, &StatusLinkLabel::statusActivated, this, &TimelineView::statusActivated);
    for (auto *view : {static_cast<QObject *>(m_attempts), static_cast<QObject *>(m_events)}) {
        for (auto *delegate : view->findChildren<StatusLinkDelegate *>())
            connect(delegate, &StatusLinkDelegate::statusActivated, this, &TimelineView::statusActivated);
    }
    clear();
}

void TimelineView::clear()
{
    setExchange(http::Exchange{});
}

void TimelineView::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void TimelineView::setExchange(const http::Exchange &exchange)
{
    const bool sameShape = m_exchange.attempts.size() == exchange.attempts.size() && m_selected >= 0;
    m_exchange = exchange;
    if (!sameShape || m_selected >= m_exchange.attempts.size())
        m_selected = int(m_exchange.attempts.size()) - 1; // the last attempt holds the final answer
    m_rawShowAll = false;

    const std::optional<int> status = m_exchange.finalStatus();
    const http::Error error = m_exchange.error();
    m_badge->setStatus(status.value_or(-1));
    m_badge->setVisible(status.has_value());
    QString summary;
    if (m_exchange.attempts.isEmpty()) {
        summary = tr("Nothing sent yet. Compose a request and press Send (Ctrl+Enter).");
    } else {
        double totalMs = 0;
        for (const auto &a : std::as_const(m_exchange.attempts))
            totalMs = qMax(totalMs, a.events.isEmpty() ? 0 : m_exchange.msFromStart(a.endNs()));
        summary = tr("%n attempt(s) · %1 in all", nullptr, int(m_exchange.attempts.size())).arg(text::exactMs(totalMs));
        if (error.isError())
            summary += tr(" · %1 error: %2").arg(http::toString(error.kind), error.message);
        if (m_exchange.insecure)
            summary += tr(" · ⚠ insecure: TLS certificate verification was off");
    }
    m_summary->setText(summary);
    m_summary->setToolTip(m_exchange.url.toDisplayString());
    // The rules are cheap (a handful of header and event scans), so they follow every update.
    const diagnose::Findings findings = m_exchange.attempts.isEmpty() ? diagnose::Findings{}
                                                                       : diagnose::diagnoseExchange(m_exchange);
    m_findings->setFindings(findings, m_exchange.attempts.isEmpty() ? tr("Nothing to diagnose yet.") : QString());
    m_details->setTabText(m_findingsTab, findings.isEmpty() ? tr("Diagnosis") : tr("Diagnosis (%1)").arg(findings.size()));
    m_troubleshoot->setVisible(!m_exchange.attempts.isEmpty() && (status.has_value() || error.isError()));
    rebuildAttempts();
    rebuildEvents();
    showAttemptDetails();
}

void TimelineView::requestTroubleshooting()
{
    const diagnose::Findings &findings = m_findings->findings();
    emit troubleshootRequested(findings.isEmpty() ? diagnose::Finding{} : findings.first());
}

void TimelineView::selectAttempt(int index)
{
    for (int i = 0; i < m_attempts->topLevelItemCount(); ++i) {
        if (m_attempts->topLevelItem(i)->data(0, AttemptRole).toInt() == index)
            m_attempts->setCurrentItem(m_attempts->topLevelItem(i));
    }
}

void TimelineView::rebuildAttempts()
{
    const QSignalBlocker blocker(m_attempts);
    m_attempts->clear();
    double scaleEnd = 0;
    for (const auto &a : std::as_const(m_exchange.attempts)) {
        if (!a.events.isEmpty())
            scaleEnd = qMax(scaleEnd, m_exchange.msFromStart(a.endNs()));
    }
    for (int i = 0; i < m_exchange.attempts.size(); ++i) {
        const http::Attempt &a = m_exchange.attempts.at(i);
        auto *item = new QTreeWidgetItem(m_attempts);
        item->setText(AttemptTitleColumn, attemptTitle(m_exchange, i));
        item->setToolTip(AttemptTitleColumn, QStringLiteral("%1\n%2 %3").arg(item->text(AttemptTitleColumn),
                                                                             QString::fromLatin1(a.request.method), a.url.toDisplayString()));
        item->setData(0, AttemptRole, i);
        if (a.response) {
            item->setData(AttemptStatusColumn, StatusRole, a.response->status);
            item->setText(AttemptStatusColumn, QStringLiteral("%1 %2").arg(a.response->status).arg(QString::fromLatin1(a.response->reason)));
        } else if (a.error.isError()) {
            item->setText(AttemptStatusColumn, http::toString(a.error.kind));
        }
        Waterfall w;
        w.spans = phaseSpans(m_exchange, a);
        w.scaleEndMs = scaleEnd;
        w.wait100End = wait100Ending(m_exchange, a);
        item->setData(AttemptWaterfallColumn, WaterfallRole, QVariant::fromValue(w));
        item->setToolTip(AttemptStatusColumn, item->text(AttemptStatusColumn));
        if (!a.events.isEmpty())
            item->setText(AttemptTotalColumn, text::exactMs(m_exchange.msFromStart(a.endNs()) - m_exchange.msFromStart(a.startNs())));
        // Every interim response on its own row, its headers below it (103 shows its Links).
        for (const http::InterimResponse &ir : a.interim) {
            auto *child = new QTreeWidgetItem(item);
            child->setData(0, AttemptRole, i);
            child->setText(AttemptTitleColumn, tr("interim at %1 · %n header(s)", nullptr, int(ir.headers.size()))
                                                   .arg(text::exactMs(m_exchange.msFromStart(ir.tNs))));
            child->setData(AttemptStatusColumn, StatusRole, ir.status);
            child->setText(AttemptStatusColumn, QStringLiteral("%1 %2").arg(ir.status).arg(QString::fromLatin1(ir.reason)));
            child->setToolTip(AttemptTitleColumn, child->text(AttemptTitleColumn));
            child->setToolTip(AttemptStatusColumn, child->text(AttemptStatusColumn));
            for (const http::Header &h : ir.headers) {
                auto *header = new QTreeWidgetItem(child);
                header->setData(0, AttemptRole, i);
                header->setText(AttemptTitleColumn, QString::fromLatin1(h.first + ": " + h.second));
                header->setToolTip(AttemptTitleColumn, header->text(AttemptTitleColumn));
            }
            child->setExpanded(ir.status == 103);
        }
        if (a.response) {
            auto *child = new QTreeWidgetItem(item);
            child->setData(0, AttemptRole, i);
            child->setText(AttemptTitleColumn, tr("final response at %1 · %n header(s) · %2 body bytes", nullptr,
                                                  int(a.response->headers.size()))
                                                   .arg(text::exactMs(m_exchange.msFromStart(a.response->tNs)),
                                                        groupedNumber(a.response->bodyBytes)));
            child->setData(AttemptStatusColumn, StatusRole, a.response->status);
            child->setText(AttemptStatusColumn, item->text(AttemptStatusColumn));
            child->setToolTip(AttemptTitleColumn, child->text(AttemptTitleColumn));
            child->setToolTip(AttemptStatusColumn, child->text(AttemptStatusColumn));
        }
        item->setExpanded(true);
        if (i == m_selected)
            m_attempts->setCurrentItem(item);
    }
    m_axis->setScaleEndMs(scaleEnd);
    fitAttemptColumns();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitAttemptColumns();
}

void TimelineView::fitAttemptColumns()
{
    constexpr int kMinWaterfall = 160; // room for the bars and the axis ticks at 1280 with both docks
    constexpr int kMinTitle = 120;
    const int available = m_attempts->viewport()->width();
    // QTreeView makes its override protected; the base class's is public and dispatches to it.
    const QAbstractItemView *view = m_attempts;
    const int status = qMax(view->sizeHintForColumn(AttemptStatusColumn), m_axis->contentWidth(AttemptStatusColumn));
    const int total = qMax(view->sizeHintForColumn(AttemptTotalColumn), m_axis->contentWidth(AttemptTotalColumn));
    const int title = qMax(view->sizeHintForColumn(AttemptTitleColumn), m_axis->contentWidth(AttemptTitleColumn));
    m_attempts->setColumnWidth(AttemptStatusColumn, status);
    m_attempts->setColumnWidth(AttemptTotalColumn, total);
    m_attempts->setColumnWidth(AttemptTitleColumn, qBound(kMinTitle, available - status - total - kMinWaterfall, title));
}

void TimelineView::rebuildEvents()
{
    const QList<EventRow> rows = eventRows(m_exchange);
    m_events->setRowCount(int(rows.size()));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int r = 0; r < rows.size(); ++r) {
        const EventRow &row = rows.at(r);
        m_events->setItem(r, EventAttemptColumn, cell(QStringLiteral("#%1").arg(row.attempt + 1)));
        m_events->setItem(r, EventTimeColumn, cell(text::exactMs(row.tMs), Qt::AlignRight | Qt::AlignVCenter));
        auto *status = cell(row.status ? QString::number(row.status) : QString());
        if (row.status > 0)
            status->setData(StatusRole, row.status);
        m_events->setItem(r, EventStatusColumn, status);
        auto *text = cell(QStringLiteral("%1 %2").arg(row.direction, row.text));
        text->setFont(mono);
        text->setToolTip(text->text());
        m_events->setItem(r, EventTextColumn, text);
    }
    m_events->resizeColumnsToContents();
    m_events->setColumnWidth(EventStatusColumn, qMax(m_events->columnWidth(EventStatusColumn), 60));
}

void TimelineView::showAttemptDetails()
{
    const bool has = m_selected >= 0 && m_selected < m_exchange.attempts.size();
    m_phases->setRowCount(0);
    m_headers->setRowCount(0);
    m_wait100->clear();
    m_responseBadge->setStatus(-1);
    m_sizes->clear();
    m_body->setBody({}, {});
    if (has) {
        const http::Attempt &a = m_exchange.attempts.at(m_selected);
        const QList<PhaseSpan> spans = phaseSpans(m_exchange, a);
        m_phases->setRowCount(int(spans.size()));
        for (int r = 0; r < spans.size(); ++r) {
            const PhaseSpan &s = spans.at(r);
            // The phase's colour is a swatch beside its name: the text keeps the palette's
            // colour, readable in light and dark (a yellow name on white is not).
            auto *name = cell(toString(s.phase));
            name->setIcon(phaseSwatch(s.phase, m_phases->fontMetrics().height()));
            m_phases->setItem(r, PhaseNameColumn, name);
            m_phases->setItem(r, PhaseStartColumn, cell(text::exactMs(s.startMs), Qt::AlignRight | Qt::AlignVCenter));
            m_phases->setItem(r, PhaseEndColumn, cell(text::exactMs(s.endMs), Qt::AlignRight | Qt::AlignVCenter));
            m_phases->setItem(r, PhaseDurationColumn, cell(text::exactMs(s.durationMs()), Qt::AlignRight | Qt::AlignVCenter));
            const std::optional<PhaseSpan> during = overlappedBy(spans, s);
            m_phases->setItem(r, PhaseNoteColumn, cell(during ? tr("↳ during %1 (both end at %2)").arg(toString(during->phase), text::exactMs(qMin(s.endMs, during->endMs)))
                                                               : tr("after the phase above")));
        }
        m_phases->resizeColumnsToContents();
        const QString ending = wait100Ending(m_exchange, a);
        m_wait100->setText(ending.isEmpty() ? tr("Attempt #%1: no wait for 100 Continue.").arg(m_selected + 1)
                                            : tr("Attempt #%1: the wait for 100 Continue ended with %2.").arg(m_selected + 1).arg(ending));
        if (a.response) {
            const http::Response &r = *a.response;
            m_responseBadge->setStatus(r.status);
            m_headers->setRowCount(int(r.headers.size()));
            for (int i = 0; i < r.headers.size(); ++i) {
                m_headers->setItem(i, 0, cell(QString::fromLatin1(r.headers.at(i).first)));
                m_headers->setItem(i, 1, cell(QString::fromLatin1(r.headers.at(i).second)));
            }
            m_headers->resizeColumnToContents(0);
            const QByteArray decoded = r.decodedBody.isEmpty() ? r.body : r.decodedBody;
            QString sizes = tr("Body: %1 bytes on the wire").arg(groupedNumber(r.bodyBytes));
            if (!r.decodedBody.isEmpty())
                sizes += tr(", %1 bytes decoded").arg(groupedNumber(r.decodedBody.size()));
            if (!r.bodyComplete)
                sizes += tr(" (incomplete)");
            if (r.body.isEmpty() && !r.bodyFile.isEmpty())
                sizes += tr(" — kept in %1").arg(r.bodyFile);
            m_sizes->setText(sizes);
            m_body->setBody(decoded, QString::fromLatin1(http::headerValue(r.headers, "Content-Type").value_or(QByteArray())));
        } else if (a.error.isError()) {
            m_sizes->setText(tr("No response: %1 — %2").arg(http::toString(a.error.kind), a.error.message));
        }
    }
    showRaw();
}

void TimelineView::showRaw()
{
    const RawWireText raw = rawWireText(m_exchange, m_rawShowAll);
    m_raw->setPlainText(raw.text);
    m_rawShowAllButton->setEnabled(raw.elided);
}

} // namespace statusscope::ui
