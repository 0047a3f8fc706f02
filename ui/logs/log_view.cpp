// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/log_view.h"

#include "ui/document_keys.h"

#include "core/logs/log_follower.h"
#include "core/logs/source/local_file_source.h"
#include "core/logs/summary_merge.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_filter_bar.h"
#include "ui/logs/log_tables.h"
#include "ui/logs/raw_lines_panel.h"
#include "ui/logs/source_calls.h"
#include "ui/logs/source_error_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace statusscope::ui {

using namespace statusscope::logs;

namespace {

// The chart and progress refresh at this pace while a file is read: smooth enough to watch,
// rare enough that copying the minute series costs nothing.
constexpr int kPollIntervalMs = 250;
// Follow mode checks the file this often: well under the 1 s an update may take,
// and each check reads at most kFollowReadBytes so the GUI thread never waits long
// (1 MiB parses in a few ms; a log growing faster than 4 MiB/s catches up over polls).
constexpr int kFollowPollMs = 250;
constexpr qint64 kFollowReadBytes = 1024 * 1024;

std::shared_ptr<LogSource> localSource(const QStringList &paths)
{
    IngestOptions options;
    options.liveSeries = true; // the chart fills while the file is read
    options.topPaths = true;   // the Top paths panel
    return std::make_shared<LocalFileSource>(paths, options);
}

} // namespace

LogView::LogView(const QStringList &paths, QWidget *parent)
    : LogView(localSource(paths), parent)
{
}

LogView::LogView(std::shared_ptr<LogSource> source, QWidget *parent)
    : QWidget(parent)
    , m_source(std::move(source))
    , m_calls(std::make_unique<SourceCalls>(m_source))
    , m_local(m_source->localFiles())
{
    setObjectName(QStringLiteral("logView"));
    QWidget *toolBar = makeToolBar();
    makeTables();

    m_filterBar = new LogFilterBar(this);
    auto *rawButton = new QToolButton(this);
    rawButton->setObjectName(QStringLiteral("rawLinesButton"));
    rawButton->setText(tr("Raw lines"));
    rawButton->setToolTip(tr("The lines of the chosen status, filter and time range, as the file has them"));
    rawButton->setVisible(m_local.has_value());
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterBar, 1);
    filterRow->addWidget(rawButton);

    m_errorPage = new SourceErrorPage(this);
    m_chartStack = new QStackedWidget(this);
    m_chartStack->addWidget(m_chart);
    m_chartStack->addWidget(m_errorPage);
    auto *upper = makeChartSplitter(m_chartStack, m_tables, this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(upper);
    splitter->addWidget(m_lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolBar);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kPollIntervalMs);
    connectParts(rawButton);
    reload();
}

