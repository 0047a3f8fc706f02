// LogView drill-down: a chosen status narrows the tables, the filter bar recounts chart and
// tables, raw lines behind a bar (exact file:line, copy, context), top panels that fit 1280 px.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/support/test_support.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_filter_bar.h"
#include "ui/logs/log_view.h"
#include "ui/logs/raw_lines_model.h"
#include "ui/logs/raw_lines_panel.h"
#include "log_view_wait.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cstdio>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::test::waitFor;
using statusscope::test::waitForLoad;
using statusscope::ui::LogFilterBar;
using statusscope::ui::LogView;
using statusscope::ui::RawLinesPanel;

namespace {

// Line `index` (0-based) of minute `m`: 50 a minute over 20 minutes from 10:00 +0200. Clients
// 10.0.0.1 and 10.0.9.9 alternate; every 10th request is a POST /api/…; the last minute has
// 30 × 503; one 404 a minute; "curl" on every 5th.
QByteArray line(int m, int i)
{
    const int status = m == 19 && i < 30 ? 503 : (i == 1 ? 404 : 200);
    const QByteArray client = i % 2 ? "10.0.9.9" : "10.0.0.1";
    const QByteArray request = i % 10 == 0 ? "POST /api/orders/" + QByteArray::number(i) : "GET /static/p" + QByteArray::number(i % 3);
    const QByteArray agent = i % 5 == 0 ? "curl/8.5.0" : "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/126.0";
    return client + " - - [13/May/2024:10:" + QByteArray::number(m).rightJustified(2, '0') + ":"
           + QByteArray::number(i).rightJustified(2, '0') + " +0200] \"" + request + " HTTP/1.1\" "
           + QByteArray::number(status) + " 5 \"-\" \"" + agent + "\"";
}

constexpr int kMinutes = 20;
constexpr int kPerMinute = 50;

QString writeLog(const QTemporaryDir &dir)
{
    QByteArray text;
    for (int m = 0; m < kMinutes; ++m) {
        for (int i = 0; i < kPerMinute; ++i)
            text += line(m, i) + "\n";
    }
    const QString path = dir.filePath(QStringLiteral("access.log"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

int rowWithStatus(const QTableWidget *table, int code)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0) && table->item(row, 0)->data(Qt::DisplayRole).toInt() == code)
            return row;
    }
    return -1;
}

qint64 chartTotal(const LogView &view)
{
    qint64 total = 0;
    for (const logs::SeriesBucket &bucket : view.chart()->buckets())
        total += bucket.total;
    return total;
}

// 10:MM:00 +0200 in UTC milliseconds.
qint64 minuteMs(int minute)
{
    return 1715587200000 + qint64(minute) * 60000;
}

} // namespace

