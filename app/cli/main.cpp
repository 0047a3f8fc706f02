// statusscope-cli: the scriptable face of core. Field names and exit codes are a contract
// (DESIGN.md); this file only dispatches to one function per subcommand.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/cli_io.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/app_info.h"

#include <QCoreApplication>

#include <array>

namespace {

using namespace statusscope::cli;

struct Subcommand
{
    const char *name;
    const char *synopsis;
    int (*run)(const QStringList &);
};

constexpr std::array kSubcommands{
    Subcommand{"send", "send [options] URL     send a request, show the wire-level timeline", runSend},
    Subcommand{"logs", "logs [options] FILE... status codes and error rates from access logs", runLogs},
    Subcommand{"har", "har FILE [--json]      entries, statuses and timings of a HAR file", runHar},
    Subcommand{"guide", "guide CODE | --list    the troubleshooting guide for a status", runGuide},
    Subcommand{"probe", "probe [options] URL    how the server and its proxy handle Expect: 100-continue", runProbe},
    Subcommand{"diagnose", "diagnose FILE          diagnose a saved exchange or a HAR file", runDiagnose},
};

QString helpText()
{
    QString text = QStringLiteral(
        "Usage: statusscope-cli <command> [options]\n"
        "\n"
        "Why did this request get this status, and what do I do about it?\n"
        "\n"
        "Commands:\n");
    for (const Subcommand &sub : kSubcommands)
        text += QStringLiteral("  %1\n").arg(QString::fromLatin1(sub.synopsis));
    text += QStringLiteral(
        "\n"
        "Options:\n"
        "  -h, --help      show this help\n"
        "  -V, --version   show the version\n"
        "\n"
        "Run 'statusscope-cli <command> --help' for the options of a command.\n"
        "Exit status: 0 success, 2 usage error, 3 DNS failure, 4 connect failure, 5 TLS failure,\n"
        "6 timeout, 7 protocol error, 8 file error.\n");
    return text;
}

} // namespace

namespace statusscope::cli {

int notAvailable(const char *command)
{
    writeErr(QStringLiteral("statusscope-cli: '%1' is not available in this version (%2)\n")
                 .arg(QString::fromLatin1(command), QString::fromLatin1(statusscope::kAppVersion)));
    return kExitUsage;
}

} // namespace statusscope::cli

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("statusscope-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(statusscope::kAppVersion));
    QCoreApplication::setOrganizationName(QString::fromLatin1(statusscope::kOrganizationName));

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty())
        return usageError(QStringLiteral("no command given\n") + helpText(), kExitUsage);

    const QString first = args.takeFirst();
    if (first == QLatin1String("-h") || first == QLatin1String("--help")
        || first == QLatin1String("help")) {
        writeOut(helpText());
        return kExitOk;
    }
    if (first == QLatin1String("-V") || first == QLatin1String("--version")) {
        writeOut(QStringLiteral("statusscope-cli %1\n").arg(QString::fromLatin1(statusscope::kAppVersion)));
        return kExitOk;
    }
    for (const Subcommand &sub : kSubcommands) {
        if (first == QLatin1String(sub.name))
            return sub.run(args);
    }
    if (first.startsWith(QLatin1Char('-')))
        return usageError(QStringLiteral("unknown option '%1' (see --help)").arg(first), kExitUsage);
    return usageError(QStringLiteral("unknown command '%1' (see --help)").arg(first), kExitUsage);
}