QWidget *LogView::makeToolBar()
{
    auto *toolBar = new QWidget(this);
    m_status = new QLabel(toolBar);
    m_status->setObjectName(QStringLiteral("sourceStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(toolBar);
    m_progress->setObjectName(QStringLiteral("sourceProgress"));
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(tr("Cancel"), toolBar);
    m_cancel->setObjectName(QStringLiteral("sourceCancel"));
    m_cancel->setToolTip(m_local ? tr("Stop reading") : tr("Stop the running query, on the server too"));
    setDocumentKeyTarget(m_cancel, DocumentKey::Cancel); // Esc while the logs are read
    m_bucket = makeBucketCombo(toolBar);
    auto *exportButton = new QToolButton(toolBar);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    const auto addExport = [this, exportMenu](const QString &label, const QString &title, const QString &filter,
                                              bool (LogView::*write)(const QString &)) {
        exportMenu->addAction(label, this, [this, title, filter, write] {
            const QString path = QFileDialog::getSaveFileName(this, title, QString(), filter);
            if (!path.isEmpty())
                (this->*write)(path);
        });
    };
    addExport(tr("Chart as PNG…"), tr("Export chart"), tr("PNG image (*.png)"), &LogView::exportPng);
    addExport(tr("Chart as PDF…"), tr("Export chart"), tr("PDF (*.pdf)"), &LogView::exportPdf);
    addExport(tr("Series as CSV…"), tr("Export series"), tr("CSV (*.csv)"), &LogView::exportCsv);
    exportButton->setMenu(exportMenu);
    m_follow = new QCheckBox(tr("Follow"), toolBar);
    m_follow->setObjectName(QStringLiteral("followToggle"));
    m_follow->setToolTip(tr("Keep reading lines appended to the file, like tail -f"));
    m_follow->setEnabled(false);           // once the file is read
    m_follow->setVisible(m_local.has_value()); // a database has no file to follow
    auto *showAll = new QToolButton(toolBar);
    showAll->setObjectName(QStringLiteral("showAllButton"));
    showAll->setText(tr("Show all"));
    showAll->setToolTip(tr("Show the whole time range after zooming (Home, or double-click the chart)"));

    m_chart = new LogChart(this);
    connect(showAll, &QToolButton::clicked, m_chart, &LogChart::showAll);
    // On the chart only: Home keeps its meaning in the tables.
    auto *showAllKey = new QShortcut(QKeySequence(Qt::Key_Home), m_chart);
    showAllKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(showAllKey, &QShortcut::activated, m_chart, &LogChart::showAll);

    auto *bar = new QHBoxLayout(toolBar);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    bar->addWidget(m_bucket);
    bar->addWidget(m_follow);
    bar->addWidget(showAll);
    bar->addWidget(exportButton);
    return toolBar;
}

void LogView::connectParts(QToolButton *rawButton)
{
    connect(m_calls.get(), &SourceCalls::progress, this, &LogView::showProgress);
    // A superseded call's answer is dropped: only this says that the progress bar can go.
    connect(m_calls.get(), &SourceCalls::idle, this, &LogView::setIdle);
    connect(m_pollTimer, &QTimer::timeout, this, &LogView::pollPartial);
    connect(m_cancel, &QPushButton::clicked, this, &LogView::cancel);
    connect(m_errorPage, &SourceErrorPage::retryClicked, this, &LogView::reload);
    connect(m_bucket, &QComboBox::currentIndexChanged, this,
            [this] { m_chart->setBucketSeconds(m_bucket->currentData().toInt()); });
    // Queued: a spike's label emits spikeClicked right after, and its status must be chosen
    // before the bucket's sample rows are asked for.
    connect(m_chart, &LogChart::bucketClicked, this, &LogView::showBucket, Qt::QueuedConnection);
    // A spike's label narrows the tables, the samples and the raw lines to the spike's status.
    connect(m_chart, &LogChart::spikeClicked, this, [this](int status, qint64, qint64) { selectStatus(status); });
    connect(m_chart, &LogChart::rebucketRequested, this, &LogView::requestSeries);
    connect(m_chart, &LogChart::statusActivated, this, &LogView::statusActivated);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on != isFollowing() && !setFollowing(on))
            m_follow->setChecked(false);
    });
    // A status in the statuses or the bucket's table narrows the view to it and opens its guide;
    // one in a path or sample row only opens the guide.
    for (QTableWidget *table : {m_statusTable, m_bucketTable}) {
        attachStatusColumn(table, [this](int code) {
            emit statusActivated(StatusActivation::ofCode(code));
            selectStatus(code);
        });
    }
    for (QTableWidget *table : {m_pathTable, m_sampleTable})
        attachStatusColumn(table, [this](int code) { emit statusActivated(StatusActivation::ofCode(code)); });
    connect(m_filterBar, &LogFilterBar::filterChanged, this, &LogView::recount);
    connect(m_filterBar, &LogFilterBar::statusChanged, this, &LogView::applyStatus);
    // A range dragged on the chart filters like the From/To fields (the chart's end is the
    // first millisecond after the last bar; the filter's is inclusive).
    connect(m_chart, &LogChart::rangeSelected, this, [this](qint64 fromMs, qint64 toMs) { setTimeRange(fromMs, toMs - 1); });
    connect(m_chart, &LogChart::rangeCleared, this, [this] {
        m_filterBar->clearRange();
        recount();
    });
    setDocumentKeyTarget(m_filterBar->pathEdit(), DocumentKey::GoToFilter); // Ctrl+F
    connect(rawButton, &QToolButton::clicked, this, &LogView::showRawLines);
}

LogView::~LogView()
{
    m_follower.reset();
    m_calls.reset(); // cancels the running call and waits for it
}

QString LogView::sourceName() const
{
    return m_source->name();
}

bool LogView::isLoading() const
{
    return m_calls->isBusy(SourceCalls::Overview);
}

bool LogView::isBusy() const
{
    return m_calls->isBusy();
}

bool LogView::isRecounting() const
{
    return m_calls->isBusy(SourceCalls::Recount);
}

void LogView::reload()
{
    m_errorText.clear();
    m_chartStack->setCurrentWidget(m_chart);
    m_firstDataShown = false;
    m_filterBar->setEnabled(true);
    setBusy(m_local ? tr("Reading %1…").arg(m_source->name()) : tr("Asking %1 for the overview…").arg(m_source->name()));
    m_calls->summary(SourceCalls::Overview, LogQuery{}, [this](const SourceSummary &answer) { loaded(answer); });
    m_pollTimer->start();
}