TEST(LogDrillDown, ClickedStatusNarrowsTheTablesToIt)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    ASSERT_TRUE(waitForLoad(view));
    QList<ui::StatusActivation> guides;
    QObject::connect(&view, &LogView::statusActivated, &view,
                     [&](const ui::StatusActivation &activation) { guides << activation; });

    const int row = rowWithStatus(view.statusTable(), 503);
    ASSERT_GE(row, 0);
    emit view.statusTable()->cellClicked(row, 1);
    EXPECT_EQ(guides, QList<ui::StatusActivation>{ui::StatusActivation::ofCode(503)}) << "the guide still follows the click";
    EXPECT_EQ(view.filterBar()->status(), 503);
    EXPECT_FALSE(view.filterBar()->statusChip()->isHidden());
    EXPECT_EQ(view.statusTable()->selectionModel()->selectedRows().value(0).row(), row);
    // The 503s: 27 on /static/p0..p2 and one each on /api/orders/0, /10 and /20.
    QTableWidget *paths = view.topPathTable();
    ASSERT_EQ(paths->rowCount(), 6);
    qint64 sum = 0;
    for (int r = 0; r < paths->rowCount(); ++r)
        sum += paths->item(r, 0)->data(Qt::DisplayRole).toLongLong();
    EXPECT_EQ(sum, 30);
    EXPECT_EQ(paths->item(5, 0)->data(Qt::DisplayRole).toLongLong(), 1);
    for (int r = 0; r < view.pathTable()->rowCount(); ++r)
        EXPECT_EQ(view.pathTable()->item(r, 0)->data(Qt::DisplayRole).toInt(), 503);
    EXPECT_EQ(view.topClientTable()->rowCount(), 2);

    // The bucket table of the last two minutes keeps every status (to choose another) but
    // hides the paths of other statuses: minute 18's 404 on /static/p1.
    view.showBucket(minuteMs(18), minuteMs(20));
    ASSERT_TRUE(waitFor(view, &LogView::bucketDetailsReady, 30000));
    QTableWidget *bucket = view.bucketTable();
    const int bucket200 = rowWithStatus(bucket, 200);
    ASSERT_GE(bucket200, 0);
    EXPECT_FALSE(bucket->isRowHidden(bucket200));
    int path404 = -1;
    for (int r = 0; r < bucket->rowCount(); ++r) {
        if (bucket->item(r, 0)->data(Qt::DisplayRole).toInt() == 404 && bucket->item(r, 2)->text().startsWith(QLatin1Char('/')))
            path404 = r;
    }
    ASSERT_GE(path404, 0);
    EXPECT_TRUE(bucket->isRowHidden(path404));

    view.filterBar()->statusChip()->click();
    EXPECT_EQ(view.filterBar()->status(), 0);
    EXPECT_FALSE(bucket->isRowHidden(path404));
    EXPECT_EQ(view.topPathTable()->item(0, 1)->text(), QStringLiteral("/static/p0")); // 300 each: by name
}

TEST(LogDrillDown, FilterBarRecountsChartAndTables)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    ASSERT_TRUE(waitForLoad(view));
    ASSERT_EQ(view.summary().linesParsed, kMinutes * kPerMinute);

    // Typing a path prefix recounts once typing settles.
    QTest::keyClicks(view.filterBar()->pathEdit(), QStringLiteral("/api/"));
    ASSERT_TRUE(waitFor(view, &LogView::recountFinished, 30000));
    EXPECT_EQ(view.summary().linesParsed, kMinutes * 5); // i = 0, 10, 20, 30, 40
    EXPECT_EQ(chartTotal(view), kMinutes * 5);
    EXPECT_EQ(view.fullSummary().linesParsed, kMinutes * kPerMinute);
    const int row200 = rowWithStatus(view.statusTable(), 200);
    ASSERT_GE(row200, 0);
    EXPECT_EQ(view.statusTable()->item(row200, 1)->data(Qt::DisplayRole).toLongLong(), 19 * 5 + 2);
    EXPECT_TRUE(view.topPathTable()->item(0, 1)->text().startsWith(QStringLiteral("/api/orders/")));

    // Client and agent narrow further; the agent matches in any case.
    view.filterBar()->pathEdit()->clear();
    QTest::keyClicks(view.filterBar()->clientEdit(), QStringLiteral("10.0.9."));
    QTest::keyClicks(view.filterBar()->userAgentEdit(), QStringLiteral("CURL"));
    ASSERT_TRUE(waitFor(view, &LogView::recountFinished, 30000));
    EXPECT_EQ(view.summary().linesParsed, kMinutes * 5); // odd i, multiple of 5: 5, 15, 25, 35, 45
    EXPECT_EQ(view.topClientTable()->rowCount(), 1);
    EXPECT_EQ(view.topAgentTable()->item(0, 1)->text(), QStringLiteral("curl/8.5.0"));

    // A time range (what a drag on the chart sets) recounts too, and its chip clears it.
    view.filterBar()->clearAll();
    view.setTimeRange(minuteMs(5), minuteMs(10) - 1);
    ASSERT_TRUE(waitFor(view, &LogView::recountFinished, 30000));
    EXPECT_EQ(view.summary().linesParsed, 5 * kPerMinute);
    EXPECT_EQ(chartTotal(view), 5 * kPerMinute);
    EXPECT_EQ(view.filterBar()->fromEdit()->text(), QStringLiteral("2024-05-13 10:05:00"));
    ASSERT_FALSE(view.filterBar()->rangeChip()->isHidden());
    view.filterBar()->rangeChip()->click(); // no filter left: the whole log's counts, nothing to read
    EXPECT_EQ(view.summary().linesParsed, kMinutes * kPerMinute);
    EXPECT_EQ(chartTotal(view), kMinutes * kPerMinute);

    // Typed times are read in the log's zone.
    view.filterBar()->fromEdit()->setText(QStringLiteral("2024-05-13 10:18"));
    emit view.filterBar()->fromEdit()->editingFinished();
    ASSERT_TRUE(waitFor(view, &LogView::recountFinished, 30000));
    EXPECT_EQ(view.summary().linesParsed, 2 * kPerMinute);
}

