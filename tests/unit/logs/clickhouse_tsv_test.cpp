// SPDX-License-Identifier: GPL-3.0-or-later
// One TabSeparated row as the loader sends it to ClickHouse.
#include "core/logs/source/clickhouse_tsv.h"

#include <gtest/gtest.h>

using namespace statusscope::logs;

TEST(TsvRow, SeparatesFieldsByTabsEscapesTextAndEndsWithANewline)
{
    std::string out = "earlier row\n";
    TsvRow(out).number(qint64(1700000000)).number(417).text("PUT").text("a\tb\\c\nd").number(-1.0).number(12.5).end();
    EXPECT_EQ(out, "earlier row\n1700000000\t417\tPUT\ta\\tb\\\\c\\nd\t-1\t12.5\n");
}

TEST(TsvRow, AnEmptyTextIsAnEmptyField)
{
    std::string out;
    TsvRow(out).text("").text("x").text("").end();
    EXPECT_EQ(out, "\tx\t\n");
}

TEST(TsvRow, ParsedBackItGivesTheSameFields)
{
    std::string out;
    TsvRow(out).text("tab\there").number(qint64(-5)).end();
    const QList<QList<QByteArray>> rows = parseTsv(QByteArray::fromStdString(out));
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first(), (QList<QByteArray>{"tab\there", "-5"}));
}

TEST(TsvRow, EscapesAtTheEdgesAndBetweenPlainRunsAreEachWritten)
{
    std::string out;
    TsvRow(out).text(std::string_view("\rplain\0run\\", 11)).text("\t").text("no escapes at all").end();
    EXPECT_EQ(out, "\\rplain\\0run\\\\\t\\t\tno escapes at all\n");
}
