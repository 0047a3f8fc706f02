// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/log_view.h"

#include "ui/document_keys.h"

#include "core/logs/log_follower.h"
#include "core/logs/log_summary_json.h"
#include "core/logs/summary_merge.h"
#include "core/logs/log_time.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_filter_bar.h"
#include "ui/logs/log_tables.h"
#include "ui/logs/raw_lines_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
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

void fillStatusRows(QTableWidget *table, const QMap<int, qint64> &counts, qint64 total)
{
    table->setSortingEnabled(false);
    table->setRowCount(int(counts.size()));
    int row = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it, ++row) {
        auto *status = countItem(it.key());
        status->setData(Qt::UserRole, it.key());
        status->setToolTip(QObject::tr("Click to show only %1 and open its guide").arg(it.key()));
        table->setItem(row, 0, status);
        table->setItem(row, 1, countItem(it.value()));
        table->setItem(row, 2, new QTableWidgetItem(
                                   QStringLiteral("%1%").arg(total > 0 ? 100.0 * double(it.value()) / double(total) : 0.0, 0, 'f', 2)));
    }
    table->setSortingEnabled(true);
}

// A top list: the count, then the text (cut in the middle, whole in the tooltip); with
// `statusColumn` the status first.
void fillTopRows(QTableWidget *table, const QList<TopEntry> &entries, bool statusColumn)
{
    table->setRowCount(int(entries.size()));
    const int text = statusColumn ? 2 : 1;
    for (int row = 0; row < entries.size(); ++row) {
        const TopEntry &entry = entries[row];
        if (statusColumn)
            table->setItem(row, 0, countItem(entry.status));
        table->setItem(row, text - 1, countItem(entry.count));
        auto *item = new QTableWidgetItem(entry.text);
        item->setToolTip(entry.text);
        table->setItem(row, text, item);
    }
}

QString formatClock(qint64 utcMs, int tzOffsetMinutes)
{
    return formatIsoTime(utcMs, tzOffsetMinutes).left(19).replace(QLatin1Char('T'), QLatin1Char(' '));
}

} // namespace

