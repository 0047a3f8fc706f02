// SPDX-License-Identifier: GPL-3.0-or-later
// The one duration formatter: sentences get a readable precision, tables a fixed one.
#include "core/text/durations.h"

#include <gtest/gtest.h>

using statusscope::text::exactMs;
using statusscope::text::readableMs;

TEST(Durations, ReadableKeepsTwoDecimalsBelowAMillisecond)
{
    EXPECT_EQ(readableMs(0.004), QStringLiteral("< 0.01 ms"));
    EXPECT_EQ(readableMs(0.45), QStringLiteral("0.45 ms"));
    EXPECT_EQ(readableMs(0.40), QStringLiteral("0.4 ms"));
    EXPECT_EQ(readableMs(1.44), QStringLiteral("1.4 ms"));
    EXPECT_EQ(readableMs(250.4), QStringLiteral("250 ms"));
}

TEST(Durations, ReadableSwitchesToSecondsFromOneSecond)
{
    EXPECT_EQ(readableMs(999.4), QStringLiteral("999 ms"));
    EXPECT_EQ(readableMs(999.6), QStringLiteral("1.00 s"));
    EXPECT_EQ(readableMs(1000.0), QStringLiteral("1.00 s"));
    EXPECT_EQ(readableMs(1400.0), QStringLiteral("1.40 s"));
    EXPECT_EQ(readableMs(12345.0), QStringLiteral("12.3 s"));
}

TEST(Durations, ExactUsesOneUnitAndFixedDecimals)
{
    EXPECT_EQ(exactMs(0.5), QStringLiteral("0.500 ms"));
    EXPECT_EQ(exactMs(27747.25), QStringLiteral("27747.250 ms"));
    EXPECT_EQ(exactMs(12.345, 1), QStringLiteral("12.3 ms"));
    EXPECT_EQ(exactMs(3, 2), QStringLiteral("3.00 ms"));
}
