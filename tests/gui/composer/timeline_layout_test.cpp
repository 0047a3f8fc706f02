// SPDX-License-Identifier: GPL-3.0-or-later
// The request timeline as a user reads it, through the app's real wiring: labels that fit at
// 1280 and 1920 (and tooltips with the full text), a time axis with ms ticks, a 1.3 ms wait for
// 100 that is visible and hoverable, the wait and the time to first byte on separate lanes,
// readable text colours in light and dark, and a composer that keeps its height after Send.

#include "tests/gui/endtoend/app_harness.h"
#include "tests/support/test_support.h"

#include "core/text/durations.h"
#include "ui/guide_dock.h"
#include "ui/main_window.h"
#include "ui/theme.h"
#include "ui/timeline/phase_spans.h"
#include "ui/timeline/timeline_view.h"
#include "ui/timeline/waterfall_delegate.h"
#include "ui/timeline/waterfall_header.h"

#include <QApplication>
#include <QLabel>
#include <QTableWidget>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

using namespace statusscope;
using statusscope::test::AppHarness;
using statusscope::ui::Phase;
using statusscope::ui::PhaseSpan;
using statusscope::ui::TimelineView;
using statusscope::ui::Waterfall;
using statusscope::ui::WaterfallDelegate;

namespace {

TimelineView *open417(AppHarness &app, QSize size)
{
    app.window()->resize(size);
    auto *view = qobject_cast<TimelineView *>(
        app.window()->openFile(test::fixturePath(QStringLiteral("diagnose/expect-417-retried.json"))));
    QApplication::processEvents();
    return view;
}

QList<QTreeWidgetItem *> allItems(QTreeWidget *tree)
{
    QList<QTreeWidgetItem *> out;
    std::function<void(QTreeWidgetItem *)> walk = [&](QTreeWidgetItem *item) {
        out << item;
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i));
    return out;
}

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

class TimelineLayout : public testing::TestWithParam<QSize>
{
};

TEST_P(TimelineLayout, AttemptLabelsAreShownWhole)
{
    AppHarness app;
    TimelineView *view = open417(app, GetParam());
    ASSERT_NE(view, nullptr);
    // As a user first sees it: both docks open at their default widths beside the tab.
    ASSERT_TRUE(app.window()->guideDock()->isVisible());
    EXPECT_GE(app.window()->guideDock()->width(), ui::MainWindow::kDefaultGuideWidth);
    auto *tree = view->findChild<QTreeWidget *>(QStringLiteral("timelineAttempts"));
    const QStringList expected{QStringLiteral("#2 retry without Expect (after 417 in #1)"), QStringLiteral("417 Expectation Failed")};
    QStringList seen;
    for (QTreeWidgetItem *item : allItems(tree)) {
        for (int column : {int(TimelineView::AttemptTitleColumn), int(TimelineView::AttemptStatusColumn)}) {
            if (item->text(column).isEmpty())
                continue;
            seen << item->text(column);
            EXPECT_TRUE(item->toolTip(column).contains(item->text(column))) << item->text(column).toStdString();
        }
    }
    for (const QString &text : expected)
        EXPECT_TRUE(seen.contains(text)) << text.toStdString();
    // The attempt titles and statuses are whole; the interim responses' header lines (Link: …)
    // below them may be elided in the middle, their tooltip has them whole.
    const QFontMetrics metrics(tree->font());
    for (QTreeWidgetItem *item : allItems(tree)) {
        int depth = 0;
        for (QTreeWidgetItem *parent = item->parent(); parent; parent = parent->parent())
            ++depth;
        for (int column : {int(TimelineView::AttemptTitleColumn), int(TimelineView::AttemptStatusColumn)}) {
            if (!expected.contains(item->text(column)))
                continue;
            const int needed = metrics.horizontalAdvance(item->text(column))
                               + (column == TimelineView::AttemptTitleColumn ? tree->indentation() * (depth + 1) : 0);
            EXPECT_GE(tree->columnWidth(column), needed)
                << item->text(column).toStdString() << " is cut at " << GetParam().width() << " px";
        }
    }
    EXPECT_GE(tree->columnWidth(TimelineView::AttemptWaterfallColumn), 160) << "the waterfall keeps room";
}

INSTANTIATE_TEST_SUITE_P(WindowSizes, TimelineLayout, testing::Values(QSize(1280, 800), QSize(1920, 1080)),
                         [](const testing::TestParamInfo<QSize> &info) { return "w" + std::to_string(info.param.width()); });

