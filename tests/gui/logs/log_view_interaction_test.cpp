// LogView: legend entries and spike markers open guides, a clicked bucket lists sample
// lines, the Follow toggle updates the view live.
// SPDX-License-Identifier: GPL-3.0-or-later

// qcustomplot.h (2.1) needs Qt's foreach, which the project turns off (see log_chart.cpp).
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "tests/support/test_support.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_view.h"
#include "log_view_wait.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMouseEvent>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::ui::LogView;
using statusscope::ui::StatusActivation;
using statusscope::test::waitFor;
using statusscope::test::waitForLoad;

namespace {

QByteArray line(int minute, int status, int index)
{
    return "10.0.0.1 - - [13/May/2024:10:" + QByteArray::number(minute).rightJustified(2, '0')
           + ":00 +0200] \"GET /p" + QByteArray::number(index) + " HTTP/1.1\" " + QByteArray::number(status)
           + " 5 \"-\" \"ua\"\n";
}

// 40 minutes of 50 requests (one 404 a minute), the last minute 30 × 503 and 5 × 500: a
// 503 spike; 2xx's most frequent status is 200, 4xx's 404, 5xx's 503.
QString writeLog(const QTemporaryDir &dir)
{
    QByteArray text;
    for (int m = 0; m < 40; ++m) {
        for (int i = 0; i < 50; ++i) {
            int status = i == 0 ? 404 : 200;
            if (m == 39 && i < 30)
                status = 503;
            else if (m == 39 && i < 35)
                status = 500;
            text += line(m, status, i);
        }
    }
    const QString path = dir.filePath(QStringLiteral("access.log"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

void doubleClick(QCustomPlot *plot, QPointF at)
{
    QMouseEvent event(QEvent::MouseButtonDblClick, at, plot->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(plot, &event);
}

QPointF legendEntryCenter(QCustomPlot *plot, const QString &name)
{
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i));
        if (item && item->plottable()->name() == name)
            return QRectF(item->outerRect()).center();
    }
    ADD_FAILURE() << "no legend entry " << name.toStdString();
    return {};
}

} // namespace

TEST(LogViewInteraction, LegendDoubleClickOpensTheClassesTopStatusGuide)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    view.resize(1100, 600);
    view.show();
    ASSERT_TRUE(waitForLoad(view));
    ASSERT_FALSE(view.chart()->buckets().isEmpty()); // the chart holds data
    QCustomPlot *plot = view.chart()->plot();
    plot->replot(); // lays the legend out
    QList<int> selected;
    QObject::connect(&view, &LogView::statusActivated, &view,
                     [&](const StatusActivation &activation) { selected << activation.codeId.toInt(); });

    doubleClick(plot, legendEntryCenter(plot, QStringLiteral("5xx")));
    doubleClick(plot, legendEntryCenter(plot, QStringLiteral("2xx")));
    doubleClick(plot, legendEntryCenter(plot, QStringLiteral("4xx rate")));
    EXPECT_EQ(selected, (QList<int>{503, 200, 404}));

    // A single click still toggles the series.
    auto *bars5 = plot->plottable(4);
    ASSERT_EQ(bars5->name(), QStringLiteral("5xx"));
    emit plot->legendClick(plot->legend, plot->legend->itemWithPlottable(bars5), nullptr);
    EXPECT_FALSE(bars5->visible());
}

TEST(LogViewInteraction, SpikeMarkerDoubleClickOpensTheSpikesStatusGuide)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    view.resize(1100, 600);
    view.show();
    ASSERT_TRUE(waitForLoad(view));
    ASSERT_EQ(view.summary().spikes.size(), 1);
    const logs::Spike spike = view.summary().spikes.front();
    EXPECT_EQ(spike.status, 503);
    QCustomPlot *plot = view.chart()->plot();
    plot->replot();
    // The middle of the spike's shaded range, halfway up the plot.
    const double key = double(spike.startMs + spike.endMs) / 2000.0 + view.summary().tzOffsetMinutes * 60.0;
    const QPointF at(plot->xAxis->coordToPixel(key), plot->axisRect()->center().y());
    EXPECT_EQ(view.chart()->guideStatusAt(at.toPoint()), 503);
    QList<int> selected;
    QObject::connect(&view, &LogView::statusActivated, &view,
                     [&](const StatusActivation &activation) { selected << activation.codeId.toInt(); });
    doubleClick(plot, at);
    EXPECT_EQ(selected, QList<int>{503});
    // Far from any marker or legend entry: nothing to open.
    EXPECT_EQ(view.chart()->guideStatusAt(QPoint(plot->axisRect()->center().x(), plot->axisRect()->center().y())), 0);
}

