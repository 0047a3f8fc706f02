// SPDX-License-Identifier: GPL-3.0-or-later
// Resend checks against a scripted loopback server that answers 417 to Expect and 201 without
// it: the one thing changed reaches the wire, the outcome is typed (the same status, another
// one, a success, no connection at all), and a cancelled resend says so.

#include "core/diagnose/checks/outcome_suggestion.h"
#include "core/diagnose/checks/resend_check.h"
#include "core/diagnose/checks/resend_spec.h"
#include "tests/unit/diagnose/expect_rejecting_server.h"
#include "tests/unit/diagnose/check_wait.h"

#include <QTcpServer>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::diagnose;

namespace {

http::RequestSpec upload(const QUrl &url, qint64 bytes = 200 * 1024)
{
    http::RequestSpec spec;
    spec.method = "PUT";
    spec.url = url;
    spec.body = QByteArray(bytes, 'a');
    spec.expectMode = http::ExpectMode::Always;
    spec.totalTimeoutMs = 10000;
    return spec;
}

std::optional<CheckResult> resendNow(const ResendRequest &request)
{
    return test::runCheck([&](CheckCallback done) { return resend(request, std::move(done)); });
}

} // namespace

TEST(ResendCheck, WithoutExpectTheServerAcceptsTheUpload)
{
    test::ScriptedServer server(test::expectRejectingServer());
    const std::optional<CheckResult> result =
        resendNow({CheckKind::ResendWithoutExpect, upload(QUrl(server.url(QStringLiteral("/files")))), {}, 417});
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->kind, CheckKind::ResendWithoutExpect);
    EXPECT_EQ(result->outcome, CheckOutcome::Ok);
    EXPECT_EQ(result->status, 201);
    EXPECT_EQ(result->passed, true);
    EXPECT_EQ(result->observed, QStringLiteral("Resent without Expect: 201 Created"));
    EXPECT_TRUE(result->details.startsWith(QStringLiteral("Attempt 1: PUT HTTP/1.1, 204800 of 204800 body bytes sent → 201")))
        << qPrintable(result->details);
    EXPECT_EQ(result->exchange.finalStatus(), 201);
    const QByteArray received = server.received().toLower();
    EXPECT_TRUE(received.startsWith("put /files http/1.1"));
    EXPECT_FALSE(received.contains("expect:"));
    EXPECT_EQ(suggestOutcome(flowForStatus(417).steps.first(), *result), QStringLiteral("succeeded"));
}

TEST(ResendCheck, TheSameErrorStatusFailsAndAnotherOneIsADifferentStatus)
{
    test::ScriptedServer server(test::expectRejectingServer());
    const http::RequestSpec spec = upload(QUrl(server.url(QStringLiteral("/files"))), 1000);
    const std::optional<CheckResult> same = resendNow({CheckKind::ResendWithExpect, spec, {}, 417});
    ASSERT_TRUE(same.has_value());
    EXPECT_EQ(same->outcome, CheckOutcome::Failed);
    EXPECT_EQ(same->status, 417);
    EXPECT_EQ(same->passed, false);
    EXPECT_TRUE(server.received().toLower().contains("expect: 100-continue"));
    EXPECT_EQ(suggestOutcome(flowForStatus(417).steps.first(), *same), QStringLiteral("still-417"));

    // Troubleshooting a 413: a 417 is another error, not the one being looked at.
    const std::optional<CheckResult> other =
        resendNow({CheckKind::ResendWithExpect, spec, QStringLiteral("rebuilt from a file"), 413});
    ASSERT_TRUE(other.has_value());
    EXPECT_EQ(other->outcome, CheckOutcome::DifferentStatus);
    EXPECT_TRUE(other->details.endsWith(QStringLiteral("\nNote: rebuilt from a file."))) << qPrintable(other->details);
}

TEST(ResendCheck, AClosedPortIsAConnectFailureNotADifferentStatus)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const std::optional<CheckResult> result = resendNow(
        {CheckKind::ResendWithoutExpect, upload(QUrl(QStringLiteral("http://127.0.0.1:%1/files").arg(port)), 1000), {}, 417});
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->outcome, CheckOutcome::ConnectFailure) << qPrintable(result->observed);
    EXPECT_EQ(result->transportError, http::ErrorKind::Connect);
    EXPECT_FALSE(result->passed.has_value()) << "no status: neither passed nor failed";
    EXPECT_FALSE(result->status.has_value());
    EXPECT_TRUE(result->details.contains(QStringLiteral("Attempt 1: PUT "))) << "the method: " << qPrintable(result->details);
    EXPECT_NE(suggestOutcome(flowForStatus(417).steps.first(), *result), QStringLiteral("other-status"));
}