LogView::LogView(const QStringList &paths, QWidget *parent)
    : QWidget(parent)
    , m_paths(paths)
    , m_done(std::make_shared<std::atomic<qint64>>(0))
    , m_total(std::make_shared<std::atomic<qint64>>(0))
{
    setObjectName(QStringLiteral("logView"));
    m_options.liveSeries = true;
    m_options.topPaths = true;

    m_status = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(tr("Cancel"), this);
    setDocumentKeyTarget(m_cancel, DocumentKey::Cancel); // Esc while the logs are read
    m_bucket = makeBucketCombo(this);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("Chart as PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QString(), tr("PNG image (*.png)"));
        if (!path.isEmpty())
            exportPng(path);
    });
    exportMenu->addAction(tr("Chart as PDF…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QString(), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            exportPdf(path);
    });
    exportMenu->addAction(tr("Series as CSV…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export series"), QString(), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    exportButton->setMenu(exportMenu);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    bar->addWidget(m_bucket);
    m_follow = new QCheckBox(tr("Follow"), this);
    m_follow->setObjectName(QStringLiteral("followToggle"));
    m_follow->setToolTip(tr("Keep reading lines appended to the file, like tail -f"));
    m_follow->setEnabled(false); // once the file is read
    bar->addWidget(m_follow);
    auto *showAll = new QToolButton(this);
    showAll->setObjectName(QStringLiteral("showAllButton"));
    showAll->setText(tr("Show all"));
    showAll->setToolTip(tr("Show the whole time range after zooming (Home, or double-click the chart)"));
    bar->addWidget(showAll);
    bar->addWidget(exportButton);

    m_chart = new LogChart(this);
    connect(showAll, &QToolButton::clicked, m_chart, &LogChart::showAll);
    // On the chart only: Home keeps its meaning in the tables.
    auto *showAllKey = new QShortcut(QKeySequence(Qt::Key_Home), m_chart);
    showAllKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(showAllKey, &QShortcut::activated, m_chart, &LogChart::showAll);
    m_tables = new QTabWidget(this);
    m_statusTable = makeLogTable({tr("Status"), tr("Requests"), tr("Share")}, QStringLiteral("statusTable"), m_tables);
    m_skipTable = makeLogTable({tr("File"), tr("Line"), tr("Reason"), tr("Text")}, QStringLiteral("skipTable"), m_tables);
    m_bucketTable = makeLogTable({tr("Status"), tr("Requests"), tr("Path")}, QStringLiteral("bucketTable"), m_tables);
    m_sampleTable = makeLogTable({tr("Status"), tr("Line"), tr("Text")}, QStringLiteral("sampleTable"), m_tables);
    // Lenient in reading, exact in reporting: what was read although it deviated, by type.
    m_deviationTable = makeLogTable({tr("Deviation"), tr("Lines"), tr("Where"), tr("Text")},
                                    QStringLiteral("deviationTable"), m_tables);
    m_tables->addTab(m_statusTable, tr("Statuses"));
    m_tables->addTab(m_skipTable, tr("Skipped lines"));
    m_tables->addTab(m_bucketTable, tr("Selected bucket"));
    m_tables->addTab(m_sampleTable, tr("Sample lines"));
    m_tables->addTab(m_deviationTable, tr("Deviations"));

    // Under the chart, full width: paths and user agents are long, and raw lines longer.
    m_lower = new QTabWidget(this);
    m_lower->setObjectName(QStringLiteral("logLowerTabs"));
    m_raw = new RawLinesPanel(m_lower);
    m_topPathTable = makeLogTable({tr("Requests"), tr("Path")}, QStringLiteral("topPathTable"), m_lower);
    m_pathTable = makeLogTable({tr("Status"), tr("Requests"), tr("Path")}, QStringLiteral("pathTable"), m_lower);
    m_topClientTable = makeLogTable({tr("Requests"), tr("Client")}, QStringLiteral("topClientTable"), m_lower);
    m_topAgentTable = makeLogTable({tr("Requests"), tr("User agent")}, QStringLiteral("topAgentTable"), m_lower);
    m_lower->addTab(m_topPathTable, tr("Top paths"));
    m_lower->addTab(m_pathTable, tr("Top error paths"));
    m_lower->addTab(m_topClientTable, tr("Top clients"));
    m_lower->addTab(m_topAgentTable, tr("Top user agents"));
    m_lower->addTab(m_raw, tr("Raw lines"));
    for (QTableWidget *table : {m_topPathTable, m_topClientTable, m_topAgentTable})
        table->setColumnWidth(0, 90);

    m_filterBar = new LogFilterBar(this);
    auto *rawButton = new QToolButton(this);
    rawButton->setObjectName(QStringLiteral("rawLinesButton"));
    rawButton->setText(tr("Raw lines"));
    rawButton->setToolTip(tr("The lines of the chosen status, filter and time range, as the file has them"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterBar, 1);
    filterRow->addWidget(rawButton);

    auto *upper = makeChartSplitter(m_chart, m_tables, this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(upper);
    splitter->addWidget(m_lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &LogView::pollProgress);
    connect(m_cancel, &QPushButton::clicked, this, &LogView::cancel);
    connect(m_bucket, &QComboBox::currentIndexChanged, this,
            [this] { m_chart->setBucketSeconds(m_bucket->currentData().toInt()); });
    connect(&m_watcher, &QFutureWatcher<IngestResult>::finished, this, &LogView::finished);
    connect(m_chart, &LogChart::bucketClicked, this, &LogView::showBucket);
    connect(m_chart, &LogChart::statusActivated, this, &LogView::statusActivated);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on != isFollowing() && !setFollowing(on))
            m_follow->setChecked(false);
    });
    connect(&m_sampleWatcher, &QFutureWatcher<QList<SampleLine>>::finished, this, &LogView::fillSamples);
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
    // A spike's label narrows the tables to the spike's status, like choosing it in a table.
    connect(m_chart, &LogChart::spikeClicked, this, [this](int status, qint64, qint64) { selectStatus(status); });
    setDocumentKeyTarget(m_filterBar->pathEdit(), DocumentKey::GoToFilter); // Ctrl+F
    connect(rawButton, &QToolButton::clicked, this, &LogView::showRawLines);
    connect(&m_filterWatcher, &QFutureWatcher<IngestResult>::finished, this, &LogView::recounted);
    connect(&m_bucketWatcher, &QFutureWatcher<IngestResult>::finished, this, [this] {
        const IngestResult result = m_bucketWatcher.result();
        int row = 0;
        m_bucketTable->setSortingEnabled(false);
        // Statuses stay in the rows showBucket() filled; paths are appended below them.
        row = m_bucketTable->rowCount();
        m_bucketTable->setRowCount(row + int(result.summary.topErrorPaths.size()));
        for (const TopEntry &entry : result.summary.topErrorPaths) {
            m_bucketTable->setItem(row, 0, countItem(entry.status));
            m_bucketTable->setItem(row, 1, countItem(entry.count));
            auto *path = new QTableWidgetItem(entry.text);
            path->setToolTip(entry.text);
            m_bucketTable->setItem(row, 2, path);
            ++row;
        }
        hideOtherStatuses(m_bucketTable);
        emit bucketDetailsReady();
    });
    start();
}

