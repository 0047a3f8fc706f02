// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/source_log_view.h"
#include "ui/logs/log_tables.h"

#include "ui/logs/log_chart.h"
#include "ui/status/status_link.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace statusscope::ui {

using namespace statusscope::logs;

SourceLogView::SourceLogView(std::shared_ptr<LogSource> source, QWidget *parent)
    : QWidget(parent)
    , m_source(std::move(source))
{
    setObjectName(QStringLiteral("sourceLogView"));
    m_pool.setMaxThreadCount(1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sourceStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("sourceProgress"));
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(160);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("sourceCancel"));
    m_cancel->setToolTip(tr("Stop the running query, on the server too"));
    m_bucket = new QComboBox(this);
    m_bucket->addItem(tr("Auto buckets"), 0);
    m_bucket->addItem(tr("1 minute"), 60);
    m_bucket->addItem(tr("5 minutes"), 300);
    m_bucket->addItem(tr("1 hour"), 3600);
    auto *showAll = new QToolButton(this);
    showAll->setText(tr("Show all"));
    showAll->setToolTip(tr("Show the whole time range after zooming (double-click the chart)"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    bar->addWidget(m_bucket);
    bar->addWidget(showAll);

    m_chart = new LogChart(this);
    m_chart->setExternalBuckets(true);
    m_errorPage = new QWidget(this);
    m_errorLabel = new QLabel(m_errorPage);
    m_errorLabel->setObjectName(QStringLiteral("sourceError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *retry = new QPushButton(tr("Try again"), m_errorPage);
    retry->setObjectName(QStringLiteral("sourceRetry"));
    auto *errorLayout = new QVBoxLayout(m_errorPage);
    errorLayout->addStretch(1);
    errorLayout->addWidget(m_errorLabel);
    errorLayout->addWidget(retry, 0, Qt::AlignHCenter);
    errorLayout->addStretch(1);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_chart);
    m_stack->addWidget(m_errorPage);

    m_tables = new QTabWidget(this);
    m_statusTable = makeLogTable({tr("Status"), tr("Requests"), tr("Share")}, QStringLiteral("statusTable"), m_tables);
    m_pathTable = makeLogTable({tr("Status"), tr("Requests"), tr("Path")}, QStringLiteral("pathTable"), m_tables);
    m_sampleTable = makeLogTable({tr("Status"), tr("Time"), tr("Request")}, QStringLiteral("sampleTable"), m_tables);
    m_sampleTable->setWordWrap(false);
    m_tables->addTab(m_statusTable, tr("Statuses"));
    m_tables->addTab(m_pathTable, tr("Top error paths"));
    m_tables->addTab(m_sampleTable, tr("Sample rows"));
    for (QTableWidget *table : {m_statusTable, m_pathTable, m_sampleTable}) {
        auto *links = new StatusLinkDelegate(Qt::DisplayRole, table);
        table->setItemDelegateForColumn(0, links);
        links->attachTo(table);
        table->setColumnWidth(0, 150);
        connect(table, &QTableWidget::cellClicked, this, [this, table](int row, int) {
            if (const QTableWidgetItem *item = table->item(row, 0); item && item->data(Qt::DisplayRole).toInt() >= 100)
                emit statusActivated(StatusActivation::ofCode(item->data(Qt::DisplayRole).toInt()));
        });
    }

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_stack);
    splitter->addWidget(m_tables);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    m_tables->setMinimumWidth(340);
    // The sample rows need room to be read; the chart stays readable at two thirds.
    splitter->setSizes({2000, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_cancel, &QPushButton::clicked, this, &SourceLogView::cancel);
    connect(retry, &QPushButton::clicked, this, &SourceLogView::reload);
    connect(showAll, &QToolButton::clicked, m_chart, &LogChart::showAll);
    connect(m_bucket, &QComboBox::currentIndexChanged, this,
            [this] { m_chart->setBucketSeconds(m_bucket->currentData().toInt()); });
    connect(m_chart, &LogChart::rebucketRequested, this, &SourceLogView::requestSeries);
    connect(m_chart, &LogChart::bucketClicked, this, &SourceLogView::showBucket);
    connect(m_chart, &LogChart::statusActivated, this, &SourceLogView::statusActivated);
    connect(&m_overview, &QFutureWatcher<SourceSummary>::finished, this, &SourceLogView::overviewDone);
    connect(&m_series, &QFutureWatcher<SourceSeries>::finished, this, &SourceLogView::seriesDone);
    connect(&m_samples, &QFutureWatcher<SourceSamples>::finished, this, &SourceLogView::samplesDone);

    // Reports come on the worker thread; the queued call is dropped once this view is gone.
    m_source->setProgressHandler([this](const SourceProgress &progress) {
        QMetaObject::invokeMethod(this, [this, progress] { showProgress(progress); }, Qt::QueuedConnection);
    });
    reload();
}

SourceLogView::~SourceLogView()
{
    m_source->cancel();
    m_pool.waitForDone();
    m_source->setProgressHandler({});
}

void SourceLogView::reload()
{
    m_errorText.clear();
    m_stack->setCurrentWidget(m_chart);
    setBusy(tr("Asking %1 for the overview…").arg(m_source->name()));
    m_source->resetCancel();
    std::shared_ptr<LogSource> shared = m_source;
    m_overview.setFuture(QtConcurrent::run(&m_pool, [shared] { return shared->summary(LogQuery{}); }));
}

bool SourceLogView::isBusy() const
{
    return m_overview.isRunning() || m_series.isRunning() || m_samples.isRunning();
}

void SourceLogView::setBusy(const QString &what)
{
    m_busyWhat = what;
    m_status->setText(what);
    m_cancel->setEnabled(true);
    // Busy without a measure until the server says how far it is.
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
}

void SourceLogView::setIdle(const QString &status)
{
    m_status->setText(status);
    m_cancel->setEnabled(isBusy());
    m_progress->setVisible(isBusy());
}

void SourceLogView::showProgress(const SourceProgress &progress)
{
    if (!isBusy())
        return;
    const int perMille = progressPerMille(progress);
    m_progress->setRange(0, perMille < 0 ? 0 : 1000);
    if (perMille >= 0)
        m_progress->setValue(perMille);
    m_status->setText(QStringLiteral("%1 %2").arg(m_busyWhat, progressText(progress)));
}

void SourceLogView::cancel()
{
    if (!isBusy())
        return;
    m_source->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling: stopping the query on %1…").arg(m_source->name()));
}

void SourceLogView::showError(const SourceError &error)
{
    m_errorText = error.message;
    setIdle(error.kind == SourceErrorKind::Cancelled ? tr("Cancelled") : tr("Failed: %1").arg(error.message));
    if (error.kind != SourceErrorKind::Cancelled || m_summary.buckets.isEmpty()) {
        m_errorLabel->setText(error.message);
        if (m_summary.buckets.isEmpty())
            m_stack->setCurrentWidget(m_errorPage);
    } else {
        // A cancelled zoom or sample: the chart stays as it was.
        m_status->setText(tr("Cancelled: %1").arg(error.message));
    }
    emit failed(error.message);
}

void SourceLogView::overviewDone()
{
    const SourceSummary answer = m_overview.result();
    if (answer.error.isError()) {
        showError(answer.error);
        return;
    }
    m_summary = answer.summary;
    m_stack->setCurrentWidget(m_chart);
    m_chart->setSummary(m_summary);
    qint64 total = 0;
    for (qint64 n : m_summary.statusCounts)
        total += n;
    m_statusTable->setRowCount(int(m_summary.statusCounts.size()));
    int row = 0;
    for (auto it = m_summary.statusCounts.cbegin(); it != m_summary.statusCounts.cend(); ++it, ++row) {
        m_statusTable->setItem(row, 0, countItem(it.key()));
        m_statusTable->setItem(row, 1, countItem(it.value()));
        m_statusTable->setItem(row, 2, new QTableWidgetItem(QStringLiteral("%1%").arg(
                                           total > 0 ? 100.0 * double(it.value()) / double(total) : 0.0, 0, 'f', 2)));
    }
    m_pathTable->setRowCount(int(m_summary.topErrorPaths.size()));
    row = 0;
    for (const TopEntry &entry : m_summary.topErrorPaths) {
        m_pathTable->setItem(row, 0, countItem(entry.status));
        m_pathTable->setItem(row, 1, countItem(entry.count));
        m_pathTable->setItem(row, 2, new QTableWidgetItem(entry.text));
        ++row;
    }
    setIdle(tr("%1: %2 requests, %3 skipped lines, %4 spikes")
                .arg(m_source->name())
                .arg(m_summary.linesParsed)
                .arg(m_summary.linesSkipped)
                .arg(m_summary.spikes.size()));
    emit loadFinished();
}

void SourceLogView::requestSeries(qint64 fromMs, qint64 toMs, int bucketSeconds)
{
    m_seriesFromMs = fromMs;
    m_seriesToMs = toMs;
    m_seriesSeconds = bucketSeconds;
    LogQuery query;
    query.fromMs = fromMs;
    query.toMs = toMs;
    query.bucketSeconds = bucketSeconds;
    setBusy(tr("Re-bucketing on the server…"));
    m_source->resetCancel();
    std::shared_ptr<LogSource> shared = m_source;
    // A newer zoom replaces an older one still waiting; the watcher follows the latest.
    m_series.setFuture(QtConcurrent::run(&m_pool, [shared, query] { return shared->series(query); }));
}

void SourceLogView::seriesDone()
{
    const SourceSeries answer = m_series.result();
    if (answer.error.isError()) {
        showError(answer.error);
        return;
    }
    m_chart->showExternalBuckets(m_seriesFromMs, m_seriesToMs, answer.bucketSeconds, answer.buckets);
    setIdle(tr("%1: %2 buckets of %3 s").arg(m_source->name()).arg(answer.buckets.size()).arg(answer.bucketSeconds));
    emit seriesUpdated();
}

void SourceLogView::showBucket(qint64 startMs, qint64 endMs)
{
    LogQuery query;
    query.fromMs = startMs;
    query.toMs = endMs - 1;
    setBusy(tr("Fetching sample rows…"));
    m_source->resetCancel();
    std::shared_ptr<LogSource> shared = m_source;
    m_samples.setFuture(QtConcurrent::run(&m_pool, [shared, query] { return shared->samples(query); }));
}

void SourceLogView::samplesDone()
{
    const SourceSamples answer = m_samples.result();
    if (answer.error.isError()) {
        showError(answer.error);
        return;
    }
    m_sampleTable->setRowCount(int(answer.lines.size()));
    int row = 0;
    for (const SampleLine &line : answer.lines) {
        m_sampleTable->setItem(row, 0, countItem(line.status));
        // A bar's rows share their day: the time of day is what tells them apart.
        const QString time = line.text.section(QLatin1Char(' '), 0, 0);
        // "2024-05-13T09:10:04.123+00:00", or without ".123" on a whole second.
        auto *timeItem = new QTableWidgetItem(time.mid(11, time.size() >= 29 ? 12 : 8));
        timeItem->setToolTip(time);
        m_sampleTable->setItem(row, 1, timeItem);
        auto *request = new QTableWidgetItem(line.text.section(QLatin1Char(' '), 1));
        request->setToolTip(request->text());
        m_sampleTable->setItem(row, 2, request);
        ++row;
    }
    m_tables->setCurrentWidget(m_sampleTable);
    setIdle(tr("%1 sample rows").arg(answer.lines.size()));
    emit samplesReady();
}

} // namespace statusscope::ui