void LogView::setBusy(const QString &what)
{
    m_busyWhat = what;
    m_status->setText(what);
    m_cancel->setEnabled(true);
    m_cancel->setVisible(true);
    // Busy without a measure until the source says how far it is.
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
}

// Cancel and the progress bar stay while another call still runs.
void LogView::setIdle()
{
    m_cancel->setEnabled(isBusy());
    m_cancel->setVisible(isBusy());
    m_progress->setVisible(isBusy());
}

void LogView::showProgress(const SourceProgress &progress)
{
    const int perMille = progressPerMille(progress);
    m_progress->setRange(0, perMille < 0 ? 0 : 1000);
    if (perMille >= 0)
        m_progress->setValue(perMille);
    // Only the call that named itself in the status line (loading, counting, re-bucketing)
    // writes its progress there, and not while cancelling: that line says so.
    if (m_cancel->isEnabled() && !m_busyWhat.isEmpty())
        m_status->setText(QStringLiteral("%1 %2").arg(m_busyWhat, progressText(progress)));
}

void LogView::pollPartial()
{
    const PartialSeries partial = m_source->partialSeries();
    if (partial.minutes.empty())
        return;
    m_chart->setLiveMinutes(partial.minutes, partial.tzOffsetMinutes);
    if (!m_firstDataShown) {
        m_firstDataShown = true;
        emit firstDataShown();
    }
}

void LogView::cancel()
{
    if (!isBusy())
        return;
    m_calls->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(m_local ? tr("Cancelling: stopping the read of %1…").arg(m_source->name())
                              : tr("Cancelling: stopping the query on %1…").arg(m_source->name()));
}

void LogView::showError(const SourceError &error)
{
    m_errorText = error.message;
    setIdle();
    m_status->setText(error.kind == SourceErrorKind::Cancelled ? tr("Cancelled")
                                                               : tr("Could not read the log: %1").arg(error.message));
    emit failed(error.message);
}

void LogView::loaded(const SourceSummary &answer)
{
    m_pollTimer->stop();
    m_busyWhat.clear();
    setIdle();
    // A cancelled file read keeps what it read; a cancelled query has nothing to show.
    const bool partial = answer.error.kind == SourceErrorKind::Cancelled && answer.summary.linesTotal > 0;
    if (answer.error.isError() && !partial) {
        showError(answer.error);
        m_errorPage->setMessage(answer.error.message);
        m_chartStack->setCurrentWidget(m_errorPage);
        emit loadFinished();
        return;
    }
    m_errorText.clear();
    m_chartStack->setCurrentWidget(m_chart);
    m_summary = answer.summary;
    m_fullSummary = m_summary;
    m_filterBar->setTzOffsetMinutes(m_summary.tzOffsetMinutes);
    QString text = tr("%1 requests, %2 lines skipped, format %3")
                       .arg(m_summary.linesParsed)
                       .arg(m_summary.linesSkipped)
                       .arg(m_summary.format);
    for (const FileFormat &format : m_summary.formats) {
        if (!format.wrapper.isEmpty())
            text += tr(" inside %1").arg(format.wrapper);
        if (!format.alsoFormats.isEmpty())
            text += tr(", then %1").arg(format.alsoFormats.join(QStringLiteral(", ")));
        if (!format.wrapper.isEmpty() || !format.alsoFormats.isEmpty())
            break; // the first file that has one says it; the table has every example
    }
    qint64 deviations = 0;
    for (qint64 n : m_summary.deviationsByType)
        deviations += n;
    if (deviations > 0)
        text += tr(", %1 read with deviations").arg(deviations);
    if (m_summary.cancelled)
        text += tr(" — cancelled, partial");
    if (!m_summary.warnings.isEmpty())
        text += QStringLiteral(" — ") + m_summary.warnings.join(QStringLiteral("; "));
    m_status->setText(text);
    showSummary(true);
    m_follow->setEnabled(canFollow());
    emit loadFinished();
    if (std::exchange(m_recountPending, false))
        recount();
}

bool LogView::canFollow() const
{
    return m_local && !isLoading() && m_source->canFollow();
}

bool LogView::setFollowing(bool on)
{
    if (!on) {
        m_follower.reset();
        m_follow->setChecked(false);
        m_filterBar->setEnabled(true);
        return true;
    }
    if (isFollowing())
        return true;
    if (!canFollow())
        return false;
    // Appended lines are counted whole: a filtered view would mix two kinds of counts.
    if (m_filterBar->needsRecount()) {
        m_filterBar->clearAll();
        m_calls->supersede(SourceCalls::Recount);
        m_summary = m_fullSummary;
        showSummary(false);
    }
    QString error;
    m_follower = m_source->follow(kFollowPollMs, kFollowReadBytes, error);
    if (!m_follower) {
        m_status->setText(tr("Cannot follow: %1").arg(error));
        return false;
    }
    connect(m_follower.get(), &LogFollower::linesAppended, this, &LogView::followed);
    connect(m_follower.get(), &LogFollower::fileReset, this, [this] {
        // Truncated or rotated: the earlier counts belong to a file that is gone.
        m_followBase = LogSummary();
        m_followBase.files = m_summary.files;
        m_followBase.format = m_summary.format;
        followed();
    });
    m_filterBar->setEnabled(false);
    m_followBase = m_summary;
    m_follow->setChecked(true);
    return true;
}

