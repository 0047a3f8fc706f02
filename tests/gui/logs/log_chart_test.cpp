// LogChart on its own, fed a summary built here: highlighting a class, the stack rebuilt when a
// series is hidden, the legend beside the data, spike labels (placement, tooltip, click), a
// time range dragged out, and the dark palette.
// SPDX-License-Identifier: GPL-3.0-or-later

// qcustomplot.h (2.1) needs Qt's foreach, which the project turns off (see log_chart.cpp).
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "core/logs/log_summary.h"
#include "ui/logs/log_chart.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QImage>
#include <QMouseEvent>
#include <QTimeZone>
#include <QSignalSpy>
#include <QToolTip>

#include <functional>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::ui::LogChart;

namespace {

// 2024-05-13 08:00 UTC, 10:00 in the log's own zone (+02:00).
const qint64 kBaseMs = QDateTime(QDate(2024, 5, 13), QTime(8, 0), QTimeZone::utc()).toMSecsSinceEpoch();
constexpr int kTzOffsetMinutes = 120;

qint64 minuteMs(int minute)
{
    return kBaseMs + qint64(minute) * 60000;
}

logs::Spike spikeAt(int minute, int status, qint64 count, double peakScore)
{
    logs::Spike spike;
    spike.status = status;
    spike.startMs = minuteMs(minute);
    spike.endMs = minuteMs(minute + 1);
    spike.count = count;
    spike.baseline = 0.5;
    spike.peakScore = peakScore;
    return spike;
}

// `minutes` minutes of traffic, each filled by `fill`, with the given spikes.
logs::LogSummary summaryOf(int minutes, const std::function<void(int, logs::MinuteCell &)> &fill,
                           const QList<logs::Spike> &spikes = {})
{
    logs::LogSummary summary;
    for (int m = 0; m < minutes; ++m) {
        logs::MinuteCell cell;
        fill(m, cell);
        summary.minutes.emplace_back(minuteMs(m) / 60000, cell);
    }
    summary.hasTimeRange = true;
    summary.firstMs = minuteMs(0);
    summary.lastMs = minuteMs(minutes) - 1;
    summary.tzOffsetMinutes = kTzOffsetMinutes;
    summary.bucketSeconds = 60;
    summary.spikes = spikes;
    return summary;
}

// 300 minutes of 50 × 200, with 30 × 503 at minute 150 and 20 × 429 at minute 152: two spikes
// so close that at this zoom their labels would sit on each other.
logs::LogSummary twoSpikes()
{
    return summaryOf(
        300,
        [](int m, logs::MinuteCell &cell) {
            cell.add(200, 50);
            if (m == 150)
                cell.add(503, 30);
            if (m == 152)
                cell.add(429, 20);
        },
        {spikeAt(150, 503, 30, 20.0), spikeAt(152, 429, 20, 10.0)});
}

// A chart of the width LogView gives it in a 1280 × 800 window.
struct ShownChart
{
    explicit ShownChart(const logs::LogSummary &summary, int bucketSeconds = 60, QSize size = QSize(880, 640))
    {
        chart.resize(size);
        chart.show();
        chart.setSummary(summary);
        chart.setBucketSeconds(bucketSeconds);
        plot()->replot(); // lays out the legend and the spike labels
    }
    QCustomPlot *plot() const { return chart.plot(); }
    LogChart chart;
};

QCPAbstractPlottable *series(QCustomPlot *plot, const QString &name)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        if (plot->plottable(i)->name() == name)
            return plot->plottable(i);
    }
    ADD_FAILURE() << "no series " << name.toStdString();
    return nullptr;
}

QCPBars *bars(QCustomPlot *plot, int statusClass)
{
    return qobject_cast<QCPBars *>(series(plot, QStringLiteral("%1xx").arg(statusClass)));
}

void mouse(QWidget *widget, QEvent::Type type, QPoint at, Qt::MouseButtons buttons,
           Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(at), widget->mapToGlobal(QPointF(at)), button, buttons, modifiers);
    QCoreApplication::sendEvent(widget, &event);
}

