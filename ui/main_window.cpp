// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/main_window.h"

#include "core/app_info.h"
#include "ui/about_dialog.h"
#include "ui/file_info_view.h"
#include "ui/guide_dock.h"
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
#include <QMimeData>
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

    auto *empty = new QLabel(
        tr("<h2>Why did this request get this status?</h2>"
           "<p>Open a HAR export or an access log with <b>Ctrl+O</b>, or drop files here.</p>"
           "<p>Start a new request with <b>Ctrl+N</b> to see the exchange at wire level.</p>"),
        this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_emptyState = empty;

    m_centralStack = new QStackedWidget(this);
    m_centralStack->addWidget(m_emptyState);
    m_centralStack->addWidget(m_tabs);
    setCentralWidget(m_centralStack);

    createActions();
    createDocks();
    createMenus();
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
    resizeDocks({m_sidebarDock, m_guideDock}, {240, 320}, Qt::Horizontal);
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
        statusBar()->showMessage(tr("Opened %1 (%2)").arg(QFileInfo(absolute).fileName(),
                                                          toString(probe.kind)),
                                 4000);
    } else {
        statusBar()->showMessage(probe.error, 8000);
    }
    emit fileOpened(absolute, probe.kind);
    return view;
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
    m_centralStack->setCurrentWidget(m_tabs->count() == 0 ? m_emptyState : m_tabs);
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

void MainWindow::rebuildRecentMenu()
{
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
    if (m_theme != QLatin1String(kThemeSystem))
        ui::applyTheme(m_theme);
    rebuildRecentMenu();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
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
    rows.append({tr("Request: send"), native(QKeySequence(Qt::CTRL | Qt::Key_Return))});
    rows.append({tr("Request: cancel"), native(QKeySequence(Qt::Key_Escape))});
    rows.append({tr("Request: go to the URL"), native(QKeySequence(Qt::CTRL | Qt::Key_L))});
    rows.append({tr("HAR: go to the filter"), native(QKeySequence(QKeySequence::Find))});
    rows.append({tr("Log chart: show all"), native(QKeySequence(Qt::Key_Home))});
    rows.append({tr("Guide: back / forward"),
                 native(QKeySequence(Qt::ALT | Qt::Key_Left)) + QStringLiteral(" / ")
                     + native(QKeySequence(Qt::ALT | Qt::Key_Right))});
    return rows;
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *table = new QTableWidget(&dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (const ShortcutRow &entry : shortcutRows()) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(entry.action));
        table->setItem(row, 1, new QTableWidgetItem(entry.keys));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnsToContents();
    // The dialog takes the size of its rows, so every shortcut is in view without scrolling.
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.adjustSize();
    dialog.exec();
}

} // namespace statusscope::ui
