// SPDX-License-Identifier: GPL-3.0-or-later
// The waterfall column in the real window: a time axis in its header that follows the range
// shown, a tooltip with every phase's exact duration, phases below a pixel still visible, and
// each page's DOMContentLoaded/load lines; the Page column names pages, not their URLs.
// generated-120.har: entry 0 (page_1) has blocked 2.021, dns 17.802, connect 27.101 (ssl
// 14.844), send 0.357, wait 76.128, receive 2.328 ms; page_1's events at 518.148 and 2139.281 ms.
#include "tests/gui/har/har_window_support.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_time_scale.h"
#include "ui/har/har_waterfall.h"
#include "ui/har/har_waterfall_delegate.h"

#include <QComboBox>
#include <QHeaderView>
#include <QTableView>

#include <gtest/gtest.h>

#include <cmath>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

QImage cellImage(QTableView *table, int row, int column)
{
    const QModelIndex index = table->model()->index(row, column);
    table->scrollTo(index);
    QTest::qWait(20);
    return table->viewport()->grab(table->visualRect(index)).toImage();
}

void choosePage(HarView *view, const QString &pageId)
{
    auto *pages = view->findChild<QComboBox *>(QStringLiteral("harPage"));
    ASSERT_NE(pages, nullptr);
    const int item = pages->findData(pageId);
    ASSERT_GE(item, 0);
    pages->setCurrentIndex(item);
    QTest::qWait(20);
}

QList<HarTimeTick> ticks(HarView *view)
{
    QTableView *table = view->table();
    const int width = waterfallBarsRect(QRect(0, 0, table->columnWidth(HarEntriesModel::WaterfallColumn), 10)).width();
    return view->timeScale().ticks(width, table->horizontalHeader()->fontMetrics());
}

QString joined(const QList<HarTimeTick> &ticks)
{
    QStringList labels;
    for (const HarTimeTick &tick : ticks)
        labels << tick.label;
    return labels.join(QLatin1Char(' '));
}

} // namespace

TEST(HarWaterfall, PageColumnShowsTitlesAndShortPathsWithTheWholeTitleInTheTooltip)
{
    test::AppHarness app;
    HarView *view = test::openHar(app, test::harFixture("generated-120.har"));
    ASSERT_NE(view, nullptr);
    QTableView *table = view->table();
    // At 1920 px there is room for the Page column beside the docks (at 1280 it makes way).
    app.window()->resize(1920, 1080);
    QTest::qWait(50);
    EXPECT_FALSE(table->isColumnHidden(HarEntriesModel::PageColumn));
    const QModelIndex page = table->model()->index(0, HarEntriesModel::PageColumn);
    EXPECT_EQ(page.data().toString(), QStringLiteral("/settings/profile"));
    EXPECT_EQ(page.data(Qt::ToolTipRole).toString(), QStringLiteral("https://app.example.io/settings/profile"));
    auto *pages = view->findChild<QComboBox *>(QStringLiteral("harPage"));
    ASSERT_NE(pages, nullptr);
    EXPECT_EQ(pages->itemText(pages->findData(QStringLiteral("page_2"))), QStringLiteral("/guide/coffee/orbit.html"));

    HarView *titled = test::openHar(app, test::harFixture("multiple-pages.har"));
    ASSERT_NE(titled, nullptr);
    EXPECT_EQ(titled->table()->model()->index(0, HarEntriesModel::PageColumn).data().toString(),
              QStringLiteral("Test Case for Issue #601"));
}