void click(QWidget *widget, QPoint at)
{
    mouse(widget, QEvent::MouseButtonPress, at, Qt::LeftButton);
    mouse(widget, QEvent::MouseButtonRelease, at, Qt::NoButton);
}

void drag(QWidget *widget, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    mouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, modifiers);
    mouse(widget, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton, modifiers);
    mouse(widget, QEvent::MouseMove, to, Qt::LeftButton, modifiers);
    mouse(widget, QEvent::MouseButtonRelease, to, Qt::NoButton, modifiers);
}

QRectF labelRect(const QCPItemText *label)
{
    return QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition()).normalized();
}

// The pixel column of a time (UTC ms) on the chart.
int pixelOf(const LogChart &chart, qint64 utcMs)
{
    return int(chart.plot()->xAxis->coordToPixel(double(utcMs) / 1000.0 + kTzOffsetMinutes * 60.0));
}

double meanLuminance(const QImage &image)
{
    double sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            sum += QColor(image.pixel(x, y)).lightnessF();
    }
    return sum / double(image.width() * image.height());
}

} // namespace

TEST(LogChart, SelectedStatusHighlightsItsClassAndDimsTheOthers)
{
    ShownChart shown(summaryOf(30, [](int, logs::MinuteCell &cell) {
        cell.add(200, 40);
        cell.add(404, 5);
        cell.add(503, 2);
    }));
    QCustomPlot *plot = shown.plot();
    auto *rate4 = qobject_cast<QCPGraph *>(series(plot, QStringLiteral("4xx rate")));
    auto *rate5 = qobject_cast<QCPGraph *>(series(plot, QStringLiteral("5xx rate")));
    ASSERT_TRUE(rate4 && rate5);
    for (int c = 1; c <= 5; ++c)
        EXPECT_EQ(bars(plot, c)->brush().color().alpha(), 255) << c << "xx before any highlight";

    shown.chart.highlightStatus(404);
    EXPECT_EQ(shown.chart.highlightedClass(), 4);
    EXPECT_EQ(bars(plot, 4)->brush().color().alpha(), 255);
    for (int c : {1, 2, 3, 5})
        EXPECT_LT(bars(plot, c)->brush().color().alpha(), 100) << c << "xx stays bright";
    EXPECT_GT(rate4->pen().widthF(), rate5->pen().widthF());
    EXPECT_LT(rate5->pen().color().alpha(), 100);
    EXPECT_EQ(rate4->pen().color().alpha(), 255);
    EXPECT_TRUE(plot->legend->itemWithPlottable(bars(plot, 4))->font().bold());
    EXPECT_FALSE(plot->legend->itemWithPlottable(bars(plot, 2))->font().bold());

    shown.chart.highlightClass(0);
    EXPECT_EQ(shown.chart.highlightedClass(), 0);
    for (int c = 1; c <= 5; ++c)
        EXPECT_EQ(bars(plot, c)->brush().color().alpha(), 255) << c << "xx after clearing";
    EXPECT_EQ(rate5->pen().color().alpha(), 255);
}

