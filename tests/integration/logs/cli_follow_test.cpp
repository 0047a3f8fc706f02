// statusscope-cli logs --follow: lines appended while it runs are printed per minute.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/support/test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using statusscope::test::runCli;

namespace {

QByteArray line(int minute, int status)
{
    return "10.0.0.1 - - [13/May/2024:10:" + QByteArray::number(minute).rightJustified(2, '0')
           + ":00 +0200] \"GET /f HTTP/1.1\" " + QByteArray::number(status) + " 5 \"-\" \"ua\"\n";
}

} // namespace

TEST(CliLogsFollow, PrintsTheAppendedLinesStatuses)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live.log"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(line(0, 200) + line(0, 404)); // already there: not printed
    }
    QProcess cli;
    cli.start(QStringLiteral(STATUSSCOPE_CLI_PATH),
              {QStringLiteral("logs"), QStringLiteral("--follow"), QStringLiteral("--follow-seconds"),
               QStringLiteral("3"), path});
    ASSERT_TRUE(cli.waitForStarted(10000));
    // Wait until it says it is following (its first read is done), then append.
    QElapsedTimer waited;
    waited.start();
    QByteArray err;
    while (!err.contains("following") && waited.elapsed() < 10000) {
        cli.waitForReadyRead(100);
        err += cli.readAllStandardError();
    }
    ASSERT_TRUE(err.contains("following")) << err.constData();
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write(line(1, 503) + line(1, 503) + line(1, 200) + line(2, 502));
    }
    ASSERT_TRUE(cli.waitForFinished(15000));
    EXPECT_EQ(cli.exitCode(), 0) << err.constData();
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    EXPECT_TRUE(out.contains(QStringLiteral("2024-05-13T10:01:00+02:00  3 requests  200×1 503×2  errors 66.7%")))
        << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("2024-05-13T10:02:00+02:00  1 requests  502×1")))
        << out.toStdString();
    EXPECT_FALSE(out.contains(QStringLiteral("404"))) << out.toStdString(); // the lines from before
}

TEST(CliLogsFollow, RejectsSeveralFilesAndJson)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.log"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(line(0, 200));
    }
    EXPECT_EQ(runCli({QStringLiteral("logs"), QStringLiteral("--follow"), path, path}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("logs"), QStringLiteral("--follow"), QStringLiteral("--json"), path}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("logs"), QStringLiteral("--follow-seconds"), QStringLiteral("0"), path}).exitCode, 2);
    const auto missing = runCli({QStringLiteral("logs"), QStringLiteral("--follow"), QStringLiteral("--follow-seconds"),
                                 QStringLiteral("1"), dir.filePath(QStringLiteral("missing.log"))});
    EXPECT_EQ(missing.exitCode, 8) << missing.err.constData();
}
