// SPDX-License-Identifier: GPL-3.0-or-later
// The HAR tab in a laptop-sized main window: its controls wrap onto more rows instead of
// holding the tab at the width of all of them, so the Guide dock keeps a readable width and
// the Status column is in view without scrolling.
#include "tests/support/test_support.h"
#include "ui/guide_dock.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_view.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QEventLoop>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

TEST(HarTabLayout, GuideDockAndStatusColumnStayInViewAt1280Pixels)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(&settings);
    HarView *har = nullptr;
    window.registerViewer(FileKind::Har, [&har](const QString &path, QWidget *parent) -> QWidget * {
        har = new HarView(path, parent);
        return har;
    });
    window.resize(1280, 800);
    window.show();
    const int guideWidthBefore = window.guideDock()->width();
    ASSERT_GE(guideWidthBefore, 250);

    // Page titles are whole URLs in real exports: the longest fixture ones.
    window.openFile(test::fixturePath(QStringLiteral("har/multiple-pages.har")));
    ASSERT_NE(har, nullptr);
    if (har->isLoading()) {
        QEventLoop loop;
        QObject::connect(har, &HarView::loadFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    ASSERT_FALSE(har->isLoading());
    QApplication::processEvents();

    EXPECT_EQ(window.width(), 1280); // the tab did not push the window wider
    EXPECT_GE(window.guideDock()->width(), 250);
    const QTableView *table = har->table();
    const int statusRight = table->columnViewportPosition(HarEntriesModel::StatusColumn)
                          + table->columnWidth(HarEntriesModel::StatusColumn);
    EXPECT_GT(table->columnViewportPosition(HarEntriesModel::StatusColumn), 0);
    EXPECT_LE(statusRight, table->viewport()->width());
}
