// SPDX-License-Identifier: GPL-3.0-or-later
// Every end of every troubleshooting flow gives the server-side and the client-side fix, each
// linking to a section that exists: the guide file is in resources/guides and has a heading
// whose slug is the link's anchor (the Guide dock scrolls to headings by that slug).

#include "core/diagnose/transport_guides.h"
#include "core/diagnose/troubleshooting_flow.h"
#include "tests/unit/diagnose/guide_files.h"

#include <QDir>
#include <QSet>

#include <gtest/gtest.h>

namespace statusscope::diagnose {
namespace {

// Every flow the app can open: the catalog, one per guided status, one per transport guide.
QList<TroubleshootingFlow> everyFlow()
{
    QList<TroubleshootingFlow> flows = allTroubleshootingFlows();
    const QStringList codes = QDir(QStringLiteral(STATUSSCOPE_SOURCE_DIR "/resources/guides"))
                                  .entryList({QStringLiteral("*.md")}, QDir::Files);
    for (const QString &file : codes) {
        bool numeric = false;
        const int status = QFileInfo(file).completeBaseName().toInt(&numeric);
        if (numeric)
            flows << flowForStatus(status);
    }
    for (const char *id : kTransportGuideIds)
        flows << flowForTransport(QString::fromLatin1(id));
    return flows;
}

void expectResolves(const Fix &fix, const QString &where)
{
    EXPECT_FALSE(fix.text.isEmpty()) << qPrintable(where);
    ASSERT_TRUE(test::guideExists(fix.guide)) << qPrintable(where) << ": no guide " << qPrintable(fix.guide);
    EXPECT_TRUE(test::guideHeadingSlugs(fix.guide).contains(fix.section))
        << qPrintable(where) << ": no heading " << qPrintable(fix.section) << " in guide " << qPrintable(fix.guide);
}

} // namespace

TEST(FlowFixLinks, EveryEndGivesBothFixesLinkedToAnExistingGuideHeading)
{
    int ends = 0;
    for (const TroubleshootingFlow &flow : everyFlow()) {
        EXPECT_TRUE(flow.problems().isEmpty()) << qPrintable(flow.problems().join(QLatin1Char('\n')));
        for (const TroubleshootingStep &step : flow.steps) {
            for (const StepOutcome &o : step.outcomes) {
                if (!o.endsFlow())
                    continue;
                ++ends;
                const QString where = QStringLiteral("%1 (%2)/%3/%4").arg(flow.id, flow.guide, step.id, o.id);
                expectResolves(o.server, where + QStringLiteral(" server"));
                expectResolves(o.client, where + QStringLiteral(" client"));
                EXPECT_EQ(o.server.section, QStringLiteral("server-side-fixes")) << qPrintable(where);
                EXPECT_EQ(o.client.section, QStringLiteral("client-side-fixes")) << qPrintable(where);
                EXPECT_NE(o.server.text, o.client.text) << qPrintable(where) << ": one fix per side";
            }
        }
    }
    EXPECT_GE(ends, 45);
}

TEST(FlowFixLinks, ACertificateCauseLinksToItsOwnGuide)
{
    const TroubleshootingFlow tls = flowForTransport(QStringLiteral("tls-handshake-failure"));
    const StepOutcome *expired = tls.step(QStringLiteral("certificate-chain"))->outcome(QStringLiteral("expired"));
    ASSERT_NE(expired, nullptr);
    EXPECT_EQ(expired->server.link(), QStringLiteral("guide:cert-expired#server-side-fixes"));
    EXPECT_EQ(expired->client.link(), QStringLiteral("guide:cert-expired#client-side-fixes"));
    TroubleshootingRun run(tls);
    ASSERT_TRUE(run.record(QStringLiteral("expected-address")));
    ASSERT_TRUE(run.record(QStringLiteral("expired")));
    const QString md = run.summaryMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("[cert-expired guide — Server-side fixes](guide:cert-expired#server-side-fixes)")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("[cert-expired guide — Client-side fixes](guide:cert-expired#client-side-fixes)")))
        << md.toStdString();
}

TEST(FlowFixLinks, AMissingHeadingIsNotFound)
{
    // The check itself can fail: a slug no guide heading has is not in the set.
    EXPECT_TRUE(test::guideHeadingSlugs(QStringLiteral("417")).contains(QStringLiteral("server-side-fixes")));
    EXPECT_FALSE(test::guideHeadingSlugs(QStringLiteral("417")).contains(QStringLiteral("server-fixes")));
    EXPECT_TRUE(test::guideHeadingSlugs(QStringLiteral("no-such-guide")).isEmpty());
}

} // namespace statusscope::diagnose
