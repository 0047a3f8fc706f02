// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/curl/curl_options.h"

#include "core/curl/curl_form.h"

#include <QLocale>

namespace statusscope {

namespace {

using Kind = CurlCommand::BodyKind;
using Member = bool CurlCommand::*;
using Seconds = std::optional<double> CurlCommand::*;
using Text = QString CurlCommand::*;

// The name messages use: the first long one ("--max-time" for -m).
QString firstLongName(const QStringList &names)
{
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("--")))
            return name;
    }
    return names.value(0);
}

constexpr unsigned kPaste = unsigned(CurlFront::Paste);
constexpr unsigned kPasteSend = CurlFront::Paste | CurlFront::Send;

CurlOption flagRow(QStringList names, unsigned fronts, const QString &help, Member member, bool exported = true)
{
    CurlOption o{std::move(names), fronts, {}, {}, help, [member](CurlParse &p, const QString &) { p.command.*member = true; }, {}, {}};
    if (exported) {
        o.write = [member](const CurlCommand &c, const CurlOption &self, CurlLines &out) {
            if (c.*member)
                out.flag(self);
        };
    }
    return o;
}

CurlOption textRow(QStringList names, unsigned fronts, const QString &valueName, const QString &needs,
                   const QString &help, Text member)
{
    return {std::move(names), fronts, valueName, needs, help,
            [member](CurlParse &p, const QString &v) { p.command.*member = v; },
            [member](const CurlCommand &c, const CurlOption &self, CurlLines &out) {
                if (!(c.*member).isEmpty())
                    out.value(self, c.*member);
            },
            {}};
}

CurlOption secondsRow(const QStringList &names, unsigned fronts, const QString &help, Seconds member)
{
    const QString name = firstLongName(names);
    return {names, fronts, QStringLiteral("S"), QStringLiteral("seconds"), help,
            [member, name](CurlParse &p, const QString &v) {
                bool ok = false;
                const double seconds = v.toDouble(&ok);
                if (ok && seconds >= 0)
                    p.command.*member = seconds;
                else
                    p.error = QStringLiteral("%1 needs a number of seconds, got '%2'").arg(name, v);
            },
            [member](const CurlCommand &c, const CurlOption &self, CurlLines &out) {
                if (c.*member)
                    out.number(self, *(c.*member));
            },
            {}};
}

// Body options add a part each; the first body row writes them all back, in their order
// (curl joins them with '&', so the order is part of the body).
CurlOption bodyRow(QStringList names, unsigned fronts, const QString &help, Kind kind)
{
    return {std::move(names), fronts, QStringLiteral("DATA"), QStringLiteral("data or @FILE"), help,
            [kind](CurlParse &p, const QString &v) { p.command.body.append({kind, v}); },
            {},
            kind};
}

// -F parts are checked as they are read, so a command with a part StatusScope cannot send
// fails at once in the CLI; a pasted one keeps its other parts and says what was left out.
CurlOption formRow(QStringList names, unsigned fronts, const QString &help, Kind kind)
{
    CurlOption row = bodyRow(std::move(names), fronts, help, kind);
    row.valueName = QStringLiteral("NAME=CONTENT");
    row.needs = QStringLiteral("NAME=CONTENT");
    row.apply = [kind](CurlParse &p, const QString &v) {
        const CurlForm form = parseCurlForm(v, kind == Kind::FormString);
        if (form.error.isEmpty())
            p.command.body.append({kind, v});
        else if (p.front == CurlFront::Paste)
            p.warnings << form.error + QStringLiteral("; that part was left out");
        else
            p.error = form.error;
    };
    return row;
}

void writeBody(const CurlCommand &c, const CurlOption &, CurlLines &out)
{
    for (const CurlCommand::BodyPart &part : c.body)
        out.value(curlBodyOption(part.kind), part.value);
}

