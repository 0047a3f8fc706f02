// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/curl/curl_command.h"

#include <QLocale>

namespace statusscope {

namespace {

QString bodyOption(CurlCommand::BodyKind kind)
{
    switch (kind) {
    case CurlCommand::BodyKind::Data:
        return QStringLiteral("--data");
    case CurlCommand::BodyKind::DataRaw:
        return QStringLiteral("--data-raw");
    case CurlCommand::BodyKind::DataBinary:
        return QStringLiteral("--data-binary");
    case CurlCommand::BodyKind::UrlEncode:
        return QStringLiteral("--data-urlencode");
    case CurlCommand::BodyKind::None:
        break;
    }
    return QStringLiteral("--data");
}

} // namespace

QString exportCurlCommand(const CurlCommand &command, ShellDialect dialect)
{
    // Each element is one line of the output: an option and its (quoted) value.
    QStringList lines;
    auto q = [dialect](const QString &word) { return quoteShellWord(word, dialect); };
    auto option = [&](const QString &name, const QString &value) { lines << name + QLatin1Char(' ') + q(value); };

    QString first = QStringLiteral("curl");
    if (!command.method.isEmpty())
        first += QStringLiteral(" -X ") + q(command.method);
    // A URL that starts with '-' would read back as an option: --url takes it as a value.
    if (command.url.startsWith(QLatin1Char('-')))
        first += QStringLiteral(" --url");
    first += QLatin1Char(' ') + q(command.url);
    lines << first;
    // An empty value goes out in curl's "Name;" form: "Name:" would remove the header instead.
    for (const auto &[name, value] : command.headers)
        option(QStringLiteral("-H"), value.isEmpty() ? name + QLatin1Char(';') : name + QStringLiteral(": ") + value);
    for (const QString &name : command.removedHeaders)
        option(QStringLiteral("-H"), name + QLatin1Char(':'));
    for (const CurlCommand::BodyPart &part : command.body)
        option(bodyOption(part.kind), part.value);
    if (!command.user.isEmpty())
        option(QStringLiteral("-u"), command.user);
    if (command.insecure)
        lines << QStringLiteral("--insecure");
    if (!command.caCert.isEmpty())
        option(QStringLiteral("--cacert"), command.caCert);
    if (!command.proxy.isEmpty())
        option(QStringLiteral("--proxy"), command.proxy);
    if (command.http10)
        lines << QStringLiteral("--http1.0");
    if (command.followRedirects)
        lines << QStringLiteral("--location");
    if (command.maxRedirects)
        lines << QStringLiteral("--max-redirs %1").arg(*command.maxRedirects);
    // Seconds with the fewest digits that read back as the same double: arg()'s default of six
    // significant digits lost precision (fuzz_curl: --max-time 2.22222e+25).
    constexpr int kShortestExact = QLocale::FloatingPointShortest;
    if (command.connectTimeout)
        lines << QStringLiteral("--connect-timeout %1").arg(*command.connectTimeout, 0, 'g', kShortestExact);
    if (command.maxTime)
        lines << QStringLiteral("--max-time %1").arg(*command.maxTime, 0, 'g', kShortestExact);
    if (command.expect100Timeout)
        lines << QStringLiteral("--expect100-timeout %1").arg(*command.expect100Timeout, 0, 'g', kShortestExact);
    if (command.head)
        lines << QStringLiteral("--head");
    if (command.getWithData)
        lines << QStringLiteral("--get");
    if (command.compressed)
        lines << QStringLiteral("--compressed");
    if (!command.outputFile.isEmpty())
        option(QStringLiteral("--output"), command.outputFile);

    const QString continuation = dialect == ShellDialect::Posix ? QStringLiteral(" \\\n  ")
                                                                : QStringLiteral(" ^\n  ");
    return lines.join(lines.size() > 2 ? continuation : QStringLiteral(" "));
}

} // namespace statusscope
