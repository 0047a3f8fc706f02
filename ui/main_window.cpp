// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/main_window.h"

#include "core/app_info.h"
#include "core/files/bundled_samples.h"
#include "ui/about_dialog.h"
#include "ui/document_keys.h"
#include "ui/file_info_view.h"
#include "ui/guide_dock.h"
#include "ui/keyboard_navigation.h"
#include "ui/start_page.h"
#include "ui/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
#include <QMimeData>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace statusscope::ui {

namespace {

constexpr int kMaxRecentFiles = 10;
constexpr auto kPathProperty = "statusscopePath";

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kRecentKey = QStringLiteral("mainWindow/recentFiles");
const QString kThemeKey = QStringLiteral("appearance/theme");

QString pathOf(const QWidget *widget)
{
    return widget ? widget->property(kPathProperty).toString() : QString();
}

} // namespace

MainWindow::MainWindow(QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
{
    if (!settings) {
        m_ownedSettings = std::make_unique<QSettings>();
        settings = m_ownedSettings.get();
    }
    m_settings = settings;

    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QString::fromLatin1(kAppName));
    setWindowIcon(QIcon(QStringLiteral(":/statusscope/installer/icons/statusscope-256.png")));
    setAcceptDrops(true);
    resize(1280, 800);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("documents"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int) { syncSidebar(); });

    m_startPage = new StartPage(this);
    m_startPage->setSamples(bundledSamples(bundledSamplesDir(QCoreApplication::applicationDirPath())));
    connect(m_startPage, &StartPage::openDialogRequested, this, &MainWindow::showOpenDialog);
    connect(m_startPage, &StartPage::openRequested, this, [this](const QString &path) { openFile(path); });
    connect(m_startPage, &StartPage::removeRecentRequested, this, &MainWindow::removeRecentFile);
    connect(m_startPage, &StartPage::clearRecentRequested, this, [this] {
        m_recentFiles.clear();
        rebuildRecentMenu();
    });
    connect(m_startPage, &StartPage::historyRequested, this, &MainWindow::showHistoryPanel);

    m_centralStack = new QStackedWidget(this);
    m_centralStack->addWidget(m_startPage);
    m_centralStack->addWidget(m_tabs);
    setCentralWidget(m_centralStack);

    createActions();
    createDocks();
    createMenus();
    connect(m_startPage, &StartPage::newRequestRequested, m_newRequestAction, &QAction::trigger);
    m_startPage->setNewRequestAvailable(false);
    m_keyboard = new KeyboardNavigation(this);
    statusBar()->showMessage(tr("Ready"), 3000);
    restoreSettings();
    updateEmptyState();
}

MainWindow::~MainWindow() = default;

bool MainWindow::registerViewer(FileKind kind, ViewerFactory factory, QString *error)
{
    const QString problem = m_viewers.contains(kind)
        ? QStringLiteral("a viewer for %1 is already registered; the second one was refused").arg(toString(kind))
        : !factory ? QStringLiteral("an empty viewer factory for %1 was refused").arg(toString(kind))
                   : QString();
    Q_ASSERT_X(problem.isEmpty(), "MainWindow::registerViewer", qPrintable(problem));
    if (!problem.isEmpty()) {
        qWarning("%s", qUtf8Printable(problem));
        if (error)
            *error = problem;
        return false;
    }
    m_viewers.insert(kind, std::move(factory));
    return true;
}

void MainWindow::setRequestFactory(RequestFactory factory)
{
    m_requestFactory = std::move(factory);
    m_newRequestAction->setEnabled(bool(m_requestFactory));
    m_startPage->setNewRequestAvailable(bool(m_requestFactory));
}

