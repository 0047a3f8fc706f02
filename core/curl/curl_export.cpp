// SPDX-License-Identifier: GPL-3.0-or-later
// "Copy as cURL": the method and the URL first, then each option row writes its own lines.
#include "core/curl/curl_command.h"
#include "core/curl/curl_options.h"

namespace statusscope {

QString exportCurlCommand(const CurlCommand &command, ShellDialect dialect)
{
    CurlLines out(dialect);
    auto q = [dialect](const QString &word) { return quoteShellWord(word, dialect); };
    QString first = QStringLiteral("curl");
    if (!command.method.isEmpty())
        first += QStringLiteral(" -X ") + q(command.method);
    // A URL that starts with '-' would read back as an option: --url takes it as a value.
    if (command.url.startsWith(QLatin1Char('-')))
        first += QStringLiteral(" --url");
    first += QLatin1Char(' ') + q(command.url);
    out.lines() << first;
    for (const CurlOption &row : curlOptions()) {
        if (row.write)
            row.write(command, row, out);
    }
    const QStringList &lines = out.lines();
    const QString continuation = dialect == ShellDialect::Posix ? QStringLiteral(" \\\n  ")
                                                                : QStringLiteral(" ^\n  ");
    return lines.join(lines.size() > 2 ? continuation : QStringLiteral(" "));
}

} // namespace statusscope
