// SPDX-License-Identifier: GPL-3.0-or-later
// The DNS step through the system resolver: a name that resolves (localhost), one that cannot
// (.invalid is reserved never to resolve, RFC 6761), no name at all, and a cancelled lookup.

#include "core/diagnose/checks/dns_check.h"
#include "core/diagnose/checks/outcome_suggestion.h"
#include "tests/unit/diagnose/check_wait.h"

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::diagnose;

namespace {

std::optional<CheckResult> lookUp(const QString &host)
{
    return test::runCheck([&](CheckCallback done) { return lookUpHost(host, std::move(done)); });
}

} // namespace

TEST(DnsCheck, LocalhostResolvesWithItsAddressesAndTheTime)
{
    const std::optional<CheckResult> result = lookUp(QStringLiteral("localhost"));
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->kind, CheckKind::DnsLookup);
    EXPECT_EQ(result->outcome, CheckOutcome::Ok);
    EXPECT_EQ(result->passed, true);
    EXPECT_TRUE(result->observed.contains(QStringLiteral("127.0.0.1")) || result->observed.contains(QStringLiteral("::1")))
        << qPrintable(result->observed);
    EXPECT_TRUE(result->observed.contains(QStringLiteral(" ms)"))) << qPrintable(result->observed);
    EXPECT_TRUE(result->details.startsWith(QStringLiteral("Addresses of localhost:\n"))) << qPrintable(result->details);
    const TroubleshootingFlow tls = flowForTransport(QStringLiteral("cert-expired"));
    EXPECT_EQ(suggestOutcome(tls.steps.first(), *result), QStringLiteral("expected-address"));
}

TEST(DnsCheck, AnInvalidNameIsADnsFailureNotAStatus)
{
    const std::optional<CheckResult> result = lookUp(QStringLiteral("no-such-host.invalid"));
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->outcome, CheckOutcome::DnsFailure);
    EXPECT_EQ(result->transportError, http::ErrorKind::Dns);
    EXPECT_EQ(result->passed, false);
    EXPECT_FALSE(result->status.has_value());
    EXPECT_TRUE(result->observed.startsWith(QStringLiteral("DNS lookup: no-such-host.invalid does not resolve (")))
        << qPrintable(result->observed);
    const TroubleshootingFlow transport = flowForTransport(QStringLiteral("dns-failure"));
    EXPECT_EQ(suggestOutcome(transport.steps.first(), *result), QStringLiteral("no-address"));
}

TEST(DnsCheck, NoNameAnswersAtOnceAndACancelledLookupSaysSo)
{
    std::optional<CheckResult> none;
    const CheckHandle finished = lookUpHost({}, [&](CheckResult r) { none = std::move(r); });
    ASSERT_TRUE(none.has_value()) << "nothing to look up: no waiting";
    EXPECT_FALSE(finished.isRunning());
    EXPECT_EQ(none->outcome, CheckOutcome::NotPossible);
    EXPECT_EQ(none->observed, QStringLiteral("DNS lookup: no host name to look up"));

    int calls = 0;
    std::optional<CheckResult> cancelled;
    CheckHandle running = lookUpHost(QStringLiteral("localhost"), [&](CheckResult r) {
        ++calls;
        cancelled = std::move(r);
    });
    EXPECT_TRUE(running.isRunning());
    running.cancel();
    ASSERT_TRUE(cancelled.has_value());
    EXPECT_EQ(cancelled->outcome, CheckOutcome::Cancelled);
    EXPECT_EQ(cancelled->observed, QStringLiteral("DNS lookup: cancelled"));
    // The lookup's own answer, should it still come, is not delivered a second time.
    test::runCheck([](CheckCallback done) { return lookUpHost(QStringLiteral("localhost"), std::move(done)); });
    EXPECT_EQ(calls, 1);
}
