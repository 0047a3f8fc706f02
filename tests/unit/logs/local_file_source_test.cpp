// SPDX-License-Identifier: GPL-3.0-or-later
// The local files behind the LogSource questions: every filter the log tab has, the rows of a
// status, the chart filling while a read runs, and following appended lines through the source.

#include "core/logs/log_follower.h"
#include "core/logs/source/local_file_source.h"
#include "tests/support/test_support.h"
#include "tests/unit/logs/log_test_util.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <future>
#include <mutex>

using namespace statusscope;
using namespace statusscope::logs;
using statusscope::test::fixturePath;

namespace {

QString spikeLog()
{
    return fixturePath(QStringLiteral("logs/api-429-spike.log"));
}

qint64 filteredCount(const LogFilter &filter)
{
    LocalFileSource source({spikeLog()}, {});
    LogQuery query;
    query.filter = filter;
    const SourceSummary answer = source.summary(query);
    EXPECT_FALSE(answer.error.isError()) << answer.error.message.toStdString();
    EXPECT_EQ(answer.summary.linesParsed + answer.summary.linesFiltered, 2000);
    return answer.summary.linesParsed;
}

qint64 minuteTotal(const MinuteSeries &minutes)
{
    qint64 total = 0;
    for (const auto &[minute, cell] : minutes)
        for (const auto &[status, count] : cell.statuses)
            total += count;
    return total;
}

} // namespace

// The truths were counted by a regular expression over the fixture, apart from the C++ parsers:
// 79 of its 2,000 lines are 429; 12 of those are GETs of /api/v1/search from an iPhone; 129
// requests of /api/ are 4xx or 500; 4 POSTs come from an iPhone at a client starting with 1.
TEST(LocalFileSource, EachFilterCountsWhatAHandCountFinds)
{
    EXPECT_EQ(filteredCount({}), 2000);
    EXPECT_EQ(filteredCount({{429}, {}, {}, {}, {}}), 79);
    EXPECT_EQ(filteredCount({{429}, QStringLiteral("/api/v1/search"), {}, QStringLiteral("get"), QStringLiteral("IPHONE")}),
              12);
    EXPECT_EQ(filteredCount({{4, 500}, QStringLiteral("/api/"), {}, {}, {}}), 129);
    EXPECT_EQ(filteredCount({{}, {}, QStringLiteral("1"), QStringLiteral("POST"), QStringLiteral("iphone")}), 4);
}

TEST(LocalFileSource, AFilteredSummaryCountsOnlyTheFilteredStatusesAndSeries)
{
    LocalFileSource source({spikeLog()}, {});
    LogQuery query;
    query.filter.statuses = {4};
    const SourceSummary answer = source.summary(query);
    ASSERT_FALSE(answer.error.isError());
    EXPECT_EQ(answer.summary.linesParsed, 189);
    for (auto it = answer.summary.statusCounts.cbegin(); it != answer.summary.statusCounts.cend(); ++it)
        EXPECT_EQ(it.key() / 100, 4) << it.key();
    // Zooming re-buckets the filtered minutes: the same 189 requests in 1-minute buckets.
    query.bucketSeconds = 60;
    const SourceSeries zoomed = source.series(query);
    qint64 total = 0;
    for (const SeriesBucket &bucket : zoomed.buckets)
        total += bucket.total;
    EXPECT_EQ(zoomed.bucketSeconds, 60);
    EXPECT_EQ(total, 189);
    // Another filter than the last summary's is read for, not taken from the wrong minutes.
    query.filter.statuses = {429};
    total = 0;
    for (const SeriesBucket &bucket : source.series(query).buckets)
        total += bucket.total;
    EXPECT_EQ(total, 79);
}