// The chart drives the table side: its highlight follows a chosen status, a range dragged on it
// recounts like the From/To fields, clearing it there restores the whole log, and a spike's
// label chooses the spike's status.
TEST(LogDrillDown, ChartRangeHighlightAndSpikeDriveTheFilter)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    ASSERT_TRUE(waitForLoad(view));
    auto *chart = view.findChild<ui::LogChart *>();
    ASSERT_NE(chart, nullptr);

    const int row = rowWithStatus(view.statusTable(), 503);
    ASSERT_GE(row, 0);
    emit view.statusTable()->cellClicked(row, 1);
    EXPECT_EQ(chart->highlightedClass(), 5);

    view.filterBar()->clearAll();
    emit chart->rangeSelected(minuteMs(5), minuteMs(10)); // the chart's end: first ms after the last bar
    ASSERT_TRUE(waitFor(view, &LogView::recountFinished, 30000));
    EXPECT_EQ(view.summary().linesParsed, 5 * kPerMinute);
    EXPECT_EQ(view.filterBar()->fromEdit()->text(), QStringLiteral("2024-05-13 10:05:00"));

    emit chart->rangeCleared();
    EXPECT_TRUE(view.filterBar()->rangeChip()->isHidden());
    EXPECT_EQ(view.summary().linesParsed, kMinutes * kPerMinute);

    emit chart->spikeClicked(404, minuteMs(5), minuteMs(6));
    EXPECT_EQ(view.filterBar()->status(), 404);
}

// A spike's label opens its range with the spike's status chosen: the sample rows and the raw
// lines are rows of that status, although the range's first rows are of others (minute 18 has
// no 503; the first 20 rows of minutes 18 and 19 are all 200s and a 404).
TEST(LogDrillDown, SpikeClickListsRowsOfTheSpikesStatus)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    ASSERT_TRUE(waitForLoad(view));
    emit view.chart()->bucketClicked(minuteMs(18), minuteMs(20));
    emit view.chart()->spikeClicked(503, minuteMs(18), minuteMs(20));
    ASSERT_TRUE(waitFor(view, &LogView::bucketSamplesReady, 30000));
    QTableWidget *samples = view.sampleTable();
    ASSERT_EQ(samples->rowCount(), 20);
    for (int row = 0; row < samples->rowCount(); ++row) {
        EXPECT_EQ(samples->item(row, 0)->data(Qt::DisplayRole).toInt(), 503) << row;
        EXPECT_FALSE(samples->isRowHidden(row)) << row;
    }
    EXPECT_EQ(samples->item(0, 1)->text(), QStringLiteral("access.log:951")); // 19 × 50 + 1
    EXPECT_EQ(samples->textElideMode(), Qt::ElideRight) << "a narrow panel keeps each line's method and path";
    if (view.rawLines()->model()->rowCount() == 0) {
        ASSERT_TRUE(waitFor(*view.rawLines(), &RawLinesPanel::loaded, 30000));
    }
    EXPECT_EQ(view.rawLines()->model()->rowCount(), 30) << "the range's 503s";
    // The range's reads report their progress on the bar only: the status line keeps the log's.
    QElapsedTimer clock;
    clock.start();
    while (view.isBusy() && clock.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QCoreApplication::processEvents();
    EXPECT_TRUE(view.statusLabel()->text().startsWith(QStringLiteral("1000 requests")))
        << view.statusLabel()->text().toStdString();
}

