// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/files/file_kind.h"

#include <QHash>
#include <QMainWindow>
#include <QStringList>

#include <functional>
#include <memory>

class QAction;
class QDialog;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QSettings;
class QStackedWidget;
class QTabWidget;

namespace statusscope::ui {

class GuideDock;
class KeyboardNavigation;
class StartPage;

// The one main window: a document area with a tab per request, HAR file, log set or guide;
// a sidebar of open files; the Guide dock on the right.
//
// Viewers are plugged in by the app (app only wires): a factory per file kind builds the tab
// for a file, and a request factory builds a new request tab. A kind without a viewer gets a
// FileInfoView that says what the file is.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    using ViewerFactory = std::function<QWidget *(const QString &path, QWidget *parent)>;
    using RequestFactory = std::function<QWidget *(QWidget *parent)>;

    // The docks' widths on a first launch: at 1280 px the tabs between them keep ~700 px.
    static constexpr int kDefaultSidebarWidth = 240;
    static constexpr int kDefaultGuideWidth = 320;

    // settings: where geometry, dock state and recent files live. Tests pass their own file;
    // the app passes nullptr for the platform default.
    explicit MainWindow(QSettings *settings = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Where the window and the dialogs it opens keep what they remember.
    QSettings *settings() const { return m_settings; }

    // One factory per kind: a second one for the same kind is a wiring mistake (it would
    // silently replace the first and drop its connections), so it is refused — an assert in
    // debug builds, false and a message in `error` otherwise.
    bool registerViewer(FileKind kind, ViewerFactory factory, QString *error = nullptr);
    void setRequestFactory(RequestFactory factory);

    // Opens each file in its own tab (or focuses the tab already showing it).
    void openFiles(const QStringList &paths);
    QWidget *openFile(const QString &path);
    // Adds an already-built document (a request, a guide) as a tab and selects it.
    int addDocument(QWidget *document, const QString &title, const QString &toolTip = {});

    // Adds a titled panel below the open-files list in the left sidebar (history, …).
    void addSidebarPanel(QWidget *panel, const QString &title);
    // The sidebar panel the start page's History entry shows and focuses.
    void setHistoryPanel(QWidget *panel);

    QTabWidget *documents() const { return m_tabs; }
    GuideDock *guideDock() const { return m_guideDock; }
    StartPage *startPage() const { return m_startPage; }
    KeyboardNavigation *keyboardNavigation() const { return m_keyboard; }
    QStringList recentFiles() const { return m_recentFiles; }
    QList<QAction *> shortcutActions() const;
    // What the Keyboard Shortcuts dialog lists: every action with its keys, then the keys
    // that work inside one kind of tab (composer, HAR, log chart, guide).
    struct ShortcutRow
    {
        QString action;
        QString keys;
    };
    QList<ShortcutRow> shortcutRows() const;

    // The Keyboard Shortcuts dialog, built but not shown (Help › Keyboard Shortcuts runs it).
    QDialog *createShortcutsDialog();

    // Qt's own state blobs plus ours; called on close and by tests.
    void saveSettings();
    void restoreSettings();

signals:
    void fileOpened(const QString &path, statusscope::FileKind kind);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private slots:
    // A viewer that reads its file in the background declares `void loadFinished(bool ok)`;
    // the status bar waits for it instead of saying "Opened" before the tab knows.
    void documentLoadFinished(bool ok);

private:
    void createActions();
    void createDocumentKeyActions();
    void createMenus();
    void createDocks();
    void newRequest();
    void showOpenDialog();
    void closeTab(int index);
    void rebuildRecentMenu();
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    void showHistoryPanel();
    void updateEmptyState();
    void syncSidebar();
    void showAbout();
    void showShortcuts();
    void stepTab(int step);
    void applyTheme(const QString &theme);

    std::unique_ptr<QSettings> m_ownedSettings;
    QSettings *m_settings = nullptr;
    QHash<FileKind, ViewerFactory> m_viewers;
    RequestFactory m_requestFactory;
    QStringList m_recentFiles;
    QString m_theme;

    QStackedWidget *m_centralStack = nullptr;
    StartPage *m_startPage = nullptr;
    KeyboardNavigation *m_keyboard = nullptr;
    QWidget *m_historyPanel = nullptr;
    QTabWidget *m_tabs = nullptr;
    QDockWidget *m_sidebarDock = nullptr;
    QListWidget *m_openFilesList = nullptr;
    GuideDock *m_guideDock = nullptr;

    QAction *m_newRequestAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_closeTabAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QList<QAction *> m_documentKeyActions;
};

} // namespace statusscope::ui
