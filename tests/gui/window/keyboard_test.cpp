// SPDX-License-Identifier: GPL-3.0-or-later
// Every window shortcut pressed on the real window (QTest::keyClick to the focused widget, as
// the keyboard delivers it), from a widget deep inside its tab; Tab leaving tables; the focus
// ring; the shortcuts dialog listing all of them without scrolling.
#include "tests/gui/endtoend/app_harness.h"
#include "tests/support/test_support.h"
#include "ui/composer/composer_widget.h"
#include "ui/focus_ring.h"
#include "ui/har/har_view.h"
#include "ui/keyboard_navigation.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTableWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTcpServer>

#include <gtest/gtest.h>

using namespace statusscope;
using test::AppHarness;
using test::waitUntil;

namespace {

// Presses `key` where the keyboard would send it: to the widget that has the focus.
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    ASSERT_NE(target, nullptr) << "nothing has the focus";
    QTest::keyClick(target, key, modifiers);
    QCoreApplication::processEvents();
}

void focus(QWidget *widget)
{
    widget->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(widget->window()));
    widget->setFocus(Qt::OtherFocusReason);
    ASSERT_TRUE(waitUntil([widget] { return widget->hasFocus(); }, 2000)) << widget->objectName().toStdString();
}

ui::ComposerWidget *newRequest(AppHarness &app)
{
    app.window()->findChild<QAction *>(QStringLiteral("actionNewRequest"))->trigger();
    return qobject_cast<ui::ComposerWidget *>(app.window()->documents()->currentWidget());
}

ui::HarView *openSampleHar(AppHarness &app)
{
    auto *har = qobject_cast<ui::HarView *>(
        app.window()->openFile(test::sourcePath(QStringLiteral("resources/samples/sample.har"))));
    EXPECT_NE(har, nullptr);
    if (har) {
        EXPECT_TRUE(waitUntil([har] { return har->loadState() == ui::HarView::LoadState::Loaded; }));
    }
    return har;
}

} // namespace