TEST(ResendCheck, ACancelledResendDeliversCancelledOnce)
{
    // Accepts, reads the request and never answers until the client goes: without cancel the
    // resend would wait for its timeout. (Draining until 300 ms of quiet raced the test's own
    // 300 ms wait under load: the server closed first and the resend failed instead.)
    test::ScriptedServer server([](test::ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.waitForClientClose(10000);
    });
    http::RequestSpec spec;
    spec.url = QUrl(server.url());
    int calls = 0;
    std::optional<CheckResult> result;
    CheckHandle handle = resend({CheckKind::ResendHttp10, spec, {}, 0}, [&](CheckResult r) {
        ++calls;
        result = std::move(r);
    });
    test::pumpEvents(300); // it connects and sends; the server never answers
    EXPECT_TRUE(handle.isRunning());
    handle.cancel();
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->outcome, CheckOutcome::Cancelled);
    EXPECT_EQ(result->observed, QStringLiteral("Resent with HTTP/1.0: cancelled"));
    handle.cancel();
    EXPECT_EQ(calls, 1);
}

TEST(ResendSpec, EachCheckChangesOneThing)
{
    http::RequestSpec base = upload(QUrl(QStringLiteral("http://upload.test/files")), 200 * 1024);
    base.headers.append(http::Header{"Expect", "100-continue"});
    base.proxy = QUrl(QStringLiteral("http://proxy.test:3128"));
    base.retryOn417 = true;

    const http::RequestSpec without = specForCheck(CheckKind::ResendWithoutExpect, base);
    EXPECT_EQ(without.expectMode, http::ExpectMode::Never);
    EXPECT_FALSE(http::hasHeader(without.headers, "expect"));
    EXPECT_TRUE(without.removedHeaders.contains("expect"));
    EXPECT_FALSE(without.retryOn417) << "the server's own answer, not the client's recovery";
    EXPECT_EQ(without.body, base.body);

    EXPECT_EQ(specForCheck(CheckKind::ResendWithExpect, base).expectMode, http::ExpectMode::Always);
    EXPECT_EQ(specForCheck(CheckKind::ResendHttp10, base).version, http::HttpVersion::Http10);
    EXPECT_EQ(specForCheck(CheckKind::ResendSmallerBody, base).body.size(), kSmallerBodyBytes);
    const http::RequestSpec direct = specForCheck(CheckKind::ResendWithoutProxy, base);
    EXPECT_TRUE(direct.proxy.isEmpty());
    EXPECT_EQ(direct.url, base.url);
}

TEST(ResendSpec, ASavedExchangeIsRebuiltWithFillerOfTheSameSize)
{
    http::Exchange saved;
    http::Attempt first;
    first.url = QUrl(QStringLiteral("http://upload.test:8080/files"));
    first.request.method = "PUT";
    first.request.bodyBytes = 5000;
    first.request.expectSent = true;
    first.request.headers = {{"Host", "upload.test:8080"}, {"Content-Length", "5000"}, {"Expect", "100-continue"},
                             {"X-Api-Key", "k"}, {":authority", "upload.test"}};
    saved.attempts << first;
    QString note;
    const std::optional<http::RequestSpec> spec = specFromExchange(saved, &note);
    ASSERT_TRUE(spec.has_value());
    EXPECT_EQ(spec->method, "PUT");
    EXPECT_EQ(spec->url, first.url);
    EXPECT_EQ(spec->body.size(), 5000);
    EXPECT_EQ(spec->expectMode, http::ExpectMode::Always);
    EXPECT_EQ(spec->headers, (http::HeaderList{{"X-Api-Key", "k"}})) << "the engine writes the others itself";
    EXPECT_EQ(note, QStringLiteral("the saved exchange has no body: resent with 5000 bytes of filler"));
    EXPECT_FALSE(specFromExchange(http::Exchange{}).has_value());
}
