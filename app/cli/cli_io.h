// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace statusscope::cli {

// Plain writes to the standard streams, UTF-8, no buffering surprises between the two.
void writeOut(const QString &text);
void writeOut(const QByteArray &bytes);
void writeErr(const QString &text);
// Whether stderr is a terminal (where a line may be redrawn in place).
bool stderrIsTerminal();

// "statusscope-cli: <message>\n" on stderr, then the exit code: the shape of every usage error.
int usageError(const QString &message, int exitCode);

// The arguments of subcommands that take one FILE and --json (har, diagnose). `exitCode` is set
// when the command must end at once: after --help (0) or on a usage error (2, message printed).
struct FileCommandArgs
{
    QString path;
    bool json = false;
    std::optional<int> exitCode;
};
FileCommandArgs parseFileCommandArgs(const QString &command, const QStringList &args, const QString &help,
                                     bool allowStdin);

} // namespace statusscope::cli
