// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_support.h"
#include "ui/file_info_view.h"
#include "ui/guide_dock.h"
#include "ui/main_window.h"
#include "ui/start_page.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUrl>
#include <QFileInfo>
#include <QDropEvent>
#include <QDragEnterEvent>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::ui::MainWindow;

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
    }

    QAction *action(MainWindow &window, const char *name)
    {
        return window.findChild<QAction *>(QString::fromLatin1(name));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
};

QString sample(const char *name)
{
    return test::sourcePath(QStringLiteral("resources/samples/") + QString::fromLatin1(name));
}

} // namespace

TEST_F(MainWindowTest, OpensWithMenusDocksAndTheStartPage)
{
    MainWindow window(m_settings.get());
    window.show();

    QStringList menus;
    for (QAction *menuAction : window.menuBar()->actions())
        menus << menuAction->text().remove(QLatin1Char('&'));
    EXPECT_EQ(menus, (QStringList{QStringLiteral("File"), QStringLiteral("View"), QStringLiteral("Request"),
                                  QStringLiteral("Help")}));

    EXPECT_TRUE(window.findChild<QDockWidget *>(QStringLiteral("sidebarDock"))->isVisible());
    EXPECT_TRUE(window.guideDock()->isVisible());
    EXPECT_TRUE(window.guideDock()->isShowingEmptyState());
    auto *guideEmpty = window.findChild<QLabel *>(QStringLiteral("guideEmptyState"));
    ASSERT_NE(guideEmpty, nullptr);
    EXPECT_TRUE(guideEmpty->text().contains(QStringLiteral("its guide appears here")));
    ASSERT_NE(window.startPage(), nullptr);
    EXPECT_TRUE(window.startPage()->isVisible());
}

TEST_F(MainWindowTest, ActionsCarryTheirShortcuts)
{
    MainWindow window(m_settings.get());
    EXPECT_EQ(action(window, "actionNewRequest")->shortcut(), QKeySequence(QKeySequence::New));
    EXPECT_EQ(action(window, "actionOpen")->shortcut(), QKeySequence(QKeySequence::Open));
    EXPECT_EQ(action(window, "actionCloseTab")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_W));
    EXPECT_EQ(action(window, "actionQuit")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    EXPECT_EQ(action(window, "actionToggleSidebar")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
    EXPECT_FALSE(action(window, "actionToggleGuide")->shortcut().isEmpty());
    EXPECT_FALSE(action(window, "actionAbout")->text().isEmpty());
    // The shortcuts dialog lists every action that has one, wherever it was added.
    EXPECT_GE(window.shortcutActions().size(), 7);
}

TEST_F(MainWindowTest, NewRequestIsEnabledOnlyWithARequestFactory)
{
    MainWindow window(m_settings.get());
    QAction *newRequest = action(window, "actionNewRequest");
    EXPECT_FALSE(newRequest->isEnabled());
    window.setRequestFactory([](QWidget *parent) { return new QLabel(QStringLiteral("composer"), parent); });
    ASSERT_TRUE(newRequest->isEnabled());
    newRequest->trigger();
    EXPECT_EQ(window.documents()->count(), 1);
}

TEST_F(MainWindowTest, OpeningAFileAddsATabNamingItsKind)
{
    MainWindow window(m_settings.get());
    window.openFiles({sample("sample.har"), sample("access.log")});
    ASSERT_EQ(window.documents()->count(), 2);
    EXPECT_EQ(window.documents()->tabText(0), QStringLiteral("sample.har"));
    EXPECT_EQ(window.documents()->tabText(1), QStringLiteral("access.log"));

    auto *har = qobject_cast<ui::FileInfoView *>(window.documents()->widget(0));
    ASSERT_NE(har, nullptr);
    EXPECT_EQ(har->kind(), FileKind::Har);
    EXPECT_EQ(har->findChild<QLabel *>(QStringLiteral("kindValue"))->text(), QStringLiteral("HAR file"));
    auto *log = qobject_cast<ui::FileInfoView *>(window.documents()->widget(1));
    ASSERT_NE(log, nullptr);
    EXPECT_EQ(log->findChild<QLabel *>(QStringLiteral("kindValue"))->text(), QStringLiteral("access log"));
    EXPECT_TRUE(log->findChild<QLabel *>(QStringLiteral("sizeValue"))->text().contains(QStringLiteral("bytes")));

    // Opening the same file again focuses its tab instead of duplicating it.
    window.openFile(sample("sample.har"));
    EXPECT_EQ(window.documents()->count(), 2);
    EXPECT_EQ(window.documents()->currentIndex(), 0);
}

TEST_F(MainWindowTest, RegisteredViewerIsUsedForItsKind)
{
    MainWindow window(m_settings.get());
    window.registerViewer(FileKind::Har, [](const QString &path, QWidget *parent) {
        auto *label = new QLabel(path, parent);
        label->setObjectName(QStringLiteral("harViewer"));
        return label;
    });
    window.openFile(sample("sample.har"));
    ASSERT_EQ(window.documents()->count(), 1);
    EXPECT_EQ(window.documents()->widget(0)->objectName(), QStringLiteral("harViewer"));
}

TEST_F(MainWindowTest, UnreadableInputGetsAnHonestTab)
{
    MainWindow window(m_settings.get());
    window.openFile(m_dir.path()); // a directory
    ASSERT_EQ(window.documents()->count(), 1);
    auto *view = window.documents()->widget(0);
    auto *error = view->findChild<QLabel *>(QStringLiteral("errorValue"));
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->text().contains(QStringLiteral("is a directory")));
    EXPECT_TRUE(window.recentFiles().isEmpty()) << "a failed open is not a recent file";
}

