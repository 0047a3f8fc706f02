// SPDX-License-Identifier: GPL-3.0-or-later
// statusscope-cli guide, run as a process against the guides compiled into this build.
#include "core/guides/guide_catalog.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

using namespace statusscope;
using test::runCli;

TEST(GuideCli, PrintsTheGuideMarkdown)
{
    const test::ProcessResult r = runCli({QStringLiteral("guide"), QStringLiteral("417")});
    ASSERT_EQ(r.exitCode, 0) << testing::PrintToString(r);
    const QString out = QString::fromUtf8(r.out);
    EXPECT_TRUE(out.startsWith(QStringLiteral("# 417 Expectation Failed\n"))) << out.left(200).toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("## Specification")));
    EXPECT_FALSE(out.contains(QStringLiteral("registry: iana"))) << "front matter is not printed";
}

TEST(GuideCli, FindsAGuideByItsName)
{
    const test::ProcessResult r =
        runCli({QStringLiteral("guide"), QStringLiteral("expectation"), QStringLiteral("failed")});
    ASSERT_EQ(r.exitCode, 0) << testing::PrintToString(r);
    EXPECT_TRUE(r.out.startsWith("# 417 Expectation Failed\n"));
}

TEST(GuideCli, ListsEveryGuideAsCodeTabTitleGroupedByClass)
{
    const test::ProcessResult r = runCli({QStringLiteral("guide"), QStringLiteral("--list")});
    ASSERT_EQ(r.exitCode, 0) << testing::PrintToString(r);
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const GuideCatalog catalog = GuideCatalog::load();
    ASSERT_EQ(lines.size(), catalog.size());
    EXPECT_TRUE(lines.contains(QStringLiteral("417\tExpectation Failed")));
    // Grouped: the class order never goes backwards down the list.
    int lastOrder = -1;
    for (const QString &l : lines) {
        const QStringList cells = l.split(QLatin1Char('\t'));
        ASSERT_EQ(cells.size(), 2) << l.toStdString();
        const Guide *g = catalog.find(cells.at(0));
        ASSERT_NE(g, nullptr) << l.toStdString();
        EXPECT_EQ(cells.at(1), g->title);
        EXPECT_GE(displayOrder(g->statusClass), lastOrder) << l.toStdString();
        lastOrder = displayOrder(g->statusClass);
    }
}

TEST(GuideCli, SearchesByWordsBestFirst)
{
    const test::ProcessResult r =
        runCli({QStringLiteral("guide"), QStringLiteral("--search"), QStringLiteral("expectation")});
    ASSERT_EQ(r.exitCode, 0) << testing::PrintToString(r);
    EXPECT_TRUE(r.out.startsWith("417\tExpectation Failed\n")) << r.out.left(200).toStdString();

    const test::ProcessResult none =
        runCli({QStringLiteral("guide"), QStringLiteral("--search"), QStringLiteral("zzqxv")});
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_TRUE(none.err.contains("no guide matches 'zzqxv'"));
}

TEST(GuideCli, UnknownCodeExits2WithCloseMatches)
{
    const test::ProcessResult r = runCli({QStringLiteral("guide"), QStringLiteral("471")});
    EXPECT_EQ(r.exitCode, 2) << testing::PrintToString(r);
    EXPECT_TRUE(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    EXPECT_TRUE(err.contains(QStringLiteral("no guide for '471'"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("close matches: 417 Expectation Failed"))) << err.toStdString();
}

TEST(GuideCli, UnregisteredCodeNamesItsClass)
{
    const test::ProcessResult r = runCli({QStringLiteral("guide"), QStringLiteral("299")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("not a registered status; RFC 9110 \xC2\xA7" "15 treats it like 200"))
        << r.err.toStdString();
}

TEST(GuideCli, UsageErrors)
{
    EXPECT_EQ(runCli({QStringLiteral("guide")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("guide"), QStringLiteral("--search")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("guide"), QStringLiteral("--list"), QStringLiteral("x")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("guide"), QStringLiteral("--bogus")}).exitCode, 2);
    const test::ProcessResult help = runCli({QStringLiteral("guide"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("guide --list"));
}