LogView::~LogView()
{
    cancel();
    m_follower.reset();
    if (m_sampleCancel)
        m_sampleCancel->store(true);
    m_watcher.waitForFinished();
    m_bucketWatcher.waitForFinished();
    m_sampleWatcher.waitForFinished();
    m_filterWatcher.waitForFinished();
}

bool LogView::isLoading() const
{
    return m_watcher.isRunning();
}

void LogView::start()
{
    m_status->setText(tr("Reading %1…").arg(m_paths.join(QStringLiteral(", "))));
    if (m_paths.size() == 1)
        m_loadedBytes = QFileInfo(m_paths.front()).size();
    // Draw in the log's own zone from the first poll, not UTC until the end: reading the
    // first 64 KiB for it takes a millisecond.
    if (!m_paths.isEmpty())
        m_liveTzOffsetMinutes = firstTzOffsetMinutes(m_paths.front(), m_options).value_or(0);
    m_ingest = std::make_shared<LogIngest>(m_options);
    auto done = m_done;
    auto total = m_total;
    m_ingest->setProgressCallback([done, total](qint64 bytesDone, qint64 bytesTotal) {
        done->store(bytesDone);
        total->store(bytesTotal);
    });
    auto ingest = m_ingest;
    const QStringList paths = m_paths;
    m_watcher.setFuture(QtConcurrent::run([ingest, paths] { return ingest->run(paths); }));
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_pollTimer->start();
}

void LogView::pollProgress()
{
    const qint64 total = m_total->load();
    if (total > 0)
        m_progress->setValue(int(1000 * m_done->load() / total));
    if (!m_ingest)
        return;
    const MinuteSeries minutes = m_ingest->liveMinutes();
    if (minutes.empty())
        return;
    m_chart->setLiveMinutes(minutes, m_liveTzOffsetMinutes);
    if (!m_firstDataShown) {
        m_firstDataShown = true;
        emit firstDataShown();
    }
}

void LogView::cancel()
{
    if (m_ingest)
        m_ingest->cancel();
    if (m_filterIngest)
        m_filterIngest->cancel();
}

void LogView::finished()
{
    m_pollTimer->stop();
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    const IngestResult result = m_watcher.result();
    if (!result.ok()) {
        m_status->setText(tr("Could not read the log: %1").arg(result.error));
        emit loadFinished();
        return;
    }
    m_summary = result.summary;
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
    m_chart->setSummary(m_summary);
    fillTables();
    m_follow->setEnabled(canFollow());
    emit loadFinished();
    if (std::exchange(m_recountPending, false))
        recount();
}