// Each minute: 100 × 200, 50 × 404, 20 × 503. With 4xx hidden, the 5xx bar must stand on the
// 2xx bar (100..120), not float where it stood on the 4xx one (150..170).
TEST(LogChart, HidingASeriesRestacksTheOthersAndRefitsTheAxis)
{
    ShownChart shown(summaryOf(30, [](int, logs::MinuteCell &cell) {
        cell.add(200, 100);
        cell.add(404, 50);
        cell.add(503, 20);
    }));
    QCustomPlot *plot = shown.plot();
    QCPBars *bars4 = bars(plot, 4);
    QCPBars *bars5 = bars(plot, 5);
    EXPECT_GE(plot->yAxis->range().upper, 170);

    emit plot->legendClick(plot->legend, plot->legend->itemWithPlottable(bars4), nullptr);
    plot->replot();
    ASSERT_FALSE(bars4->visible());
    EXPECT_EQ(bars5->barBelow(), bars(plot, 3));
    const int x = pixelOf(shown.chart, minuteMs(15) + 30000);
    const auto inBar = [&](QCPBars *b, double value) {
        const double distance = b->selectTest(QPointF(x, plot->yAxis->coordToPixel(value)), false);
        return distance >= 0 && distance < plot->selectionTolerance();
    };
    EXPECT_TRUE(inBar(bars5, 110)) << "the 5xx bar sits on the 2xx bar";
    EXPECT_FALSE(inBar(bars5, 160)) << "the 5xx bar still floats where the 4xx bar was";
    EXPECT_LT(plot->yAxis->range().upper, 160) << "the axis still makes room for hidden 4xx";
    EXPECT_GE(plot->yAxis->range().upper, 120);

    emit plot->legendClick(plot->legend, plot->legend->itemWithPlottable(bars4), nullptr);
    plot->replot();
    EXPECT_EQ(bars5->barBelow(), bars4);
    EXPECT_TRUE(inBar(bars5, 160));
    EXPECT_GE(plot->yAxis->range().upper, 170);
}

TEST(LogChart, LegendSitsBesideTheDataAtEveryWidth)
{
    for (const QSize size : {QSize(880, 640), QSize(460, 400)}) {
        ShownChart shown(twoSpikes(), 60, size);
        QCustomPlot *plot = shown.plot();
        const QRect data = plot->axisRect()->rect();
        for (int i = 0; i < plot->plottableCount(); ++i) {
            QCPPlottableLegendItem *item = plot->legend->itemWithPlottable(plot->plottable(i));
            ASSERT_NE(item, nullptr);
            const QRect entry = item->outerRect();
            EXPECT_FALSE(entry.intersects(data)) << "legend entry " << i << " covers the data at " << size.width();
            EXPECT_TRUE(plot->rect().contains(entry)) << "legend entry " << i << " cut at " << size.width();
        }
        EXPECT_GT(data.height(), size.height() / 2) << "the legend takes the plot's room";
    }
}

// Two spikes two minutes apart on a 300-minute chart: their labels would overlap, so only the
// stronger one shows; zoomed in, both show, each centred over its own window.
TEST(LogChart, SpikeLabelsDoNotCoverEachOther)
{
    ShownChart shown(twoSpikes());
    LogChart &chart = shown.chart;
    ASSERT_EQ(chart.spikes().size(), 2);
    QCPItemText *strong = chart.spikeLabel(0);
    QCPItemText *weak = chart.spikeLabel(1);
    ASSERT_TRUE(strong && weak);
    EXPECT_TRUE(strong->visible());
    EXPECT_FALSE(weak->visible() && labelRect(strong).intersects(labelRect(weak)))
        << "the 429 label covers the 503 label";
    // The hidden one is still found (tooltip, guide) by its shaded window.
    const int weakX = pixelOf(chart, minuteMs(152) + 30000);
    EXPECT_EQ(chart.spikeAt(QPoint(weakX, chart.plot()->axisRect()->center().y())), 1);

    chart.plot()->xAxis->setRange(double(minuteMs(140)) / 1000 + kTzOffsetMinutes * 60,
                                  double(minuteMs(165)) / 1000 + kTzOffsetMinutes * 60);
    chart.plot()->replot();
    ASSERT_TRUE(strong->visible());
    ASSERT_TRUE(weak->visible());
    EXPECT_FALSE(labelRect(strong).intersects(labelRect(weak)));
    for (int i = 0; i < 2; ++i) {
        const logs::Spike &spike = chart.spikes()[i];
        const QRectF tag = labelRect(chart.spikeLabel(i));
        EXPECT_GE(tag.center().x(), pixelOf(chart, spike.startMs) - 1) << "label " << i << " beside its spike";
        EXPECT_LE(tag.center().x(), pixelOf(chart, spike.endMs) + 1) << "label " << i << " beside its spike";
        // Above the bars: the tallest bar (80 requests) ends below the label.
        EXPECT_LE(tag.bottom(), chart.plot()->yAxis->coordToPixel(80) + 1) << "label " << i << " covers bars";
    }
}

