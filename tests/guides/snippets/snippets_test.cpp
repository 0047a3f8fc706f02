// SPDX-License-Identifier: GPL-3.0-or-later
// Every fenced block of every guide through the real tool for its language (FORMAT.md "Checked
// blocks"). One test per checker, so ctest runs them side by side and names the tool that
// failed; each prints how many blocks it checked and passed, and writes its failures to
// guide-failures/<checker>.txt in the test's working directory for the guide authors.
#include "tests/guides/snippets/snippet_check.h"

#include <QDir>
#include <QFile>
#include <QMap>

#include <gtest/gtest.h>

#include <iostream>

using namespace statusscope;
using namespace statusscope::test;

namespace {

const QList<GuideBlock> &blocks()
{
    static QStringList errors;
    static const QList<GuideBlock> all = allGuideBlocks(&errors);
    return all;
}

void writeFailures(const QString &checker, const QStringList &failures)
{
    QDir().mkpath(QStringLiteral("guide-failures"));
    QFile f(QStringLiteral("guide-failures/%1.txt").arg(checker));
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(failures.join(QLatin1Char('\n')).toUtf8() + (failures.isEmpty() ? "" : "\n"));
}

class Snippets : public ::testing::TestWithParam<const char *>
{};

TEST_P(Snippets, EveryBlockPassesItsTool)
{
    const QString checker = QString::fromLatin1(GetParam());
    int checked = 0;
    QStringList failures, pendingFailures;
    for (const GuideBlock &b : blocks()) {
        if (checkerName(b.block.language) != checker)
            continue;
        const Checker check = checkerFor(b.block.language);
        ASSERT_NE(check, nullptr) << checker.toStdString();
        ++checked;
        const CheckOutcome outcome = check(b);
        if (outcome.verdict == Verdict::Failed)
            (isPending(b.file) ? pendingFailures : failures) << describeFailure(b, outcome);
    }
    writeFailures(checker, failures + pendingFailures);
    const qsizetype failed = failures.size() + pendingFailures.size();
    std::cout << "[ COUNT    ] " << checker.toStdString() << ": " << checked << " blocks checked, "
              << checked - failed << " passed, " << failed << " failed (" << pendingFailures.size()
              << " in guides listed in tests/guides/pending.txt)\n";
    EXPECT_TRUE(failures.isEmpty()) << failures.size() << " of " << checked << " " << checker.toStdString()
                                    << " blocks fail:\n"
                                    << failures.join(QLatin1Char('\n')).toStdString();
}

INSTANTIATE_TEST_SUITE_P(Checker, Snippets,
                         ::testing::Values("nginx", "apache", "haproxy", "squid", "lighttpd", "javascript",
                                           "python", "php", "bash", "ruby", "perl", "go", "json", "yaml",
                                           "xml", "html", "ini", "http"),
                         [](const ::testing::TestParamInfo<const char *> &info) { return std::string(info.param); });

// FORMAT.md: the only blocks not run are the listed languages (counted) and output samples
// (counted); any other language fails. StatusScope's own output (cli=, and blocks that show it
// without the mark) is checked against the real CLI by tests/guides/cli_scenarios.
TEST(SnippetLanguages, EveryBlockHasACheckerOrIsAListedException)
{
    QMap<QString, int> unchecked, samples;
    QStringList problems, pendingProblems;
    for (const GuideBlock &b : blocks()) {
        const QString &lang = b.block.language;
        QStringList &out = isPending(b.file) ? pendingProblems : problems;
        if (checkerFor(lang))
            continue;
        if (isUncheckedLanguage(lang)) {
            ++unchecked[lang];
        } else if (isOutputSample(lang)) {
            ++samples[lang];
        } else {
            out << QStringLiteral("%1:%2: [%3] no checker for this language (FORMAT.md lists the languages)")
                            .arg(b.file).arg(b.block.line).arg(lang.isEmpty() ? QStringLiteral("none") : lang);
        }
    }
    for (auto it = unchecked.cbegin(); it != unchecked.cend(); ++it)
        std::cout << "[ COUNT    ] unchecked " << it.key().toStdString() << ": " << it.value() << " blocks\n";
    for (auto it = samples.cbegin(); it != samples.cend(); ++it)
        std::cout << "[ COUNT    ] output samples " << it.key().toStdString() << ": " << it.value() << " blocks\n";
    writeFailures(QStringLiteral("languages"), problems + pendingProblems);
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

TEST(SnippetLanguages, TheGuidesLoadWithoutErrors)
{
    QStringList errors;
    EXPECT_FALSE(allGuideBlocks(&errors).isEmpty());
    EXPECT_TRUE(errors.isEmpty()) << errors.join(QLatin1Char('\n')).toStdString();
}

} // namespace