bool LogView::canFollow() const
{
    if (m_paths.size() != 1 || m_paths.front() == QLatin1String("-") || isLoading())
        return false;
    QFile file(m_paths.front());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray magic = file.read(2);
    return magic != QByteArray("\x1f\x8b", 2); // gzip: appends are not readable live
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
    IngestOptions options = m_options;
    options.liveSeries = false;
    auto follower = std::make_unique<LogFollower>(m_paths.front(), options);
    follower->setMaxReadPerPoll(kFollowReadBytes);
    connect(follower.get(), &LogFollower::linesAppended, this, &LogView::followed);
    connect(follower.get(), &LogFollower::fileReset, this, [this] {
        // Truncated or rotated: the earlier counts belong to a file that is gone.
        m_followBase = LogSummary();
        m_followBase.files = m_paths;
        m_followBase.format = m_summary.format;
        followed();
    });
    // Appended lines are counted whole: a filtered view would mix two kinds of counts.
    if (m_filterBar->needsRecount()) {
        m_filterBar->clearAll();
        m_summary = m_fullSummary;
        showSummary(false);
    }
    m_filterBar->setEnabled(false);
    m_followBase = m_summary;
    m_follower = std::move(follower);
    if (!m_follower->startAt(m_loadedBytes, kFollowPollMs)) {
        m_status->setText(tr("Cannot follow: %1").arg(m_follower->error()));
        m_follower.reset();
        return false;
    }
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

void LogView::fillTables()
{
    fillStatusRows(m_statusTable, m_summary.statusCounts, m_summary.linesParsed);
    // Badge and count as wide as they need, so Share stays in view in the narrow side panel.
    m_statusTable->resizeColumnToContents(0);
    m_statusTable->resizeColumnToContents(1);
    applyStatus(m_filterBar->status());
    m_skipTable->setRowCount(int(m_summary.skipExamples.size()));
    for (int row = 0; row < m_summary.skipExamples.size(); ++row) {
        const SkipExample &example = m_summary.skipExamples[row];
        m_skipTable->setItem(row, 0, new QTableWidgetItem(QFileInfo(example.file).fileName()));
        m_skipTable->setItem(row, 1, countItem(example.line));
        m_skipTable->setItem(row, 2, new QTableWidgetItem(toString(example.reason)));
        m_skipTable->setItem(row, 3, new QTableWidgetItem(example.text));
    }
    QStringList reasons;
    for (int i = 0; i < kSkipReasonCount; ++i) {
        if (m_summary.skippedByReason[size_t(i)] > 0)
            reasons << QStringLiteral("%1 %2").arg(toString(SkipReason(i))).arg(m_summary.skippedByReason[size_t(i)]);
    }
    m_tables->setTabText(m_tables->indexOf(m_skipTable), tr("Skipped lines (%1)").arg(m_summary.linesSkipped));
    m_skipTable->setToolTip(reasons.join(QStringLiteral(", ")));
    fillDeviations();
}

// One row per deviation type that occurred (its count), each followed by its first examples.
void LogView::fillDeviations()
{
    m_deviationTable->setRowCount(0);
    qint64 total = 0;
    for (int i = 0; i < kDeviationCount; ++i) {
        const qint64 count = m_summary.deviationsByType[size_t(i)];
        if (count == 0)
            continue;
        total += count;
        const Deviation type = Deviation(i);
        int row = m_deviationTable->rowCount();
        m_deviationTable->insertRow(row);
        auto *name = new QTableWidgetItem(toString(type));
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        m_deviationTable->setItem(row, 0, name);
        m_deviationTable->setItem(row, 1, countItem(count));
        for (const DeviationExample &example : m_summary.deviationExamples) {
            if (example.type != type)
                continue;
            row = m_deviationTable->rowCount();
            m_deviationTable->insertRow(row);
            m_deviationTable->setItem(row, 0, new QTableWidgetItem(QString()));
            m_deviationTable->setItem(row, 2, new QTableWidgetItem(QStringLiteral("%1:%2")
                                                                        .arg(QFileInfo(example.file).fileName())
                                                                        .arg(example.line)));
            m_deviationTable->setItem(row, 3, new QTableWidgetItem(example.text));
        }
    }
    m_tables->setTabText(m_tables->indexOf(m_deviationTable), tr("Deviations (%1)").arg(total));
}

void LogView::showBucket(qint64 startMs, qint64 endMs)
{
    QMap<int, qint64> counts;
    qint64 total = 0;
    for (const SeriesBucket &bucket : m_chart->buckets()) {
        if (bucket.startMs >= startMs && bucket.startMs < endMs) {
            for (auto it = bucket.byStatus.cbegin(); it != bucket.byStatus.cend(); ++it)
                counts[it.key()] += it.value();
            total += bucket.total;
        }
    }
    fillStatusRows(m_bucketTable, counts, total);
    m_bucketStatusRows = m_bucketTable->rowCount();
    hideOtherStatuses(m_bucketTable);
    m_tables->setTabText(m_tables->indexOf(m_bucketTable),
                         tr("Bucket %1").arg(formatIsoTime(startMs, m_summary.tzOffsetMinutes)));
    m_tables->setCurrentWidget(m_bucketTable);
    if (isLoading() || m_bucketWatcher.isRunning())
        return;
    // Paths are not kept per bucket (memory would grow with the file): re-read that range,
    // through the filter the chart shows.
    IngestOptions options = filteredOptions();
    options.fromMs = std::max(options.fromMs, startMs);
    options.toMs = std::min(options.toMs, endMs - 1);
    IngestOptions rawOptions = options;
    if (m_filterBar->status() > 0)
        rawOptions.filter.statuses = {m_filterBar->status()};
    m_raw->load(m_paths, rawOptions, describeFilter(m_filterBar->status(), options.fromMs, options.toMs),
                m_summary.tzOffsetMinutes);
    m_lower->setCurrentWidget(m_raw);
    m_bucketIngest = std::make_shared<LogIngest>(options);
    auto ingest = m_bucketIngest;
    const QStringList paths = m_paths;
    m_bucketWatcher.setFuture(QtConcurrent::run([ingest, paths] { return ingest->run(paths); }));
    if (m_sampleWatcher.isRunning())
        return;
    // Raw lines of the range, re-read too (core keeps counts, never lines).
    m_sampleCancel = std::make_shared<std::atomic<bool>>(false);
    auto sampleCancel = m_sampleCancel;
    m_sampleWatcher.setFuture(QtConcurrent::run([options, paths, sampleCancel] {
        return collectSampleLines(paths, options, options.fromMs, options.toMs, kMaxSampleLines, sampleCancel.get());
    }));
}

void LogView::fillSamples()
{
    const QList<SampleLine> samples = m_sampleWatcher.result();
    m_sampleTable->setSortingEnabled(false);
    m_sampleTable->setRowCount(int(samples.size()));
    for (int row = 0; row < samples.size(); ++row) {
        const SampleLine &sample = samples[row];
        m_sampleTable->setItem(row, 0, countItem(sample.status));
        auto *where = new QTableWidgetItem(QStringLiteral("%1:%2").arg(QFileInfo(sample.file).fileName()).arg(sample.line));
        where->setToolTip(QStringLiteral("%1:%2").arg(sample.file).arg(sample.line));
        m_sampleTable->setItem(row, 1, where);
        m_sampleTable->setItem(row, 2, new QTableWidgetItem(sample.text));
    }
    hideOtherStatuses(m_sampleTable);
    m_tables->setTabText(m_tables->indexOf(m_sampleTable), tr("Sample lines (%1)").arg(samples.size()));
    emit bucketSamplesReady();
}

IngestOptions LogView::filteredOptions() const
{
    IngestOptions options = m_options;
    options.liveSeries = false;
    options.filter = m_filterBar->recordFilter();
    if (m_filterBar->hasRange()) {
        options.fromMs = m_filterBar->fromMs();
        options.toMs = m_filterBar->toMs();
    }
    return options;
}

QString LogView::describeFilter(int status, qint64 fromMs, qint64 toMs) const
{
    QStringList parts;
    if (status > 0)
        parts << tr("status %1").arg(status);
    const RecordFilter filter = m_filterBar->recordFilter();
    if (!filter.pathPrefix.empty())
        parts << tr("path %1…").arg(QString::fromStdString(filter.pathPrefix));
    if (!filter.client.empty())
        parts << tr("client %1").arg(QString::fromStdString(filter.client));
    if (!filter.method.empty())
        parts << tr("method %1").arg(QString::fromStdString(filter.method));
    if (!filter.userAgent.empty())
        parts << tr("agent \u201c%1\u201d").arg(QString::fromStdString(filter.userAgent));
    const bool from = fromMs != LogFilterBar::kOpenStart;
    const bool to = toMs != LogFilterBar::kOpenEnd;
    if (from || to)
        parts << QStringLiteral("%1 – %2")
                     .arg(from ? formatClock(fromMs, m_summary.tzOffsetMinutes) : tr("start"),
                          to ? formatClock(toMs, m_summary.tzOffsetMinutes) : tr("end"));
    return parts.isEmpty() ? tr("the whole log") : parts.join(QStringLiteral(", "));
}

void LogView::selectStatus(int code)
{
    m_filterBar->setStatus(code);
}

// The tables narrow to the chosen status from the counts already read: top lists are kept per
// status, buckets and samples list theirs. The chart is asked to highlight the status's bars.
void LogView::applyStatus(int code)
{
    m_chart->highlightStatus(code);
    m_statusTable->clearSelection();
    for (int row = 0; row < m_statusTable->rowCount(); ++row) {
        if (code > 0 && m_statusTable->item(row, 0)->data(Qt::DisplayRole).toInt() == code) {
            m_statusTable->selectRow(row);
            m_statusTable->scrollToItem(m_statusTable->item(row, 0));
        }
    }
    hideOtherStatuses(m_bucketTable);
    hideOtherStatuses(m_sampleTable);
    fillTopTables();
    emit statusFilterChanged(code);
}

// The bucket table's status rows stay (they are how another status is chosen); its path
// rows and the samples narrow to the chosen status.
void LogView::hideOtherStatuses(QTableWidget *table) const
{
    const int code = m_filterBar->status();
    const int first = table == m_bucketTable ? m_bucketStatusRows : 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *item = table->item(row, 0);
        table->setRowHidden(row, row >= first && code > 0 && item && item->data(Qt::DisplayRole).toInt() != code);
    }
}

