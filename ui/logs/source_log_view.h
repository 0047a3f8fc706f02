// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The log tab over a LogSource that aggregates where the logs live (ClickHouse): the overview
// comes from one summary call, every zoom or bucket size is a new series call (the server
// re-buckets), and a clicked bar fetches that bucket's sample rows. Calls run one at a time on
// a worker thread; while one runs, a progress bar shows the server's rows read of its estimate
// and the time, and Cancel stops it (on the server too). An error shows its message, which
// names the source, in place of a blank chart, with a button to ask again.

#include "core/logs/source/log_source.h"
#include "ui/status/status_activation.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace statusscope::ui {

class LogChart;

class SourceLogView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceLogView)

public:
    explicit SourceLogView(std::shared_ptr<logs::LogSource> source, QWidget *parent = nullptr);
    ~SourceLogView() override;

    QString sourceName() const { return m_source->name(); }
    bool isBusy() const;
    const logs::LogSummary &summary() const { return m_summary; }
    QString errorText() const { return m_errorText; }
    LogChart *chart() const { return m_chart; }
    QTableWidget *statusTable() const { return m_statusTable; }
    QTableWidget *pathTable() const { return m_pathTable; }
    QTableWidget *sampleTable() const { return m_sampleTable; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }

    void cancel();
    // The overview again (the "Try again" of an error): what opening the tab does.
    void reload();
    // The sample rows of [startMs, endMs) (what a click on a bar does).
    void showBucket(qint64 startMs, qint64 endMs);

signals:
    void loadFinished();
    void seriesUpdated();
    void samplesReady();
    // Loading, zooming or sampling failed: the message names the source.
    void failed(const QString &message);
    void statusActivated(const statusscope::ui::StatusActivation &activation);

private:
    void showProgress(const logs::SourceProgress &progress);
    void overviewDone();
    void requestSeries(qint64 fromMs, qint64 toMs, int bucketSeconds);
    void seriesDone();
    void samplesDone();
    void showError(const logs::SourceError &error);
    void setBusy(const QString &what);
    // A call ended: its status line; Cancel and the progress bar stay for a call still running.
    void setIdle(const QString &status);

    std::shared_ptr<logs::LogSource> m_source;
    QThreadPool m_pool; // one thread: a source answers one call at a time
    QFutureWatcher<logs::SourceSummary> m_overview;
    QFutureWatcher<logs::SourceSeries> m_series;
    QFutureWatcher<logs::SourceSamples> m_samples;
    logs::LogSummary m_summary;
    QString m_errorText;
    QString m_busyWhat;
    // The latest zoom asked for: answers to older ones are dropped.
    qint64 m_seriesFromMs = 0;
    qint64 m_seriesToMs = 0;
    int m_seriesSeconds = 0;

    QLabel *m_status = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QComboBox *m_bucket = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_errorPage = nullptr;
    QLabel *m_errorLabel = nullptr;
    LogChart *m_chart = nullptr;
    QTabWidget *m_tables = nullptr;
    QTableWidget *m_statusTable = nullptr;
    QTableWidget *m_pathTable = nullptr;
    QTableWidget *m_sampleTable = nullptr;
};

} // namespace statusscope::ui
