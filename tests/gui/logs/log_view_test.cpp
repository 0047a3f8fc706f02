// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_support.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_view.h"
#include "log_view_wait.h"
#include "ui/main_window.h"

#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#else
#include <unistd.h>
#endif

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::ui::LogView;
using statusscope::ui::StatusActivation;
using statusscope::test::waitFor;
using statusscope::test::waitForLoad;

namespace {

QString writeLog(const QTemporaryDir &dir, int minutes)
{
    QByteArray text;
    for (int m = 0; m < minutes; ++m) {
        const QByteArray time = "13/May/2024:10:" + QByteArray::number(m).rightJustified(2, '0') + ":00 +0200";
        for (int i = 0; i < 50; ++i)
            text += "10.0.0.1 - - [" + time + "] \"GET /p" + QByteArray::number(i % 3) + " HTTP/1.1\" "
                    + (m == minutes - 1 && i < 30 ? "503" : (i == 0 ? "404" : "200")) + " 5 \"-\" \"ua\"\n";
    }
    text += "not a log line\n";
    const QString path = dir.filePath(QStringLiteral("access.log"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

} // namespace

TEST(LogView, OpeningALogFillsTheChartAndTables)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir, 40)});
    view.resize(1000, 600);
    view.show();
    ASSERT_TRUE(waitForLoad(view));
    EXPECT_EQ(view.summary().linesParsed, 2000);
    EXPECT_EQ(view.summary().linesSkipped, 1);
    const auto &buckets = view.chart()->buckets();
    ASSERT_FALSE(buckets.isEmpty());
    qint64 total = 0;
    for (const auto &bucket : buckets)
        total += bucket.total;
    EXPECT_EQ(total, 2000);
    EXPECT_EQ(view.chart()->currentBucketSeconds(), 60);
    EXPECT_EQ(view.statusTable()->rowCount(), 3); // 200, 404, 503
    ASSERT_EQ(view.summary().spikes.size(), 1);
    EXPECT_EQ(view.summary().spikes[0].status, 503);
    // The tooltip of the last bucket names its statuses, in the log's own zone.
    const QString tip = view.chart()->tooltipFor(int(buckets.size()) - 1);
    EXPECT_TRUE(tip.contains(QStringLiteral("503: 30"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("+02:00"))) << tip.toStdString();
}

TEST(LogView, StatusClickEmitsStatusSelected)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir, 10)});
    ASSERT_TRUE(waitForLoad(view));
    QList<int> selected;
    QObject::connect(&view, &LogView::statusActivated, &view,
                     [&](const StatusActivation &activation) { selected << activation.codeId.toInt(); });
    QTableWidget *table = view.statusTable();
    int row404 = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->data(Qt::DisplayRole).toInt() == 404)
            row404 = row;
    }
    ASSERT_GE(row404, 0);
    emit table->cellClicked(row404, 1);
    EXPECT_EQ(selected, QList<int>{404});
}

TEST(LogView, ClickedBucketListsStatusesAndPaths)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir, 10)});
    ASSERT_TRUE(waitForLoad(view));
    const auto buckets = view.chart()->buckets();
    ASSERT_FALSE(buckets.isEmpty());
    view.showBucket(buckets.back().startMs, buckets.back().startMs + 60000);
    ASSERT_TRUE(waitFor(view, &LogView::bucketDetailsReady, 30000));
    QTableWidget *table = view.bucketTable();
    QStringList cells;
    for (int row = 0; row < table->rowCount(); ++row)
        cells << table->item(row, 0)->text() + QLatin1Char(' ') + table->item(row, 1)->text()
                     + (table->item(row, 2) ? QLatin1Char(' ') + table->item(row, 2)->text() : QString());
    EXPECT_TRUE(cells.contains(QStringLiteral("503 30 60.00%"))) << cells.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(cells.contains(QStringLiteral("503 10 /p0"))) << cells.join(QLatin1Char('|')).toStdString();
}

TEST(LogView, ExportsPngPdfAndCsv)
{
    QTemporaryDir dir;
    LogView view({writeLog(dir, 10)});
    view.resize(900, 500);
    ASSERT_TRUE(waitForLoad(view));
    const QString png = dir.filePath(QStringLiteral("c.png"));
    const QString pdf = dir.filePath(QStringLiteral("c.pdf"));
    const QString csv = dir.filePath(QStringLiteral("c.csv"));
    EXPECT_TRUE(view.exportPng(png)) << view.lastError().toStdString();
    EXPECT_TRUE(view.exportPdf(pdf)) << view.lastError().toStdString();
    EXPECT_TRUE(view.exportCsv(csv)) << view.lastError().toStdString();
    QFile pngFile(png);
    ASSERT_TRUE(pngFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pngFile.read(8).startsWith("\x89PNG"));
    QFile pdfFile(pdf);
    ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdfFile.read(5).startsWith("%PDF"));
    QFile csvFile(csv);
    ASSERT_TRUE(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.size(), 11); // header + 10 one-minute buckets
    EXPECT_TRUE(lines[0].startsWith("start,total,1xx"));
    EXPECT_FALSE(view.exportCsv(dir.filePath(QStringLiteral("missing/dir/c.csv"))));
}