TEST_F(MainWindowTest, CloseTabRemovesItAndBringsBackTheStartPage)
{
    MainWindow window(m_settings.get());
    window.show();
    window.openFile(sample("sample.har"));
    ASSERT_EQ(window.documents()->count(), 1);
    action(window, "actionCloseTab")->trigger();
    EXPECT_EQ(window.documents()->count(), 0);
    EXPECT_TRUE(window.startPage()->isVisible());
    EXPECT_FALSE(action(window, "actionCloseTab")->isEnabled());
}

TEST_F(MainWindowTest, DroppedFilesAreOpened)
{
    MainWindow window(m_settings.get());
    window.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(sample("access.log"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    EXPECT_TRUE(enter.isAccepted()) << "a local file is accepted on drag-enter";
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    ASSERT_EQ(window.documents()->count(), 1);
    EXPECT_EQ(window.documents()->tabText(0), QStringLiteral("access.log"));
}

TEST_F(MainWindowTest, SettingsRoundTripGeometryDocksAndRecentFiles)
{
    {
        MainWindow window(m_settings.get());
        window.show();
        window.resize(900, 640);
        window.openFile(sample("sample.har"));
        window.openFile(sample("access.log"));
        window.guideDock()->hide();
        window.close(); // saves
    }
    MainWindow restored(m_settings.get());
    restored.show();
    EXPECT_EQ(restored.size(), QSize(900, 640));
    EXPECT_FALSE(restored.guideDock()->isVisible());
    EXPECT_EQ(restored.recentFiles(),
              (QStringList{QFileInfo(sample("access.log")).absoluteFilePath(),
                           QFileInfo(sample("sample.har")).absoluteFilePath()}));
    auto *recentMenu = restored.findChild<QMenu *>(QStringLiteral("menuRecent"));
    ASSERT_NE(recentMenu, nullptr);
    EXPECT_EQ(recentMenu->actions().first()->text(), QStringLiteral("access.log"));
}

// Ctrl+Tab / Ctrl+PgDn and Ctrl+Shift+Tab / Ctrl+PgUp move between documents, wrapping round,
// and the shortcuts dialog lists them with the keys that work inside tabs.
TEST_F(MainWindowTest, TabKeysMoveBetweenDocumentsAndAreListed)
{
    MainWindow window(m_settings.get());
    QAction *next = action(window, "actionNextTab");
    QAction *previous = action(window, "actionPreviousTab");
    EXPECT_TRUE(next->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Tab)));
    EXPECT_TRUE(next->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_PageDown)));
    EXPECT_TRUE(previous->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_PageUp)));
    for (const char *name : {"one", "two", "three"})
        window.documents()->addTab(new QLabel(QString::fromLatin1(name)), QString::fromLatin1(name));
    window.documents()->setCurrentIndex(0);
    next->trigger();
    EXPECT_EQ(window.documents()->currentIndex(), 1);
    next->trigger();
    next->trigger();
    EXPECT_EQ(window.documents()->currentIndex(), 0);
    previous->trigger();
    EXPECT_EQ(window.documents()->currentIndex(), 2);

    QStringList listed;
    for (const MainWindow::ShortcutRow &row : window.shortcutRows())
        listed << row.action + QLatin1Char('=') + row.keys;
    const QString all = listed.join(QLatin1Char('\n'));
    const QString pageDown = QKeySequence(Qt::CTRL | Qt::Key_PageDown).toString(QKeySequence::NativeText);
    EXPECT_TRUE(all.contains(QStringLiteral("Next Tab=")) && all.contains(pageDown)) << all.toStdString();
    EXPECT_TRUE(all.contains(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText))) << all.toStdString();
    EXPECT_TRUE(all.contains(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText))) << all.toStdString();
}
