// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_hits.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace statusscope::ui {

class RawLinesModel;

// The exact lines behind a bar, a status or a spike, as a pager shows them: file:line, time,
// status and the line; Ctrl+C copies the selected lines as the file has them; a double-click
// (or Enter) opens the line in its context, the lines before and after it in the file.
// The lines are found by re-reading the files on a worker thread (progress, cancel); only
// their offsets are kept, at most kMaxLineHits of them.
class RawLinesPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawLinesPanel)

public:
    explicit RawLinesPanel(QWidget *parent = nullptr);
    ~RawLinesPanel() override;

    // Finds the lines of `paths` the options' range and filter select; `what` names them in
    // the panel's title ("status 503, 10:00–10:05").
    void load(const QStringList &paths, const logs::IngestOptions &options, const QString &what, int tzOffsetMinutes);
    void cancel();
    bool isLoading() const { return m_watcher.isRunning(); }

    // The line of `row` with `kContextLines` lines either side, the line itself marked.
    void jumpTo(int row);
    // The selected rows' lines, one a line, exactly as read.
    QString selectedText() const;
    void copySelection() const;

    RawLinesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *contextView() const { return m_context; }
    QLabel *title() const { return m_title; }

    static constexpr int kContextLines = 20;

signals:
    void loaded();

private:
    void finished();
    void pollProgress();

    QLabel *m_title = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_contextTitle = nullptr;
    QPlainTextEdit *m_context = nullptr;
    QWidget *m_contextPane = nullptr;
    RawLinesModel *m_model = nullptr;
    QTimer *m_pollTimer = nullptr;
    QFutureWatcher<logs::LineHits> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::shared_ptr<std::atomic<qint64>> m_done;
    std::shared_ptr<std::atomic<qint64>> m_total;
    QString m_what;
    int m_tzOffsetMinutes = 0;
};

} // namespace statusscope::ui
