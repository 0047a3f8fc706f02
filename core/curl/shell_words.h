// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <iosfwd>

namespace statusscope {

// How a pasted command line is quoted. Browsers' "Copy as cURL" comes in two dialects.
enum class ShellDialect {
    Posix,  // bash/zsh: '…', "…", $'…', backslash escapes and line continuations
    WinCmd, // cmd.exe: ^ escapes and continuations, then the C runtime's "…" and \" rules
};

QString toString(ShellDialect dialect);
void PrintTo(ShellDialect dialect, std::ostream *os);

// A guess from the text itself: Chrome's "Copy as cURL (cmd)" has ^ at line ends or ^" quotes.
ShellDialect detectShellDialect(const QString &commandLine);

struct ShellWords
{
    QStringList words;
    QString error; // empty on success, otherwise what is wrong and at which character offset
};

// Splits a command line into words the way the shell would, without expanding anything
// ($VAR and globs stay literal: we never run what was pasted).
ShellWords splitShellWords(const QString &commandLine, ShellDialect dialect);

// Quotes one argument for the dialect so the shell gives back exactly `word`.
QString quoteShellWord(const QString &word, ShellDialect dialect);

} // namespace statusscope
