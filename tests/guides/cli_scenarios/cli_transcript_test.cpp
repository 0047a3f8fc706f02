// SPDX-License-Identifier: GPL-3.0-or-later
// The transcript comparator can fail: a block that differs from the real run in one byte is a
// mismatch, and the port substitution maps only the port.
#include "tests/guides/cli_scenarios/cli_transcript.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope::test;

namespace {

TEST(CliTranscript, CommandsAndTheirOutput)
{
    const Transcript t = parseTranscript(QStringLiteral("$ a > x; echo \"exit=$?\"\nout 1\nexit=3\n$ b \\\n  --c\n$ d\nlast\n"));
    ASSERT_TRUE(t.error.isEmpty()) << t.error.toStdString();
    ASSERT_EQ(t.steps.size(), 3);
    EXPECT_EQ(t.steps[0].command, QStringLiteral("a > x; echo \"exit=$?\""));
    EXPECT_EQ(t.steps[0].output, (QStringList{QStringLiteral("out 1"), QStringLiteral("exit=3")}));
    EXPECT_EQ(t.steps[1].command, QStringLiteral("b \\\n  --c"));
    EXPECT_TRUE(t.steps[1].output.isEmpty());
    EXPECT_EQ(t.steps[2].output, QStringList{QStringLiteral("last")});
}

TEST(CliTranscript, OutputBeforeTheFirstCommandIsNotATranscript)
{
    EXPECT_FALSE(parseTranscript(QStringLiteral("# with --json:\n$ a\n")).error.isEmpty());
    EXPECT_FALSE(parseTranscript(QStringLiteral("")).error.isEmpty());
}

TEST(CliTranscript, OneLoopbackPortStandsForTheScenarioServer)
{
    QString error;
    const Transcript one = parseTranscript(QStringLiteral("$ x http://127.0.0.1:8089/a\n$ y -x http://127.0.0.1:8089 https://h/\n"));
    EXPECT_EQ(shownLoopbackPort(one, &error), 8089);
    EXPECT_TRUE(error.isEmpty());
    const Transcript two = parseTranscript(QStringLiteral("$ x https://localhost:8443/ http://127.0.0.1:8080/\n"));
    EXPECT_EQ(shownLoopbackPort(two, &error), 0);
    EXPECT_FALSE(error.isEmpty());

    const PortSubstitution port{8089, 41234};
    EXPECT_EQ(commandToRun(QStringLiteral("send https://localhost:8089/x -x http://127.0.0.1:8089"), port),
              QStringLiteral("send https://localhost:41234/x -x http://127.0.0.1:41234"));
    EXPECT_EQ(outputAsShown(QStringLiteral("to 127.0.0.1 port 41234: 127.0.0.1:41234: refused, 412345 bytes, 41234 ms"), port),
              QStringLiteral("to 127.0.0.1 port 8089: 127.0.0.1:8089: refused, 412345 bytes, 41234 ms"));
}

TEST(CliTranscript, ADifferenceInOneByteIsAMismatch)
{
    EXPECT_TRUE(transcriptMismatch(QStringLiteral("$ a\nexit=3\n"), QStringLiteral("$ a\nexit=3\n")).isEmpty());
    const QString m = transcriptMismatch(QStringLiteral("$ a\nexit=3\n"), QStringLiteral("$ a\nexit=4\n"));
    EXPECT_TRUE(m.contains(QStringLiteral("line 2"))) << m.toStdString();
    EXPECT_FALSE(transcriptMismatch(QStringLiteral("$ a\n"), QStringLiteral("$ a\nextra line\n")).isEmpty());
}

// End to end with the real CLI: the exit status a block claims is the one the CLI returns.
TEST(CliTranscript, TheRealCliDecidesTheExitStatus)
{
    QTemporaryDir dir;
    const QString shown = QStringLiteral("$ statusscope-cli send http://nonexistent.invalid/ >/dev/null 2>&1; echo \"exit=$?\"\nexit=7\n");
    const QString real = runTranscript(parseTranscript(shown), dir.path(), {});
    EXPECT_EQ(real, QStringLiteral("$ statusscope-cli send http://nonexistent.invalid/ >/dev/null 2>&1; echo \"exit=$?\"\nexit=3\n"));
    EXPECT_FALSE(transcriptMismatch(shown, real).isEmpty());
}

} // namespace
