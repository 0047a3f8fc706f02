// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/curl/curl_command.h"

#include <QRegularExpression>

#include <functional>

namespace statusscope {

namespace {

// What to do with an option's argument. Options that need no argument get an empty string.
using Apply = std::function<void(CurlImport &, const QString &)>;

struct OptionSpec
{
    QStringList names; // "-X", "--request"
    bool takesArgument;
    Apply apply;
};

void addHeader(CurlCommand &command, const QString &line)
{
    if (line.trimmed().isEmpty())
        return; // curl ignores an empty -H
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon < 0 && line.size() > 1 && line.endsWith(QLatin1Char(';'))) {
        // curl's "Name;" form sends a header with an empty value (only the last ';' is the
        // marker: "a;b;" is the header "a;b").
        command.headers.append({line.chopped(1).trimmed(), QString()});
        return;
    }
    if (colon < 0) {
        command.headers.append({line.trimmed(), QString()});
        return;
    }
    const QString name = line.left(colon).trimmed();
    const QString value = line.mid(colon + 1).trimmed();
    if (value.isEmpty())
        command.removedHeaders << name; // -H 'Expect:' removes the header curl would add
    else
        command.headers.append({name, value});
}

std::optional<double> toSeconds(CurlImport &import, const QString &option, const QString &value)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || seconds < 0) {
        import.error = QStringLiteral("%1 needs a number of seconds, got '%2'").arg(option, value);
        return std::nullopt;
    }
    return seconds;
}