void MainWindow::createActions()
{
    m_newRequestAction = new QAction(tr("&New Request"), this);
    m_newRequestAction->setObjectName(QStringLiteral("actionNewRequest"));
    m_newRequestAction->setShortcut(QKeySequence::New);
    m_newRequestAction->setEnabled(false); // until the app plugs in the composer
    connect(m_newRequestAction, &QAction::triggered, this, &MainWindow::newRequest);

    m_openAction = new QAction(tr("&Open…"), this);
    m_openAction->setObjectName(QStringLiteral("actionOpen"));
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::showOpenDialog);

    m_closeTabAction = new QAction(tr("&Close Tab"), this);
    m_closeTabAction->setObjectName(QStringLiteral("actionCloseTab"));
    m_closeTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(m_closeTabAction, &QAction::triggered, this,
            [this] { closeTab(m_tabs->currentIndex()); });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("actionShortcuts"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_aboutAction = new QAction(tr("&About StatusScope"), this);
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    createDocumentKeyActions();
}

void MainWindow::createDocumentKeyActions()
{
    struct Spec
    {
        const char *name;
        QString text;
        QList<QKeySequence> keys;
        DocumentKey key;
        // Send, cancel and copy act on the tab being worked in, so they need the focus in
        // the document area; going to a field works from the sidebar and the Guide too.
        bool documentsOnly;
        QString missing;
    };
    const Spec specs[] = {
        {"actionGoToUrl", tr("Go to &URL"), {QKeySequence(Qt::CTRL | Qt::Key_L)}, DocumentKey::GoToUrl, false,
         tr("This tab has no URL to edit.")},
        {"actionGoToFilter", tr("Go to &Filter"), {QKeySequence(QKeySequence::Find)}, DocumentKey::GoToFilter, false,
         tr("This tab has no filter.")},
        {"actionSend", tr("&Send"), {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         DocumentKey::Send, true, tr("This tab has nothing to send.")},
        {"actionCancel", tr("&Cancel Send or Load"), {QKeySequence(Qt::Key_Escape)}, DocumentKey::Cancel, true, {}},
        {"actionCopyAsCurl", tr("Copy as c&URL"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
         DocumentKey::CopyAsCurl, true, tr("This tab has no request to copy.")},
    };
    for (const Spec &spec : specs) {
        auto *action = new QAction(spec.text, this);
        action->setObjectName(QString::fromLatin1(spec.name));
        action->setShortcuts(spec.keys);
        if (spec.documentsOnly) {
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            m_tabs->addAction(action);
        }
        const DocumentKey key = spec.key;
        const QString missing = spec.missing;
        connect(action, &QAction::triggered, this, [this, key, missing] {
            if (!triggerDocumentKey(m_tabs->currentWidget(), key) && !missing.isEmpty() && m_tabs->count() > 0)
                statusBar()->showMessage(missing, 3000);
        });
        m_documentKeyActions.append(action);
    }
}

void MainWindow::createDocks()
{
    m_openFilesList = new QListWidget(this);
    m_openFilesList->setObjectName(QStringLiteral("openFilesList"));
    connect(m_openFilesList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_tabs->count())
            m_tabs->setCurrentIndex(row);
    });
    m_sidebarDock = new QDockWidget(tr("Open"), this);
    m_sidebarDock->setObjectName(QStringLiteral("sidebarDock"));
    m_sidebarDock->setWidget(m_openFilesList);
    addDockWidget(Qt::LeftDockWidgetArea, m_sidebarDock);

    m_guideDock = new GuideDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_guideDock);
    resizeDocks({m_sidebarDock, m_guideDock}, {kDefaultSidebarWidth, kDefaultGuideWidth}, Qt::Horizontal);
}

void MainWindow::addSidebarPanel(QWidget *panel, const QString &title)
{
    auto *splitter = qobject_cast<QSplitter *>(m_sidebarDock->widget());
    if (!splitter) {
        splitter = new QSplitter(Qt::Vertical, m_sidebarDock);
        splitter->setObjectName(QStringLiteral("sidebarSplitter"));
        splitter->addWidget(m_openFilesList);
        m_sidebarDock->setWidget(splitter);
    }
    auto *box = new QWidget(splitter);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box);
    layout->addWidget(label);
    layout->addWidget(panel, 1);
    splitter->addWidget(box);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(splitter->count() - 1, 3);
}

void MainWindow::setHistoryPanel(QWidget *panel)
{
    m_historyPanel = panel;
    m_startPage->setHistoryAvailable(panel != nullptr);
}

