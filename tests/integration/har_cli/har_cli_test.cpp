#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace

// The field names are a contract with users' scripts (DESIGN.md).
TEST(HarCli, JsonHasExactlyTheDesignFields)
{
    const test::ProcessResult run = test::runCli(
        {QStringLiteral("har"), test::fixturePath(QStringLiteral("har/chrome51-issue49.har")), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << run.out.left(200).toStdString();
    EXPECT_EQ(sortedKeys(root), (QStringList{QStringLiteral("entries"), QStringLiteral("entry_count"),
                                             QStringLiteral("page_count"), QStringLiteral("skipped"),
                                             QStringLiteral("status_counts")}));
    EXPECT_EQ(root.value(QStringLiteral("entry_count")).toInt(), 4);
    EXPECT_EQ(root.value(QStringLiteral("page_count")).toInt(), 1);
    EXPECT_EQ(root.value(QStringLiteral("status_counts")).toObject(),
              (QJsonObject{{QStringLiteral("0"), 3}, {QStringLiteral("200"), 1}}));
    const QJsonArray entries = root.value(QStringLiteral("entries")).toArray();
    ASSERT_EQ(entries.size(), 4);
    const QJsonObject first = entries[0].toObject();
    EXPECT_EQ(sortedKeys(first), (QStringList{QStringLiteral("method"), QStringLiteral("status"),
                                              QStringLiteral("time_ms"), QStringLiteral("timings"),
                                              QStringLiteral("url")}));
    EXPECT_EQ(sortedKeys(first.value(QStringLiteral("timings")).toObject()),
              (QStringList{QStringLiteral("blocked"), QStringLiteral("connect"), QStringLiteral("dns"),
                           QStringLiteral("receive"), QStringLiteral("send"), QStringLiteral("ssl"),
                           QStringLiteral("wait")}));
    EXPECT_TRUE(root.value(QStringLiteral("skipped")).toArray().isEmpty());
}

TEST(HarCli, SkippedEntriesCarryIndexAndReason)
{
    const test::ProcessResult run = test::runCli(
        {QStringLiteral("har"), test::fixturePath(QStringLiteral("har/broken-entries.har")), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    EXPECT_EQ(root.value(QStringLiteral("entry_count")).toInt(), 2);
    const QJsonArray skipped = root.value(QStringLiteral("skipped")).toArray();
    ASSERT_EQ(skipped.size(), 5);
    EXPECT_EQ(skipped[0].toObject(), (QJsonObject{{QStringLiteral("index"), 1},
                                                  {QStringLiteral("reason"), QStringLiteral("log.entries[1].response.status: missing")}}));
    // -1 ("does not apply") is null, never a made-up 0.
    const QJsonObject timings = root.value(QStringLiteral("entries")).toArray()[1].toObject().value(QStringLiteral("timings")).toObject();
    EXPECT_TRUE(timings.value(QStringLiteral("dns")).isNull());
    EXPECT_EQ(timings.value(QStringLiteral("wait")).toDouble(), 40.25);
}

TEST(HarCli, NotJsonExitsSevenWithTheOffset)
{
    const test::ProcessResult run =
        test::runCli({QStringLiteral("har"), test::fixturePath(QStringLiteral("har/not-json.har"))});
    EXPECT_EQ(run.exitCode, 7);
    EXPECT_TRUE(run.err.contains("byte 110, line 8, column 5")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("Missing a comma or '}'")) << run.err.toStdString();
    EXPECT_TRUE(run.out.isEmpty());
}

TEST(HarCli, JsonThatIsNotAHarExitsSevenWithThePath)
{
    const test::ProcessResult run = test::runCli(
        {QStringLiteral("har"), test::fixturePath(QStringLiteral("har/not-valid.har")), QStringLiteral("--json")});
    EXPECT_EQ(run.exitCode, 7);
    EXPECT_TRUE(run.err.contains("log.entries: missing (byte ")) << run.err.toStdString();
}

TEST(HarCli, UnreadableFileExitsEight)
{
    QTemporaryDir dir;
    const test::ProcessResult missing =
        test::runCli({QStringLiteral("har"), dir.filePath(QStringLiteral("nope.har"))});
    EXPECT_EQ(missing.exitCode, 8);
    EXPECT_TRUE(missing.err.contains("nope.har")) << missing.err.toStdString();
    const test::ProcessResult directory = test::runCli({QStringLiteral("har"), dir.path()});
    EXPECT_EQ(directory.exitCode, 8);
}

TEST(HarCli, UsageErrorsExitTwo)
{
    EXPECT_EQ(test::runCli({QStringLiteral("har")}).exitCode, 2);
    EXPECT_EQ(test::runCli({QStringLiteral("har"), QStringLiteral("--bogus"), QStringLiteral("x")}).exitCode, 2);
}