const QList<OptionSpec> &optionTable()
{
    using Kind = CurlCommand::BodyKind;
    static const QList<OptionSpec> table = {
        {{QStringLiteral("-X"), QStringLiteral("--request")}, true,
         [](CurlImport &i, const QString &v) { i.command.method = v; }},
        {{QStringLiteral("-H"), QStringLiteral("--header")}, true,
         [](CurlImport &i, const QString &v) { addHeader(i.command, v); }},
        {{QStringLiteral("-d"), QStringLiteral("--data"), QStringLiteral("--data-ascii")}, true,
         [](CurlImport &i, const QString &v) { i.command.body.append({Kind::Data, v}); }},
        {{QStringLiteral("--data-raw")}, true,
         [](CurlImport &i, const QString &v) { i.command.body.append({Kind::DataRaw, v}); }},
        {{QStringLiteral("--data-binary")}, true,
         [](CurlImport &i, const QString &v) { i.command.body.append({Kind::DataBinary, v}); }},
        {{QStringLiteral("--data-urlencode")}, true,
         [](CurlImport &i, const QString &v) { i.command.body.append({Kind::UrlEncode, v}); }},
        {{QStringLiteral("-T"), QStringLiteral("--upload-file")}, true,
         [](CurlImport &i, const QString &v) {
             // curl -T sends the file with PUT.
             i.command.body.append({Kind::DataBinary, QLatin1Char('@') + v});
             if (i.command.method.isEmpty())
                 i.command.method = QStringLiteral("PUT");
         }},
        {{QStringLiteral("-u"), QStringLiteral("--user")}, true,
         [](CurlImport &i, const QString &v) { i.command.user = v; }},
        // -A/-e/-b values are trimmed like -H values: the spaces around a field value are not
        // part of it (RFC 9110 §5.5), and export writes them as -H lines (fuzz_curl found
        // -A ' x' coming back as "x").
        {{QStringLiteral("-A"), QStringLiteral("--user-agent")}, true,
         [](CurlImport &i, const QString &v) { i.command.headers.append({QStringLiteral("User-Agent"), v.trimmed()}); }},
        {{QStringLiteral("-e"), QStringLiteral("--referer")}, true,
         [](CurlImport &i, const QString &v) { i.command.headers.append({QStringLiteral("Referer"), v.trimmed()}); }},
        {{QStringLiteral("-b"), QStringLiteral("--cookie")}, true,
         [](CurlImport &i, const QString &v) {
             if (v.contains(QLatin1Char('=')))
                 i.command.headers.append({QStringLiteral("Cookie"), v.trimmed()});
             else
                 i.warnings << QStringLiteral("-b %1 reads cookies from a file; it was left out").arg(v);
         }},
        {{QStringLiteral("-k"), QStringLiteral("--insecure")}, false,
         [](CurlImport &i, const QString &) { i.command.insecure = true; }},
        {{QStringLiteral("--cacert")}, true,
         [](CurlImport &i, const QString &v) { i.command.caCert = v; }},
        {{QStringLiteral("-x"), QStringLiteral("--proxy")}, true,
         [](CurlImport &i, const QString &v) { i.command.proxy = v; }},
        {{QStringLiteral("-0"), QStringLiteral("--http1.0")}, false,
         [](CurlImport &i, const QString &) { i.command.http10 = true; }},
        {{QStringLiteral("--http1.1")}, false, [](CurlImport &, const QString &) {}},
        {{QStringLiteral("--http2"), QStringLiteral("--http2-prior-knowledge"), QStringLiteral("--http3"),
          QStringLiteral("--http3-only")},
         false,
         [](CurlImport &i, const QString &) {
             i.warnings << QStringLiteral("StatusScope speaks HTTP/1.1 on the wire; the HTTP/2 or /3 option was left out");
         }},
        {{QStringLiteral("-L"), QStringLiteral("--location")}, false,
         [](CurlImport &i, const QString &) { i.command.followRedirects = true; }},
        {{QStringLiteral("--max-redirs")}, true,
         [](CurlImport &i, const QString &v) {
             bool ok = false;
             const int n = v.toInt(&ok);
             if (ok)
                 i.command.maxRedirects = n;
             else
                 i.error = QStringLiteral("--max-redirs needs a whole number, got '%1'").arg(v);
         }},
        {{QStringLiteral("--connect-timeout")}, true,
         [](CurlImport &i, const QString &v) { i.command.connectTimeout = toSeconds(i, QStringLiteral("--connect-timeout"), v); }},
        {{QStringLiteral("-m"), QStringLiteral("--max-time")}, true,
         [](CurlImport &i, const QString &v) { i.command.maxTime = toSeconds(i, QStringLiteral("--max-time"), v); }},
        {{QStringLiteral("--expect100-timeout")}, true,
         [](CurlImport &i, const QString &v) {
             i.command.expect100Timeout = toSeconds(i, QStringLiteral("--expect100-timeout"), v);
         }},
        {{QStringLiteral("-I"), QStringLiteral("--head")}, false,
         [](CurlImport &i, const QString &) { i.command.head = true; }},
        {{QStringLiteral("-G"), QStringLiteral("--get")}, false,
         [](CurlImport &i, const QString &) { i.command.getWithData = true; }},
        {{QStringLiteral("--compressed")}, false,
         [](CurlImport &i, const QString &) { i.command.compressed = true; }},
        {{QStringLiteral("-o"), QStringLiteral("--output")}, true,
         [](CurlImport &i, const QString &v) { i.command.outputFile = v; }},
        {{QStringLiteral("--url")}, true,
         [](CurlImport &i, const QString &v) { i.command.url = v; }},
        {{QStringLiteral("-F"), QStringLiteral("--form"), QStringLiteral("--form-string")}, true,
         [](CurlImport &i, const QString &v) {
             i.warnings << QStringLiteral("multipart forms (-F %1) are not supported; that part was left out").arg(v);
         }},
        // Output and progress options: they change what curl prints, not what it sends.
        {{QStringLiteral("-s"), QStringLiteral("--silent"), QStringLiteral("-S"), QStringLiteral("--show-error"),
          QStringLiteral("-v"), QStringLiteral("--verbose"), QStringLiteral("-i"), QStringLiteral("--include"),
          QStringLiteral("-g"), QStringLiteral("--globoff"), QStringLiteral("-f"), QStringLiteral("--fail"),
          QStringLiteral("-N"), QStringLiteral("--no-buffer"), QStringLiteral("-#"),
          QStringLiteral("--progress-bar"), QStringLiteral("--no-progress-meter"), QStringLiteral("-n"),
          QStringLiteral("--netrc"), QStringLiteral("--fail-with-body"), QStringLiteral("-q"),
          QStringLiteral("--path-as-is")},
         false, [](CurlImport &, const QString &) {}},
        {{QStringLiteral("-w"), QStringLiteral("--write-out"), QStringLiteral("-c"), QStringLiteral("--cookie-jar"),
          QStringLiteral("--retry"), QStringLiteral("--trace"), QStringLiteral("--trace-ascii"),
          QStringLiteral("-D"), QStringLiteral("--dump-header"), QStringLiteral("--resolve"),
          QStringLiteral("--connect-to"), QStringLiteral("--interface"), QStringLiteral("-E"),
          QStringLiteral("--cert"), QStringLiteral("--key"), QStringLiteral("--limit-rate")},
         true,
         [](CurlImport &i, const QString &v) {
             Q_UNUSED(v);
             i.warnings << QStringLiteral("an option without effect in StatusScope was left out");
         }},
    };
    return table;
}

