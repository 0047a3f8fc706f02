// SPDX-License-Identifier: GPL-3.0-or-later
// The HAR tab's layout remembers what the user chose and gives the table the room while
// nothing is selected: the column widths a user dragged come back in the next HAR tab, and the
// details pane is one line until an entry is selected.
#include "tests/support/test_support.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_entry_details.h"
#include "ui/har/har_view.h"

#include <QApplication>
#include <QEventLoop>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

bool showLoaded(HarView &view)
{
    view.resize(1280, 800);
    view.show();
    if (view.isLoading()) {
        QEventLoop loop;
        QObject::connect(&view, &HarView::loadFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QApplication::processEvents();
    return view.loadState() == HarView::LoadState::Loaded;
}

TEST(HarViewLayout, DetailsPaneIsOneLineUntilAnEntryIsSelected)
{
    HarView view(test::fixturePath(QStringLiteral("har/generated-120.har")));
    ASSERT_TRUE(showLoaded(view));
    const int promptHeight = view.details()->height();
    EXPECT_LT(promptHeight, 80) << "an empty details pane takes no more than its prompt";
    // The table has the room under the filter bar and the overview strip.
    EXPECT_GT(view.table()->height(), 540);

    view.table()->selectRow(0);
    QApplication::processEvents();
    EXPECT_GT(view.details()->height(), 200) << "a selection opens the details";
    EXPECT_LT(view.table()->height(), 540);
}

TEST(HarViewLayout, ColumnWidthsTheUserDraggedComeBackInTheNextTab)
{
    int autoTypeWidth = 0;
    {
        HarView first(test::fixturePath(QStringLiteral("har/generated-120.har")));
        ASSERT_TRUE(showLoaded(first));
        QHeaderView *header = first.table()->horizontalHeader();
        autoTypeWidth = header->sectionSize(HarEntriesModel::TypeColumn);
        header->resizeSection(HarEntriesModel::TypeColumn, autoTypeWidth + 57); // as a drag does
        header->resizeSection(HarEntriesModel::HostColumn, 133);
    }
    HarView second(test::fixturePath(QStringLiteral("har/multiple-pages.har")));
    ASSERT_TRUE(showLoaded(second));
    QHeaderView *header = second.table()->horizontalHeader();
    EXPECT_EQ(header->sectionSize(HarEntriesModel::TypeColumn), autoTypeWidth + 57);
    EXPECT_EQ(header->sectionSize(HarEntriesModel::HostColumn), 133);
    EXPECT_GT(header->sectionSize(HarEntriesModel::PathColumn), 100) << "Path still takes the room left";
}

TEST(HarViewLayout, WidthsTheViewSetsItselfAreNotRemembered)
{
    QSettings().remove(QStringLiteral("har/columnWidths"));
    HarView view(test::fixturePath(QStringLiteral("har/multiple-pages.har")));
    ASSERT_TRUE(showLoaded(view));
    view.resize(1600, 900); // Path stretches: a resize moves sections without a user's drag
    QApplication::processEvents();
    EXPECT_FALSE(QSettings().contains(QStringLiteral("har/columnWidths")))
        << "only a width the user chose is kept";
}

} // namespace
