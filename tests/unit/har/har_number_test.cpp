// SPDX-License-Identifier: GPL-3.0-or-later
// JSON number text to double (core/har/har_number.h): the standard library's from_chars where
// it exists, Qt's parser where it does not. Both are held to the same exact answers here, so the
// fallback the macOS build may use is tested on every platform.
#include "core/har/har_number.h"

#include <QByteArray>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace statusscope::har_detail;

namespace {

struct Case
{
    QByteArray text;
    double value;
};

const Case kCases[] = {
    {"0", 0.0},
    {"-0", -0.0},
    {"0e157", 0.0},
    {"0.1", 0.1},
    {"123.456", 123.456},
    {"-17", -17.0},
    {"1e-400", 0.0},                                   // below the smallest double: zero
    {"-1e-400", -0.0},
    {"4.9406564584124654e-324", 4.9406564584124654e-324}, // the smallest subnormal
    {"2.2250738585072011e-308", 2.2250738585072011e-308}, // the classic hard case
    {"1.7976931348623157e308", 1.7976931348623157e308},
    {"123456789012345678901234567890", 1.2345678901234568e29},
    {"0." + QByteArray(400, '0') + "1e400", 0.1},
    {"9007199254740993", 9007199254740992.0},          // 2^53 + 1 rounds to even
};

} // namespace

TEST(JsonNumberValue, BothConvertersGiveTheExactDouble)
{
    for (const auto convert : {&jsonNumberValue, &jsonNumberValueWithQt}) {
        const bool qt = convert == &jsonNumberValueWithQt;
        for (const Case &c : kCases) {
            const std::optional<double> got = convert(c.text.constData(), size_t(c.text.size()));
            ASSERT_TRUE(got.has_value()) << (qt ? "Qt: " : "std: ") << c.text.left(40).constData();
            EXPECT_EQ(*got, c.value) << (qt ? "Qt: " : "std: ") << c.text.left(40).constData();
            EXPECT_EQ(std::signbit(*got), std::signbit(c.value)) << c.text.left(40).constData();
        }
        // Past the largest double: no value (the reader reports "Number too big").
        for (const QByteArray &tooBig : {QByteArray("1.8e308"), QByteArray("-1e309"), QByteArray("1") + QByteArray(400, '0')})
            EXPECT_FALSE(convert(tooBig.constData(), size_t(tooBig.size())).has_value())
                << (qt ? "Qt: " : "std: ") << tooBig.left(40).constData();
    }
}

TEST(WholeNumber, OnlyWholeNumbersInsideQint64)
{
    EXPECT_EQ(wholeNumber(3.0), std::optional<qint64>(3));
    EXPECT_EQ(wholeNumber(-42.0), std::optional<qint64>(-42));
    EXPECT_EQ(wholeNumber(1e17), std::optional<qint64>(100000000000000000));
    EXPECT_FALSE(wholeNumber(0.5).has_value());
    EXPECT_FALSE(wholeNumber(1e19).has_value());  // beyond qint64: written as a double
    EXPECT_FALSE(wholeNumber(-1e300).has_value());
    EXPECT_FALSE(wholeNumber(std::numeric_limits<double>::infinity()).has_value());
    EXPECT_FALSE(wholeNumber(std::nan("")).has_value());
}