TEST(Keyboard, CtrlTabAndCtrlPageKeysMoveBetweenTabsFromInsideOne)
{
    AppHarness app;
    QTabWidget *tabs = app.window()->documents();
    for (int i = 0; i < 3; ++i)
        newRequest(app);
    tabs->setCurrentIndex(0);
    focus(tabs->widget(0)->findChild<QLineEdit *>(QStringLiteral("composerUrl")));

    press(Qt::Key_Tab, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentIndex(), 1);
    press(Qt::Key_PageDown, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentIndex(), 2);
    press(Qt::Key_Tab, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentIndex(), 0); // wraps round
    press(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(tabs->currentIndex(), 2);
    press(Qt::Key_PageUp, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentIndex(), 1);
}

TEST(Keyboard, CtrlLGoesToTheUrlFromAnywhereInTheComposer)
{
    AppHarness app;
    ui::ComposerWidget *composer = newRequest(app);
    ASSERT_NE(composer, nullptr);
    auto *url = composer->findChild<QLineEdit *>(QStringLiteral("composerUrl"));
    url->setText(QStringLiteral("http://127.0.0.1:9/upload"));
    focus(composer->findChild<QWidget *>(QStringLiteral("composerHeaders")));
    press(Qt::Key_L, Qt::ControlModifier);
    EXPECT_TRUE(url->hasFocus());
    EXPECT_EQ(url->selectedText(), url->text());
}

TEST(Keyboard, CtrlFGoesToTheHarFilterFromTheTable)
{
    AppHarness app;
    ui::HarView *har = openSampleHar(app);
    ASSERT_NE(har, nullptr);
    focus(har->table());
    press(Qt::Key_F, Qt::ControlModifier);
    auto *filter = har->findChild<QLineEdit *>(QStringLiteral("harFilterText"));
    ASSERT_NE(filter, nullptr);
    EXPECT_TRUE(filter->hasFocus());
}

// Ctrl+Enter sends from the headers table; Esc from another part of the tab stops it.
TEST(Keyboard, CtrlEnterSendsAndEscCancels)
{
    QTcpServer silent; // accepts and never answers, so the send stays running
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    AppHarness app;
    ui::ComposerWidget *composer = newRequest(app);
    ASSERT_NE(composer, nullptr);
    composer->findChild<QLineEdit *>(QStringLiteral("composerUrl"))
        ->setText(QStringLiteral("http://127.0.0.1:%1/slow").arg(silent.serverPort()));
    focus(composer->findChild<QWidget *>(QStringLiteral("composerHeaders")));
    press(Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(composer->isRunning());
    ASSERT_TRUE(waitUntil([&silent] { return silent.hasPendingConnections(); }, 5000));

    focus(composer->findChild<QTabWidget *>(QStringLiteral("composerTabs"))->tabBar());
    press(Qt::Key_Escape);
    EXPECT_TRUE(waitUntil([composer] { return !composer->isRunning(); }, 5000));
}

// The window is active with the focus in a tab before the HAR opens; no event is processed
// between opening and Esc, so the reading has not been reported finished yet.
TEST(Keyboard, EscCancelsAHarThatIsLoading)
{
    AppHarness app;
    ui::ComposerWidget *composer = newRequest(app);
    ASSERT_NE(composer, nullptr);
    focus(composer->findChild<QLineEdit *>(QStringLiteral("composerUrl")));
    auto *har = qobject_cast<ui::HarView *>(
        app.window()->openFile(test::sourcePath(QStringLiteral("resources/samples/sample.har"))));
    ASSERT_NE(har, nullptr);
    ASSERT_EQ(har->loadState(), ui::HarView::LoadState::Loading);
    auto *cancel = har->findChild<QPushButton *>(QStringLiteral("harCancel"));
    ASSERT_NE(cancel, nullptr);
    ASSERT_TRUE(cancel->isEnabled());
    ASSERT_TRUE(har->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    EXPECT_FALSE(cancel->isEnabled()); // Esc pressed Cancel
    EXPECT_TRUE(waitUntil([har] { return har->loadState() != ui::HarView::LoadState::Loading; }));
}

TEST(Keyboard, CtrlShiftCCopiesTheRequestAsCurl)
{
    AppHarness app;
    ui::ComposerWidget *composer = newRequest(app);
    ASSERT_NE(composer, nullptr);
    composer->findChild<QLineEdit *>(QStringLiteral("composerUrl"))->setText(QStringLiteral("https://example.test/a?b=1"));
    QApplication::clipboard()->clear();
    focus(composer->findChild<QWidget *>(QStringLiteral("composerMethod")));
    press(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QString copied = QApplication::clipboard()->text();
    EXPECT_TRUE(copied.startsWith(QStringLiteral("curl "))) << copied.toStdString();
    EXPECT_TRUE(copied.contains(QStringLiteral("https://example.test/a?b=1"))) << copied.toStdString();
}

// Tab moves on from every table and list instead of walking its cells, and the widget it
// reaches wears the focus ring; a click puts the ring away.
TEST(Keyboard, TabLeavesTablesAndTheFocusRingFollows)
{
    AppHarness app;
    newRequest(app);
    ui::HarView *har = openSampleHar(app);
    ASSERT_NE(har, nullptr);
    app.window()->openFile(test::sourcePath(QStringLiteral("resources/samples/access.log")));
    app.window()->documents()->setCurrentWidget(har);
    QCoreApplication::processEvents();
    for (QAbstractItemView *view : app.window()->findChildren<QAbstractItemView *>()) {
        view->ensurePolished();
        EXPECT_FALSE(view->tabKeyNavigation()) << view->objectName().toStdString();
    }

    focus(har->table());
    har->table()->setCurrentIndex(har->table()->model()->index(0, 0));
    press(Qt::Key_Tab);
    QWidget *next = QApplication::focusWidget();
    ASSERT_NE(next, nullptr);
    EXPECT_NE(next, har->table());
    EXPECT_NE(next, har->table()->viewport());

    ui::FocusRing *ring = app.window()->keyboardNavigation()->ring();
    EXPECT_EQ(ring->tracked(), next);
    EXPECT_TRUE(ring->isVisible());
    const QRect ringRect(ring->geometry());
    const QRect widgetRect(next->mapTo(app.window(), QPoint(0, 0)), next->size());
    EXPECT_TRUE(ringRect.intersects(widgetRect));

    QTest::mouseClick(har->table()->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
    EXPECT_FALSE(ring->isVisible());
}

// The dialog lists every window shortcut and the keys inside tabs, and is big enough to show
// them all without scrolling.
TEST(Keyboard, ShortcutsDialogListsAllAndFitsItsContent)
{
    AppHarness app;
    std::unique_ptr<QDialog> dialog(app.window()->createShortcutsDialog());
    dialog->show();
    QCoreApplication::processEvents();
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
    ASSERT_NE(table, nullptr);
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row)
        rows << table->item(row, 0)->text() + QLatin1Char('=') + table->item(row, 1)->text();
    const QString all = rows.join(QLatin1Char('\n'));
    const auto keys = [](const QKeySequence &key) { return key.toString(QKeySequence::NativeText); };
    for (const QString &expected :
         {QStringLiteral("Next Tab=") + keys(QKeySequence(Qt::CTRL | Qt::Key_Tab)),
          QStringLiteral("Previous Tab=") + keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab)),
          QStringLiteral("Go to URL=") + keys(QKeySequence(Qt::CTRL | Qt::Key_L)),
          QStringLiteral("Go to Filter=") + keys(QKeySequence(QKeySequence::Find)),
          QStringLiteral("Send=") + keys(QKeySequence(Qt::CTRL | Qt::Key_Return)),
          QStringLiteral("Cancel Send or Load=") + keys(QKeySequence(Qt::Key_Escape)),
          QStringLiteral("Copy as cURL=") + keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)),
          QStringLiteral("Import cURL…=") + keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I))}) {
        EXPECT_TRUE(all.contains(expected)) << expected.toStdString() << "\n" << all.toStdString();
    }
    EXPECT_GE(table->rowCount(), 15);
    EXPECT_FALSE(table->verticalScrollBar()->isVisible());
    EXPECT_FALSE(table->horizontalScrollBar()->isVisible());
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            const QString text = table->item(row, column)->text();
            EXPECT_LE(table->fontMetrics().horizontalAdvance(text), table->columnWidth(column)) << text.toStdString();
        }
    }
}
