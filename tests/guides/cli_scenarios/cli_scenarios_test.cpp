// SPDX-License-Identifier: GPL-3.0-or-later
// What StatusScope says about itself in the guides is what it really says (FORMAT.md "Output
// blocks"): every block marked cli=SCENARIO is a transcript whose commands run against the
// scenario's real situation with this build's statusscope-cli, and must come out exactly as
// shown. Blocks that show StatusScope's output without the mark fail, so none is missed.
#include "core/guides/guide_catalog.h"
#include "tests/guides/cli_scenarios/cli_scenarios.h"
#include "tests/guides/cli_scenarios/cli_transcript.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <iostream>

using namespace statusscope;
using namespace statusscope::test;

namespace {

const QString kGuidesDir = QStringLiteral("resources/guides");
const QString kCli = QStringLiteral("cli");

struct OutputBlock
{
    QString file; // "resources/guides/transport/dns-failure.md"
    GuideCodeBlock block;
};

// Read from the source tree, so an edited guide is checked without a rebuild.
const QList<OutputBlock> &outputBlocks()
{
    static const QList<OutputBlock> all = [] {
        QList<OutputBlock> out;
        const GuideCatalog catalog = GuideCatalog::load(sourcePath(kGuidesDir));
        for (const QString &id : catalog.ids()) {
            const Guide *g = catalog.find(id);
            for (const GuideCodeBlock &b : g->codeBlocks)
                out.append({kGuidesDir + QLatin1Char('/') + g->sourceName, b});
        }
        return out;
    }();
    return all;
}

// gtest names a failing parameter with this instead of its bytes.
void PrintTo(const OutputBlock &b, std::ostream *os)
{
    *os << b.file.toStdString() << ':' << b.block.line;
}

QList<OutputBlock> markedBlocks()
{
    QList<OutputBlock> out;
    for (const OutputBlock &b : outputBlocks()) {
        if (b.block.attributes.contains(kCli))
            out.append(b);
    }
    return out;
}

QString where(const OutputBlock &b)
{
    return QStringLiteral("%1:%2").arg(b.file).arg(b.block.line);
}

void writeFailures(const QString &name, const QString &text)
{
    QDir().mkpath(QStringLiteral("guide-failures"));
    QFile f(QStringLiteral("guide-failures/%1.txt").arg(name));
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(text.toUtf8());
}

class CliBlock : public ::testing::TestWithParam<OutputBlock>
{};

TEST_P(CliBlock, ComesOutOfTheRealCliAsShown)
{
    const OutputBlock &b = GetParam();
    const QString name = b.block.attributes.value(kCli);
    const CliScenario *scenario = findCliScenario(name);
    ASSERT_NE(scenario, nullptr) << where(b).toStdString() << ": cli=" << name.toStdString()
                                 << ": no such scenario in tests/guides/cli_scenarios/cli_scenarios.cpp";
    ASSERT_TRUE(b.block.language == QLatin1String("console") || b.block.language == QLatin1String("text"))
        << where(b).toStdString() << ": cli= on a " << b.block.language.toStdString()
        << " block: show StatusScope's JSON as the output of the command that prints it (console)";
    const Transcript transcript = parseTranscript(b.block.text);
    ASSERT_TRUE(transcript.error.isEmpty()) << where(b).toStdString() << ": " << transcript.error.toStdString();
    QString portError;
    const quint16 shownPort = shownLoopbackPort(transcript, &portError);
    ASSERT_TRUE(portError.isEmpty()) << where(b).toStdString() << ": " << portError.toStdString();

    QTemporaryDir workDir;
    ASSERT_TRUE(workDir.isValid());
    const Situation situation = scenario->setUp(workDir.path());
    ASSERT_TRUE(situation.error.isEmpty()) << scenario->situation << ": " << situation.error.toStdString();
    ASSERT_TRUE(shownPort == 0 || situation.port != 0)
        << where(b).toStdString() << ": the block names port " << shownPort << " but scenario " << name.toStdString()
        << " has no server (" << scenario->situation << ")";

    const QString real = runTranscript(transcript, workDir.path(), {shownPort, situation.port});
    const QString mismatch = transcriptMismatch(b.block.text, real);
    if (!mismatch.isEmpty())
        writeFailures(QStringLiteral("cli-%1-%2").arg(QFileInfo(b.file).baseName()).arg(b.block.line),
                      where(b) + QStringLiteral(": cli=") + name + QLatin1Char('\n') + mismatch + QLatin1Char('\n'));
    EXPECT_TRUE(mismatch.isEmpty()) << where(b).toStdString() << ": cli=" << name.toStdString() << " ("
                                    << scenario->situation << "): " << mismatch.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Guides, CliBlock, ::testing::ValuesIn(markedBlocks()),
                         [](const ::testing::TestParamInfo<OutputBlock> &info) {
                             QString name = QStringLiteral("%1_%2").arg(QFileInfo(info.param.file).baseName()).arg(info.param.block.line);
                             name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")), QStringLiteral("_"));
                             return name.toStdString();
                         });

// StatusScope's own output: the CLI's name, an error kind of its JSON, or the JSON contract's
// top-level fields (send, har, logs).
bool showsOwnOutput(const GuideCodeBlock &b)
{
    static const QSet<QString> outputLanguages{QStringLiteral("text"), QStringLiteral("console"), QStringLiteral("json")};
    static const QRegularExpression own(QStringLiteral(
        "statusscope-cli|\"kind\"\\s*:\\s*\"(dns|connect|tls|timeout|protocol|io|cancelled)\"|"
        "\"(final_status|attempts|timings_ms|status_counts|top_error_paths)\"\\s*:"));
    return outputLanguages.contains(b.language) && own.match(b.text).hasMatch();
}

TEST(CliMarking, EveryBlockShowingStatusScopeOutputIsMarked)
{
    QStringList unmarked;
    int marked = 0;
    for (const OutputBlock &b : outputBlocks()) {
        if (b.block.attributes.contains(kCli))
            ++marked;
        else if (showsOwnOutput(b.block))
            unmarked << QStringLiteral("%1: [%2] shows StatusScope's own output without cli=SCENARIO").arg(where(b), b.block.language);
    }
    std::cout << "[ COUNT    ] cli blocks: " << marked << ", scenarios: " << cliScenarios().size() << "\n";
    EXPECT_TRUE(unmarked.isEmpty()) << unmarked.join(QLatin1Char('\n')).toStdString();
}

// A scenario no guide shows is a situation nobody checks anything against.
TEST(CliMarking, EveryScenarioIsShownByAGuide)
{
    QSet<QString> used;
    for (const OutputBlock &b : markedBlocks())
        used.insert(b.block.attributes.value(kCli));
    for (const CliScenario &s : cliScenarios())
        EXPECT_TRUE(used.contains(QLatin1String(s.name))) << s.name << " is used by no guide block";
}

TEST(CliMarking, TheDetectorSeesEachKindOfOwnOutput)
{
    const auto block = [](const char *lang, const char *text) {
        GuideCodeBlock b;
        b.language = QString::fromLatin1(lang);
        b.text = QString::fromLatin1(text);
        return b;
    };
    EXPECT_TRUE(showsOwnOutput(block("console", "$ statusscope-cli send http://x/\nexit=3\n")));
    EXPECT_TRUE(showsOwnOutput(block("text", "{\"error\":{\"kind\":\"dns\",\"message\":\"m\"}}\n")));
    EXPECT_TRUE(showsOwnOutput(block("json", "{\"final_status\": 200}\n")));
    EXPECT_FALSE(showsOwnOutput(block("json", "{\"kind\": \"Deployment\"}\n")));
    EXPECT_FALSE(showsOwnOutput(block("console", "$ curl -v http://x/\ncurl: (6) Could not resolve host: x\n")));
    EXPECT_FALSE(showsOwnOutput(block("bash", "statusscope-cli send http://x/\n")));
}

} // namespace