// The bug users met: the label's text reached over later buckets, and a click on it opened
// one of those, where the spike's status did not occur.
TEST(LogChart, ClickOnASpikeLabelOpensTheBucketThatHoldsTheSpike)
{
    ShownChart shown(twoSpikes());
    LogChart &chart = shown.chart;
    QSignalSpy buckets(&chart, &LogChart::bucketClicked);
    QSignalSpy spikes(&chart, &LogChart::spikeClicked);
    QCPItemText *label = chart.spikeLabel(0);
    ASSERT_TRUE(label && label->visible());
    // The right end of the tag: several one-minute buckets past the spike at this zoom.
    const QRectF tag = labelRect(label);
    const QPoint onLabel(int(tag.right()) - 3, int(tag.center().y()));
    ASSERT_GT(onLabel.x(), pixelOf(chart, minuteMs(151))) << "the test needs a label wider than its spike";

    click(chart.plot(), onLabel);
    ASSERT_EQ(buckets.size(), 1);
    const qint64 from = buckets.at(0).at(0).toLongLong();
    const qint64 to = buckets.at(0).at(1).toLongLong();
    EXPECT_EQ(from, minuteMs(150));
    EXPECT_EQ(to, minuteMs(151));
    qint64 count503 = 0;
    for (const logs::SeriesBucket &bucket : chart.buckets()) {
        if (bucket.startMs >= from && bucket.startMs < to)
            count503 += bucket.byStatus.value(503);
    }
    EXPECT_EQ(count503, 30) << "the opened bucket does not hold the spike's status";
    ASSERT_EQ(spikes.size(), 1);
    EXPECT_EQ(spikes.at(0).at(0).toInt(), 503);

    // In five-minute buckets the spike opens the five minutes that hold it.
    chart.setBucketSeconds(300);
    chart.plot()->replot();
    EXPECT_EQ(chart.spikeBucketRange(0), std::make_pair(minuteMs(150), minuteMs(155)));

    // A click on a bar away from any label opens that bar.
    buckets.clear();
    click(chart.plot(), QPoint(pixelOf(chart, minuteMs(60) + 150000), chart.plot()->axisRect()->center().y()));
    ASSERT_EQ(buckets.size(), 1);
    EXPECT_EQ(buckets.at(0).at(0).toLongLong(), minuteMs(60));
    EXPECT_EQ(buckets.at(0).at(1).toLongLong(), minuteMs(65));
}

TEST(LogChart, HoveringASpikeLabelShowsStatusWindowCountAndBaseline)
{
    ShownChart shown(twoSpikes());
    LogChart &chart = shown.chart;
    const QString tip = chart.spikeTooltip(0);
    for (const char *part : {"503", "2024-05-13T12:30:00+02:00 – 12:31:00", "30 × 503", "expected about 0.5 per 1 min"})
        EXPECT_TRUE(tip.contains(QString::fromUtf8(part))) << part << " not in " << tip.toStdString();

    const QPoint onLabel = labelRect(chart.spikeLabel(0)).center().toPoint();
    mouse(chart.plot(), QEvent::MouseMove, onLabel, Qt::NoButton);
    EXPECT_EQ(QToolTip::text(), tip);
    QToolTip::hideText();
}