void MainWindow::showHistoryPanel()
{
    if (!m_historyPanel)
        return;
    m_sidebarDock->show();
    m_sidebarDock->raise();
    m_historyPanel->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_newRequestAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    file->addSeparator();
    file->addAction(m_closeTabAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("menuView"));
    QAction *toggleSidebar = m_sidebarDock->toggleViewAction();
    toggleSidebar->setText(tr("&Sidebar"));
    toggleSidebar->setObjectName(QStringLiteral("actionToggleSidebar"));
    toggleSidebar->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_viewMenu->addAction(toggleSidebar);
    QAction *toggleGuide = m_guideDock->toggleViewAction();
    toggleGuide->setText(tr("&Guide"));
    toggleGuide->setObjectName(QStringLiteral("actionToggleGuide"));
    toggleGuide->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_viewMenu->addAction(toggleGuide);
    m_viewMenu->addSeparator();
    // Browsers' and IDEs' keys for moving between documents, both pairs.
    QAction *nextTab = m_viewMenu->addAction(tr("&Next Tab"));
    nextTab->setObjectName(QStringLiteral("actionNextTab"));
    nextTab->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    connect(nextTab, &QAction::triggered, this, [this] { stepTab(+1); });
    QAction *previousTab = m_viewMenu->addAction(tr("&Previous Tab"));
    previousTab->setObjectName(QStringLiteral("actionPreviousTab"));
    previousTab->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                               QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    connect(previousTab, &QAction::triggered, this, [this] { stepTab(-1); });
    m_viewMenu->addActions(m_documentKeyActions.mid(0, 2));
    m_viewMenu->addSeparator();

    QMenu *theme = m_viewMenu->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    const std::pair<const char *, QString> themes[] = {
        {kThemeSystem, tr("Follow &System")}, {kThemeLight, tr("&Light")}, {kThemeDark, tr("&Dark")}};
    for (const auto &[id, label] : themes) {
        QAction *action = theme->addAction(label);
        action->setCheckable(true);
        action->setData(QString::fromLatin1(id));
        action->setObjectName(QStringLiteral("actionTheme_") + QString::fromLatin1(id));
        themeGroup->addAction(action);
        if (m_settings->value(kThemeKey, QString::fromLatin1(kThemeSystem)).toString()
            == QLatin1String(id))
            action->setChecked(true);
        connect(action, &QAction::triggered, this,
                [this, action] { applyTheme(action->data().toString()); });
    }

    QMenu *request = menuBar()->addMenu(tr("&Request"));
    request->setObjectName(QStringLiteral("menuRequest"));
    request->addActions(m_documentKeyActions.mid(2));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

QList<QAction *> MainWindow::shortcutActions() const
{
    // Every action with a shortcut, wherever a later feature added it, in menu order.
    QList<QAction *> actions;
    std::function<void(const QList<QAction *> &)> walk = [&](const QList<QAction *> &list) {
        for (QAction *action : list) {
            if (action->menu())
                walk(action->menu()->actions());
            else if (!action->shortcut().isEmpty() && !actions.contains(action))
                actions << action;
        }
    };
    walk(menuBar()->actions());
    return actions;
}

void MainWindow::newRequest()
{
    if (!m_requestFactory)
        return;
    QWidget *request = m_requestFactory(m_tabs);
    addDocument(request, tr("New Request"));
}

void MainWindow::showOpenDialog()
{
    const QString startDir = m_recentFiles.isEmpty()
                                 ? QDir::homePath()
                                 : QFileInfo(m_recentFiles.constFirst()).absolutePath();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open"), startDir,
        tr("HAR files, logs and exchanges (*.har *.json *.log *.gz *.txt *_log *log.*);;"
           "HAR files (*.har);;Access logs (*.log *.log.* *.gz *_log);;All files (*)"));
    openFiles(paths);
}

void MainWindow::openFiles(const QStringList &paths)
{
    for (const QString &path : paths)
        openFile(path);
}

