// SPDX-License-Identifier: GPL-3.0-or-later
// Starting a step's check: what the exchange already answers is delivered at once without any
// network (the 2 MB upload is not repeated), a check that does not apply says why, and before
// anything runs the app can tell what it would send where (for the consent question).

#include "core/diagnose/checks/check_start.h"
#include "core/diagnose/checks/outcome_suggestion.h"
#include "core/diagnose/checks/outgoing_contact.h"
#include "core/diagnose/checks/resend_spec.h"
#include "tests/unit/diagnose/saved_exchange.h"

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::diagnose;

namespace {

CheckInputs saved417()
{
    CheckInputs inputs;
    inputs.exchange = test::savedExchange("expect-417-retried.json");
    inputs.spec = specFromExchange(inputs.exchange, &inputs.specNote);
    inputs.status = 417;
    return inputs;
}

std::optional<CheckResult> startNow(CheckKind kind, const CheckInputs &inputs)
{
    std::optional<CheckResult> result;
    const CheckHandle handle = startCheck(kind, inputs, [&](CheckResult r) { result = std::move(r); });
    EXPECT_FALSE(handle.isRunning());
    return result;
}

} // namespace

TEST(CheckStart, TheRetryInTheExchangeAnswersTheResendAtOnce)
{
    const CheckInputs inputs = saved417();
    ASSERT_TRUE(answerFromEvidence(CheckKind::ResendWithoutExpect, inputs).has_value());
    const std::optional<CheckResult> result = startNow(CheckKind::ResendWithoutExpect, inputs);
    ASSERT_TRUE(result.has_value()) << "delivered before startCheck returned: nothing was sent";
    EXPECT_EQ(result->kind, CheckKind::ResendWithoutExpect);
    EXPECT_EQ(result->outcome, CheckOutcome::Answered);
    EXPECT_EQ(result->answeredByAttempt, 2);
    EXPECT_EQ(result->status, 201);
    EXPECT_TRUE(result->observed.startsWith(QStringLiteral("Answered by attempt #2"))) << qPrintable(result->observed);
    EXPECT_EQ(suggestOutcome(flowForStatus(417).steps.first(), *result), QStringLiteral("succeeded"));
}

TEST(CheckStart, NoProxyMeansResendWithoutProxyDoesNotApply)
{
    CheckInputs inputs = saved417();
    const std::optional<CheckResult> result = startNow(CheckKind::ResendWithoutProxy, inputs);
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->outcome, CheckOutcome::NotApplicable);
    EXPECT_TRUE(result->skipped());
    EXPECT_FALSE(result->passed.has_value()) << "neither passed nor failed";
    EXPECT_EQ(suggestOutcome(*flowForStatus(417).step(QStringLiteral("resend-without-proxy")), *result),
              QStringLiteral("direct-417"));

    inputs.spec->proxy = QUrl(QStringLiteral("http://proxy.test:3128"));
    EXPECT_FALSE(answerFromEvidence(CheckKind::ResendWithoutProxy, inputs).has_value()) << "a proxy to bypass: it runs";
}

TEST(CheckStart, WithoutARequestAResendIsNotPossibleAndTheLogsAreNotCoresJob)
{
    CheckInputs inputs;
    std::optional<CheckResult> result = startNow(CheckKind::ResendHttp10, inputs);
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->outcome, CheckOutcome::NotPossible);
    EXPECT_EQ(result->observed, QStringLiteral("Resent with HTTP/1.0: not possible, the request is not known"));
    result = startNow(CheckKind::OpenLogsFiltered, inputs);
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->outcome, CheckOutcome::NotPossible);
}

TEST(CheckStart, OutgoingContactNamesHostMethodAndBodySize)
{
    const CheckInputs inputs = saved417();
    const std::optional<OutgoingContact> put = outgoingContact(CheckKind::ResendWithExpect, inputs);
    ASSERT_TRUE(put.has_value());
    EXPECT_EQ(put->host, QStringLiteral("upload.test"));
    EXPECT_EQ(put->method, QStringLiteral("PUT"));
    EXPECT_EQ(put->bodyBytes, inputs.spec->body.size());
    EXPECT_GT(put->bodyBytes, 0);
    EXPECT_EQ(put->action, QStringLiteral("send PUT %1 to").arg(inputs.spec->url.path()));

    const std::optional<OutgoingContact> smaller = outgoingContact(CheckKind::ResendSmallerBody, inputs);
    ASSERT_TRUE(smaller.has_value());
    EXPECT_EQ(smaller->bodyBytes, qMin(kSmallerBodyBytes, qint64(inputs.spec->body.size())));

    const std::optional<OutgoingContact> dns = outgoingContact(CheckKind::DnsLookup, inputs);
    ASSERT_TRUE(dns.has_value());
    EXPECT_EQ(dns->action, QStringLiteral("look up the address of"));
    EXPECT_TRUE(dns->method.isEmpty());
    const std::optional<OutgoingContact> tls = outgoingContact(CheckKind::ShowCertificateChain, inputs);
    ASSERT_TRUE(tls.has_value());
    EXPECT_EQ(tls->action, QStringLiteral("open a TLS connection (no HTTP request) on port 8080 of"));

    EXPECT_FALSE(outgoingContact(CheckKind::CompareWithPreviousAttempt, inputs).has_value());
    EXPECT_FALSE(outgoingContact(CheckKind::OpenLogsFiltered, inputs).has_value());
    EXPECT_FALSE(outgoingContact(CheckKind::ResendWithExpect, CheckInputs{}).has_value()) << "nothing to send";
}
