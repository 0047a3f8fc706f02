// SPDX-License-Identifier: GPL-3.0-or-later
// The first launch through the real wiring: the start page's ways in, the bundled samples,
// recent files (missing ones removable), the History entry, and a broken file's status line.
#include "tests/gui/endtoend/app_harness.h"
#include "tests/support/test_support.h"
#include "ui/har/har_view.h"
#include "ui/main_window.h"
#include "ui/start_page.h"

#include <QCommandLinkButton>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace statusscope;
using test::AppHarness;
using test::waitUntil;

namespace {

QCommandLinkButton *card(ui::MainWindow *window, const QString &name)
{
    return window->startPage()->findChild<QCommandLinkButton *>(name);
}

QList<QToolButton *> recentButtons(ui::MainWindow *window, const char *name)
{
    QList<QToolButton *> buttons;
    for (QToolButton *b : window->startPage()->findChildren<QToolButton *>(QString::fromLatin1(name))) {
        if (b->isVisible())
            buttons << b;
    }
    return buttons;
}

} // namespace

TEST(StartPage, ReplacesTheEmptyWindowWithItsWaysIn)
{
    AppHarness app;
    ui::MainWindow *window = app.window();
    ASSERT_TRUE(window->startPage()->isVisible());
    for (const char *name : {"startNewRequest", "startOpen", "startHistory"}) {
        QCommandLinkButton *button = card(window, QString::fromLatin1(name));
        ASSERT_NE(button, nullptr) << name;
        EXPECT_TRUE(button->isVisible() && button->isEnabled()) << name;
    }
    EXPECT_TRUE(window->startPage()->findChild<QLabel *>(QStringLiteral("startDropHint"))->isVisible());
    auto *none = window->startPage()->findChild<QLabel *>(QStringLiteral("recentNone"));
    ASSERT_NE(none, nullptr);
    EXPECT_TRUE(none->isVisible());

    QTest::mouseClick(card(window, QStringLiteral("startNewRequest")), Qt::LeftButton);
    ASSERT_EQ(window->documents()->count(), 1);
    EXPECT_EQ(window->documents()->currentWidget()->objectName(), QStringLiteral("composer"));
    EXPECT_FALSE(window->startPage()->isVisible());
}

// Each bundled sample opens in the viewer of its kind, found from the program's folder.
TEST(StartPage, OpensEachBundledSample)
{
    AppHarness app;
    ui::MainWindow *window = app.window();
    const struct
    {
        const char *button;
        const char *viewer;
    } samples[] = {{"startSample_sample.har", "statusscope::ui::HarView"},
                   {"startSample_access.log", "statusscope::ui::LogView"},
                   {"startSample_expect-417-retried.json", "statusscope::ui::TimelineView"}};
    for (const auto &sample : samples) {
        while (window->documents()->count() > 0)
            window->findChild<QAction *>(QStringLiteral("actionCloseTab"))->trigger();
        QCommandLinkButton *button = card(window, QString::fromLatin1(sample.button));
        ASSERT_NE(button, nullptr) << sample.button;
        ASSERT_TRUE(button->isVisible()) << sample.button;
        QTest::mouseClick(button, Qt::LeftButton);
        ASSERT_EQ(window->documents()->count(), 1) << sample.button;
        EXPECT_STREQ(window->documents()->currentWidget()->metaObject()->className(), sample.viewer);
    }
    // The 417 sample is the retried upload: its tab says so.
    EXPECT_TRUE(window->documents()->tabText(0).contains(QStringLiteral("417"))
                || window->documents()->tabToolTip(0).contains(QStringLiteral("expect-417")))
        << window->documents()->tabText(0).toStdString();
}