void LogView::followed()
{
    if (!m_follower)
        return;
    m_summary = mergeAppended(m_followBase, m_follower->summary());
    m_fullSummary = m_summary;
    m_chart->updateSummary(m_summary); // keeps the user's zoom
    fillTables();
    m_status->setText(tr("%1 requests, %2 lines skipped, format %3 — following, %4 new lines")
                          .arg(m_summary.linesParsed)
                          .arg(m_summary.linesSkipped)
                          .arg(m_summary.format)
                          .arg(m_follower->linesRead()));
    emit followUpdated();
}

void LogView::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_filterBar->setRange(fromMs, toMs);
    recount();
}

// The counts of the filtered requests come from asking the source again: a file is read again
// on worker threads as the first read was (1M lines in about a third of a second), a database
// counts on the server. The counts kept from the first read hold no paths, clients or agents
// per request to filter.
void LogView::recount()
{
    if (m_local && m_local->paths.contains(QStringLiteral("-")))
        return; // stdin was read once and is gone
    if (isLoading()) {
        m_recountPending = true;
        return;
    }
    m_calls->supersede(SourceCalls::Recount);
    if (!m_filterBar->needsRecount()) {
        m_busyWhat.clear();
        m_summary = m_fullSummary;
        showSummary(true);
        setIdle();
        m_status->setText(tr("%1 requests, no filter").arg(QLocale().toString(m_summary.linesParsed)));
        emit recountFinished();
        return;
    }
    m_recountClock.start();
    setBusy(tr("Counting %1…").arg(describeFilter(0, m_filterBar->fromMs(), m_filterBar->toMs())));
    m_calls->summary(SourceCalls::Recount, filteredQuery(), [this](const SourceSummary &answer) { recounted(answer); });
}

void LogView::recounted(const SourceSummary &answer)
{
    m_busyWhat.clear();
    setIdle();
    if (answer.error.kind == SourceErrorKind::Cancelled) {
        m_status->setText(tr("Filter cancelled: the chart shows the last counts"));
        emit recountFinished();
        return;
    }
    if (answer.error.isError()) {
        showError(answer.error);
        emit recountFinished();
        return;
    }
    m_summary = answer.summary;
    // The whole log's zone stays: the filter does not change how the log writes its times.
    m_summary.tzOffsetMinutes = m_fullSummary.tzOffsetMinutes;
    showSummary(true);
    const QLocale locale;
    m_status->setText(tr("%1 of %2 requests match %3 (counted in %4 s)")
                          .arg(locale.toString(m_summary.linesParsed), locale.toString(m_fullSummary.linesParsed),
                               describeFilter(0, m_filterBar->fromMs(), m_filterBar->toMs()))
                          .arg(double(m_recountClock.elapsed()) / 1000.0, 0, 'f', 2));
    emit recountFinished();
}

void LogView::showSummary(bool fitChart)
{
    // A summary without minutes (a database's) is re-bucketed by the source on every zoom.
    m_chart->setExternalBuckets(m_summary.minutes.empty() && !m_summary.buckets.isEmpty());
    if (fitChart)
        m_chart->setSummary(m_summary);
    else
        m_chart->updateSummary(m_summary);
    fillTables();
}

void LogView::requestSeries(qint64 fromMs, qint64 toMs, int bucketSeconds)
{
    LogQuery query = filteredQuery();
    query.fromMs = fromMs;
    query.toMs = toMs;
    query.bucketSeconds = bucketSeconds;
    setBusy(tr("Re-bucketing on %1…").arg(m_source->name()));
    m_calls->series(query, [this, fromMs, toMs](const SourceSeries &answer) {
        m_busyWhat.clear();
        setIdle();
        if (answer.error.isError()) {
            showError(answer.error);
            return;
        }
        m_chart->showExternalBuckets(fromMs, toMs, answer.bucketSeconds, answer.buckets);
        m_status->setText(tr("%1: %2 buckets of %3 s").arg(m_source->name()).arg(answer.buckets.size()).arg(answer.bucketSeconds));
        emit seriesUpdated();
    });
}

} // namespace statusscope::ui
