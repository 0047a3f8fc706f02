// SPDX-License-Identifier: GPL-3.0-or-later
// The overview strip above the HAR table in the real window: every request over time with the
// pages' DOMContentLoaded/load lines; dragging across it filters the table to that time range,
// a chip clears it. generated-120.har: page_1 runs from 0 to about 2.2 s, page_2 starts at
// 38.711 s.
#include "tests/gui/har/har_window_support.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_overview.h"
#include "ui/har/har_waterfall.h"

#include <QLabel>
#include <QTableView>
#include <QToolButton>

#include <gtest/gtest.h>

#include <cmath>

using namespace statusscope;
using namespace statusscope::ui;

TEST(HarOverview, ShowsRequestsAndPageEventsAboveTheTable)
{
    test::AppHarness app;
    HarView *view = test::openHar(app, test::harFixture("generated-120.har"));
    ASSERT_NE(view, nullptr);
    HarOverview *overview = view->findChild<HarOverview *>(QStringLiteral("harOverview"));
    ASSERT_NE(overview, nullptr);
    EXPECT_TRUE(overview->isVisible());
    EXPECT_LT(overview->mapTo(view, QPoint(0, 0)).y(), view->table()->mapTo(view, QPoint(0, 0)).y());
    EXPECT_LE(overview->height(), 90); // a strip, not a chart
    const QImage image = overview->grab().toImage();
    const QRect plot = overview->plotRect();
    EXPECT_GE(test::countColor(image, phaseColor(HarPhase::Wait), 6), 20); // the requests' bars
    ASSERT_EQ(overview->scale().markers().size(), 6); // three pages, two events each
    for (const HarPageMarker &marker : overview->scale().markers()) {
        const int x = std::min(static_cast<int>(std::lround(overview->scale().xAt(marker.ms, plot))), plot.right());
        EXPECT_GE(test::countColor(image.copy(x, plot.top(), 1, plot.height()), markerColor(marker.kind), 6),
                  plot.height() / 2)
            << marker.ms << " ms at x " << x;
    }
}

TEST(HarOverview, DraggingFiltersTheTableToThatTimeAndTheChipClearsIt)
{
    test::AppHarness app;
    HarView *view = test::openHar(app, test::harFixture("generated-120.har"));
    ASSERT_NE(view, nullptr);
    HarOverview *overview = view->overview();
    ASSERT_NE(overview, nullptr);
    QTableView *table = view->table();
    ASSERT_EQ(table->model()->rowCount(), 120);

    // From the start to 3 s: page_1's requests, none of page_2's or page_3's.
    const QRect plot = overview->plotRect();
    const int from = plot.left();
    const int to = static_cast<int>(std::lround(overview->scale().xAt(3000, plot)));
    ASSERT_GT(to - from, 5);
    const int y = plot.center().y();
    QTest::mousePress(overview, Qt::LeftButton, {}, QPoint(from, y));
    QTest::mouseMove(overview, QPoint((from + to) / 2, y));
    QTest::mouseMove(overview, QPoint(to, y));
    QTest::mouseRelease(overview, Qt::LeftButton, {}, QPoint(to, y));
    QTest::qWait(20);

    const double fromMs = overview->scale().msAt(from, plot);
    const double toMs = overview->scale().msAt(to, plot);
    const QAbstractItemModel *source = view->findChild<HarEntriesModel *>();
    ASSERT_NE(source, nullptr);
    int expected = 0;
    for (int row = 0; row < source->rowCount(); ++row) {
        const auto span = source->index(row, 0).data(HarEntriesModel::WaterfallRole).value<HarWaterfallSpan>();
        if (span.endMs() >= fromMs && span.startMs <= toMs)
            ++expected;
    }
    EXPECT_GT(expected, 10);
    EXPECT_LT(expected, 60);
    EXPECT_EQ(table->model()->rowCount(), expected);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        EXPECT_EQ(table->model()->index(row, 0).data(HarEntriesModel::PageIdRole).toString(), QStringLiteral("page_1"));
    // The waterfall shows the dragged range.
    EXPECT_NEAR(view->timeScale().fromMs(), fromMs, 1e-6);
    EXPECT_NEAR(view->timeScale().toMs(), toMs, 1e-6);
    auto *counts = view->findChild<QLabel *>(QStringLiteral("harFilterCounts"));
    ASSERT_NE(counts, nullptr);
    EXPECT_EQ(counts->text(), QStringLiteral("%1 of 120 shown").arg(expected));

    auto *chip = view->findChild<QToolButton *>(QStringLiteral("harTimeRange"));
    ASSERT_NE(chip, nullptr);
    ASSERT_TRUE(chip->isVisible());
    EXPECT_TRUE(chip->text().contains(QStringLiteral("0.000 s"))) << chip->text().toStdString();
    chip->click();
    EXPECT_EQ(table->model()->rowCount(), 120);
    EXPECT_FALSE(chip->isVisible());
    EXPECT_GT(view->timeScale().toMs(), 77000);

    // A click without a drag is not a range.
    QTest::mouseClick(overview, Qt::LeftButton, {}, QPoint(to, y));
    EXPECT_EQ(table->model()->rowCount(), 120);
}