TEST(StartPage, RecentFilesOpenAndMissingOnesAreShownAndRemovable)
{
    AppHarness app;
    ui::MainWindow *window = app.window();
    const QString kept = app.tempPath(QStringLiteral("kept.har"));
    const QString gone = app.tempPath(QStringLiteral("gone.har"));
    for (const QString &path : {kept, gone})
        ASSERT_TRUE(QFile::copy(test::sourcePath(QStringLiteral("resources/samples/sample.har")), path));
    window->openFiles({kept, gone});
    ASSERT_TRUE(QFile::remove(gone)); // moved away while its tab was open
    while (window->documents()->count() > 0)
        window->findChild<QAction *>(QStringLiteral("actionCloseTab"))->trigger();
    QCoreApplication::processEvents();

    ASSERT_TRUE(window->startPage()->isVisible());
    const QList<QToolButton *> files = recentButtons(window, "recentFile");
    ASSERT_EQ(files.size(), 2);
    EXPECT_EQ(files[0]->text(), QStringLiteral("gone.har")); // newest first
    EXPECT_FALSE(files[0]->isEnabled());
    EXPECT_TRUE(files[1]->isEnabled());
    const QList<QToolButton *> removes = recentButtons(window, "recentRemove");
    ASSERT_EQ(removes.size(), 1);
    EXPECT_EQ(recentButtons(window, "recentMissing").size(), 0); // the note is a label
    auto *missing = window->startPage()->findChild<QLabel *>(QStringLiteral("recentMissing"));
    ASSERT_NE(missing, nullptr);
    EXPECT_TRUE(missing->isVisible());

    QTest::mouseClick(removes[0], Qt::LeftButton);
    QCoreApplication::processEvents();
    EXPECT_EQ(window->recentFiles(), QStringList{QFileInfo(kept).absoluteFilePath()});

    const QList<QToolButton *> left = recentButtons(window, "recentFile");
    ASSERT_EQ(left.size(), 1);
    QTest::mouseClick(left[0], Qt::LeftButton);
    ASSERT_EQ(window->documents()->count(), 1);
    EXPECT_EQ(window->documents()->tabText(0), QStringLiteral("kept.har"));
}

// No history yet: a sentence, not five disabled buttons; the start page's History card shows it.
TEST(StartPage, EmptyHistoryIsASentenceAndTheHistoryCardShowsIt)
{
    AppHarness app;
    ui::MainWindow *window = app.window();
    auto *note = window->findChild<QLabel *>(QStringLiteral("historyEmpty"));
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->isVisible());
    for (const char *name : {"historyOpen", "historyResend", "historyDelete", "historyClear", "historyRemoveSecrets"}) {
        auto *button = window->findChild<QToolButton *>(QString::fromLatin1(name));
        ASSERT_NE(button, nullptr) << name;
        EXPECT_FALSE(button->isVisible()) << name;
    }

    auto *sidebar = window->findChild<QDockWidget *>(QStringLiteral("sidebarDock"));
    sidebar->hide();
    QTest::mouseClick(card(window, QStringLiteral("startHistory")), Qt::LeftButton);
    EXPECT_TRUE(sidebar->isVisible());
    EXPECT_TRUE(note->isVisible());
}

// At both window sizes the page needs no sideways scrolling and no card is squeezed below
// the size it asks for.
TEST(StartPage, FitsAt1280And1920)
{
    AppHarness app;
    ui::MainWindow *window = app.window();
    for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
        window->resize(size);
        QCoreApplication::processEvents();
        auto *scroll = window->startPage()->findChild<QScrollArea *>();
        ASSERT_NE(scroll, nullptr);
        EXPECT_LE(scroll->widget()->minimumSizeHint().width(), scroll->viewport()->width()) << size.width();
        EXPECT_FALSE(scroll->verticalScrollBar()->isVisible()) << size.width();
        for (QCommandLinkButton *button : window->startPage()->findChildren<QCommandLinkButton *>()) {
            if (!button->isVisible())
                continue;
            EXPECT_GE(button->height(), button->heightForWidth(button->width()))
                << button->objectName().toStdString() << " at " << size.width();
        }
    }
}

// A file named .har that is not a HAR: the tab says so, and the status bar must not claim it
// was opened.
TEST(StartPage, BrokenHarStatusBarAgreesWithTheTab)
{
    AppHarness app;
    ui::MainWindow *window = app.window();
    QWidget *view = window->openFile(test::fixturePath(QStringLiteral("har/not-json.har")));
    auto *har = qobject_cast<ui::HarView *>(view);
    ASSERT_NE(har, nullptr);
    ASSERT_TRUE(waitUntil([har] { return har->loadState() != ui::HarView::LoadState::Loading; }));
    ASSERT_EQ(har->loadState(), ui::HarView::LoadState::Failed);
    QCoreApplication::processEvents();
    const QString message = window->statusBar()->currentMessage();
    EXPECT_FALSE(message.contains(QStringLiteral("Opened"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("not-json.har")) && message.contains(QStringLiteral("not opened")))
        << message.toStdString();

    QWidget *good = window->openFile(test::sourcePath(QStringLiteral("resources/samples/sample.har")));
    auto *goodHar = qobject_cast<ui::HarView *>(good);
    ASSERT_TRUE(waitUntil([goodHar] { return goodHar->loadState() == ui::HarView::LoadState::Loaded; }));
    QCoreApplication::processEvents();
    EXPECT_EQ(window->statusBar()->currentMessage(), QStringLiteral("Opened sample.har (HAR file)"));
}