TEST(HarWaterfall, HeaderCarriesATimeAxisThatFollowsTheRangeShown)
{
    test::AppHarness app;
    HarView *view = test::openHar(app, test::harFixture("generated-120.har"));
    ASSERT_NE(view, nullptr);
    QTableView *table = view->table();
    // The whole log: three pages over about 80 s.
    EXPECT_DOUBLE_EQ(view->timeScale().fromMs(), 0);
    EXPECT_GT(view->timeScale().toMs(), 77000);
    const QList<HarTimeTick> whole = ticks(view);
    ASSERT_GE(whole.size(), 2) << joined(whole).toStdString();
    EXPECT_EQ(whole.first().label, QStringLiteral("0"));
    EXPECT_TRUE(whole.at(1).label.endsWith(QLatin1String(" s"))) << joined(whole).toStdString();

    // One page: about 2.2 s, so the steps become smaller.
    choosePage(view, QStringLiteral("page_1"));
    EXPECT_LT(view->timeScale().toMs(), 3000);
    const QList<HarTimeTick> page = ticks(view);
    ASSERT_GE(page.size(), 3) << joined(page).toStdString();
    EXPECT_LT(page.at(1).ms - page.at(0).ms, (whole.at(1).ms - whole.at(0).ms) / 4) << joined(page).toStdString();

    // The header is painted with those ticks: its waterfall section's lower line holds the
    // text colour at each tick, and the header is two lines tall.
    QHeaderView *header = table->horizontalHeader();
    EXPECT_GE(header->height(), 2 * header->fontMetrics().height());
    const QRect section(header->sectionViewportPosition(HarEntriesModel::WaterfallColumn), 0,
                        header->sectionSize(HarEntriesModel::WaterfallColumn), header->height());
    const QImage image = header->viewport()->grab(section).toImage();
    const QRect bars = waterfallBarsRect(QRect(0, 0, section.width(), section.height()));
    const QColor text = header->palette().color(QPalette::WindowText);
    int ticksDrawn = 0;
    for (const HarTimeTick &tick : view->timeScale().ticks(bars.width(), header->fontMetrics())) {
        const int x = static_cast<int>(std::lround(view->timeScale().xAt(tick.ms, bars)));
        if (x >= 0 && x < image.width()
            && test::countColor(image.copy(x, section.height() / 2, 1, section.height() / 2), text, 40) >= 3)
            ++ticksDrawn;
    }
    EXPECT_GE(ticksDrawn, 3);
}

TEST(HarWaterfall, TooltipListsEveryPhaseWithItsExactDuration)
{
    test::AppHarness app;
    HarView *view = test::openHar(app, test::harFixture("generated-120.har"));
    ASSERT_NE(view, nullptr);
    const QString tip = view->table()->model()->index(0, HarEntriesModel::WaterfallColumn).data(Qt::ToolTipRole).toString();
    for (const char *expected : {"blocked", "2.021 ms", "dns", "17.802 ms", "connect", "27.101 ms", "ssl", "14.844 ms",
                                 "send", "0.357 ms", "wait", "76.128 ms", "receive", "2.328 ms", "125.737 ms"})
        EXPECT_TRUE(tip.contains(QLatin1String(expected))) << expected << " not in " << tip.toStdString();
}

// At the whole log's scale (about 330 ms a pixel) every phase of entry 0 is below a pixel:
// each is still drawn, none painted over by the next.
TEST(HarWaterfall, PhasesBelowAPixelAreStillDrawn)
{
    test::AppHarness app;
    HarView *view = test::openHar(app, test::harFixture("generated-120.har"));
    ASSERT_NE(view, nullptr);
    const QImage cell = cellImage(view->table(), 0, HarEntriesModel::WaterfallColumn);
    for (HarPhase phase : {HarPhase::Dns, HarPhase::Ssl, HarPhase::Send, HarPhase::Wait, HarPhase::Receive})
        EXPECT_GE(test::countColor(cell, phaseColor(phase), 6), kMinPhasePixels * 2) << toString(phase).toStdString();
}

TEST(HarWaterfall, PageEventsAreVerticalLinesInTheColumn)
{
    test::AppHarness app;
    HarView *view = test::openHar(app, test::harFixture("generated-120.har"));
    ASSERT_NE(view, nullptr);
    choosePage(view, QStringLiteral("page_1"));
    const QImage cell = cellImage(view->table(), 5, HarEntriesModel::WaterfallColumn);
    const QRect bars = waterfallBarsRect(QRect(0, 0, cell.width(), cell.height()));
    const struct
    {
        double ms;
        HarPageMarker::Kind kind;
    } events[] = {{518.148, HarPageMarker::Kind::ContentLoaded}, {2139.281, HarPageMarker::Kind::Load}};
    for (const auto &event : events) {
        const int x = std::min(static_cast<int>(std::lround(view->timeScale().xAt(event.ms, bars))), bars.right());
        ASSERT_GE(x, 0);
        EXPECT_GE(test::countColor(cell.copy(x, 0, 1, cell.height()), markerColor(event.kind), 6), cell.height() / 3)
            << event.ms << " ms at x " << x;
    }
}
