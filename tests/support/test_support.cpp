// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <ostream>

#include <gtest/gtest.h>

namespace statusscope::test {

QString writeTestFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(QDir(dir).filePath(name));
    EXPECT_TRUE(f.open(QIODevice::WriteOnly)) << f.fileName().toStdString();
    EXPECT_EQ(f.write(bytes), bytes.size());
    return f.fileName();
}

QString fixturePath(const QString &relative)
{
    return QDir(QStringLiteral(STATUSSCOPE_FIXTURES_DIR)).filePath(relative);
}

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(STATUSSCOPE_SOURCE_DIR)).filePath(relative);
}

void PrintTo(const ProcessResult &result, std::ostream *os)
{
    *os << "{exit " << result.exitCode << (result.finished ? "" : " (timed out)") << ", stdout \""
        << result.out.left(2000).toStdString() << "\", stderr \"" << result.err.left(2000).toStdString()
        << "\"}";
}

ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs,
                         const QByteArray &stdinData)
{
    ProcessResult result;
    QProcess process;
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

ProcessResult runCli(const QStringList &args, int timeoutMs, const QByteArray &stdinData)
{
    return runProcess(QStringLiteral(STATUSSCOPE_CLI_PATH), args, timeoutMs, stdinData);
}

} // namespace statusscope::test
