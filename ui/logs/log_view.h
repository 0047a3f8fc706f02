// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/source/log_source.h"
#include "ui/status/status_activation.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTabWidget;
class QTimer;
class QToolButton;

namespace statusscope::ui {

class LogChart;
class LogFilterBar;
class RawLinesPanel;
class SourceCalls;
class SourceErrorPage;

// The tab for access logs, wherever they are: local files or a database (a LogSource). The
// chart, counts per status, skipped lines, the statuses, paths and sample rows of a clicked
// bucket or spike, the top paths, error paths, clients and user agents, and the filter bar
// (path, client, method, agent, time range) that recounts chart and tables. Every answer comes
// from the source, off the GUI thread, with progress and a cancel button; the chart fills in
// from the minutes read so far while a big file is read. A summary that carries minutes (a
// file's) is zoomed here without asking again; otherwise each zoom asks the source for a series
// (the server re-buckets). What needs the files themselves (raw lines with context, follow)
// shows only when the source has files. Choosing a status narrows the tables without asking.
class LogView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    explicit LogView(std::shared_ptr<logs::LogSource> source, QWidget *parent = nullptr);
    // Local files, read with the options the tab needs (the live series and every path).
    explicit LogView(const QStringList &paths, QWidget *parent = nullptr);
    ~LogView() override;

    QString sourceName() const;
    bool isLoading() const;
    // Any call to the source still running (loading, recounting, a bucket's details, a zoom).
    bool isBusy() const;
    const logs::LogSummary &summary() const { return m_summary; }
    // The last error's message (it names the source); empty after a good answer.
    QString errorText() const { return m_errorText; }
    LogChart *chart() const { return m_chart; }
    QTableWidget *statusTable() const { return m_statusTable; }
    QTableWidget *bucketTable() const { return m_bucketTable; }
    QTableWidget *pathTable() const { return m_pathTable; } // top error paths
    QTableWidget *topPathTable() const { return m_topPathTable; }
    QTableWidget *topClientTable() const { return m_topClientTable; }
    QTableWidget *topAgentTable() const { return m_topAgentTable; }
    LogFilterBar *filterBar() const { return m_filterBar; }
    RawLinesPanel *rawLines() const { return m_raw; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    // The whole log's counts, whatever the filter.
    const logs::LogSummary &fullSummary() const { return m_fullSummary; }
    bool isRecounting() const;
    // The clicked bucket's sample rows (status, file:line or time, text), up to kMaxSampleLines.
    QTableWidget *sampleTable() const { return m_sampleTable; }

    // Exports; false with a message in lastError() when the file cannot be written.
    bool exportPng(const QString &path);
    bool exportPdf(const QString &path);
    bool exportCsv(const QString &path);
    QString lastError() const { return m_lastError; }

    void cancel();
    // The overview again (the "Try again" of an error): what opening the tab does.
    void reload();
    // Narrows the tables to one status (0: all again) and has the chart highlight it.
    void selectStatus(int code);
    // Keeps only [fromMs, toMs] (UTC, inclusive) and recounts; the chart's drag lands here.
    void setTimeRange(qint64 fromMs, qint64 toMs);
    // The raw lines of the chosen status, filter and time range (of the whole log without them).
    void showRawLines();
    // Lists the statuses of [startMs, endMs), then asks for its top error paths and its sample
    // rows of the chosen status.
    void showBucket(qint64 startMs, qint64 endMs);
    // Follow mode: lines appended to the (single, plain) file update the chart and tables
    // within kFollowPollMs. False when this source cannot be followed (several files, .gz,
    // stdin, a database) or the file cannot be opened.
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
    // A zoom's buckets from the source are shown.
    void seriesUpdated();
    // The filter bar's recount finished: summary() holds the filtered counts.
    void recountFinished();
    void statusFilterChanged(int code);
    // Follow mode read new lines and the summary now includes them.
    void followUpdated();
    // A call failed or was cancelled: the message names the source.
    void failed(const QString &message);

private:
    QWidget *makeToolBar();
    void makeTables();
    void connectParts(QToolButton *rawButton);
    void setBusy(const QString &what);
    void setIdle();
    void showProgress(const logs::SourceProgress &progress);
    void pollPartial();
    void loaded(const logs::SourceSummary &answer);
    // A failed or cancelled call: the message in the status line, and in place of the chart
    // when there is nothing to show.
    void showError(const logs::SourceError &error);
    void fillTables();
    void fillDeviations();
    void fillBucketPaths(const logs::SourceSummary &answer);
    void fillSamples(const logs::SourceSamples &answer);
    void requestSamples(qint64 startMs, qint64 endMs);
    void loadRawLines(const logs::LogQuery &query);
    void requestSeries(qint64 fromMs, qint64 toMs, int bucketSeconds);
    void followed();
    void recount();
    void recounted(const logs::SourceSummary &answer);
    void showSummary(bool fitChart);
    void applyStatus(int code);
    void fillTopTables();
    void hideOtherStatuses(QTableWidget *table) const;
    // The filter bar's filter and range (status excluded: it narrows the tables only).
    logs::LogQuery filteredQuery() const;
    // "status 503, path /api…, 10:00:00–10:05:00" for titles; "the whole log" without a filter.
    QString describeFilter(int status, qint64 fromMs, qint64 toMs) const;

    std::shared_ptr<logs::LogSource> m_source;
    std::unique_ptr<SourceCalls> m_calls;
    std::optional<logs::LocalFiles> m_local; // the files behind the source, if it has any
    logs::LogSummary m_summary;     // what the chart and tables show: filtered when the bar says so
    logs::LogSummary m_fullSummary; // the whole log
    QElapsedTimer m_recountClock;
    bool m_recountPending = false; // the filter changed while the log was still being read
    QString m_lastError;
    QString m_errorText;
    QString m_busyWhat;

    LogChart *m_chart = nullptr;
    QStackedWidget *m_chartStack = nullptr; // the chart, or the error page in its place
    SourceErrorPage *m_errorPage = nullptr;
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
};

} // namespace statusscope::ui
