// SPDX-License-Identifier: GPL-3.0-or-later
// The troubleshooting flows: sound structure, branching on outcomes, the choice of flow for a
// status or finding, and the Markdown summary.

#include "core/diagnose/exchange_rules.h"
#include "core/diagnose/troubleshooting_flow.h"
#include "tests/support/test_support.h"
#include "tests/unit/diagnose/guide_files.h"
#include "tests/unit/diagnose/recorded_exchanges.h"

#include <QSet>

#include <gtest/gtest.h>

namespace statusscope::diagnose {
namespace {

namespace rec = test::recorded;

TEST(TroubleshootingFlows, EveryFlowIsSoundAndLinksToAGuide)
{
    QSet<QString> ids;
    QSet<CheckKind> used;
    for (const TroubleshootingFlow &flow : allTroubleshootingFlows()) {
        EXPECT_EQ(flow.problems(), QStringList()) << flow.id.toStdString();
        EXPECT_TRUE(test::guideExists(flow.guide)) << flow.id.toStdString() << " → " << flow.guide.toStdString();
        EXPECT_FALSE(ids.contains(flow.id));
        ids.insert(flow.id);
        for (const TroubleshootingStep &s : flow.steps)
            used.insert(s.automatic);
    }
    EXPECT_EQ(ids.size(), 10);
    // Every automatic check of the issue is offered by some flow.
    for (CheckKind k : {CheckKind::ResendWithoutExpect, CheckKind::ResendWithExpect, CheckKind::ResendHttp10,
                        CheckKind::ResendSmallerBody, CheckKind::ResendWithoutProxy, CheckKind::DnsLookup,
                        CheckKind::ShowCertificateChain, CheckKind::CompareWithPreviousAttempt,
                        CheckKind::OpenLogsFiltered})
        EXPECT_TRUE(used.contains(k)) << toString(k).toStdString();
}

TEST(TroubleshootingFlows, ProblemsAreDetected)
{
    TroubleshootingFlow broken = flowForStatus(417);
    broken.steps[0].outcomes[0].next = QStringLiteral("nowhere");
    broken.steps[1].outcomes[0].cause.clear();
    broken.steps.append(broken.steps.last()); // duplicate id
    const QStringList problems = broken.problems();
    EXPECT_TRUE(problems.join(QLatin1Char('\n')).contains(QStringLiteral("unknown step nowhere")));
    EXPECT_TRUE(problems.join(QLatin1Char('\n')).contains(QStringLiteral("needs a cause and a fix")));
    EXPECT_TRUE(problems.join(QLatin1Char('\n')).contains(QStringLiteral("duplicate step id")));
    EXPECT_TRUE(problems.join(QLatin1Char('\n')).contains(QStringLiteral("resend-without-proxy: unreachable")));

    TroubleshootingFlow cyclic = flowForStatus(413);
    cyclic.steps[1].outcomes[0].next = cyclic.steps[0].id;
    EXPECT_TRUE(cyclic.problems().join(QLatin1Char('\n')).contains(QStringLiteral("cycle back to resend-smaller-body")));
}

TEST(TroubleshootingFlows, ChoiceByStatusTransportAndFinding)
{
    EXPECT_EQ(flowForStatus(417).id, QStringLiteral("expect-417"));
    EXPECT_EQ(flowForStatus(502).id, QStringLiteral("bad-gateway"));
    EXPECT_EQ(flowForStatus(504).guide, QStringLiteral("504"));
    EXPECT_EQ(flowForStatus(413).id, QStringLiteral("payload-too-large"));
    EXPECT_EQ(flowForStatus(103).id, QStringLiteral("class-1xx"));
    EXPECT_EQ(flowForStatus(204).id, QStringLiteral("class-2xx"));
    EXPECT_EQ(flowForStatus(308).id, QStringLiteral("class-3xx"));
    EXPECT_EQ(flowForStatus(499).id, QStringLiteral("class-4xx"));
    EXPECT_EQ(flowForStatus(522).id, QStringLiteral("class-5xx"));
    EXPECT_EQ(flowForStatus(0).id, QStringLiteral("transport"));
    EXPECT_EQ(flowForTransport(QStringLiteral("cert-expired")).id, QStringLiteral("tls"));
    EXPECT_EQ(flowForTransport(QStringLiteral("cert-expired")).guide, QStringLiteral("cert-expired"));
    EXPECT_EQ(flowForTransport(QStringLiteral("dns-failure")).id, QStringLiteral("transport"));

    const Findings f = diagnoseExchange(rec::expect417Retried());
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(flowForFinding(f[0]).id, QStringLiteral("expect-417"));
    const Findings g = diagnoseExchange(rec::rejectedBeforeBody(413));
    ASSERT_EQ(g.size(), 1);
    EXPECT_EQ(flowForFinding(g[0]).id, QStringLiteral("payload-too-large"));
}

TEST(TroubleshootingRun, BranchesOnOutcomes)
{
    TroubleshootingRun run(flowForStatus(417));
    ASSERT_NE(run.currentStep(), nullptr);
    EXPECT_EQ(run.currentStep()->automatic, CheckKind::ResendWithoutExpect);
    EXPECT_FALSE(run.record(QStringLiteral("no-such-outcome")));
    EXPECT_TRUE(run.history().isEmpty());

    ASSERT_TRUE(run.record(QStringLiteral("still-417"), QStringLiteral("417 again at 3.1 ms")));
    EXPECT_EQ(run.currentStep()->id, QStringLiteral("compare-attempts"));
    ASSERT_TRUE(run.undo());
    EXPECT_EQ(run.currentStep()->id, QStringLiteral("resend-without-expect"));

    ASSERT_TRUE(run.record(QStringLiteral("succeeded")));
    EXPECT_EQ(run.currentStep()->id, QStringLiteral("resend-without-proxy"));
    ASSERT_TRUE(run.record(QStringLiteral("direct-ok")));
    EXPECT_TRUE(run.isFinished());
    EXPECT_EQ(run.currentStep(), nullptr);
    ASSERT_NE(run.conclusion(), nullptr);
    EXPECT_TRUE(run.conclusion()->cause.contains(QStringLiteral("proxy")));
    EXPECT_FALSE(run.record(QStringLiteral("direct-ok"))); // finished
    ASSERT_TRUE(run.undo());
    EXPECT_FALSE(run.isFinished());
    EXPECT_EQ(run.conclusion(), nullptr);
}

TEST(TroubleshootingRun, TlsFlowBranchesToCertificateCause)
{
    TroubleshootingRun run(flowForTransport(QStringLiteral("cert-unknown-issuer")));
    ASSERT_TRUE(run.record(QStringLiteral("expected-address")));
    EXPECT_EQ(run.currentStep()->automatic, CheckKind::ShowCertificateChain);
    ASSERT_TRUE(run.record(QStringLiteral("incomplete-chain"), QStringLiteral("only CN=shop.test, issuer R11 not sent")));
    ASSERT_TRUE(run.isFinished());
    EXPECT_TRUE(run.conclusion()->server.text.contains(QStringLiteral("fullchain.pem")));
    EXPECT_EQ(run.conclusion()->server.link(), QStringLiteral("guide:cert-unknown-issuer#server-side-fixes"));
    EXPECT_EQ(run.conclusion()->client.link(), QStringLiteral("guide:cert-unknown-issuer#client-side-fixes"));
}

TEST(TroubleshootingRun, GatewayFlowThroughLogs)
{
    TroubleshootingRun run(flowForStatus(502));
    ASSERT_TRUE(run.record(QStringLiteral("reverse-proxy")));
    EXPECT_EQ(run.currentStep()->automatic, CheckKind::OpenLogsFiltered);
    ASSERT_TRUE(run.record(QStringLiteral("connect-failed")));
    EXPECT_TRUE(run.conclusion()->cause.contains(QStringLiteral("not running")));
}

TEST(TroubleshootingSummary, MarkdownOfAFinishedRun)
{
    const Findings f = diagnoseExchange(rec::expect417Retried(417));
    ASSERT_EQ(f.size(), 1);
    TroubleshootingRun run(flowForFinding(f[0]), f[0]);
    ASSERT_TRUE(run.record(QStringLiteral("still-417"), QStringLiteral("417 again without Expect")));
    ASSERT_TRUE(run.record(QStringLiteral("no-expect")));
    const QString md = run.summaryMarkdown();
    EXPECT_TRUE(md.startsWith(QStringLiteral("## Diagnosis: 417 Expectation Failed\n"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("**Finding:** warning `expect-417`"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("1. **Resend without Expect** (automatic check `resend-without-expect`): "
                                           "Still 417 without Expect\n   - Seen: 417 again without Expect\n")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("2. **Compare the two attempts' headers** (automatic check "
                                           "`compare-with-previous-attempt`): No Expect header in the resend\n")));
    EXPECT_TRUE(md.contains(QStringLiteral("### Likely cause\n\nThe server sends 417 for something other than Expect")));
    // Both sides of the fix, each with a link to the guide section that holds it.
    EXPECT_TRUE(md.contains(QStringLiteral("### Fix\n\n- **Server side:** Answer the real error with its own status")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral(" See [417 guide — Server-side fixes](guide:417#server-side-fixes).\n")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("- **Client side:** Read the response body"))) << md.toStdString();
    EXPECT_TRUE(md.endsWith(QStringLiteral(" See [417 guide — Client-side fixes](guide:417#client-side-fixes).\n")))
        << md.toStdString();
    EXPECT_FALSE(md.contains(QStringLiteral("statusscope-cli guide")));
    EXPECT_FALSE(md.contains(QStringLiteral("&quot;"))) << "Markdown, not HTML entities";
}

TEST(TroubleshootingSummary, UnfinishedRunFallsBackToTheFinding)
{
    const Findings f = diagnoseExchange(rec::rejectedBeforeBody(413));
    ASSERT_EQ(f.size(), 1);
    TroubleshootingRun run(flowForFinding(f[0]), f[0]);
    ASSERT_TRUE(run.record(QStringLiteral("accepted"), QStringLiteral("4 KiB body → 201")));
    const QString md = run.summaryMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("**Not finished.** Next step: Find which layer enforces the limit.")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("client\\_max\\_body\\_size"))) << md.toStdString(); // escaped, from the finding
    const QString empty = TroubleshootingRun(flowForStatus(500)).summaryMarkdown();
    EXPECT_TRUE(empty.contains(QStringLiteral("Nothing yet.")));
    EXPECT_TRUE(empty.contains(QStringLiteral("### Likely cause\n\nNot determined yet.")));
}

TEST(CheckKindNames, StableSpelling)
{
    EXPECT_EQ(toString(CheckKind::ResendHttp10), QStringLiteral("resend-http10"));
    EXPECT_EQ(toString(CheckKind::ShowCertificateChain), QStringLiteral("show-certificate-chain"));
    EXPECT_EQ(toString(CheckKind::None), QStringLiteral("none"));
}

} // namespace
} // namespace statusscope::diagnose
