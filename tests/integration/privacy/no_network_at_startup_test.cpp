// SPDX-License-Identifier: GPL-3.0-or-later
// StatusScope sends nothing the user did not ask for: no update check, no telemetry.
// The GUI and the CLI are run under strace and every connect() is inspected.
#include "tests/support/test_support.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

// Every connect() to an IPv4 or IPv6 address in the trace. Local sockets (AF_UNIX: D-Bus, X11)
// are not network traffic and are allowed.
QStringList inetConnects(const QString &tracePath)
{
    QFile trace(tracePath);
    EXPECT_TRUE(trace.open(QIODevice::ReadOnly)) << tracePath.toStdString();
    QStringList found;
    const QStringList lines = QString::fromUtf8(trace.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("connect(")) && (line.contains(QLatin1String("AF_INET")) || line.contains(QLatin1String("AF_INET6"))))
            found << line;
    }
    return found;
}

test::ProcessResult traced(const QString &tracePath, const QStringList &command)
{
    QStringList args{QStringLiteral("-f"), QStringLiteral("-e"), QStringLiteral("trace=connect"),
                     QStringLiteral("-o"), tracePath};
    args << command;
    return test::runProcess(QStringLiteral("strace"), args, 60000);
}

} // namespace

// Builds without the GUI (the sanitizer build) have no GUI binary to trace.
#ifdef STATUSSCOPE_GUI_PATH
TEST(Privacy, GuiOpensNoNetworkConnectionAtStartup)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toUtf8());
    const QString trace = dir.filePath(QStringLiteral("gui.trace"));
    const auto result = traced(trace, {QStringLiteral(STATUSSCOPE_GUI_PATH), QStringLiteral("--check"),
                                       test::sourcePath(QStringLiteral("resources/samples/sample.har")),
                                       test::sourcePath(QStringLiteral("resources/samples/access.log"))});
    ASSERT_EQ(result.exitCode, 0) << ::testing::PrintToString(result);
    ASSERT_TRUE(QFile::exists(trace)) << "strace wrote no trace";
    const QStringList connects = inetConnects(trace);
    EXPECT_TRUE(connects.isEmpty()) << connects.join(QLatin1Char('\n')).toStdString();
}
#endif

TEST(Privacy, CliOpensNoNetworkConnectionWithoutASend)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString trace = dir.filePath(QStringLiteral("cli.trace"));
    const auto result = traced(trace, {QStringLiteral(STATUSSCOPE_CLI_PATH), QStringLiteral("--help")});
    ASSERT_EQ(result.exitCode, 0) << ::testing::PrintToString(result);
    EXPECT_TRUE(inetConnects(trace).isEmpty());
}

// The check itself can fail: a program that does connect is caught.
TEST(Privacy, TheTraceCatchesARealConnection)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString trace = dir.filePath(QStringLiteral("curl.trace"));
    // Port 9 (discard) on loopback: refused at once, but the connect() is still made.
    traced(trace, {QStringLiteral("curl"), QStringLiteral("-s"), QStringLiteral("--max-time"), QStringLiteral("2"),
                   QStringLiteral("http://127.0.0.1:9/")});
    EXPECT_FALSE(inetConnects(trace).isEmpty());
}
