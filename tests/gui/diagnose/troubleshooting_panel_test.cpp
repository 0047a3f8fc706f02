// SPDX-License-Identifier: GPL-3.0-or-later
// Walking a troubleshooting flow in the panel, with its automatic checks run through the panel
// and the runner against a scripted server. The checks themselves are tested in
// tests/unit/diagnose (resend, DNS, certificate chain, header comparison).
#include "../composer/gui_wait.h"

#include "core/diagnose/exchange_rules.h"
#include "tests/unit/diagnose/expect_rejecting_server.h"
#include "tests/unit/diagnose/saved_exchange.h"
#include "ui/diagnose/check_runner.h"
#include "ui/diagnose/troubleshoot_launch.h"
#include "ui/diagnose/troubleshooting_panel.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

QPushButton *outcomeButton(TroubleshootingPanel &panel, const char *id)
{
    return panel.findChild<QPushButton *>(QStringLiteral("outcome-") + QString::fromLatin1(id));
}

QString currentStepId(const TroubleshootingPanel &panel)
{
    const diagnose::TroubleshootingStep *step = panel.run().currentStep();
    return step ? step->id : QString();
}

} // namespace

TEST(TroubleshootingPanelTest, Walks417FlowBranchesOnAFailedStepAndSummarisesWhatWasTried)
{
    const http::Exchange exchange = test::savedExchange("expect-417-retried.json");
    const diagnose::Findings findings = diagnose::diagnoseExchange(exchange);
    ASSERT_FALSE(findings.isEmpty());
    TroubleshootingPanel panel(troubleshootingRunFor(exchange, findings.first()), CheckContext{exchange, {}, {}, {}});
    EXPECT_EQ(panel.title(), QStringLiteral("Troubleshoot 417 — PUT /files")) << "says which request";
    EXPECT_EQ(currentStepId(panel), QStringLiteral("resend-without-expect"));
    auto *runButton = panel.findChild<QPushButton *>(QStringLiteral("troubleshootRunCheck"));
    ASSERT_NE(runButton, nullptr);
    EXPECT_FALSE(runButton->isHidden()); // this step has an automatic check
    EXPECT_EQ(runButton->text(), QStringLiteral("Resend without Expect"));

    // The resend still failed: the flow goes to the header comparison, not the proxy step.
    ASSERT_NE(outcomeButton(panel, "still-417"), nullptr);
    outcomeButton(panel, "still-417")->click();
    EXPECT_EQ(currentStepId(panel), QStringLiteral("compare-attempts"));
    auto *history = panel.findChild<QListWidget *>(QStringLiteral("troubleshootHistory"));
    ASSERT_NE(history, nullptr);
    EXPECT_TRUE(history->item(0)->text().contains(QStringLiteral("Still 417 without Expect")));

    // Back undoes the answer; the other branch leads elsewhere.
    panel.findChild<QPushButton *>(QStringLiteral("troubleshootBack"))->click();
    EXPECT_EQ(currentStepId(panel), QStringLiteral("resend-without-expect"));
    EXPECT_TRUE(panel.run().history().isEmpty());
    outcomeButton(panel, "succeeded")->click();
    EXPECT_EQ(currentStepId(panel), QStringLiteral("resend-without-proxy"));
    outcomeButton(panel, "direct-417")->click();
    EXPECT_EQ(currentStepId(panel), QStringLiteral("check-server-config"));
    outcomeButton(panel, "nothing-found")->click();

    // The end: the summary page with what was tried, the cause and the fix.
    EXPECT_TRUE(panel.run().isFinished());
    auto *summary = panel.findChild<QTextBrowser *>(QStringLiteral("troubleshootSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->isVisibleTo(&panel));
    const QString md = panel.run().summaryMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("### What was tried")));
    EXPECT_TRUE(md.contains(QStringLiteral("**Resend without Expect**")));
    EXPECT_TRUE(md.contains(QStringLiteral("Accepted without Expect")));
    EXPECT_TRUE(md.contains(QStringLiteral("The origin itself answers 417")));
    EXPECT_TRUE(md.contains(QStringLiteral("does not implement Expect: 100-continue")));
    EXPECT_FALSE(md.contains(QStringLiteral("Still 417 without Expect"))); // undone
    EXPECT_TRUE(summary->toPlainText().contains(QStringLiteral("What was tried")));

    // The fix's guide link names the guide and its section apart, for the Guide dock to scroll.
    QList<StatusActivation> activated;
    QObject::connect(&panel, &TroubleshootingPanel::statusActivated, &panel,
                     [&](const StatusActivation &activation) { activated << activation; });
    emit summary->anchorClicked(QUrl(QStringLiteral("guide:417#server-side-fixes")));
    EXPECT_EQ(activated, (QList<StatusActivation>{{QStringLiteral("417"), QStringLiteral("server-side-fixes")}}));
}