void addHeader(CurlParse &p, const QString &line)
{
    CurlCommand &command = p.command;
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (p.front != CurlFront::Paste && colon <= 0) {
        p.error = QStringLiteral("header '%1' has no 'Name:'").arg(line);
        return;
    }
    if (line.trimmed().isEmpty())
        return; // curl ignores an empty -H
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

void writeHeaders(const CurlCommand &c, const CurlOption &self, CurlLines &out)
{
    // An empty value goes out in curl's "Name;" form: "Name:" would remove the header instead.
    for (const auto &[name, value] : c.headers)
        out.value(self, value.isEmpty() ? name + QLatin1Char(';') : name + QStringLiteral(": ") + value);
    for (const QString &name : c.removedHeaders)
        out.value(self, name + QLatin1Char(':'));
}

// -A/-e/-b values are trimmed like -H values: the spaces around a field value are not part of
// it (RFC 9110 §5.5), and export writes them as -H lines (fuzz_curl found -A ' x' coming back
// as "x").
CurlOption headerRow(QStringList names, const QString &header)
{
    return {std::move(names), kPaste, QStringLiteral("VALUE"), {}, {},
            [header](CurlParse &p, const QString &v) { p.command.headers.append({header, v.trimmed()}); },
            {},
            {}};
}

CurlOption warningRow(QStringList names, bool takesValue, const QString &warning)
{
    return {std::move(names), kPaste, takesValue ? QStringLiteral("VALUE") : QString(), {}, {},
            [warning](CurlParse &p, const QString &v) {
                if (!warning.isEmpty())
                    p.warnings << (warning.contains(QLatin1String("%1")) ? warning.arg(v) : warning);
            },
            {},
            {}};
}

QList<CurlOption> buildTable()
{
    QList<CurlOption> t;
    t << CurlOption{{QStringLiteral("-X"), QStringLiteral("--request")}, kEveryCurlFront, QStringLiteral("METHOD"),
                    QStringLiteral("a method"), QStringLiteral("request method"),
                    [](CurlParse &p, const QString &v) {
                        if (v.isEmpty() && p.front != CurlFront::Paste)
                            p.error = QStringLiteral("-X needs a method");
                        p.command.method = v;
                    },
                    {}, // export writes the method on the first line, next to the URL
                    {}};
    t << CurlOption{{QStringLiteral("--method")}, unsigned(CurlFront::Probe), QStringLiteral("METHOD"),
                    QStringLiteral("a method"), {}, [](CurlParse &p, const QString &v) { p.command.method = v; }, {}, {}};
    t << CurlOption{{QStringLiteral("-H"), QStringLiteral("--header")}, kPasteSend, QStringLiteral("'Name: value'"),
                    QStringLiteral("'Name: value'"), QStringLiteral("add a header (repeatable); 'Name:' removes a default one"),
                    addHeader, writeHeaders, {}};
    t << formRow({QStringLiteral("-F"), QStringLiteral("--form")}, kPasteSend,
                 QStringLiteral("multipart form part NAME=TEXT or NAME=@FILE[;type=T][;filename=F] (repeatable)"),
                 Kind::Form);
    t << formRow({QStringLiteral("--form-string")}, kPasteSend, QStringLiteral("multipart text part, TEXT taken literally"),
                 Kind::FormString);
    t << bodyRow({QStringLiteral("-d"), QStringLiteral("--data"), QStringLiteral("--data-ascii")}, kPasteSend,
                 QStringLiteral("body (POST); @FILE streams the file"), Kind::Data);
    t.last().write = writeBody;
    t << bodyRow({QStringLiteral("--data-binary")}, kPasteSend,
                 QStringLiteral("body as is; @FILE streams the file, never loaded whole"), Kind::DataBinary);
    t << bodyRow({QStringLiteral("--data-raw")}, kPaste, {}, Kind::DataRaw);
    t << bodyRow({QStringLiteral("--data-urlencode")}, kPaste, {}, Kind::UrlEncode);
    // curl -T streams the file with PUT and adds no Content-Type: what the engine does with a
    // body file, so "Copy as cURL" of a file body writes it.
    t << bodyRow({QStringLiteral("-T"), QStringLiteral("--upload-file")}, kPaste, {}, Kind::Upload);
    t.last().valueName = QStringLiteral("FILE");
    t << flagRow({QStringLiteral("-I"), QStringLiteral("--head")}, kPasteSend, QStringLiteral("HEAD request"),
                 &CurlCommand::head);
    t << CurlOption{{QStringLiteral("--expect100")}, unsigned(CurlFront::Send), QStringLiteral("MODE"),
                    QStringLiteral("auto, always or never"), QStringLiteral("auto (bodies >= 1 MiB) | always | never"),
                    [](CurlParse &p, const QString &v) {
                        p.command.expectMode = http::expectModeFromString(v);
                        if (!p.command.expectMode)
                            p.error = QStringLiteral("--expect100: '%1' is not auto, always or never").arg(v);
                    },
                    {}, // StatusScope's own: curl would not know it
                    {}};
    t << secondsRow({QStringLiteral("--expect100-timeout")}, kEveryCurlFront,
                    QStringLiteral("wait this long for 100 Continue (default 1)"), &CurlCommand::expect100Timeout);
    t << flagRow({QStringLiteral("--no-retry-417")}, unsigned(CurlFront::Send),
                 QStringLiteral("do not resend without Expect after 417"), &CurlCommand::noRetry417, false);
    t << flagRow({QStringLiteral("--http1.0"), QStringLiteral("-0")}, kPasteSend, QStringLiteral("send HTTP/1.0"),
                 &CurlCommand::http10);
    // The last of --http1.0 and --http1.1 wins, as in curl.
    t << CurlOption{{QStringLiteral("--http1.1")}, kPasteSend, {}, {}, {},
                    [](CurlParse &p, const QString &) { p.command.http10 = false; }, {}, {}};
    t << textRow({QStringLiteral("-u"), QStringLiteral("--user")}, kPasteSend, QStringLiteral("USER:PASSWORD"),
                 QStringLiteral("USER:PASSWORD"), QStringLiteral("basic authentication"), &CurlCommand::user);
    // Read as the header it sends, so export writes the -H line every tool understands.
    t << CurlOption{{QStringLiteral("--oauth2-bearer")}, kPasteSend, QStringLiteral("TOKEN"), QStringLiteral("a token"),
                    QStringLiteral("bearer token (Authorization: Bearer TOKEN)"),
                    [](CurlParse &p, const QString &v) {
                        p.command.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + v.trimmed()});
                    },
                    {},
                    {}};
    t << flagRow({QStringLiteral("-k"), QStringLiteral("--insecure")}, kEveryCurlFront,
                 QStringLiteral("do not verify the TLS certificate (still shown)"), &CurlCommand::insecure);
    t << textRow({QStringLiteral("--cacert")}, kEveryCurlFront, QStringLiteral("FILE"), QStringLiteral("a file"),
                 QStringLiteral("trust the CA certificates in this PEM file"), &CurlCommand::caCert);
    t << flagRow({QStringLiteral("-L"), QStringLiteral("--location")}, kPasteSend, QStringLiteral("follow redirects"),
                 &CurlCommand::followRedirects);
    t << CurlOption{{QStringLiteral("--max-redirs")}, kPasteSend, QStringLiteral("N"), QStringLiteral("a number"),
                    QStringLiteral("at most N redirects (default 50)"),
                    [](CurlParse &p, const QString &v) {
                        bool ok = false;
                        const int n = v.toInt(&ok);
                        // curl reads -1 as "no limit"; the engine needs a bound, so the CLI refuses it.
                        if (ok && (n >= 0 || p.front == CurlFront::Paste))
                            p.command.maxRedirects = n;
                        else
                            p.error = QStringLiteral("--max-redirs needs a whole number, got '%1'").arg(v);
                    },
                    [](const CurlCommand &c, const CurlOption &self, CurlLines &out) {
                        if (c.maxRedirects)
                            out.value(self, QString::number(*c.maxRedirects));
                    },
                    {}};
    t << secondsRow({QStringLiteral("--connect-timeout")}, kPasteSend, QStringLiteral("limit for DNS + connect + TLS"),
                    &CurlCommand::connectTimeout);
    t << secondsRow({QStringLiteral("-m"), QStringLiteral("--max-time")}, kEveryCurlFront,
                    QStringLiteral("limit for the whole exchange"), &CurlCommand::maxTime);
    t << textRow({QStringLiteral("-x"), QStringLiteral("--proxy")}, kEveryCurlFront, QStringLiteral("URL"),
                 QStringLiteral("a URL"), QStringLiteral("HTTP proxy (http://host:port)"), &CurlCommand::proxy);
    t << textRow({QStringLiteral("-o"), QStringLiteral("--output")}, kPasteSend, QStringLiteral("FILE"),
                 QStringLiteral("a file"), QStringLiteral("write the response body to FILE"), &CurlCommand::outputFile);
    t << flagRow({QStringLiteral("--lenient")}, unsigned(CurlFront::Send),
                 QStringLiteral("tolerate bare LF, obs-fold, … (each recorded as a finding)"), &CurlCommand::lenient, false);

    // Accepted in a pasted command only.
    t << flagRow({QStringLiteral("-G"), QStringLiteral("--get")}, kPaste, {}, &CurlCommand::getWithData);
    t << flagRow({QStringLiteral("--compressed")}, kPaste, {}, &CurlCommand::compressed);
    t << CurlOption{{QStringLiteral("--url")}, kPaste, QStringLiteral("URL"), {}, {},
                    [](CurlParse &p, const QString &v) { p.command.url = v; },
                    {}, // export writes the URL on the first line
                    {}};
    t << headerRow({QStringLiteral("-A"), QStringLiteral("--user-agent")}, QStringLiteral("User-Agent"));
    t << headerRow({QStringLiteral("-e"), QStringLiteral("--referer")}, QStringLiteral("Referer"));
    t << CurlOption{{QStringLiteral("-b"), QStringLiteral("--cookie")}, kPaste, QStringLiteral("DATA"), {}, {},
                    [](CurlParse &p, const QString &v) {
                        if (v.contains(QLatin1Char('=')))
                            p.command.headers.append({QStringLiteral("Cookie"), v.trimmed()});
                        else
                            p.warnings << QStringLiteral("-b %1 reads cookies from a file; it was left out").arg(v);
                    },
                    {},
                    {}};
    t << warningRow({QStringLiteral("--http2"), QStringLiteral("--http2-prior-knowledge"), QStringLiteral("--http3"),
                     QStringLiteral("--http3-only")},
                    false, QStringLiteral("StatusScope speaks HTTP/1.1 on the wire; the HTTP/2 or /3 option was left out"));
    // Output and progress options: they change what curl prints, not what it sends.
    t << warningRow({QStringLiteral("-s"), QStringLiteral("--silent"), QStringLiteral("-S"), QStringLiteral("--show-error"),
                     QStringLiteral("-v"), QStringLiteral("--verbose"), QStringLiteral("-i"), QStringLiteral("--include"),
                     QStringLiteral("-g"), QStringLiteral("--globoff"), QStringLiteral("-f"), QStringLiteral("--fail"),
                     QStringLiteral("-N"), QStringLiteral("--no-buffer"), QStringLiteral("-#"),
                     QStringLiteral("--progress-bar"), QStringLiteral("--no-progress-meter"), QStringLiteral("-n"),
                     QStringLiteral("--netrc"), QStringLiteral("--fail-with-body"), QStringLiteral("-q"),
                     QStringLiteral("--path-as-is")},
                    false, {});
    t << warningRow({QStringLiteral("-w"), QStringLiteral("--write-out"), QStringLiteral("-c"), QStringLiteral("--cookie-jar"),
                     QStringLiteral("--retry"), QStringLiteral("--trace"), QStringLiteral("--trace-ascii"),
                     QStringLiteral("-D"), QStringLiteral("--dump-header"), QStringLiteral("--resolve"),
                     QStringLiteral("--connect-to"), QStringLiteral("--interface"), QStringLiteral("-E"),
                     QStringLiteral("--cert"), QStringLiteral("--key"), QStringLiteral("--limit-rate")},
                    true, QStringLiteral("an option without effect in StatusScope was left out"));
    return t;
}

} // namespace