void LogView::fillTopTables()
{
    const int code = m_filterBar->status();
    QList<TopEntry> errorPaths;
    for (const TopEntry &entry : m_summary.topErrorPaths) {
        if (code == 0 || entry.status == code)
            errorPaths << entry;
    }
    fillTopRows(m_pathTable, errorPaths, true);
    fillTopRows(m_topPathTable, code > 0 ? m_summary.topPathsByStatus.value(code) : m_summary.topPaths, false);
    fillTopRows(m_topClientTable, code > 0 ? m_summary.topClients.value(code) : m_summary.topClientsAll, false);
    fillTopRows(m_topAgentTable, code > 0 ? m_summary.topUserAgents.value(code) : m_summary.topUserAgentsAll, false);
    const QString suffix = code > 0 ? QStringLiteral(" (%1)").arg(code) : QString();
    m_lower->setTabText(m_lower->indexOf(m_topPathTable), tr("Top paths") + suffix);
    m_lower->setTabText(m_lower->indexOf(m_pathTable), tr("Top error paths") + suffix);
    m_lower->setTabText(m_lower->indexOf(m_topClientTable), tr("Top clients") + suffix);
    m_lower->setTabText(m_lower->indexOf(m_topAgentTable), tr("Top user agents") + suffix);
}

void LogView::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_filterBar->setRange(fromMs, toMs);
    recount();
}

