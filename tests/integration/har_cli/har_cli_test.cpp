// SPDX-License-Identifier: GPL-3.0-or-later
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

// The field names are a contract with users' scripts (DESIGN.md); fields are only added
// (deviations, warnings: README).
TEST(HarCli, JsonHasExactlyTheDesignFields)
{
    const test::ProcessResult run = test::runCli(
        {QStringLiteral("har"), test::fixturePath(QStringLiteral("har/chrome51-issue49.har")), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << run.out.left(200).toStdString();
    EXPECT_EQ(sortedKeys(root), (QStringList{QStringLiteral("deviations"), QStringLiteral("entries"),
                                             QStringLiteral("entry_count"), QStringLiteral("page_count"),
                                             QStringLiteral("skipped"), QStringLiteral("status_counts"),
                                             QStringLiteral("warnings")}));
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

// IE11's object cookies: all 25 entries listed, the deviation counted with its first paths.
TEST(HarCli, Ie11ExportKeepsEveryEntryAndCountsTheDeviation)
{
    const test::ProcessResult run = test::runCli(
        {QStringLiteral("har"), test::fixturePath(QStringLiteral("har/ie11-object-cookies.har")), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    EXPECT_EQ(root.value(QStringLiteral("entry_count")).toInt(), 25);
    EXPECT_EQ(root.value(QStringLiteral("entries")).toArray().size(), 25);
    EXPECT_TRUE(root.value(QStringLiteral("skipped")).toArray().isEmpty());
    const QJsonArray deviations = root.value(QStringLiteral("deviations")).toArray();
    ASSERT_EQ(deviations.size(), 1);
    const QJsonObject cookies = deviations.at(0).toObject();
    EXPECT_EQ(cookies.value(QStringLiteral("kind")).toString(), QStringLiteral("cookies_object"));
    EXPECT_EQ(cookies.value(QStringLiteral("count")).toInt(), 26);
    EXPECT_EQ(cookies.value(QStringLiteral("examples")).toArray().at(0).toString(), QStringLiteral("log.entries[0].request.cookies"));
    EXPECT_TRUE(root.value(QStringLiteral("warnings")).toArray().isEmpty());
    EXPECT_TRUE(run.err.isEmpty()) << run.err.toStdString();
    // The readable form says it too.
    const test::ProcessResult text = test::runCli({QStringLiteral("har"), test::fixturePath(QStringLiteral("har/ie11-object-cookies.har"))});
    EXPECT_TRUE(text.out.contains("tolerated cookies_object × 26")) << text.out.right(400).toStdString();
}

// Invalid UTF-8 is no longer accepted silently: counted by offset, a warning in the JSON and on
// stderr, the entries still listed, exit 0.
TEST(HarCli, InvalidUtf8IsWarnedAboutWithItsOffset)
{
    const test::ProcessResult run = test::runCli(
        {QStringLiteral("har"), test::fixturePath(QStringLiteral("har/invalid-utf8.har")), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    EXPECT_EQ(root.value(QStringLiteral("entry_count")).toInt(), 2);
    const QJsonArray warnings = root.value(QStringLiteral("warnings")).toArray();
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_TRUE(warnings.at(0).toString().contains(QStringLiteral("byte 387"))) << warnings.at(0).toString().toStdString();
    const QJsonObject bad = root.value(QStringLiteral("deviations")).toArray().at(0).toObject();
    EXPECT_EQ(bad.value(QStringLiteral("kind")).toString(), QStringLiteral("invalid_utf8"));
    EXPECT_EQ(bad.value(QStringLiteral("count")).toInt(), 2);
    EXPECT_TRUE(run.err.contains("warning: invalid UTF-8 at log.entries[0]: byte 387")) << run.err.toStdString();
}