// A filter cleared while its count is still asked for: the whole log's counts at once, the
// late answer dropped, and no progress bar left behind once the source is idle.
TEST(LogDrillDown, AFilterClearedWhileCountingDropsTheLateCount)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    ASSERT_TRUE(waitForLoad(view));
    view.filterBar()->pathEdit()->setText(QStringLiteral("/api/"));
    emit view.filterBar()->filterChanged();
    ASSERT_TRUE(view.isRecounting());
    view.filterBar()->pathEdit()->clear();
    emit view.filterBar()->filterChanged();
    EXPECT_EQ(view.summary().linesParsed, kMinutes * kPerMinute);
    QElapsedTimer clock;
    clock.start();
    while (view.isBusy() && clock.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    ASSERT_FALSE(view.isBusy());
    QCoreApplication::processEvents();
    EXPECT_EQ(view.summary().linesParsed, kMinutes * kPerMinute) << "the superseded count came through";
    EXPECT_EQ(chartTotal(view), kMinutes * kPerMinute);
    EXPECT_FALSE(view.progressBar()->isVisibleTo(&view));
    EXPECT_FALSE(view.cancelButton()->isVisibleTo(&view));
}

TEST(LogDrillDown, RawLinesOfABarAreTheExactLinesWithCopyAndContext)
{
    QTemporaryDir dir;
    const QString path = writeLog(dir);
    LogView view({path});
    ASSERT_TRUE(waitForLoad(view));
    view.selectStatus(503);
    view.showBucket(minuteMs(19), minuteMs(20));
    ASSERT_TRUE(waitFor(*view.rawLines(), &RawLinesPanel::loaded, 30000));

    ui::RawLinesModel *model = view.rawLines()->model();
    ASSERT_EQ(model->rowCount(), 30) << "the bar's 503s";
    EXPECT_EQ(model->where(0), QStringLiteral("access.log:951")); // 19 × 50 + 1
    EXPECT_EQ(model->where(0, true), path + QStringLiteral(":951"));
    EXPECT_EQ(model->lineText(0), QString::fromUtf8(line(19, 0)));
    EXPECT_EQ(model->data(model->index(29, ui::RawLinesModel::StatusColumn)).toInt(), 503);
    EXPECT_TRUE(view.rawLines()->title()->text().contains(QStringLiteral("status 503")))
        << view.rawLines()->title()->text().toStdString();

    // Ctrl+C copies the selected lines as the file has them.
    QTableView *table = view.rawLines()->table();
    table->selectionModel()->select(QItemSelection(model->index(1, 0), model->index(2, 0)),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QApplication::clipboard()->clear();
    view.rawLines()->copySelection();
    EXPECT_EQ(QApplication::clipboard()->text(), QString::fromUtf8(line(19, 1) + "\n" + line(19, 2) + "\n"));

    // A double-click (activated) shows the line amid its neighbours, 200s included.
    emit table->activated(model->index(5, 0));
    QPlainTextEdit *context = view.rawLines()->contextView();
    ASSERT_FALSE(context->isHidden());
    const QStringList shown = context->toPlainText().split(QLatin1Char('\n'));
    ASSERT_EQ(shown.size(), 2 * RawLinesPanel::kContextLines + 1);
    EXPECT_TRUE(shown[RawLinesPanel::kContextLines].startsWith(QStringLiteral("▶956  ")))
        << shown[RawLinesPanel::kContextLines].toStdString();
    EXPECT_TRUE(shown[RawLinesPanel::kContextLines].endsWith(QString::fromUtf8(line(19, 5))));
    EXPECT_TRUE(shown.front().endsWith(QString::fromUtf8(line(18, 35)))) << shown.front().toStdString();
    EXPECT_EQ(context->textCursor().blockNumber(), RawLinesPanel::kContextLines);
}

TEST(LogDrillDown, RawLinesButtonListsTheChosenStatusUnderTheFilter)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    ASSERT_TRUE(waitForLoad(view));
    view.selectStatus(404);
    QTest::keyClicks(view.filterBar()->clientEdit(), QStringLiteral("10.0.9.9"));
    ASSERT_TRUE(waitFor(view, &LogView::recountFinished, 30000));
    view.findChild<QToolButton *>(QStringLiteral("rawLinesButton"))->click();
    ASSERT_TRUE(waitFor(*view.rawLines(), &RawLinesPanel::loaded, 30000));
    ui::RawLinesModel *model = view.rawLines()->model();
    ASSERT_EQ(model->rowCount(), kMinutes - 1); // i == 1: a 404 a minute but the last, all from 10.0.9.9
    for (int row = 0; row < model->rowCount(); ++row)
        EXPECT_EQ(model->lineText(row), QString::fromUtf8(line(row, 1)));
}