TEST(LogView, MainWindowOpensAnAccessLogInALogTab)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    ui::MainWindow window(&settings);
    window.registerViewer(FileKind::AccessLog,
                          [](const QString &path, QWidget *parent) { return new LogView({path}, parent); });
    QWidget *tab = window.openFile(writeLog(dir, 5));
    auto *view = qobject_cast<LogView *>(tab);
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(waitForLoad(*view));
    EXPECT_EQ(view->summary().linesParsed, 250);
}

namespace {

// One combined-format line per request: `perSecond` requests each second of hour `hour`, the
// first of each second a 500.
QByteArray hourOfLines(int hour, int perSecond)
{
    QByteArray block;
    for (int s = 0; s < 3600; ++s) {
        const QByteArray time = "13/May/2024:" + QByteArray::number(hour) + ":"
                                + QByteArray::number(s / 60).rightJustified(2, '0') + ":"
                                + QByteArray::number(s % 60).rightJustified(2, '0') + " +0000";
        for (int i = 0; i < perSecond; ++i)
            block += "10.0.0." + QByteArray::number(i) + " - - [" + time + "] \"GET /p HTTP/1.1\" "
                     + (i == 0 ? "500" : "200") + " 5 \"-\" \"ua\"\n";
    }
    return block;
}

qint64 requestsIn(const QList<logs::SeriesBucket> &buckets)
{
    qint64 total = 0;
    for (const logs::SeriesBucket &b : buckets)
        total += b.total;
    return total;
}

qint64 linesIn(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    qint64 lines = 0;
    while (!file.atEnd())
        lines += file.read(1 << 20).count('\n');
    return lines;
}

#ifdef Q_OS_WIN
int makePipe(int fds[2]) { return _pipe(fds, 1 << 20, _O_BINARY); }
#define STATUSSCOPE_TEST_DUP _dup
#define STATUSSCOPE_TEST_DUP2 _dup2
#define STATUSSCOPE_TEST_CLOSE _close
#define STATUSSCOPE_TEST_WRITE _write
#else
int makePipe(int fds[2]) { return ::pipe(fds); }
#define STATUSSCOPE_TEST_DUP ::dup
#define STATUSSCOPE_TEST_DUP2 ::dup2
#define STATUSSCOPE_TEST_CLOSE ::close
#define STATUSSCOPE_TEST_WRITE ::write
#endif

bool writeAll(int fd, const QByteArray &bytes)
{
    for (qsizetype at = 0; at < bytes.size();) {
        const auto n = STATUSSCOPE_TEST_WRITE(fd, bytes.constData() + at, unsigned(qMin<qsizetype>(bytes.size() - at, 1 << 16)));
        if (n <= 0)
            return false;
        at += n;
    }
    return true;
}

} // namespace

// The chart fills in while a log is still being read. The log comes through stdin ("-") from a
// pipe this test feeds: the first hour, then nothing until the chart has shown it, then the
// second hour. Drawing only at the end cannot pass: the first chart is waited for while the
// second hour has not been written yet.
TEST(LogView, ChartFillsInBeforeABigFileIsRead)
{
    // Over two of the reader's 4 MiB stream blocks each, so the first hour is parsed while the
    // reader waits for more.
    const QByteArray firstHour = hourOfLines(10, 40);
    const QByteArray secondHour = hourOfLines(11, 40);
    ASSERT_GT(firstHour.size(), 9 * 1024 * 1024);

    int fds[2];
    ASSERT_EQ(makePipe(fds), 0);
    const int savedStdin = STATUSSCOPE_TEST_DUP(0);
    ASSERT_GE(savedStdin, 0);
    ASSERT_EQ(STATUSSCOPE_TEST_DUP2(fds[0], 0), 0);
    STATUSSCOPE_TEST_CLOSE(fds[0]);

    std::promise<void> secondHourWanted;
    std::future<void> go = secondHourWanted.get_future();
    std::atomic<bool> wroteAll{false};
    std::thread writer([&] {
        if (writeAll(fds[1], firstHour)) {
            go.wait_for(std::chrono::seconds(120));
            wroteAll = writeAll(fds[1], secondHour);
        }
        STATUSSCOPE_TEST_CLOSE(fds[1]);
    });

    {
        LogView view({QStringLiteral("-")});
        view.resize(1000, 600);
        view.show();
        const bool shown = waitFor(view, &LogView::firstDataShown);
        const bool stillReading = view.isLoading();
        const QList<logs::SeriesBucket> early = view.chart()->buckets();
        secondHourWanted.set_value();
        const bool loaded = waitForLoad(view);
        writer.join();
        STATUSSCOPE_TEST_DUP2(savedStdin, 0);
        STATUSSCOPE_TEST_CLOSE(savedStdin);

        ASSERT_TRUE(shown) << "no chart before the end of the log";
        EXPECT_TRUE(stillReading);
        const qint64 firstHourLines = 3600 * 40;
        EXPECT_GT(requestsIn(early), 0);
        EXPECT_LE(requestsIn(early), firstHourLines); // only what had been written
        const qint64 elevenOClock = QDateTime(QDate(2024, 5, 13), QTime(11, 0), Qt::UTC).toMSecsSinceEpoch();
        for (const logs::SeriesBucket &b : early)
            EXPECT_LT(b.startMs, elevenOClock) << "a bucket of the hour not yet written";

        ASSERT_TRUE(loaded);
        EXPECT_TRUE(wroteAll);
        EXPECT_EQ(view.summary().linesParsed, 2 * firstHourLines);
        EXPECT_EQ(requestsIn(view.chart()->buckets()), 2 * firstHourLines);
        EXPECT_GE(view.chart()->buckets().last().startMs, elevenOClock);
    }
}

