// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// One function per subcommand of statusscope-cli (DESIGN.md). Each takes the arguments after
// its name and returns the process exit code. Each lives in its own cmd_*.cpp file.
namespace statusscope::cli {

int runSend(const QStringList &args);
int runLogs(const QStringList &args);
int runHar(const QStringList &args);
int runGuide(const QStringList &args);
int runDiagnose(const QStringList &args);
int runProbe(const QStringList &args);

// For a subcommand this build does not have yet: says so on stderr and exits 2.
int notAvailable(const char *command);

} // namespace statusscope::cli