TEST(TimelineAxis, TicksInMillisecondsOverTheWaterfall)
{
    AppHarness app;
    TimelineView *view = open417(app, QSize(1280, 800));
    ASSERT_NE(view, nullptr);
    auto *header = view->findChild<ui::WaterfallHeader *>();
    ASSERT_NE(header, nullptr);
    EXPECT_NEAR(header->scaleEndMs(), 25.7, 0.01);
    const QList<ui::AxisTick> ticks = header->ticks();
    ASSERT_GE(ticks.size(), 3);
    EXPECT_EQ(ticks.first().label, QStringLiteral("0 ms"));
    for (const ui::AxisTick &tick : ticks) {
        EXPECT_TRUE(tick.label.endsWith(QStringLiteral(" ms"))) << tick.label.toStdString();
        EXPECT_LE(tick.ms, 25.7);
    }
    EXPECT_EQ(ui::axisTicks(25.7, 600, 64).at(1).label, QStringLiteral("5 ms"));
    EXPECT_EQ(ui::axisTicks(0.9, 600, 64).at(1).label, QStringLiteral("0.1 ms"));
}

TEST(TimelineWaterfall, AShortWaitIsDrawnWideEnoughOnItsOwnLaneAndHoverable)
{
    AppHarness app;
    TimelineView *view = open417(app, QSize(1280, 800));
    ASSERT_NE(view, nullptr);
    const http::Exchange &x = view->exchange();
    Waterfall w;
    w.spans = ui::phaseSpans(x, x.attempts.first());
    w.scaleEndMs = 25.7;
    const QRect cell(0, 0, 120, 24); // a narrow column: 1.3 ms is under 6 px
    std::optional<PhaseSpan> wait, ttfb;
    for (const PhaseSpan &s : w.spans) {
        if (s.phase == Phase::WaitFor100)
            wait = s;
        if (s.phase == Phase::Waiting)
            ttfb = s;
    }
    ASSERT_TRUE(wait && ttfb);
    EXPECT_EQ(wait->lane, 0);
    EXPECT_EQ(ttfb->lane, 1) << "the time to first byte runs during the wait: a lane of its own";
    const QRectF waitRect = WaterfallDelegate::spanRect(w, cell, *wait);
    const QRectF ttfbRect = WaterfallDelegate::spanRect(w, cell, *ttfb);
    EXPECT_GE(waitRect.width(), WaterfallDelegate::kMinSpanPixels);
    EXPECT_FALSE(waitRect.intersects(ttfbRect)) << "one must not hide the other";
    const QString tip = WaterfallDelegate::toolTipAt(w, cell, waitRect.center().toPoint());
    EXPECT_TRUE(tip.contains(QStringLiteral("Wait for 100"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(text::exactMs(wait->durationMs()))) << tip.toStdString();
    const QString under = WaterfallDelegate::toolTipAt(w, cell, ttfbRect.center().toPoint());
    EXPECT_TRUE(under.contains(QStringLiteral("Waiting (TTFB)"))) << under.toStdString();

    // A sub-pixel phase in a long exchange still gets its minimum width.
    Waterfall tiny;
    tiny.spans = {PhaseSpan{Phase::WaitFor100, 10, 10.01, 0}};
    tiny.scaleEndMs = 10000;
    EXPECT_GE(WaterfallDelegate::spanRect(tiny, QRect(0, 0, 300, 20), tiny.spans.first()).width(),
              WaterfallDelegate::kMinSpanPixels);

    // The Phases table says which phase ran during which.
    auto *phases = view->findChild<QTableWidget *>(QStringLiteral("timelinePhases"));
    view->selectAttempt(0);
    QApplication::processEvents();
    bool noted = false;
    for (int r = 0; r < phases->rowCount(); ++r) {
        if (phases->item(r, TimelineView::PhaseNameColumn)->text() == QStringLiteral("Waiting (TTFB)"))
            noted = phases->item(r, TimelineView::PhaseNoteColumn)->text().contains(QStringLiteral("during Wait for 100"));
    }
    EXPECT_TRUE(noted);
}

TEST(TimelineColours, PhaseNamesAreReadableInLightAndDark)
{
    for (const char *theme : {ui::kThemeLight, ui::kThemeDark}) {
        AppHarness app;
        ui::applyTheme(QString::fromLatin1(theme));
        ASSERT_EQ(ui::isDarkPalette(), QByteArray(theme) == ui::kThemeDark);
        TimelineView *view = open417(app, QSize(1280, 800));
        ASSERT_NE(view, nullptr);
        view->selectAttempt(0);
        QApplication::processEvents();
        auto *phases = view->findChild<QTableWidget *>(QStringLiteral("timelinePhases"));
        ASSERT_GT(phases->rowCount(), 0);
        const QColor base = phases->palette().color(QPalette::Base);
        for (int r = 0; r < phases->rowCount(); ++r) {
            for (int c = 0; c < phases->columnCount(); ++c) {
                const QTableWidgetItem *item = phases->item(r, c);
                const QVariant fg = item->data(Qt::ForegroundRole);
                const QColor text = fg.isValid() ? fg.value<QBrush>().color() : phases->palette().color(QPalette::Text);
                EXPECT_GE(contrast(text, base), 4.5) << theme << ": " << item->text().toStdString() << " in "
                                                     << text.name().toStdString() << " on " << base.name().toStdString();
            }
        }
    }
    ui::applyTheme(QString::fromLatin1(ui::kThemeLight));
}

} // namespace
