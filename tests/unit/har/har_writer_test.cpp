// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_reader.h"
#include "core/har/har_writer.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

QStringList validFixtures()
{
    QStringList names = QDir(test::fixturePath(QStringLiteral("har")))
                            .entryList({QStringLiteral("*.har")}, QDir::Files, QDir::Name);
    names.removeAll(QStringLiteral("not-json.har"));
    names.removeAll(QStringLiteral("not-valid.har"));
    return names;
}

} // namespace

// Export then import gives the same entries, for every real export we have.
TEST(HarWriter, ExportThenImportGivesTheSameEntries)
{
    const QStringList names = validFixtures();
    ASSERT_GE(names.size(), 15);
    for (const QString &name : names) {
        SCOPED_TRACE(name.toStdString());
        const HarReadResult original = readHarFile(test::fixturePath(QStringLiteral("har/") + name));
        ASSERT_TRUE(original.ok());
        for (const bool pretty : {true, false}) {
            const QByteArray written = harToJson(original.log, {pretty});
            const HarReadResult again = readHarData(written);
            ASSERT_TRUE(again.ok()) << again.error.describe().toStdString();
            EXPECT_EQ(again.log.version, QStringLiteral("1.2"));
            EXPECT_EQ(again.log.pages, original.log.pages);
            EXPECT_EQ(again.log.creator, original.log.creator);
            ASSERT_EQ(again.log.entries.size(), original.log.entries.size());
            for (int i = 0; i < original.log.entries.size(); ++i) {
                HarEntry expected = original.log.entries[i];
                expected.index = i; // skipped entries are not written, so positions close up
                EXPECT_EQ(again.log.entries[i], expected) << "entry " << i;
            }
            EXPECT_TRUE(again.log.skipped.isEmpty());
        }
    }
}

TEST(HarWriter, SelectionKeepsTheChosenEntriesAndTheirPages)
{
    const HarReadResult original = readHarFile(test::fixturePath(QStringLiteral("har/multiple-pages.har")));
    ASSERT_TRUE(original.ok());
    ASSERT_EQ(original.log.pages.size(), 3);
    const int last = static_cast<int>(original.log.entries.size()) - 1;
    const HarLog selection = selectEntries(original.log, {last, 0});
    ASSERT_EQ(selection.entries.size(), 2);
    EXPECT_EQ(selection.entries[0], original.log.entries[last]);
    EXPECT_EQ(selection.entries[1], original.log.entries[0]);
    QStringList pageIds;
    for (const HarPage &page : selection.pages)
        pageIds << page.id;
    QStringList wanted{original.log.entries[0].pageref, original.log.entries[last].pageref};
    wanted.removeDuplicates();
    std::sort(pageIds.begin(), pageIds.end());
    std::sort(wanted.begin(), wanted.end());
    EXPECT_EQ(pageIds, wanted);

    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("selection.har"));
    ASSERT_TRUE(writeHarFile(selection, path, &error)) << error.toStdString();
    const HarReadResult reread = readHarFile(path);
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(reread.log.entries.size(), 2);
    EXPECT_EQ(reread.log.entries[0].request.url, original.log.entries[last].request.url);
}

TEST(HarWriter, UnwritablePathIsAnError)
{
    QString error;
    EXPECT_FALSE(writeHarFile(HarLog{}, QStringLiteral("/nonexistent/dir/x.har"), &error));
    EXPECT_FALSE(error.isEmpty());
}

// A HAR may hold any double; writing it back must neither hit undefined behaviour (a double
// beyond qint64 converted to an integer; UBSan in the sanitize build) nor change it.
TEST(HarWriter, HugeAndFractionalNumbersSurviveARoundTrip)
{
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[
        {"request":{"method":"GET","url":"/a"},"response":{"status":200},"time":1e300,
         "timings":{"send":0.25,"wait":-1e300,"receive":9.3e18}}]}})";
    const HarReadResult original = readHarData(har);
    ASSERT_TRUE(original.ok()) << original.error.describe().toStdString();
    const HarReadResult again = readHarData(harToJson(original.log));
    ASSERT_TRUE(again.ok()) << again.error.describe().toStdString();
    ASSERT_EQ(again.log.entries.size(), 1);
    EXPECT_EQ(again.log.entries[0].time, 1e300);
    EXPECT_EQ(again.log.entries[0].timings.send, 0.25);
    EXPECT_EQ(again.log.entries[0].timings.wait, -1e300);
    EXPECT_EQ(again.log.entries[0].timings.receive, 9.3e18);
}