TEST(LogChart, DraggingSelectsATimeRangeShiftDragPans)
{
    ShownChart shown(summaryOf(60, [](int, logs::MinuteCell &cell) { cell.add(200, 10); }));
    LogChart &chart = shown.chart;
    QCustomPlot *plot = shown.plot();
    QSignalSpy selected(&chart, &LogChart::rangeSelected);
    QSignalSpy cleared(&chart, &LogChart::rangeCleared);
    QSignalSpy buckets(&chart, &LogChart::bucketClicked);
    const QCPRange before = plot->xAxis->range();
    const int y = plot->axisRect()->center().y();

    // From the middle of minute 10 to the middle of minute 20: whole minutes 10..20.
    drag(plot, QPoint(pixelOf(chart, minuteMs(10) + 30000), y), QPoint(pixelOf(chart, minuteMs(20) + 30000), y));
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.at(0).at(0).toLongLong(), minuteMs(10));
    EXPECT_EQ(selected.at(0).at(1).toLongLong(), minuteMs(21));
    EXPECT_TRUE(chart.hasSelectedRange());
    EXPECT_EQ(chart.selectedFromMs(), minuteMs(10));
    EXPECT_EQ(buckets.size(), 0) << "a drag is not a click";
    EXPECT_DOUBLE_EQ(plot->xAxis->range().lower, before.lower) << "a plain drag must not pan";
    EXPECT_DOUBLE_EQ(plot->xAxis->range().upper, before.upper);
    EXPECT_FALSE(chart.isUserRange());

    // Right to left selects the same way.
    drag(plot, QPoint(pixelOf(chart, minuteMs(40) + 30000), y), QPoint(pixelOf(chart, minuteMs(35) + 30000), y));
    ASSERT_EQ(selected.size(), 2);
    EXPECT_EQ(selected.at(1).at(0).toLongLong(), minuteMs(35));
    EXPECT_EQ(selected.at(1).at(1).toLongLong(), minuteMs(41));

    // A click still opens its bucket and leaves the selection alone.
    click(plot, QPoint(pixelOf(chart, minuteMs(5) + 30000), y));
    ASSERT_EQ(buckets.size(), 1);
    EXPECT_EQ(buckets.at(0).at(0).toLongLong(), minuteMs(5));
    EXPECT_EQ(selected.size(), 2);
    EXPECT_TRUE(chart.hasSelectedRange());

    // Shift+drag pans, as plain dragging did before.
    drag(plot, QPoint(pixelOf(chart, minuteMs(30)), y), QPoint(pixelOf(chart, minuteMs(40)), y), Qt::ShiftModifier);
    EXPECT_EQ(selected.size(), 2);
    EXPECT_LT(plot->xAxis->range().lower, before.lower - 5 * 60);
    EXPECT_TRUE(chart.isUserRange());

    chart.clearSelectedRange();
    EXPECT_FALSE(chart.hasSelectedRange());
    EXPECT_EQ(cleared.size(), 1);
    chart.clearSelectedRange();
    EXPECT_EQ(cleared.size(), 1) << "nothing left to clear";
}

TEST(LogChart, FollowsADarkPalette)
{
    ShownChart shown(twoSpikes());
    LogChart &chart = shown.chart;
    const double light = meanLuminance(chart.grab().toImage());
    EXPECT_GT(light, 0.6) << "the measure itself: a light chart is light";

    ui::applyTheme(QString::fromLatin1(ui::kThemeDark));
    QCoreApplication::processEvents();
    const QImage image = chart.grab().toImage();
    const QRect data = chart.plot()->axisRect()->rect();
    const int tickLabels = chart.plot()->xAxis->tickLabelColor().lightness();
    const int legendText = chart.plot()->legend->item(0)->textColor().lightness();
    const int spikeText = chart.spikeLabel(0)->color().lightness();
    ui::applyTheme(QString::fromLatin1(ui::kThemeSystem));
    QCoreApplication::processEvents();

    EXPECT_LT(meanLuminance(image), 0.3) << "the chart stays light in dark mode";
    // Empty plot background (in the headroom over the bars, left of any spike) and the margin.
    EXPECT_LT(QColor(image.pixel(data.left() + 4, data.top() + 4)).lightness(), 80);
    EXPECT_LT(QColor(image.pixel(2, 2)).lightness(), 80);
    // Tick labels, legend text and spike labels are light on it.
    EXPECT_GT(tickLabels, 150);
    EXPECT_GT(legendText, 150);
    EXPECT_GT(spikeText, 150);
    // And back: the system palette (light here) reaches the chart again.
    EXPECT_GT(meanLuminance(chart.grab().toImage()), 0.6);
}