QString CurlOption::longName() const
{
    return firstLongName(names);
}

QString CurlOption::exportName() const
{
    // A value explains a short option ("-H 'Accept: …'"); a bare flag reads better spelled out.
    return takesValue() ? names.value(0) : longName();
}

void CurlLines::flag(const CurlOption &option)
{
    m_lines << option.exportName();
}

void CurlLines::value(const CurlOption &option, const QString &value)
{
    m_lines << option.exportName() + QLatin1Char(' ') + quoteShellWord(value, m_dialect);
}

void CurlLines::number(const CurlOption &option, double seconds)
{
    // The fewest digits that read back as the same double: six significant digits lost
    // precision (fuzz_curl: --max-time 2.22222e+25).
    value(option, QString::number(seconds, 'g', QLocale::FloatingPointShortest));
}

const QList<CurlOption> &curlOptions()
{
    static const QList<CurlOption> table = buildTable();
    return table;
}

const CurlOption *findCurlOption(const QString &name, const QList<CurlOption> &own)
{
    for (const QList<CurlOption> *rows : {&curlOptions(), &own}) {
        for (const CurlOption &row : *rows) {
            if (row.names.contains(name))
                return &row;
        }
    }
    return nullptr;
}

const CurlOption &curlBodyOption(CurlCommand::BodyKind kind)
{
    for (const CurlOption &row : curlOptions()) {
        if (row.bodyKind == kind)
            return row;
    }
    return curlBodyOption(Kind::Data); // Kind::None never holds data; -d is curl's default
}

QString curlOptionsHelp(CurlFront front, const QList<CurlOption> &own)
{
    QString out;
    for (const QList<CurlOption> *rows : {&curlOptions(), &own}) {
        for (const CurlOption &row : *rows) {
            if (!row.accepts(front) || row.help.isEmpty())
                continue;
            const QString first = row.names.value(0);
            QString spelling = first.startsWith(QLatin1String("--")) ? QStringLiteral("    ") + first
                                                                      : first + QStringLiteral(", ") + row.longName();
            if (row.takesValue())
                spelling += QLatin1Char(' ') + row.valueName;
            out += QStringLiteral("  ") + spelling.leftJustified(27) + QLatin1Char(' ') + row.help + QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace statusscope
