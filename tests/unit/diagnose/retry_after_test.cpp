// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/finding.h"
#include "core/diagnose/retry_after.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace statusscope::diagnose {
namespace {

const QDateTime kExpected(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);

TEST(HttpDate, AllThreeFormsOfRfc9110)
{
    EXPECT_EQ(parseHttpDate(u"Sun, 06 Nov 1994 08:49:37 GMT"), kExpected);
    EXPECT_EQ(parseHttpDate(u"Sunday, 06-Nov-94 08:49:37 GMT"), kExpected);
    EXPECT_EQ(parseHttpDate(u"Sun Nov  6 08:49:37 1994"), kExpected);
}

TEST(HttpDate, RejectsOtherShapes)
{
    EXPECT_FALSE(parseHttpDate(u"2026-11-26T10:00:00Z").isValid());
    EXPECT_FALSE(parseHttpDate(u"Sun, 31 Feb 1994 08:49:37 GMT").isValid());
    EXPECT_FALSE(parseHttpDate(u"Sun, 06 Nov 1994 08:49:37 CET").isValid());
}

TEST(RetryAfterValue, DelaySecondsAndDate)
{
    const auto d = parseRetryAfter(u" 120 ");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->delaySeconds, 120);
    const auto h = parseRetryAfter(u"Sun, 06 Nov 1994 08:49:37 GMT");
    ASSERT_TRUE(h);
    EXPECT_FALSE(h->delaySeconds);
    EXPECT_EQ(h->date, kExpected);
    EXPECT_EQ(secondsUntilRetry(*h, kExpected.addSecs(-90)), 90);
    EXPECT_EQ(secondsUntilRetry(*h, kExpected.addSecs(30)), 0); // already past: now
}

TEST(RetryAfterValue, Invalid)
{
    EXPECT_FALSE(parseRetryAfter(u""));
    EXPECT_FALSE(parseRetryAfter(u"-5"));
    EXPECT_FALSE(parseRetryAfter(u"1.5"));
    EXPECT_FALSE(parseRetryAfter(u"99999999999999999999"));
}

TEST(Severity, Names)
{
    EXPECT_EQ(toString(Severity::Info), QStringLiteral("info"));
    EXPECT_EQ(toString(Severity::Warning), QStringLiteral("warning"));
    EXPECT_EQ(toString(Severity::Error), QStringLiteral("error"));
}

} // namespace
} // namespace statusscope::diagnose
