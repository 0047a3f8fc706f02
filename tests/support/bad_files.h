// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Bad files shared by the CLI and GUI bad-file suites: a HAR cut at a fraction of its length,
// a log with garbage lines in known numbers, and a path nobody (not even root) can read.

#include <QByteArray>
#include <QString>

namespace statusscope::test {

// The real HAR the cut cases come from (Chrome's export of google.com).
QString cutSourceHar();
// Writes the first `percent`/100 of `source` to `dir`/cut-NN.har; returns its path.
QString writeCutHar(const QString &dir, const QString &source, int percent);

struct GarbageLog
{
    qint64 valid = 0;
    qint64 garbage = 0;
};
// Writes about `bytes` of combined-format lines, every line with index % 10 < 3 garbage (30%).
GarbageLog writeGarbageLog(const QString &path, qint64 bytes);

// A path that cannot be opened for reading: a chmod 000 file, or, when running as root (CI),
// which reads through chmod 000, a path below a regular file (ENOTDIR denies root too).
// Sets *why to the mechanism used.
QString unreadablePath(const QString &dir, QString *why);

} // namespace statusscope::test
