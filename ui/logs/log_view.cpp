// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/log_view.h"

#include "ui/document_keys.h"
#include "ui/status/status_link.h"

#include "core/logs/log_follower.h"
#include "core/logs/log_summary_json.h"
#include "core/logs/summary_merge.h"
#include "core/logs/log_time.h"
#include "ui/logs/log_chart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSortingEnabled(false);
    return table;
}

QTableWidgetItem *numberItem(qint64 value)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void fillStatusRows(QTableWidget *table, const QMap<int, qint64> &counts, qint64 total)
{
    table->setSortingEnabled(false);
    table->setRowCount(int(counts.size()));
    int row = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it, ++row) {
        auto *status = numberItem(it.key());
        status->setData(Qt::UserRole, it.key());
        status->setToolTip(QObject::tr("Click to open the guide for %1").arg(it.key()));
        table->setItem(row, 0, status);
        table->setItem(row, 1, numberItem(it.value()));
        table->setItem(row, 2, new QTableWidgetItem(
                                   QStringLiteral("%1%").arg(total > 0 ? 100.0 * double(it.value()) / double(total) : 0.0, 0, 'f', 2)));
    }
    table->setSortingEnabled(true);
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

    m_status = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(tr("Cancel"), this);
    setDocumentKeyTarget(m_cancel, DocumentKey::Cancel); // Esc while the logs are read
    m_bucket = new QComboBox(this);
    m_bucket->addItem(tr("Auto buckets"), 0);
    m_bucket->addItem(tr("1 minute"), 60);
    m_bucket->addItem(tr("5 minutes"), 300);
    m_bucket->addItem(tr("1 hour"), 3600);
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
    m_statusTable = makeTable({tr("Status"), tr("Requests"), tr("Share")}, m_tables);
    m_statusTable->setObjectName(QStringLiteral("statusTable"));
    m_pathTable = makeTable({tr("Status"), tr("Requests"), tr("Path")}, m_tables);
    m_pathTable->setObjectName(QStringLiteral("pathTable"));
    m_skipTable = makeTable({tr("File"), tr("Line"), tr("Reason"), tr("Text")}, m_tables);
    m_bucketTable = makeTable({tr("Status"), tr("Requests"), tr("Path")}, m_tables);
    m_bucketTable->setObjectName(QStringLiteral("bucketTable"));
    m_tables->addTab(m_statusTable, tr("Statuses"));
    m_tables->addTab(m_pathTable, tr("Top error paths"));
    m_tables->addTab(m_skipTable, tr("Skipped lines"));
    m_tables->addTab(m_bucketTable, tr("Selected bucket"));
    m_sampleTable = makeTable({tr("Status"), tr("Line"), tr("Text")}, m_tables);
    m_sampleTable->setObjectName(QStringLiteral("sampleTable"));
    m_tables->addTab(m_sampleTable, tr("Sample lines"));
    // Lenient in reading, exact in reporting: what was read although it deviated, by type.
    m_deviationTable = makeTable({tr("Deviation"), tr("Lines"), tr("Where"), tr("Text")}, m_tables);
    m_deviationTable->setObjectName(QStringLiteral("deviationTable"));
    m_tables->addTab(m_deviationTable, tr("Deviations"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_tables);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    // The chart is what people came for: it gets most of the width from the start.
    m_tables->setMinimumWidth(340);
    splitter->setSizes({2800, 1300});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
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
    for (QTableWidget *table : {m_statusTable, m_pathTable, m_bucketTable, m_sampleTable}) {
        // The status column shows the app's one status link; a click on the badge opens the
        // guide, a click elsewhere on the row does too.
        auto *statusLinks = new StatusLinkDelegate(Qt::DisplayRole, table);
        table->setItemDelegateForColumn(0, statusLinks);
        statusLinks->attachTo(table);
        table->setColumnWidth(0, 190);
        // A click on the badge is also a click on its row (cellClicked below), so the
        // delegate's own signal is not connected: one click, one guide.
        const auto selectRowStatus = [this, table](int row) {
            if (const QTableWidgetItem *item = table->item(row, 0); item && item->data(Qt::DisplayRole).toInt() >= 100)
                emit statusActivated(StatusActivation::ofCode(item->data(Qt::DisplayRole).toInt()));
        };
        connect(table, &QTableWidget::cellClicked, this, [selectRowStatus](int row, int) { selectRowStatus(row); });
        // Enter on a row (keyboard users) opens its guide as a click does.
        connect(table, &QAbstractItemView::activated, this,
                [selectRowStatus](const QModelIndex &index) { selectRowStatus(index.row()); });
    }
    connect(&m_bucketWatcher, &QFutureWatcher<IngestResult>::finished, this, [this] {
        const IngestResult result = m_bucketWatcher.result();
        int row = 0;
        m_bucketTable->setSortingEnabled(false);
        // Statuses stay in the rows showBucket() filled; paths are appended below them.
        row = m_bucketTable->rowCount();
        m_bucketTable->setRowCount(row + int(result.summary.topErrorPaths.size()));
        for (const TopEntry &entry : result.summary.topErrorPaths) {
            m_bucketTable->setItem(row, 0, numberItem(entry.status));
            m_bucketTable->setItem(row, 1, numberItem(entry.count));
            m_bucketTable->setItem(row, 2, new QTableWidgetItem(entry.text));
            ++row;
        }
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
    m_pathTable->setRowCount(int(m_summary.topErrorPaths.size()));
    for (int row = 0; row < m_summary.topErrorPaths.size(); ++row) {
        const TopEntry &entry = m_summary.topErrorPaths[row];
        m_pathTable->setItem(row, 0, numberItem(entry.status));
        m_pathTable->setItem(row, 1, numberItem(entry.count));
        m_pathTable->setItem(row, 2, new QTableWidgetItem(entry.text));
    }
    m_skipTable->setRowCount(int(m_summary.skipExamples.size()));
    for (int row = 0; row < m_summary.skipExamples.size(); ++row) {
        const SkipExample &example = m_summary.skipExamples[row];
        m_skipTable->setItem(row, 0, new QTableWidgetItem(QFileInfo(example.file).fileName()));
        m_skipTable->setItem(row, 1, numberItem(example.line));
        m_skipTable->setItem(row, 2, new QTableWidgetItem(toString(example.reason)));
        m_skipTable->setItem(row, 3, new QTableWidgetItem(example.text));
    }
    QStringList reasons;
    for (int i = 0; i < kSkipReasonCount; ++i) {
        if (m_summary.skippedByReason[size_t(i)] > 0)
            reasons << QStringLiteral("%1 %2").arg(toString(SkipReason(i))).arg(m_summary.skippedByReason[size_t(i)]);
    }
    m_tables->setTabText(2, tr("Skipped lines (%1)").arg(m_summary.linesSkipped));
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
        m_deviationTable->setItem(row, 1, numberItem(count));
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
    m_tables->setTabText(3, tr("Bucket %1").arg(formatIsoTime(startMs, m_summary.tzOffsetMinutes)));
    m_tables->setCurrentWidget(m_bucketTable);
    if (isLoading() || m_bucketWatcher.isRunning())
        return;
    // Paths are not kept per bucket (memory would grow with the file): re-read that range.
    IngestOptions options = m_options;
    options.liveSeries = false;
    options.fromMs = startMs;
    options.toMs = endMs - 1;
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
        m_sampleTable->setItem(row, 0, numberItem(sample.status));
        auto *where = new QTableWidgetItem(QStringLiteral("%1:%2").arg(QFileInfo(sample.file).fileName()).arg(sample.line));
        where->setToolTip(QStringLiteral("%1:%2").arg(sample.file).arg(sample.line));
        m_sampleTable->setItem(row, 1, where);
        m_sampleTable->setItem(row, 2, new QTableWidgetItem(sample.text));
    }
    m_tables->setTabText(m_tables->indexOf(m_sampleTable), tr("Sample lines (%1)").arg(samples.size()));
    emit bucketSamplesReady();
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