TEST(LogViewInteraction, ClickedBucketListsSampleLinesWithFileAndLine)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    ASSERT_TRUE(waitForLoad(view));
    const auto buckets = view.chart()->buckets();
    ASSERT_FALSE(buckets.isEmpty());
    view.showBucket(buckets.back().startMs, buckets.back().startMs + 60000);
    ASSERT_TRUE(waitFor(view, &LogView::bucketSamplesReady));
    QTableWidget *table = view.sampleTable();
    ASSERT_EQ(table->rowCount(), 20); // kMaxSampleLines of the minute's 50
    // The last minute starts at line 39 × 50 + 1.
    EXPECT_EQ(table->item(0, 0)->data(Qt::DisplayRole).toInt(), 503);
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("access.log:1951"));
    EXPECT_TRUE(table->item(0, 2)->text().contains(QStringLiteral("10:39:00 +0200] \"GET /p0 ")))
        << table->item(0, 2)->text().toStdString();
    EXPECT_EQ(table->item(19, 1)->text(), QStringLiteral("access.log:1970"));
}

TEST(LogViewInteraction, FollowUpdatesCountsWhenLinesAreAppended)
{
    QTemporaryDir dir;
    const QString path = writeLog(dir);
    LogView view({path});
    ASSERT_TRUE(waitForLoad(view));
    ASSERT_EQ(view.summary().linesParsed, 2000);
    auto *toggle = view.findChild<QCheckBox *>(QStringLiteral("followToggle"));
    ASSERT_NE(toggle, nullptr);
    ASSERT_TRUE(toggle->isEnabled());
    toggle->setChecked(true);
    ASSERT_TRUE(view.isFollowing());

    QElapsedTimer clock;
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write(line(40, 502, 1) + line(40, 502, 2) + line(41, 200, 3));
    }
    clock.start();
    ASSERT_TRUE(waitFor(view, &LogView::followUpdated, 5000));
    EXPECT_LE(clock.elapsed(), 1000); // within a second
    EXPECT_EQ(view.summary().linesParsed, 2003);
    EXPECT_EQ(view.summary().statusCounts.value(502), 2);
    qint64 charted = 0;
    for (const auto &bucket : view.chart()->buckets())
        charted += bucket.total;
    EXPECT_EQ(charted, 2003);
    bool listed = false;
    for (int row = 0; row < view.statusTable()->rowCount(); ++row)
        listed = listed || view.statusTable()->item(row, 0)->data(Qt::DisplayRole).toInt() == 502;
    EXPECT_TRUE(listed);

    toggle->setChecked(false);
    EXPECT_FALSE(view.isFollowing());
}

// Following must not throw away the user's zoom: new lines are counted inside the range they
// chose, and "Show all" (or Home, or a double-click) brings the whole log back.
TEST(LogViewInteraction, FollowKeepsTheUsersZoomUntilShowAll)
{
    QTemporaryDir dir;
    const QString path = writeLog(dir);
    LogView view({path});
    ASSERT_TRUE(waitForLoad(view));
    QCustomPlot *plot = view.chart()->plot();
    const QCPRange fitted = plot->xAxis->range();
    EXPECT_FALSE(view.chart()->isUserRange());

    // Without zooming, the view grows with the log.
    auto *toggle = view.findChild<QCheckBox *>(QStringLiteral("followToggle"));
    ASSERT_NE(toggle, nullptr);
    toggle->setChecked(true);
    ASSERT_TRUE(view.isFollowing());
    auto append = [&](int minute, int count) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::Append));
        for (int i = 0; i < count; ++i)
            file.write(line(minute, 200, i));
    };
    append(50, 3);
    ASSERT_TRUE(waitFor(view, &LogView::followUpdated, 5000));
    EXPECT_GT(plot->xAxis->range().upper, fitted.upper + 9 * 60); // ten minutes more, minus margins

    // Zoomed into minutes 10..20 (as a wheel turn would): following keeps that range.
    const double minute0 = fitted.lower + 60; // fitRange keeps a 60 s margin for short logs
    const QCPRange zoomed(minute0 + 10 * 60, minute0 + 20 * 60);
    plot->xAxis->setRange(zoomed);
    EXPECT_TRUE(view.chart()->isUserRange());
    append(55, 4);
    ASSERT_TRUE(waitFor(view, &LogView::followUpdated, 5000));
    EXPECT_EQ(view.summary().linesParsed, 2007);
    EXPECT_DOUBLE_EQ(plot->xAxis->range().lower, zoomed.lower);
    EXPECT_DOUBLE_EQ(plot->xAxis->range().upper, zoomed.upper);

    auto *showAll = view.findChild<QToolButton *>(QStringLiteral("showAllButton"));
    ASSERT_NE(showAll, nullptr);
    showAll->click();
    EXPECT_FALSE(view.chart()->isUserRange());
    EXPECT_LT(plot->xAxis->range().lower, zoomed.lower);
    EXPECT_GT(plot->xAxis->range().upper, fitted.upper + 14 * 60); // up to minute 55
    toggle->setChecked(false);
}

TEST(LogViewInteraction, GzipLogsCannotBeFollowed)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.log.gz"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x1f\x8b", 2) + QByteArray(64, '\0'));
    file.close();
    LogView view({path});
    ASSERT_TRUE(waitFor(view, &LogView::loadFinished, 30000) || !view.isLoading());
    EXPECT_FALSE(view.canFollow());
    EXPECT_FALSE(view.setFollowing(true));
}
