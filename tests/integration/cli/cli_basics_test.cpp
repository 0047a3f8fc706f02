// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

using statusscope::test::runCli;

TEST(CliBasics, VersionPrintsTheProjectVersion)
{
    const auto result = runCli({QStringLiteral("--version")});
    EXPECT_EQ(result.exitCode, 0) << ::testing::PrintToString(result);
    EXPECT_EQ(result.out.trimmed(), QByteArray("statusscope-cli " STATUSSCOPE_VERSION));
}

TEST(CliBasics, HelpListsEverySubcommandOfTheContract)
{
    const auto result = runCli({QStringLiteral("--help")});
    EXPECT_EQ(result.exitCode, 0) << ::testing::PrintToString(result);
    for (const char *command : {"send", "logs", "har", "guide", "diagnose"})
        EXPECT_TRUE(result.out.contains(QByteArray("  ") + command + ' ')) << command;
}

TEST(CliBasics, UnknownOptionExitsTwoWithAMessage)
{
    const auto result = runCli({QStringLiteral("--frobnicate")});
    EXPECT_EQ(result.exitCode, 2) << ::testing::PrintToString(result);
    EXPECT_TRUE(result.err.contains("unknown option '--frobnicate'")) << ::testing::PrintToString(result);
    EXPECT_TRUE(result.out.isEmpty());
}

TEST(CliBasics, UnknownCommandExitsTwoWithAMessage)
{
    const auto result = runCli({QStringLiteral("frobnicate")});
    EXPECT_EQ(result.exitCode, 2) << ::testing::PrintToString(result);
    EXPECT_TRUE(result.err.contains("unknown command 'frobnicate'")) << ::testing::PrintToString(result);
}

TEST(CliBasics, NoCommandIsAUsageError)
{
    const auto result = runCli({});
    EXPECT_EQ(result.exitCode, 2) << ::testing::PrintToString(result);
    EXPECT_TRUE(result.err.contains("no command given"));
}
