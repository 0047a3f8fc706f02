// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/har/har_reader.h"
#include "ui/har/har_column_fit.h"
#include "ui/har/har_time_scale.h"
#include "ui/status/status_activation.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QSplitter;
class QTableView;

namespace statusscope::ui {

class HarEntriesModel;
class HarEntryDetails;
class HarFilterBar;
class HarFilterProxy;
class HarOverview;
class HarSummaryStrip;
struct HarEntryFilter;

// The tab for one HAR file: summary strip, filter bar, the entries table with its waterfall,
// and the selected entry's details. The file is read off the GUI thread with progress and
// cancel; the tab shows the reader's precise error if it is not a HAR.
//
// Extension points: details()->actions() takes per-entry actions (replay in composer,
// diagnose), which read currentEntry().
class HarView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarView)

public:
    explicit HarView(const QString &path, QWidget *parent = nullptr);
    ~HarView() override;

    enum class LoadState { Loading, Loaded, Failed };

    QString path() const { return m_path; }
    LoadState loadState() const { return m_state; }
    bool isLoading() const;
    void cancelLoading();

    std::shared_ptr<const HarLog> log() const { return m_log; }
    const HarEntry *currentEntry() const;
    HarEntryDetails *details() const { return m_details; }
    HarFilterBar *filterBar() const { return m_filterBar; }
    QTableView *table() const { return m_table; }
    HarOverview *overview() const { return m_overview; }
    // The range the waterfall column and its header show, ms from the log's origin.
    const HarTimeScale &timeScale() const { return m_scale; }

signals:
    void loadFinished(bool ok);
    // A row was selected: its response status (0 when there was no response).
    void statusActivated(const statusscope::ui::StatusActivation &activation);
    void entrySelected(int position);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void sizeColumns();
    void fitColumnsToViewport();
    void applyFilter(const HarEntryFilter &filter);
    void rememberWidth(int column, int width);
    void setDetailsOpen(bool open);
    void startLoading();
    void loadDone();
    void showLog(std::shared_ptr<const HarLog> log);
    void currentRowChanged(const QModelIndex &current);
    void exportHar();

    QString m_path;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    LoadState m_state = LoadState::Loading;
    QFutureWatcher<HarReadResult> m_watcher;
    std::shared_ptr<const HarLog> m_log;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_loadingPage = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_contentPage = nullptr;
    HarSummaryStrip *m_summary = nullptr;
    HarOverview *m_overview = nullptr;
    HarTimeScale m_scale;
    QList<HarColumnNeed> m_columnNeeds; // measured once per file; fitted on every resize
    HarFilterBar *m_filterBar = nullptr;
    HarEntriesModel *m_model = nullptr;
    HarFilterProxy *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    HarEntryDetails *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_sizingColumns = false; // our own resizes are not the user's choice to remember
    bool m_detailsOpen = true;
    bool m_pagesColumnWanted = false; // the file has several pages
    QLabel *m_deviationsNote = nullptr;
    QLabel *m_skippedNote = nullptr;
};

} // namespace statusscope::ui
