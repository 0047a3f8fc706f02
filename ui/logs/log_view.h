#pragma once

#include "core/logs/log_ingest.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace statusscope::ui {

class LogChart;

// The tab for an access log: the chart, counts per status, top error paths, skipped lines
// with examples, and the statuses and paths of a clicked bucket. Parsing runs on worker
// threads (core's LogIngest via QtConcurrent); the chart fills in from the minutes read so
// far while a big file is read, with progress and a cancel button.
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

    // Exports; false with a message in lastError() when the file cannot be written.
    bool exportPng(const QString &path);
    bool exportPdf(const QString &path);
    bool exportCsv(const QString &path);
    QString lastError() const { return m_lastError; }

    void cancel();
    // Lists the statuses of [startMs, endMs) and, after a quick re-read of that range, its
    // top error paths.
    void showBucket(qint64 startMs, qint64 endMs);

signals:
    // A status was chosen (status table, bucket table): the guide dock can follow it.
    void statusSelected(int code);
    void loadFinished();
    // The chart showed its first data while the file is still being read.
    void firstDataShown();
    void bucketDetailsReady();

private:
    void start();
    void pollProgress();
    void finished();
    void fillTables();
    void askExport();

    QStringList m_paths;
    logs::IngestOptions m_options;
    std::shared_ptr<logs::LogIngest> m_ingest;
    std::shared_ptr<std::atomic<qint64>> m_done;
    std::shared_ptr<std::atomic<qint64>> m_total;
    QFutureWatcher<logs::IngestResult> m_watcher;
    QFutureWatcher<logs::IngestResult> m_bucketWatcher;
    std::shared_ptr<logs::LogIngest> m_bucketIngest;
    logs::LogSummary m_summary;
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
    QTableWidget *m_bucketTable = nullptr;
    QTimer *m_pollTimer = nullptr;
    bool m_firstDataShown = false;
};

} // namespace statusscope::ui
