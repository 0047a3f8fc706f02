// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli_io.h"

#include "app/cli/exit_codes.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace statusscope::cli {

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeOut(const QString &text)
{
    writeOut(text.toUtf8());
}

void writeErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(fileno(stderr)) != 0;
#endif
}

int usageError(const QString &message, int exitCode)
{
    writeErr(QStringLiteral("statusscope-cli: %1\n").arg(message));
    return exitCode;
}

FileCommandArgs parseFileCommandArgs(const QString &command, const QStringList &args, const QString &help,
                                     bool allowStdin)
{
    FileCommandArgs parsed;
    for (const QString &arg : args) {
        if (arg == QLatin1String("--json")) {
            parsed.json = true;
        } else if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            writeOut(help);
            parsed.exitCode = kExitOk;
            return parsed;
        } else if (arg.startsWith(QLatin1Char('-')) && !(allowStdin && arg == QLatin1String("-"))) {
            parsed.exitCode = usageError(QStringLiteral("%1: unknown option '%2'").arg(command, arg), kExitUsage);
            return parsed;
        } else if (parsed.path.isEmpty()) {
            parsed.path = arg;
        } else {
            parsed.exitCode = usageError(QStringLiteral("%1: one FILE only").arg(command), kExitUsage);
            return parsed;
        }
    }
    if (parsed.path.isEmpty())
        parsed.exitCode = usageError(
            QStringLiteral("%1: no FILE given (usage: statusscope-cli %1 FILE [--json])").arg(command), kExitUsage);
    return parsed;
}

} // namespace statusscope::cli