TEST(LogDrillDown, TopPanelsFitA1280WideWindow)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir)});
    view.resize(1280, 800);
    view.show();
    ASSERT_TRUE(waitForLoad(view));
    QCoreApplication::processEvents();
    for (QTableWidget *table : {view.topPathTable(), view.pathTable(), view.topClientTable(), view.topAgentTable()}) {
        auto *tabs = qobject_cast<QTabWidget *>(table->parentWidget()->parentWidget());
        ASSERT_NE(tabs, nullptr);
        tabs->setCurrentWidget(table);
        QCoreApplication::processEvents();
        ASSERT_GT(table->rowCount(), 0) << table->objectName().toStdString();
        const int last = table->columnCount() - 1;
        EXPECT_LE(table->columnViewportPosition(last) + table->columnWidth(last), table->viewport()->width())
            << table->objectName().toStdString();
        EXPECT_FALSE(table->horizontalScrollBar()->isVisible()) << table->objectName().toStdString();
        EXPECT_EQ(table->textElideMode(), Qt::ElideMiddle);
        EXPECT_EQ(table->item(0, last)->toolTip(), table->item(0, last)->text()) << "the whole text on hover";
    }
    EXPECT_EQ(view.topAgentTable()->item(0, 1)->text(), QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/126.0"));
}

// How long a filter's recount and a raw-lines search take. The benchmark points
// STATUSSCOPE_LOG_BENCH_FILE at a generated 1M-line log (and STATUSSCOPE_LOG_BENCH_PATH at a
// path prefix in it); otherwise 60 copies of the test log are read. The times go to the output
// and the XML properties; the two searches must agree on the count.
TEST(LogDrillDown, FilterRecountAndRawLinesTimes)
{
    QTemporaryDir dir;
    QString path = qEnvironmentVariable("STATUSSCOPE_LOG_BENCH_FILE");
    QString prefix = qEnvironmentVariable("STATUSSCOPE_LOG_BENCH_PATH", QStringLiteral("/api/"));
    if (path.isEmpty()) {
        QFile small(writeLog(dir));
        ASSERT_TRUE(small.open(QIODevice::ReadOnly));
        const QByteArray once = small.readAll();
        path = dir.filePath(QStringLiteral("big.log"));
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        for (int copy = 0; copy < 60; ++copy)
            file.write(once);
    }
    LogView view({path});
    ASSERT_TRUE(waitForLoad(view));
    QElapsedTimer clock;
    clock.start();
    view.filterBar()->pathEdit()->setText(prefix);
    emit view.filterBar()->filterChanged();
    ASSERT_TRUE(waitFor(view, &LogView::recountFinished, 120000));
    const qint64 recountMs = clock.elapsed();
    clock.restart();
    view.showRawLines();
    ASSERT_TRUE(waitFor(*view.rawLines(), &RawLinesPanel::loaded, 120000));
    const qint64 rawMs = clock.elapsed();
    ::testing::Test::RecordProperty("recount_ms", int(recountMs));
    ::testing::Test::RecordProperty("raw_lines_ms", int(rawMs));
    std::printf("drill-down: %lld lines, filter %s recounted in %lld ms (%lld match), raw lines found in %lld ms\n",
                view.fullSummary().linesTotal, qPrintable(prefix), recountMs, view.summary().linesParsed, rawMs);
    EXPECT_GT(view.summary().linesParsed, 0);
    EXPECT_EQ(view.rawLines()->model()->hits().total, view.summary().linesParsed);
}