TEST(LocalFileSource, SamplesOfAStatusAreAllOfThatStatus)
{
    LocalFileSource source({spikeLog()}, {});
    LogQuery query;
    query.filter.statuses = {429};
    const SourceSamples rows = source.samples(query, 15);
    ASSERT_FALSE(rows.error.isError());
    ASSERT_EQ(rows.lines.size(), 15);
    for (const SampleLine &line : rows.lines) {
        EXPECT_EQ(line.status, 429) << line.text.toStdString();
        EXPECT_TRUE(line.text.contains(QStringLiteral("\" 429 "))) << line.text.toStdString();
    }
    query.filter = {{4}, QStringLiteral("/api/v1/search"), {}, QStringLiteral("GET"), {}};
    const SourceSamples errors = source.samples(query, 20);
    ASSERT_EQ(errors.lines.size(), 20);
    for (const SampleLine &line : errors.lines) {
        EXPECT_EQ(line.status / 100, 4) << line.text.toStdString();
        EXPECT_TRUE(line.text.contains(QStringLiteral("\"GET /api/v1/search"))) << line.text.toStdString();
    }
}

TEST(LocalFileSource, PartialSeriesGrowsWhileTheFileIsRead)
{
    QTemporaryDir dir;
    const test::GeneratedLog log = test::generateLog(dir, QStringLiteral("big.log"),
                                                     {QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("-n"),
                                                      QStringLiteral("4000"), QStringLiteral("--span"), QStringLiteral("6h")});
    ASSERT_TRUE(log.error.isEmpty()) << log.error.toStdString();
    IngestOptions options;
    options.liveSeries = true;
    options.threads = 1;
    options.windowBytes = 64 * 1024;
    LocalFileSource source({log.path}, options);
    std::mutex mutex;
    QList<qint64> seen;
    QList<SourceProgress> reports;
    source.setProgressHandler([&](const SourceProgress &progress) {
        // Asked from the reading thread itself, as the GUI's timer asks from its own.
        const qint64 total = minuteTotal(source.partialSeries().minutes);
        const std::lock_guard lock(mutex);
        seen << total;
        reports << progress;
        QThread::msleep(120); // past the progress interval, so the next window reports too
    });
    EXPECT_TRUE(source.partialSeries().minutes.empty()) << "nothing is read yet";
    const SourceSummary answer = source.summary({});
    ASSERT_FALSE(answer.error.isError());
    ASSERT_GE(seen.size(), 3);
    EXPECT_GT(seen.front(), 0);
    for (int i = 1; i < seen.size(); ++i)
        EXPECT_GE(seen[i], seen[i - 1]);
    EXPECT_LT(seen.front(), seen.back());
    EXPECT_LE(seen.back(), answer.summary.linesParsed);
    EXPECT_EQ(reports.back().unit, QStringLiteral("bytes"));
    EXPECT_GT(reports.back().rowsTotal, 0);
    EXPECT_TRUE(source.partialSeries().minutes.empty()) << "the read is over";
}

TEST(LocalFileSource, FollowingThroughTheSourceSeesAppendedLines)
{
    QTemporaryDir dir;
    QByteArray first;
    for (int minute = 0; minute < 3; ++minute)
        first += test::combinedLine(minute, 200);
    const QString path = test::writeText(dir, QStringLiteral("live.log"), first);
    LocalFileSource source({path}, {});
    ASSERT_TRUE(source.canFollow());
    ASSERT_EQ(source.summary({}).summary.linesParsed, 3);
    QString error;
    std::unique_ptr<LogFollower> follower = source.follow(20, 4096, error);
    ASSERT_TRUE(follower) << error.toStdString();
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write(test::combinedLine(4, 503) + test::combinedLine(5, 503));
    }
    const QDeadlineTimer deadline(5000);
    while (follower->linesRead() < 2 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    const LogSummary appended = follower->summary();
    EXPECT_EQ(appended.linesParsed, 2) << "only what came after the summary";
    EXPECT_EQ(appended.statusCounts.value(503), 2);

    LocalFileSource two({path, spikeLog()}, {});
    EXPECT_FALSE(two.canFollow());
    EXPECT_EQ(two.follow(20, 4096, error), nullptr);
    EXPECT_TRUE(error.contains(two.name())) << error.toStdString();
    EXPECT_FALSE(two.localFiles()->paths.isEmpty());
}
