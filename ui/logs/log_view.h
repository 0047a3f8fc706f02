// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_ingest.h"
#include "core/logs/sample_lines.h"
#include "ui/status/status_activation.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace statusscope::logs {
class LogFollower;
}

namespace statusscope::ui {

class LogChart;
class LogFilterBar;
class RawLinesPanel;

// The tab for an access log: the chart, counts per status, skipped lines with examples, the
// statuses and paths of a clicked bucket, and below them the top paths, error paths, clients
// and user agents and the raw lines behind a bar or a status. Parsing runs on worker threads
// (core's LogIngest via QtConcurrent); the chart fills in from the minutes read so far while
// a big file is read, with progress and a cancel button. The filter bar (path, client,
// method, agent, time range) recounts chart and tables by reading the file again off the
// GUI thread; choosing a status narrows the tables to it without reading anything.
class LogView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    explicit LogView(const QStringList &paths, QWidget *parent = nullptr);
    ~LogView() override;

    bool isLoading() const;
    const logs::LogSummary &summary() const { return m_summary; }
    LogChart *chart() const { return m_chart; }
    QTableWidget *statusTable() const { return m_statusTable; }
    QTableWidget *bucketTable() const { return m_bucketTable; }
    QTableWidget *pathTable() const { return m_pathTable; } // top error paths
    QTableWidget *topPathTable() const { return m_topPathTable; }
    QTableWidget *topClientTable() const { return m_topClientTable; }
    QTableWidget *topAgentTable() const { return m_topAgentTable; }
    LogFilterBar *filterBar() const { return m_filterBar; }
    RawLinesPanel *rawLines() const { return m_raw; }
    // The whole log's counts, whatever the filter.
    const logs::LogSummary &fullSummary() const { return m_fullSummary; }
    bool isRecounting() const { return m_filterWatcher.isRunning(); }
    // The clicked bucket's raw lines (file:line, status, text), up to kMaxSampleLines.
    QTableWidget *sampleTable() const { return m_sampleTable; }

    // Exports; false with a message in lastError() when the file cannot be written.
    bool exportPng(const QString &path);
    bool exportPdf(const QString &path);
    bool exportCsv(const QString &path);
    QString lastError() const { return m_lastError; }

    void cancel();
    // Narrows the tables to one status (0: all again) and has the chart highlight it.
    void selectStatus(int code);
    // Keeps only [fromMs, toMs] (UTC, inclusive) and recounts; the chart's drag lands here.
    void setTimeRange(qint64 fromMs, qint64 toMs);
    // The raw lines of the chosen status, filter and time range (of the whole log without them).
    void showRawLines();
    // Lists the statuses of [startMs, endMs) and, after a quick re-read of that range, its
    // top error paths.
    void showBucket(qint64 startMs, qint64 endMs);
    // Follow mode: lines appended to the (single, plain) file update the chart and tables
    // within kFollowPollMs. False when this log cannot be followed (several files, .gz,
    // stdin) or the file cannot be opened.
    bool setFollowing(bool on);
    bool isFollowing() const { return m_follower != nullptr; }
    bool canFollow() const;
    // What "open the logs at this status" found (the troubleshooting panel's check).
    struct StatusFocus
    {
        qint64 total = 0;     // requests with the status in the whole log
        qint64 inWindow = -1; // in [fromMs, toMs); -1 when no time was given
        qint64 fromMs = 0;
        qint64 toMs = 0;
        bool outsideLog = false; // the window lies wholly before or after the log
    };
    // How far either side of the exchange's time the log is searched.
    static constexpr qint64 kFocusWindowMs = 15 * 60 * 1000;
    // Selects `code` in the Statuses table; with `aroundMs` (UTC ms) also lists the statuses and
    // paths of the window around it in the bucket table, with `code` selected there.
    StatusFocus focusStatus(int code, qint64 aroundMs = 0);
    // The log's time as the log writes it (its own zone), for messages.
    QString formatLogTime(qint64 utcMs) const;

signals:
    // A status was chosen (status table, bucket table): the guide dock can follow it.
    void statusActivated(const statusscope::ui::StatusActivation &activation);
    void loadFinished();
    // The chart showed its first data while the file is still being read.
    void firstDataShown();
    void bucketDetailsReady();
    void bucketSamplesReady();
    // The filter bar's recount finished: summary() holds the filtered counts.
    void recountFinished();
    void statusFilterChanged(int code);
    // Follow mode read new lines and the summary now includes them.
    void followUpdated();

private:
    void start();
    void pollProgress();
    void finished();
    void fillTables();
    void fillDeviations();
    void askExport();
    void fillSamples();
    void followed();
    void recount();
    void recounted();
    void showSummary(bool fitChart);
    void applyStatus(int code);
    void fillTopTables();
    void hideOtherStatuses(QTableWidget *table) const;
    // The read options with the filter bar's filter and range.
    logs::IngestOptions filteredOptions() const;
    // "status 503, path /api…, 10:00:00–10:05:00" for titles; empty without a filter.
    QString describeFilter(int status, qint64 fromMs, qint64 toMs) const;

    QStringList m_paths;
    logs::IngestOptions m_options;
    std::shared_ptr<logs::LogIngest> m_ingest;
    std::shared_ptr<std::atomic<qint64>> m_done;
    std::shared_ptr<std::atomic<qint64>> m_total;
    QFutureWatcher<logs::IngestResult> m_watcher;
    QFutureWatcher<logs::IngestResult> m_bucketWatcher;
    std::shared_ptr<logs::LogIngest> m_bucketIngest;
    QFutureWatcher<QList<logs::SampleLine>> m_sampleWatcher;
    std::shared_ptr<std::atomic<bool>> m_sampleCancel;
    logs::LogSummary m_summary;     // what the chart and tables show: filtered when the bar says so
    logs::LogSummary m_fullSummary; // the whole log
    std::shared_ptr<logs::LogIngest> m_filterIngest;
    QFutureWatcher<logs::IngestResult> m_filterWatcher;
    QElapsedTimer m_recountClock;
    bool m_recountPending = false; // the filter changed while the file was still being read
    QString m_lastError;

    LogChart *m_chart = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QComboBox *m_bucket = nullptr;
    QTabWidget *m_tables = nullptr;
    QTableWidget *m_statusTable = nullptr;
    QTableWidget *m_pathTable = nullptr;
    QTableWidget *m_skipTable = nullptr;
    QTableWidget *m_deviationTable = nullptr; // records read despite something unusual
    QTableWidget *m_bucketTable = nullptr;
    int m_bucketStatusRows = 0; // the bucket table's status rows; its path rows follow
    QTableWidget *m_sampleTable = nullptr;
    QTableWidget *m_topPathTable = nullptr;
    QTableWidget *m_topClientTable = nullptr;
    QTableWidget *m_topAgentTable = nullptr;
    QTabWidget *m_lower = nullptr; // raw lines and the top lists, under the chart
    LogFilterBar *m_filterBar = nullptr;
    RawLinesPanel *m_raw = nullptr;
    QTimer *m_pollTimer = nullptr;
    bool m_firstDataShown = false;
    QCheckBox *m_follow = nullptr;
    std::unique_ptr<logs::LogFollower> m_follower;
    logs::LogSummary m_followBase; // the summary before following started
    int m_liveTzOffsetMinutes = 0; // the log's own zone while it is read
    qint64 m_loadedBytes = 0;      // the file's size when loading started: follow from here
};

} // namespace statusscope::ui