QWidget *MainWindow::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (pathOf(m_tabs->widget(i)) == absolute) {
            m_tabs->setCurrentIndex(i);
            return m_tabs->widget(i);
        }
    }

    const FileProbe probe = probeFile(absolute);
    QWidget *view = nullptr;
    if (probe.error.isEmpty()) {
        const auto factory = m_viewers.constFind(probe.kind);
        if (factory != m_viewers.constEnd())
            view = (*factory)(absolute, m_tabs);
    }
    if (!view)
        view = new FileInfoView(absolute, probe, m_tabs);
    view->setProperty(kPathProperty, absolute);
    view->setProperty("statusscopeKind", toString(probe.kind));

    addDocument(view, QFileInfo(absolute).fileName(),
                QStringLiteral("%1\n%2").arg(QDir::toNativeSeparators(absolute), toString(probe.kind)));
    if (probe.error.isEmpty()) {
        addRecentFile(absolute);
        const QMetaObject *meta = view->metaObject();
        const int loadSignal = meta->indexOfSignal("loadFinished(bool)");
        if (loadSignal >= 0) {
            statusBar()->showMessage(tr("Opening %1 (%2)…").arg(QFileInfo(absolute).fileName(), toString(probe.kind)));
            const int slot = metaObject()->indexOfSlot("documentLoadFinished(bool)");
            connect(view, meta->method(loadSignal), this, metaObject()->method(slot), Qt::UniqueConnection);
        } else {
            statusBar()->showMessage(tr("Opened %1 (%2)").arg(QFileInfo(absolute).fileName(), toString(probe.kind)),
                                     4000);
        }
    } else {
        statusBar()->showMessage(probe.error, 8000);
    }
    emit fileOpened(absolute, probe.kind);
    return view;
}

void MainWindow::documentLoadFinished(bool ok)
{
    auto *view = qobject_cast<QWidget *>(sender());
    if (!view || m_tabs->indexOf(view) < 0)
        return;
    const QString name = QFileInfo(pathOf(view)).fileName();
    const QString kind = view->property("statusscopeKind").toString();
    if (ok)
        statusBar()->showMessage(tr("Opened %1 (%2)").arg(name, kind), 4000);
    else
        statusBar()->showMessage(tr("%1 was not opened as a %2: the tab says why.").arg(name, kind), 8000);
}

int MainWindow::addDocument(QWidget *document, const QString &title, const QString &toolTip)
{
    const int index = m_tabs->addTab(document, title);
    m_tabs->setTabToolTip(index, toolTip.isEmpty() ? title : toolTip);
    m_tabs->setCurrentIndex(index);
    updateEmptyState();
    syncSidebar();
    return index;
}

void MainWindow::closeTab(int index)
{
    if (index < 0 || index >= m_tabs->count())
        return;
    QWidget *widget = m_tabs->widget(index);
    m_tabs->removeTab(index);
    widget->deleteLater();
    updateEmptyState();
    syncSidebar();
}

void MainWindow::updateEmptyState()
{
    if (m_tabs->count() == 0) {
        // A recent file may have gone since the list was built: shown as missing when it did.
        m_startPage->setRecentFiles(m_recentFiles);
        m_centralStack->setCurrentWidget(m_startPage);
    } else {
        m_centralStack->setCurrentWidget(m_tabs);
    }
    m_closeTabAction->setEnabled(m_tabs->count() > 0);
}

void MainWindow::syncSidebar()
{
    const QSignalBlocker blocker(m_openFilesList);
    m_openFilesList->clear();
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *item = new QListWidgetItem(m_tabs->tabText(i), m_openFilesList);
        item->setToolTip(m_tabs->tabToolTip(i));
    }
    m_openFilesList->setCurrentRow(m_tabs->currentIndex());
}

void MainWindow::addRecentFile(const QString &path)
{
    m_recentFiles.removeAll(path);
    m_recentFiles.prepend(path);
    while (m_recentFiles.size() > kMaxRecentFiles)
        m_recentFiles.removeLast();
    rebuildRecentMenu();
}

