// SPDX-License-Identifier: GPL-3.0-or-later
// The HAR table in the real main window at 1280×800, with the sidebar and the Guide dock shown:
// every column's header in view without horizontal scrolling, Path taking the room left,
// five-digit indexes whole, and a user's dragged width kept.
#include "tests/gui/har/har_window_support.h"
#include "ui/guide_dock.h"
#include "ui/har/har_entries_model.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTableView>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

// The room an item view gives a cell's text: the style's margin on both sides.
int textMargins(const QTableView *table)
{
    return 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
}

void expectEveryColumnInView(const QTableView *table)
{
    const QHeaderView *header = table->horizontalHeader();
    const QFontMetrics metrics = header->fontMetrics();
    for (int column = 0; column < HarEntriesModel::ColumnCount; ++column) {
        if (table->isColumnHidden(column))
            continue;
        const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
        const int left = header->sectionViewportPosition(column);
        const int width = header->sectionSize(column);
        EXPECT_GE(left, 0) << title.toStdString();
        EXPECT_LE(left + width, table->viewport()->width())
            << title.toStdString() << " ends at " << left + width << " of " << table->viewport()->width();
        EXPECT_GE(width, metrics.horizontalAdvance(title) + textMargins(table)) << title.toStdString() << " cut";
    }
    EXPECT_EQ(table->horizontalScrollBar()->maximum(), 0);
}

} // namespace

TEST(HarColumns, EveryColumnInViewAt1280WithSidebarAndGuideDock)
{
    test::AppHarness app;
    const QString path = test::writeRepeatedHar(app.tempPath(QStringLiteral("12360.har")), 103);
    HarView *view = test::openHar(app, path);
    ASSERT_NE(view, nullptr);
    auto *sidebar = app.window()->findChild<QDockWidget *>(QStringLiteral("sidebarDock"));
    ASSERT_NE(sidebar, nullptr);
    EXPECT_TRUE(sidebar->isVisible());
    EXPECT_TRUE(app.window()->guideDock()->isVisible());
    EXPECT_EQ(app.window()->width(), 1280);

    QTableView *table = view->table();
    for (int column = 0; column < HarEntriesModel::ColumnCount; ++column)
        std::printf("%d:%d ", column, table->columnWidth(column));
    std::printf(" viewport %d\n", table->viewport()->width());
    ASSERT_EQ(table->model()->rowCount(), 12360);
    expectEveryColumnInView(table);
    EXPECT_GE(table->columnWidth(HarEntriesModel::PathColumn), 130);
    EXPECT_GE(table->columnWidth(HarEntriesModel::WaterfallColumn), 100);
    EXPECT_EQ(table->horizontalHeader()->sectionResizeMode(HarEntriesModel::PathColumn), QHeaderView::Stretch);

    // The five-digit index is shown whole (QTableView elides a cut number to "12…").
    const int row12345 = [&] {
        for (int row = 0; row < table->model()->rowCount(); ++row)
            if (table->model()->index(row, HarEntriesModel::IndexColumn).data().toInt() == 12345)
                return row;
        return -1;
    }();
    ASSERT_GE(row12345, 0);
    const QString shown = table->model()->index(row12345, HarEntriesModel::IndexColumn).data().toString();
    EXPECT_EQ(shown, QStringLiteral("12345"));
    EXPECT_GE(table->columnWidth(HarEntriesModel::IndexColumn),
              table->fontMetrics().horizontalAdvance(shown) + textMargins(table));

    // Path is elided in the middle with the whole URL in its tooltip.
    EXPECT_EQ(table->textElideMode(), Qt::ElideMiddle);
    const QModelIndex path0 = table->model()->index(0, HarEntriesModel::PathColumn);
    EXPECT_TRUE(path0.data(Qt::ToolTipRole).toString().startsWith(QLatin1String("https://")));
}

// A long URL in every row must not widen Path past the viewport, before or after a click.
TEST(HarColumns, LongUrlsDoNotPushColumnsOutAndAClickKeepsThem)
{
    test::AppHarness app;
    const QString path = test::writeEditedHar(app.tempPath(QStringLiteral("long.har")), "https://app.example.io/",
                                               "https://app.example.io/search?q=" + QByteArray(1500, 'x') + "&p=/");
    ASSERT_FALSE(path.isEmpty());
    HarView *view = test::openHar(app, path);
    ASSERT_NE(view, nullptr);
    QTableView *table = view->table();
    expectEveryColumnInView(table);
    test::clickCell(table, table->model()->index(3, HarEntriesModel::PathColumn));
    QTest::qWait(50);
    expectEveryColumnInView(table);
    EXPECT_GE(table->columnWidth(HarEntriesModel::PathColumn), 130);
}

// A width the user drags is kept for the next HAR tab (and the others still fit).
TEST(HarColumns, DraggedWidthIsRemembered)
{
    test::AppHarness app;
    HarView *first = test::openHar(app, test::harFixture("google-com.har"));
    ASSERT_NE(first, nullptr);
    QHeaderView *header = first->table()->horizontalHeader();
    const int dragged = header->sectionSize(HarEntriesModel::HostColumn) + 40;
    header->resizeSection(HarEntriesModel::HostColumn, dragged); // as a drag does: sectionResized
    HarView *second = test::openHar(app, test::harFixture("chrome51-issue23.har"));
    ASSERT_NE(second, nullptr);
    ASSERT_NE(second, first);
    EXPECT_EQ(second->table()->columnWidth(HarEntriesModel::HostColumn), dragged);
    expectEveryColumnInView(second->table());
    QSettings().remove(QStringLiteral("har/columnWidths"));
}
