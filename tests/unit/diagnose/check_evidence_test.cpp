// SPDX-License-Identifier: GPL-3.0-or-later
// What the exchange already answers before a troubleshooting check goes to the network, with
// the evidence present and absent: each check's answer (or its absence) asserted.

#include "core/diagnose/check_evidence.h"
#include "tests/unit/diagnose/saved_exchange.h"

#include <gtest/gtest.h>

using namespace statusscope;
using diagnose::answerFromExchange;
using diagnose::CheckKind;
using diagnose::EvidenceAnswer;

namespace {

using test::savedExchange;

} // namespace

TEST(CheckEvidence, RetryWithoutExpectAnswersTheResend)
{
    const http::Exchange x = savedExchange("expect-417-retried.json");
    ASSERT_EQ(x.attempts.size(), 2);
    const auto answer = answerFromExchange(CheckKind::ResendWithoutExpect, x, false);
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->kind, EvidenceAnswer::Kind::Answered);
    EXPECT_EQ(answer->attempt, 2);
    EXPECT_EQ(answer->status, 201);
    EXPECT_EQ(answer->passed, true);
    EXPECT_TRUE(answer->observed.contains(QStringLiteral("attempt #2"))) << answer->observed.toStdString();
    EXPECT_TRUE(answer->observed.contains(QStringLiteral("PUT /files"))) << answer->observed.toStdString();
}

TEST(CheckEvidence, WithoutTheRetryTheResendMustRun)
{
    http::Exchange x = savedExchange("expect-417-retried.json");
    x.attempts.removeLast(); // the client did not retry (--no-retry-417)
    EXPECT_FALSE(answerFromExchange(CheckKind::ResendWithoutExpect, x, false).has_value());
    // An exchange that never sent Expect has nothing to compare against either.
    EXPECT_FALSE(answerFromExchange(CheckKind::ResendWithoutExpect, savedExchange("rate-limited-429.json"), false).has_value());
}

TEST(CheckEvidence, NoProxyMeansTheProxyStepIsSkippedNotFailed)
{
    const http::Exchange x = savedExchange("expect-417-retried.json");
    const auto answer = answerFromExchange(CheckKind::ResendWithoutProxy, x, false);
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->kind, EvidenceAnswer::Kind::Skipped);
    EXPECT_FALSE(answer->passed.has_value()) << "a skipped step is neither passed nor failed";
    EXPECT_TRUE(answer->observed.contains(QStringLiteral("no proxy"))) << answer->observed.toStdString();

    // With a proxy (configured, or seen on the wire) the resend has something to bypass.
    EXPECT_FALSE(answerFromExchange(CheckKind::ResendWithoutProxy, x, true).has_value());
    http::Exchange proxied = x;
    proxied.attempts.first().connection.viaProxy = true;
    EXPECT_FALSE(answerFromExchange(CheckKind::ResendWithoutProxy, proxied, false).has_value());
}

TEST(CheckEvidence, KnownDnsAnswerAnswersTheLookup)
{
    const http::Exchange x = savedExchange("expect-417-retried.json");
    const auto answer = answerFromExchange(CheckKind::DnsLookup, x, false);
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->attempt, 1);
    EXPECT_EQ(answer->passed, true);
    EXPECT_TRUE(answer->observed.contains(QStringLiteral("upload.test resolved to 127.0.0.1")))
        << answer->observed.toStdString();

    http::Exchange noEvents = x;
    for (http::Attempt &a : noEvents.attempts)
        a.events.clear();
    EXPECT_FALSE(answerFromExchange(CheckKind::DnsLookup, noEvents, false).has_value());
    http::Exchange proxied = x;
    for (http::Attempt &a : proxied.attempts)
        a.connection.viaProxy = true; // the proxy resolved the name, not the client
    EXPECT_FALSE(answerFromExchange(CheckKind::DnsLookup, proxied, false).has_value());
}

TEST(CheckEvidence, VerifiedHandshakeAnswersTheCertificateCheck)
{
    http::Exchange x = savedExchange("expect-417-retried.json");
    EXPECT_FALSE(answerFromExchange(CheckKind::ShowCertificateChain, x, false).has_value()) << "plain HTTP";
    http::TlsInfo tls;
    tls.version = QStringLiteral("TLSv1.3");
    tls.peerSubject = QStringLiteral("CN=upload.test");
    tls.peerIssuer = QStringLiteral("CN=Test CA");
    tls.verified = true;
    x.attempts.first().connection.tls = tls;
    const auto answer = answerFromExchange(CheckKind::ShowCertificateChain, x, false);
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->passed, true);
    EXPECT_TRUE(answer->observed.contains(QStringLiteral("TLSv1.3"))) << answer->observed.toStdString();

    // Unverified, or verification switched off: the chain must be looked at.
    x.insecure = true;
    EXPECT_FALSE(answerFromExchange(CheckKind::ShowCertificateChain, x, false).has_value());
    x.insecure = false;
    x.attempts.first().connection.tls->verified = false;
    EXPECT_FALSE(answerFromExchange(CheckKind::ShowCertificateChain, x, false).has_value());
}

TEST(CheckEvidence, ChecksTheExchangeCannotAnswerRun)
{
    const http::Exchange x = savedExchange("expect-417-retried.json");
    for (const CheckKind kind : {CheckKind::ResendHttp10, CheckKind::ResendSmallerBody, CheckKind::ResendWithExpect,
                                 CheckKind::CompareWithPreviousAttempt, CheckKind::OpenLogsFiltered})
        EXPECT_FALSE(answerFromExchange(kind, x, false).has_value()) << diagnose::toString(kind).toStdString();
}