void MainWindow::removeRecentFile(const QString &path)
{
    m_recentFiles.removeAll(path);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_startPage->setRecentFiles(m_recentFiles);
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_recentFiles)) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (m_recentFiles.isEmpty()) {
        QAction *none = m_recentMenu->addAction(tr("No recent files"));
        none->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        QAction *clear = m_recentMenu->addAction(tr("Clear Menu"));
        connect(clear, &QAction::triggered, this, [this] {
            m_recentFiles.clear();
            rebuildRecentMenu();
        });
    }
}

void MainWindow::applyTheme(const QString &theme)
{
    m_theme = theme;
    ui::applyTheme(theme);
}

void MainWindow::saveSettings()
{
    m_settings->setValue(kGeometryKey, saveGeometry());
    m_settings->setValue(kStateKey, saveState());
    m_settings->setValue(kRecentKey, m_recentFiles);
    m_settings->setValue(kThemeKey, m_theme);
    m_settings->sync();
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = m_settings->value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings->value(kStateKey).toByteArray();
    if (!state.isEmpty())
        restoreState(state);
    m_recentFiles = m_settings->value(kRecentKey).toStringList();
    m_theme = m_settings->value(kThemeKey, QString::fromLatin1(kThemeSystem)).toString();
    ui::applyTheme(m_theme);
    rebuildRecentMenu();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    // Back from the file manager: a recent file moved meanwhile shows as missing at once.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_tabs->count() == 0)
        m_startPage->setRecentFiles(m_recentFiles);
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool anyLocal = std::any_of(urls.begin(), urls.end(),
                                      [](const QUrl &url) { return url.isLocalFile(); });
    if (anyLocal)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    openFiles(paths);
    event->acceptProposedAction();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::stepTab(int step)
{
    const int count = m_tabs->count();
    if (count < 2)
        return;
    m_tabs->setCurrentIndex((m_tabs->currentIndex() + step + count) % count);
}

QList<MainWindow::ShortcutRow> MainWindow::shortcutRows() const
{
    QList<ShortcutRow> rows;
    for (QAction *action : shortcutActions()) {
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        rows.append({action->text().remove(QLatin1Char('&')), keys.join(QStringLiteral(", "))});
    }
    // Keys bound inside one kind of tab (QShortcut with a widget context, not menu actions).
    const auto native = [](const QKeySequence &key) { return key.toString(QKeySequence::NativeText); };
    rows.append({tr("Tables and lists: leave / come back"),
                 native(QKeySequence(Qt::Key_Tab)) + QStringLiteral(" / ") + native(QKeySequence(Qt::SHIFT | Qt::Key_Tab))});
    rows.append({tr("Log chart: show all"), native(QKeySequence(Qt::Key_Home))});
    rows.append({tr("Guide: back / forward"),
                 native(QKeySequence(Qt::ALT | Qt::Key_Left)) + QStringLiteral(" / ")
                     + native(QKeySequence(Qt::ALT | Qt::Key_Right))});
    return rows;
}

QDialog *MainWindow::createShortcutsDialog()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(dialog);
    auto *table = new QTableWidget(dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    for (const ShortcutRow &entry : shortcutRows()) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(entry.action));
        table->setItem(row, 1, new QTableWidgetItem(entry.keys));
    }
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    // The table asks for the size of all its rows and columns, so the dialog shows every
    // shortcut without scrolling (up to the screen's size).
    const int frame = 2 * table->frameWidth();
    int width = frame;
    for (int column = 0; column < table->columnCount(); ++column)
        width += table->columnWidth(column);
    int height = frame + table->horizontalHeader()->sizeHint().height();
    for (int row = 0; row < table->rowCount(); ++row)
        height += table->rowHeight(row);
    QSize wanted(width + 24, height); // room for the last column's text margin
    if (const QScreen *screen = this->screen())
        wanted = wanted.boundedTo(screen->availableSize() * 9 / 10);
    table->setMinimumSize(wanted);
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->adjustSize();
    return dialog;
}

void MainWindow::showShortcuts()
{
    QDialog *dialog = createShortcutsDialog();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace statusscope::ui