TEST(TroubleshootingPanelTest, ResendWithoutExpectAgainstAScriptedServerReportsTheNewStatus)
{
    test::ScriptedServer server(test::expectRejectingServer());
    http::RequestSpec spec;
    spec.method = "PUT";
    spec.url = QUrl(server.url(QStringLiteral("/files")));
    spec.body = QByteArray(200 * 1024, 'a');
    spec.expectMode = http::ExpectMode::Always;
    spec.totalTimeoutMs = 10000;
    http::Exchange original = test::savedExchange("expect-417-retried.json");
    original.url = spec.url;
    original.attempts.removeLast(); // without the client's own retry, the resend has to run

    TroubleshootingPanel panel(diagnose::TroubleshootingRun(diagnose::flowForStatus(417)),
                               CheckContext{original, spec, {}, {}});
    ASSERT_EQ(currentStepId(panel), QStringLiteral("resend-without-expect"));
    std::optional<CheckResult> result;
    QObject::connect(&panel, &TroubleshootingPanel::checkFinished, &panel,
                     [&](const CheckResult &r) { result = r; });
    panel.findChild<QPushButton *>(QStringLiteral("troubleshootRunCheck"))->click();
    // The GUI is not blocked: the check finishes while the event loop runs.
    EXPECT_FALSE(result.has_value());
    ASSERT_TRUE(test::waitUntil([&] { return result.has_value(); }, 15000));

    EXPECT_EQ(result->status, 201);
    EXPECT_EQ(result->passed, true);
    EXPECT_TRUE(result->observed.contains(QStringLiteral("201 Created"))) << qPrintable(result->observed);
    EXPECT_EQ(panel.suggestedOutcome(), QStringLiteral("succeeded"));
    const QByteArray received = server.received().toLower();
    EXPECT_TRUE(received.startsWith("put /files http/1.1"));
    EXPECT_FALSE(received.contains("expect:"));
    auto *label = panel.findChild<QLabel *>(QStringLiteral("troubleshootResult"));
    EXPECT_TRUE(label->text().contains(QStringLiteral("Accepted without Expect")));

    // The user confirms the suggestion; the record keeps what the check saw.
    outcomeButton(panel, "succeeded")->click();
    ASSERT_EQ(panel.run().history().size(), 1);
    EXPECT_TRUE(panel.run().history().first().observed.contains(QStringLiteral("201")));
    EXPECT_TRUE(panel.run().summaryMarkdown().contains(QStringLiteral("201 Created")));
}

TEST(TroubleshootingPanelTest, TheRetryInTheExchangeAnswersTheResendWithoutSendingAnything)
{
    test::ScriptedServer server(test::expectRejectingServer());
    http::RequestSpec spec;
    spec.method = "PUT";
    spec.url = QUrl(server.url(QStringLiteral("/files")));
    spec.body = QByteArray(200 * 1024, 'a');
    http::Exchange original = test::savedExchange("expect-417-retried.json"); // attempt #2 went without Expect and got 201
    original.url = spec.url;
    std::optional<CheckResult> result;
    TroubleshootingPanel panel(diagnose::TroubleshootingRun(diagnose::flowForStatus(417)), CheckContext{original, spec, {}, {}});
    QObject::connect(&panel, &TroubleshootingPanel::checkFinished, &panel, [&](const CheckResult &r) { result = r; });
    ASSERT_EQ(currentStepId(panel), QStringLiteral("resend-without-expect"));
    // Shown as soon as the step is: nothing to send, nothing to wait for.
    panel.runCheck();
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->answeredByAttempt, 2);
    EXPECT_EQ(result->status, 201);
    EXPECT_TRUE(result->observed.contains(QStringLiteral("Answered by attempt #2"))) << qPrintable(result->observed);
    EXPECT_EQ(panel.suggestedOutcome(), QStringLiteral("succeeded"));
    QTest::qWait(200);
    EXPECT_TRUE(server.received().isEmpty()) << "the 2 MB body must not be uploaded again";

    // Next: no proxy was set, so "resend without the proxy" does not apply — never "Failed".
    outcomeButton(panel, "succeeded")->click();
    ASSERT_EQ(currentStepId(panel), QStringLiteral("resend-without-proxy"));
    ASSERT_TRUE(test::waitUntil([&] { return result && result->kind == diagnose::CheckKind::ResendWithoutProxy; }, 2000));
    EXPECT_TRUE(result->skipped());
    EXPECT_FALSE(result->passed.has_value());
    auto *label = panel.findChild<QLabel *>(QStringLiteral("troubleshootResult"));
    EXPECT_FALSE(label->text().contains(QStringLiteral("Failed"))) << qPrintable(label->text());
    EXPECT_TRUE(label->text().contains(QStringLiteral("Does not apply"))) << qPrintable(label->text());
    EXPECT_EQ(panel.suggestedOutcome(), QStringLiteral("direct-417"));
    EXPECT_TRUE(server.received().isEmpty());
}

TEST(TroubleshootingPanelTest, ACheckCanBeCancelled)
{
    // A server that accepts and never answers: the resend would wait forever without cancel.
    test::ScriptedServer server([](test::ScriptedPeer &peer) {
        if (peer.accept())
            peer.drain(300, 5000);
    });
    http::RequestSpec spec;
    spec.url = QUrl(server.url());
    CheckRunner runner;
    runner.setContext(CheckContext{{}, spec, {}, {}});
    std::optional<CheckResult> result;
    QObject::connect(&runner, &CheckRunner::finished, &runner, [&](const CheckResult &r) { result = r; });
    runner.start(diagnose::CheckKind::ResendHttp10);
    EXPECT_TRUE(runner.isRunning());
    test::waitUntil([&] { return server.connections() > 0; }, 5000);
    runner.cancel();
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->cancelled());
    EXPECT_FALSE(runner.isRunning());
}

TEST(TroubleshootingPanelTest, OpenLogsSaysWhenNoLogIsOpen)
{
    CheckRunner runner;
    CheckContext context;
    context.exchange = test::savedExchange("expect-417-retried.json");
    runner.setContext(context);
    std::optional<CheckResult> result;
    QObject::connect(&runner, &CheckRunner::finished, &runner, [&](const CheckResult &r) { result = r; });
    runner.start(diagnose::CheckKind::OpenLogsFiltered);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->observed.contains(QStringLiteral("no access log is open")));
}