// The counts of the filtered records come from reading the file again on worker threads,
// as the first read did (1M lines in about a third of a second); the counts kept while
// reading hold no paths, clients or agents per record to filter.
void LogView::recount()
{
    if (m_paths.contains(QStringLiteral("-")))
        return; // stdin was read once and is gone
    if (isLoading()) {
        m_recountPending = true;
        return;
    }
    if (m_filterIngest)
        m_filterIngest->cancel();
    if (!m_filterBar->needsRecount()) {
        m_filterWatcher.waitForFinished();
        m_summary = m_fullSummary;
        showSummary(true);
        m_status->setText(tr("%1 requests, no filter").arg(QLocale().toString(m_summary.linesParsed)));
        emit recountFinished();
        return;
    }
    m_filterWatcher.waitForFinished(); // cancelled: it stops at its next window
    m_filterIngest = std::make_shared<LogIngest>(filteredOptions());
    auto done = m_done;
    auto total = m_total;
    done->store(0);
    m_filterIngest->setProgressCallback([done, total](qint64 bytesDone, qint64 bytesTotal) {
        done->store(bytesDone);
        total->store(bytesTotal);
    });
    auto ingest = m_filterIngest;
    const QStringList paths = m_paths;
    m_recountClock.start();
    m_status->setText(tr("Counting %1…").arg(describeFilter(0, m_filterBar->fromMs(), m_filterBar->toMs())));
    m_filterWatcher.setFuture(QtConcurrent::run([ingest, paths] { return ingest->run(paths); }));
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_pollTimer->start();
}

