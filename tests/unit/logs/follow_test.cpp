// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/log_follower.h"
#include "log_test_util.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::logs;

namespace {

void append(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::Append));
    file.write(bytes);
}

} // namespace

TEST(LogFollow, ReadsAppendedLinesOnlyWhenComplete)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("live.log"), test::combinedLine(0, 200) + test::combinedLine(1, 200));
    LogFollower follower(path);
    ASSERT_TRUE(follower.start(false, 60000)) << follower.error().toStdString();
    EXPECT_EQ(follower.formatName(), QStringLiteral("combined"));
    EXPECT_EQ(follower.linesRead(), 2);

    qint64 signalled = 0;
    QObject::connect(&follower, &LogFollower::linesAppended, &follower, [&](qint64 n) { signalled += n; });
    const QByteArray next = test::combinedLine(2, 503);
    append(path, next.left(30)); // half a line: not yet
    EXPECT_EQ(follower.poll(), 0);
    append(path, next.mid(30) + test::combinedLine(3, 404));
    EXPECT_EQ(follower.poll(), 2);
    EXPECT_EQ(signalled, 2);
    EXPECT_EQ(follower.poll(), 0);

    const LogSummary summary = follower.summary();
    EXPECT_EQ(summary.linesParsed, 4);
    EXPECT_EQ(summary.statusCounts.value(503), 1);
    EXPECT_EQ(summary.statusCounts.value(404), 1);
    EXPECT_EQ(summary.buckets.size(), 4);
}

TEST(LogFollow, FromEndIgnoresWhatWasThereAndRestartsAfterTruncation)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("live.log"), test::combinedLine(0, 200) + test::combinedLine(1, 200) + test::combinedLine(2, 200));
    LogFollower follower(path);
    ASSERT_TRUE(follower.start(true, 60000));
    EXPECT_EQ(follower.linesRead(), 0);
    append(path, test::combinedLine(3, 500) + "garbage\n");
    EXPECT_EQ(follower.poll(), 2);
    LogSummary summary = follower.summary();
    EXPECT_EQ(summary.linesParsed, 1);
    EXPECT_EQ(summary.linesSkipped, 1);
    ASSERT_EQ(summary.skipExamples.size(), 1);
    EXPECT_EQ(summary.skipExamples[0].text, QStringLiteral("garbage"));

    bool reset = false;
    QObject::connect(&follower, &LogFollower::fileReset, &follower, [&] { reset = true; });
    test::writeText(dir, QStringLiteral("live.log"), test::combinedLine(9, 502)); // logrotate copytruncate
    EXPECT_EQ(follower.poll(), 1);
    EXPECT_TRUE(reset);
    summary = follower.summary();
    EXPECT_EQ(summary.linesParsed, 1);
    EXPECT_EQ(summary.statusCounts.value(502), 1);
}

TEST(LogFollow, MissingFileIsAnError)
{
    LogFollower follower(QStringLiteral("/nonexistent/live.log"));
    EXPECT_FALSE(follower.start());
    EXPECT_TRUE(follower.error().contains(QStringLiteral("/nonexistent/live.log")));
}
