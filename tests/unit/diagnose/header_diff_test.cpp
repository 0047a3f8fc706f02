// SPDX-License-Identifier: GPL-3.0-or-later
// "Compare headers": the diff of two attempts, and which two a run compares — the exchange's
// last two, or its last attempt and the last resend; one attempt alone has nothing to compare.

#include "core/diagnose/checks/header_diff.h"
#include "core/diagnose/checks/outcome_suggestion.h"
#include "tests/unit/diagnose/saved_exchange.h"

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::diagnose;

namespace {

http::Attempt attempt(http::HeaderList request, http::HeaderList response)
{
    http::Attempt a;
    a.request.headers = std::move(request);
    a.response = http::Response{};
    a.response->headers = std::move(response);
    return a;
}

} // namespace

TEST(HeaderDiff, ListsWhatOnlyOneSideHasRequestThenResponse)
{
    const http::Attempt a = attempt({{"Expect", "100-continue"}, {"Accept", "*/*"}}, {{"Server", "lighttpd"}});
    const http::Attempt b = attempt({{"Accept", "*/*"}, {"X-Trace", "1"}}, {{"Server", "lighttpd"}});
    EXPECT_EQ(headerDiff(a, b), QStringLiteral("Request headers:\n- expect: 100-continue\n+ x-trace: 1\n"
                                               "Response headers:\n  (same headers)"));
}

TEST(HeaderDiff, TheRetryInTheExchangeDroppedExpect)
{
    const http::Exchange exchange = test::savedExchange("expect-417-retried.json");
    ASSERT_GE(exchange.attempts.size(), 2);
    const CheckResult result = compareWithPrevious(exchange, std::nullopt);
    EXPECT_EQ(result.outcome, CheckOutcome::Ok);
    EXPECT_EQ(result.passed, true);
    EXPECT_TRUE(result.details.startsWith(QStringLiteral("Comparing attempts 1 and 2.\n"))) << qPrintable(result.details);
    EXPECT_TRUE(result.details.contains(QStringLiteral("- expect: 100-continue"))) << qPrintable(result.details);
    const TroubleshootingFlow flow = flowForStatus(417);
    EXPECT_EQ(suggestOutcome(*flow.step(QStringLiteral("compare-attempts")), result), QStringLiteral("no-expect"));
}

TEST(HeaderDiff, AResendThatStillSendsExpectIsComparedWithTheOriginal)
{
    http::Exchange original;
    original.attempts << attempt({{"Expect", "100-continue"}}, {});
    http::Exchange resent;
    resent.attempts << attempt({{"Expect", "100-continue"}, {"X-Library", "1"}}, {});
    const CheckResult result = compareWithPrevious(original, resent);
    EXPECT_EQ(result.outcome, CheckOutcome::Failed);
    EXPECT_EQ(result.passed, false);
    EXPECT_TRUE(result.observed.contains(QStringLiteral("the original request and the last resend: the later one still "
                                                        "sends Expect")))
        << qPrintable(result.observed);
    const TroubleshootingFlow flow = flowForStatus(417);
    EXPECT_EQ(suggestOutcome(*flow.step(QStringLiteral("compare-attempts")), result), QStringLiteral("expect-left"));
}

TEST(HeaderDiff, OneAttemptAloneHasNothingToCompare)
{
    http::Exchange single;
    single.attempts << attempt({{"Accept", "*/*"}}, {});
    const CheckResult result = compareWithPrevious(single, std::nullopt);
    EXPECT_EQ(result.outcome, CheckOutcome::NotPossible);
    EXPECT_FALSE(result.passed.has_value());
    EXPECT_TRUE(result.observed.contains(QStringLiteral("nothing to compare"))) << qPrintable(result.observed);
    const TroubleshootingFlow flow = flowForStatus(417);
    EXPECT_TRUE(suggestOutcome(*flow.step(QStringLiteral("compare-attempts")), result).isEmpty());
}