void LogView::recounted()
{
    m_pollTimer->stop();
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    const IngestResult result = m_filterWatcher.result();
    if (!result.ok()) {
        m_status->setText(tr("Could not read the log: %1").arg(result.error));
        emit recountFinished();
        return;
    }
    if (result.summary.cancelled) {
        m_status->setText(tr("Filter cancelled: the chart shows the last counts"));
        emit recountFinished();
        return;
    }
    m_summary = result.summary;
    // The whole log's zone and skip counts stay: the filter does not change what was unreadable.
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
    if (fitChart)
        m_chart->setSummary(m_summary);
    else
        m_chart->updateSummary(m_summary);
    fillTables();
}

void LogView::showRawLines()
{
    IngestOptions options = filteredOptions();
    if (m_filterBar->status() > 0)
        options.filter.statuses = {m_filterBar->status()};
    m_raw->load(m_paths, options, describeFilter(m_filterBar->status(), options.fromMs, options.toMs),
                m_summary.tzOffsetMinutes);
    m_lower->setCurrentWidget(m_raw);
}

bool LogView::exportPng(const QString &path)
{
    if (m_chart->savePng(path))
        return true;
    m_lastError = tr("Could not write %1").arg(path);
    return false;
}

bool LogView::exportPdf(const QString &path)
{
    if (m_chart->savePdf(path))
        return true;
    m_lastError = tr("Could not write %1").arg(path);
    return false;
}

bool LogView::exportCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(seriesToCsv(m_summary, m_chart->buckets())) < 0) {
        m_lastError = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

LogView::StatusFocus LogView::focusStatus(int code, qint64 aroundMs)
{
    StatusFocus focus;
    focus.total = m_summary.statusCounts.value(code);
    m_tables->setCurrentWidget(m_statusTable);
    m_statusTable->clearSelection();
    if (const int row = [&] {
            for (int r = 0; r < m_statusTable->rowCount(); ++r) {
                const QTableWidgetItem *item = m_statusTable->item(r, 0);
                if (item && item->data(Qt::DisplayRole).toInt() == code)
                    return r;
            }
            return -1;
        }();
        row >= 0) {
        m_statusTable->selectRow(row);
        m_statusTable->scrollToItem(m_statusTable->item(row, 0));
    }
    if (aroundMs <= 0 || !m_summary.hasTimeRange)
        return focus;
    focus.fromMs = aroundMs - kFocusWindowMs;
    focus.toMs = aroundMs + kFocusWindowMs;
    focus.outsideLog = focus.toMs <= m_summary.firstMs || focus.fromMs > m_summary.lastMs;
    focus.inWindow = 0;
    const qint64 bucketMs = qint64(m_summary.bucketSeconds) * 1000;
    for (const SeriesBucket &bucket : m_summary.buckets) {
        if (bucket.startMs + bucketMs > focus.fromMs && bucket.startMs < focus.toMs)
            focus.inWindow += bucket.byStatus.value(code);
    }
    if (focus.inWindow > 0) {
        // The window's statuses and paths, the troubleshot status selected among them.
        showBucket(focus.fromMs, focus.toMs);
        for (int r = 0; r < m_bucketTable->rowCount(); ++r) {
            const QTableWidgetItem *item = m_bucketTable->item(r, 0);
            if (item && item->data(Qt::DisplayRole).toInt() == code) {
                m_bucketTable->selectRow(r);
                break;
            }
        }
    }
    return focus;
}

QString LogView::formatLogTime(qint64 utcMs) const
{
    return formatIsoTime(utcMs, m_summary.tzOffsetMinutes);
}

} // namespace statusscope::ui