const OptionSpec *findOption(const QString &name)
{
    for (const OptionSpec &spec : optionTable()) {
        if (spec.names.contains(name))
            return &spec;
    }
    return nullptr;
}

} // namespace

QString CurlCommand::effectiveMethod() const
{
    if (!method.isEmpty())
        return method;
    if (head)
        return QStringLiteral("HEAD");
    if (!body.isEmpty() && !getWithData)
        return QStringLiteral("POST");
    return QStringLiteral("GET");
}

bool looksLikeCurlCommand(const QString &text)
{
    static const QRegularExpression curl(QStringLiteral(R"(^\s*curl(\.exe)?(\s|$))"));
    return curl.match(text).hasMatch();
}

CurlImport importCurlCommand(const QString &commandLine)
{
    CurlImport import;
    import.dialect = detectShellDialect(commandLine);
    const ShellWords split = splitShellWords(commandLine, import.dialect);
    if (!split.error.isEmpty()) {
        import.error = split.error;
        return import;
    }
    QStringList words = split.words;
    if (words.isEmpty() || (words.first() != QLatin1String("curl") && words.first() != QLatin1String("curl.exe"))) {
        import.error = QStringLiteral("not a curl command: it must start with 'curl'");
        return import;
    }
    words.removeFirst();

    bool optionsEnded = false;
    for (qsizetype w = 0; w < words.size() && import.error.isEmpty(); ++w) {
        const QString word = words.at(w);
        auto takeArgument = [&](const QString &option) -> std::optional<QString> {
            if (w + 1 >= words.size()) {
                import.error = QStringLiteral("%1 needs an argument (word %2)").arg(option).arg(w + 2);
                return std::nullopt;
            }
            return words.at(++w);
        };

        if (optionsEnded || !word.startsWith(QLatin1Char('-')) || word == QLatin1String("-")) {
            if (import.command.url.isEmpty())
                import.command.url = word;
            else
                import.warnings << QStringLiteral("extra argument '%1' was left out (one URL per request)").arg(word);
            continue;
        }
        if (word == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (word.startsWith(QLatin1String("--"))) {
            const OptionSpec *spec = findOption(word);
            if (!spec) {
                import.warnings << QStringLiteral("unknown option %1 was left out").arg(word);
                continue;
            }
            QString value;
            if (spec->takesArgument) {
                const auto arg = takeArgument(word);
                if (!arg)
                    break;
                value = *arg;
            }
            spec->apply(import, value);
            continue;
        }
        // Short options may be bundled (-sSL) and may carry their value attached (-XPOST).
        for (qsizetype c = 1; c < word.size() && import.error.isEmpty(); ++c) {
            const QString name = QLatin1Char('-') + word.at(c);
            const OptionSpec *spec = findOption(name);
            if (!spec) {
                import.warnings << QStringLiteral("unknown option %1 was left out").arg(name);
                continue;
            }
            QString value;
            if (spec->takesArgument) {
                if (c + 1 < word.size()) {
                    value = word.mid(c + 1);
                } else {
                    const auto arg = takeArgument(name);
                    if (!arg)
                        break;
                    value = *arg;
                }
                spec->apply(import, value);
                break;
            }
            spec->apply(import, value);
        }
    }
    if (import.error.isEmpty() && import.command.url.isEmpty())
        import.error = QStringLiteral("the curl command has no URL");
    return import;
}

} // namespace statusscope