// Times to first and complete chart for a big file read from disk (mapped, on two cores); the
// benchmark points STATUSSCOPE_LOG_BENCH_FILE at its 5M-line file, otherwise a 298,800-line
// log is generated. The times go to the test's output and its XML properties.
TEST(LogView, BigFileReadTimes)
{
    QTemporaryDir dir;
    QString path = qEnvironmentVariable("STATUSSCOPE_LOG_BENCH_FILE");
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("big.log"));
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(hourOfLines(10, 83));
    }
    QElapsedTimer clock;
    clock.start();
    LogView view({path});
    view.resize(1000, 600);
    view.show();
    qint64 firstMs = -1;
    QObject::connect(&view, &LogView::firstDataShown, &view, [&] { firstMs = clock.elapsed(); });
    ASSERT_TRUE(waitForLoad(view));
    const qint64 completeMs = clock.elapsed();
    ::testing::Test::RecordProperty("first_chart_ms", int(firstMs));
    ::testing::Test::RecordProperty("complete_chart_ms", int(completeMs));
    std::printf("log view: first chart %lld ms, complete chart %lld ms, %lld lines\n", firstMs, completeMs,
                view.summary().linesTotal);
    EXPECT_EQ(view.summary().linesTotal, linesIn(path));
    EXPECT_EQ(view.summary().linesParsed + view.summary().linesSkipped, view.summary().linesTotal);
    EXPECT_EQ(requestsIn(view.chart()->buckets()), view.summary().linesParsed);
}

// A docker compose capture of nginx's `main` format: every line is read (none skipped), the
// wrapper is named, and the Deviations tab counts the extra field with examples (file:line).
TEST(LogView, DeviationsTabCountsWhatWasReadDespiteDeviating)
{
    QTemporaryDir dir;
    QByteArray text;
    for (int i = 0; i < 30; ++i)
        text += "web-1  | 10.0.0.1 - - [13/May/2024:10:" + QByteArray::number(i).rightJustified(2, '0')
                + ":00 +0000] \"GET /p HTTP/1.1\" 200 5 \"-\" \"ua\" \"198.51.100.7\"\n";
    const QString path = dir.filePath(QStringLiteral("compose.log"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    LogView view({path});
    view.resize(1280, 700);
    view.show();
    ASSERT_TRUE(waitForLoad(view));
    EXPECT_EQ(view.summary().linesParsed, 30);
    EXPECT_EQ(view.summary().linesSkipped, 0);
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("deviationTable"));
    ASSERT_TRUE(table);
    ASSERT_EQ(table->rowCount(), 1 + 5); // the type's row, then its first five examples
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("extra_fields"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("30"));
    EXPECT_EQ(table->item(1, 2)->text(), QStringLiteral("compose.log:1"));
    auto *tabs = qobject_cast<QTabWidget *>(table->parentWidget()->parentWidget());
    ASSERT_TRUE(tabs);
    EXPECT_EQ(tabs->tabText(tabs->indexOf(table)), QStringLiteral("Deviations (30)"));
    auto *status = view.findChild<QLabel *>();
    bool named = false;
    for (QLabel *label : view.findChildren<QLabel *>())
        named = named || label->text().contains(QStringLiteral("inside docker-compose"));
    EXPECT_TRUE(named) << (status ? status->text().toStdString() : std::string());
}
