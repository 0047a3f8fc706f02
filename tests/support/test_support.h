// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/qt_printers.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <iosfwd>

namespace statusscope::test {

// Absolute path of a file under tests/fixtures/.
QString fixturePath(const QString &relative);
// Writes `bytes` to `name` in `dir` and returns its path (a failed write fails the test).
QString writeTestFile(const QString &dir, const QString &name, const QByteArray &bytes);
// Absolute path of a file in the source tree (resources/samples/…).
QString sourcePath(const QString &relative);

struct ProcessResult
{
    int exitCode = -1;
    bool finished = false; // false: it timed out and was killed
    QByteArray out;
    QByteArray err;
};
void PrintTo(const ProcessResult &result, std::ostream *os);

// Runs a program to completion with a hard timeout, so a hanging binary fails the test
// instead of hanging the suite.
ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs = 30000,
                         const QByteArray &stdinData = {});

// statusscope-cli from this build.
ProcessResult runCli(const QStringList &args, int timeoutMs = 30000, const QByteArray &stdinData = {});

} // namespace statusscope::test
