// SPDX-License-Identifier: GPL-3.0-or-later
// A Native block as the loader posts it: byte for byte what ClickHouse's own Native output is
// for the same columns (the layout the server's Native input reads).
#include "core/logs/source/clickhouse_native.h"

#include <gtest/gtest.h>

using namespace statusscope::logs;

TEST(NativeBlock, CountsNamesTypesThenLittleEndianNumbersAndLengthPrefixedStrings)
{
    NativeBlock block({QStringLiteral("ts"), QStringLiteral("path")}, {QStringLiteral("DateTime"), QStringLiteral("String")});
    block.number(0, quint32(0x01020304));
    block.text(1, "/a");
    block.endRow();
    block.number(0, quint32(5));
    block.text(1, "");
    block.endRow();
    EXPECT_EQ(block.rows(), 2);
    const QByteArray expected("\x02\x02"                                   // 2 columns, 2 rows
                              "\x02ts\x08" "DateTime\x04\x03\x02\x01\x05\x00\x00\x00"
                              "\x04path\x06String\x02/a\x00",
                              2 + 1 + 2 + 1 + 8 + 8 + 1 + 4 + 1 + 6 + 3 + 1);
    QByteArray body("an earlier block");
    block.takeInto(body);
    EXPECT_EQ(body.toHex(' '), expected.toHex(' '));
    // Taken, the block starts again from no rows.
    EXPECT_EQ(block.rows(), 0);
    block.takeInto(body);
    EXPECT_EQ(body, QByteArray("\x02\x00\x02ts\x08" "DateTime\x04path\x06String", 2 + 1 + 2 + 1 + 8 + 1 + 4 + 1 + 6));
}

TEST(NativeBlock, LengthsOver127TakeMoreLeb128Bytes)
{
    std::string out;
    appendVarUInt(out, 127);
    appendVarUInt(out, 128);
    appendVarUInt(out, 300);
    EXPECT_EQ(QByteArray::fromStdString(out).toHex(' '), QByteArray("7f 80 01 ac 02"));
}

TEST(NativeBlock, SignedAndFloatingPointValuesKeepTheirBits)
{
    NativeBlock block({QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("Int16"), QStringLiteral("Float64")});
    block.number(0, qint16(-2));
    block.number(1, 1.5);
    block.endRow();
    QByteArray body;
    block.takeInto(body);
    EXPECT_TRUE(body.contains(QByteArray("\x05Int16\xfe\xff", 8)));
    EXPECT_TRUE(body.endsWith(QByteArray("\x00\x00\x00\x00\x00\x00\xf8\x3f", 8)));
}

TEST(NativeBlock, AnOrderWritesTheRowsInThatOrderColumnByColumn)
{
    const auto build = [](const std::vector<std::pair<quint32, std::string>> &rows, const std::vector<quint32> &order) {
        NativeBlock block({QStringLiteral("ts"), QStringLiteral("path")}, {QStringLiteral("DateTime"), QStringLiteral("String")});
        for (const auto &[ts, path] : rows) {
            block.number(0, ts);
            block.text(1, path);
            block.endRow();
        }
        QByteArray body;
        block.takeInto(body, order);
        return body;
    };
    const QByteArray reordered = build({{3, "/three"}, {1, ""}, {2, "/a-longer-two"}}, {1, 2, 0});
    EXPECT_EQ(reordered.toHex(' '), build({{1, ""}, {2, "/a-longer-two"}, {3, "/three"}}, {}).toHex(' '));
}
