// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/guides/snippets/snippet_check.h"

#include "core/guides/guide_catalog.h"
#include "core/http/response_parser.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <optional>

namespace statusscope::test {

namespace {

const QString kGuidesDir = QStringLiteral("resources/guides");
const QString kSnippetMarker = QStringLiteral("@@SNIPPET@@");

QString guidesRoot() { return sourcePath(kGuidesDir); }

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

int lineCount(const QString &text) { return int(text.count(QLatin1Char('\n'))) + 1; }

// Tool messages name the temporary file and its lines; readers need the guide and its lines.
// A line inside the block maps to the guide's line; a line of the generated frame (context,
// wrapper) is named as such.
QString mapMessage(QString message, const QString &path, const QString &dir, const GuideBlock &b,
                   int prefixLines)
{
    const int blockLines = lineCount(b.block.text);
    const auto where = [&](int n) {
        const int k = n - prefixLines;
        if (k >= 1 && k <= blockLines)
            return QStringLiteral("%1:%2").arg(b.file).arg(b.block.line + k);
        return QStringLiteral("(generated frame line %1)").arg(n);
    };
    const QString p = QRegularExpression::escape(path);
    const QList<QRegularExpression> patterns{
        QRegularExpression(QStringLiteral("line (\\d+) of \"?%1\"?").arg(p)),
        QRegularExpression(QStringLiteral("\"?%1\"?(?::|, line | line | on line )(\\d+)").arg(p)),
        QRegularExpression(QStringLiteral("%1\\]?:(\\d+)").arg(p)),
    };
    for (const QRegularExpression &re : patterns) {
        QString out;
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = re.globalMatch(message);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += message.mid(last, m.capturedStart() - last) + where(m.captured(1).toInt());
            last = m.capturedEnd();
        }
        out += message.mid(last);
        message = out;
    }
    message.replace(path, QStringLiteral("snippet"));
    message.replace(dir, QStringLiteral("<tmp>"));
    return message.trimmed();
}

CheckOutcome passed(const QString &tool) { return {Verdict::Passed, tool, {}}; }
CheckOutcome failed(const QString &tool, const QString &message) { return {Verdict::Failed, tool, message}; }

// Runs a tool on a file holding `text`; passes on exit 0 (and, when given, only when the
// output has no line matching `failIf`).
struct ToolRun
{
    QString tool;     // for reports
    QString program;
    QStringList args; // "%f" is replaced with the file
    QString fileName; // in the temporary directory
    QRegularExpression failIf = {};
    // A non-zero exit that still means "valid": HAProxy exits 2 for a valid configuration
    // without a frontend ("will not start (no listener)"), which a backend-only block is.
    QRegularExpression okIf = {};
};

CheckOutcome runOn(const GuideBlock &b, const ToolRun &run, const QString &text, int prefixLines)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return failed(run.tool, QStringLiteral("cannot create a temporary directory"));
    const QString path = dir.filePath(run.fileName);
    if (!writeFile(path, text.toUtf8() + '\n'))
        return failed(run.tool, QStringLiteral("cannot write %1").arg(path));
    QStringList args = run.args;
    for (QString &a : args)
        a.replace(QStringLiteral("%f"), path);
    const ProcessResult r = runProcess(run.program, args, 60000);
    const QString output = QString::fromUtf8(r.err + r.out);
    if (!r.finished)
        return failed(run.tool, QStringLiteral("did not finish within 60 s"));
    const bool flagged = run.failIf.isValid() && !run.failIf.pattern().isEmpty()
                         && run.failIf.match(output).hasMatch();
    const bool okAnyway = !run.okIf.pattern().isEmpty() && run.okIf.match(output).hasMatch();
    if ((r.exitCode == 0 || okAnyway) && !flagged)
        return passed(run.tool);
    return failed(run.tool, mapMessage(output.isEmpty() ? QStringLiteral("exit %1").arg(r.exitCode) : output,
                                       path, dir.path(), b, prefixLines));
}

// Several tools in turn (compile, then lint); the first failure is the verdict.
CheckOutcome runAll(const GuideBlock &b, const QList<ToolRun> &runs)
{
    const Wrapped w = applyWrapper(b);
    QStringList tools;
    for (const ToolRun &r : runs)
        tools << r.tool;
    if (!w.error.isEmpty())
        return failed(tools.join(QStringLiteral(" + ")), w.error);
    for (const ToolRun &run : runs) {
        const CheckOutcome o = runOn(b, run, w.text, w.prefixLines);
        if (o.verdict == Verdict::Failed)
            return o;
    }
    return passed(tools.join(QStringLiteral(" + ")));
}

// --- Code ------------------------------------------------------------------------------------

const QString kPython = QStringLiteral("/usr/bin/python3");

CheckOutcome checkJavascript(const GuideBlock &b)
{
    // ES modules need the .mjs name for node to parse import/export.
    static const QRegularExpression esm(QStringLiteral("^\\s*(import|export)\\b"),
                                        QRegularExpression::MultilineOption);
    const bool module = esm.match(applyWrapper(b).text).hasMatch();
    return runAll(b, {{QStringLiteral("node --check"), QStringLiteral("node"), {QStringLiteral("--check"), QStringLiteral("%f")},
                       module ? QStringLiteral("snippet.mjs") : QStringLiteral("snippet.js")}});
}

CheckOutcome checkPython(const GuideBlock &b)
{
    return runAll(b, {{QStringLiteral("python3 compile"), kPython,
                       {QStringLiteral("-c"),
                        QStringLiteral("import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')"),
                        QStringLiteral("%f")},
                       QStringLiteral("snippet.py")},
                      {QStringLiteral("pyflakes3"), QStringLiteral("pyflakes3"), {QStringLiteral("%f")},
                       QStringLiteral("snippet.py")}});
}

CheckOutcome checkPhp(const GuideBlock &b)
{
    Wrapped w = applyWrapper(b);
    if (!w.error.isEmpty())
        return failed(QStringLiteral("php -l"), w.error);
    // Without "<?php" php -l sees template text and checks nothing: open PHP mode first.
    if (!w.text.trimmed().startsWith(QLatin1String("<?php"))) {
        w.text.prepend(QStringLiteral("<?php\n"));
        ++w.prefixLines;
    }
    return runOn(b, {QStringLiteral("php -l"), QStringLiteral("php"), {QStringLiteral("-l"), QStringLiteral("%f")},
                     QStringLiteral("snippet.php")},
                 w.text, w.prefixLines);
}

CheckOutcome checkShell(const GuideBlock &b)
{
    const bool posix = b.block.language == QLatin1String("sh");
    return runAll(b, {{posix ? QStringLiteral("sh -n") : QStringLiteral("bash -n"),
                       posix ? QStringLiteral("sh") : QStringLiteral("bash"), {QStringLiteral("-n"), QStringLiteral("%f")},
                       QStringLiteral("snippet.sh")},
                      {QStringLiteral("shellcheck -S warning"), QStringLiteral("shellcheck"),
                       {QStringLiteral("-S"), QStringLiteral("warning"), QStringLiteral("-f"), QStringLiteral("gcc"),
                        QStringLiteral("-s"), posix ? QStringLiteral("sh") : QStringLiteral("bash"), QStringLiteral("%f")},
                       QStringLiteral("snippet.sh")}});
}

CheckOutcome checkRuby(const GuideBlock &b)
{
    return runAll(b, {{QStringLiteral("ruby -c"), QStringLiteral("ruby"), {QStringLiteral("-c"), QStringLiteral("%f")},
                       QStringLiteral("snippet.rb")}});
}

CheckOutcome checkPerl(const GuideBlock &b)
{
    return runAll(b, {{QStringLiteral("perl -c"), QStringLiteral("perl"), {QStringLiteral("-c"), QStringLiteral("%f")},
                       QStringLiteral("snippet.pl")}});
}

CheckOutcome checkGo(const GuideBlock &b)
{
    return runAll(b, {{QStringLiteral("gofmt -e"), QStringLiteral("gofmt"), {QStringLiteral("-e"), QStringLiteral("%f")},
                       QStringLiteral("snippet.go")}});
}

// Data formats through Python's parsers; each prints "FILE:LINE: message" on failure.
CheckOutcome checkData(const GuideBlock &b, const QString &tool, const QString &script, const QString &file)
{
    return runAll(b, {{tool, kPython, {QStringLiteral("-c"), script, QStringLiteral("%f")}, file}});
}

CheckOutcome checkJson(const GuideBlock &b)
{
    return checkData(b, QStringLiteral("python3 json"), QStringLiteral(R"(import json, sys
p = sys.argv[1]
try:
    json.load(open(p, encoding='utf-8'))
except json.JSONDecodeError as e:
    sys.exit(f'{p}:{e.lineno}: {e.msg} (column {e.colno})'))"),
                     QStringLiteral("snippet.json"));
}

CheckOutcome checkYaml(const GuideBlock &b)
{
    return checkData(b, QStringLiteral("python3 yaml"), QStringLiteral(R"(import sys, yaml
p = sys.argv[1]
try:
    list(yaml.safe_load_all(open(p, encoding='utf-8')))
except yaml.MarkedYAMLError as e:
    m = e.problem_mark
    sys.exit(f'{p}:{m.line + 1}: {e.problem} {e.context or ""}'))"),
                     QStringLiteral("snippet.yaml"));
}

CheckOutcome checkIni(const GuideBlock &b)
{
    return checkData(b, QStringLiteral("python3 configparser"), QStringLiteral(R"(import configparser, sys
p = sys.argv[1]
c = configparser.ConfigParser(interpolation=None)
try:
    c.read_string(open(p, encoding='utf-8').read(), p)
except configparser.MissingSectionHeaderError as e:
    sys.exit(f'{p}:{e.lineno}: a setting before any [section] header')
except configparser.ParsingError as e:
    sys.exit('\n'.join(f'{p}:{n}: cannot parse {line}' for n, line in e.errors))
except configparser.Error as e:
    sys.exit(f'{p}: {e}'))"),
                     QStringLiteral("snippet.ini"));
}

CheckOutcome checkXml(const GuideBlock &b)
{
    return runAll(b, {{QStringLiteral("xmllint --noout"), QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("%f")},
                       QStringLiteral("snippet.xml")}});
}

CheckOutcome checkHtml(const GuideBlock &b)
{
    // libxml2's HTML parser exits 0 on most problems and reports them: any report fails.
    return runAll(b, {{QStringLiteral("xmllint --html --noout"), QStringLiteral("xmllint"),
                       {QStringLiteral("--html"), QStringLiteral("--noout"), QStringLiteral("%f")},
                       QStringLiteral("snippet.html"), QRegularExpression(QStringLiteral("error|warning"))}});
}

// --- Server configurations -------------------------------------------------------------------

// The smallest valid MaxMind DB (maxmind.github.io/MaxMind-DB): one search-tree node whose two
// records mean "no data", the 16-byte data-section separator, and the metadata map that
// libmaxminddb's MMDB_open requires. The ngx_http_geoip2 module opens its database at nginx -t,
// and a GeoLite2 file is the reader's own download: blocks get this one in its place.
QByteArray testMaxMindDatabase()
{
    const auto str = [](const char *t) { return QByteArray(1, char(0x40 | int(qstrlen(t)))) + t; }; // UTF-8 string, < 29 bytes
    const auto u16 = [](char v) { return QByteArray("\xA1", 1) + v; };                             // uint16, one byte
    QByteArray meta("\xE9", 1); // map of 9 pairs
    meta += str("node_count") + QByteArray("\xC1\x01", 2); // uint32 1
    meta += str("record_size") + u16(24);
    meta += str("ip_version") + u16(4);
    meta += str("database_type") + str("StatusScope-Test");
    meta += str("languages") + QByteArray("\x01\x04", 2) + str("en");          // array of 1
    meta += str("binary_format_major_version") + u16(2);
    meta += str("binary_format_minor_version") + QByteArray("\xA0", 1);        // uint16 0
    meta += str("build_epoch") + QByteArray("\x01\x02\x01", 3);              // uint64 1
    meta += str("description") + QByteArray("\xE1", 1) + str("en") + str("test"); // map of 1
    return QByteArray("\x00\x00\x01\x00\x00\x01", 6) + QByteArray(16, '\0')
           + QByteArray("\xAB\xCD\xEFMaxMind.com", 14) + meta;
}

// A self-signed pair made once per run. Blocks name the reader's certificate paths; the checker
// points those directives at this pair (FORMAT.md), so nginx -t and apache2 -t load real files.
struct TestPki
{
    QTemporaryDir dir;
    QString cert, key, pem; // pem: certificate and key in one file, as HAProxy's "crt" wants
    QString crl;            // an empty revocation list signed by the pair, for ssl_crl
    QString mmdb;           // a MaxMind DB for geoip2
    bool ok = false;
    TestPki()
    {
        pem = dir.filePath(QStringLiteral("combined.pem"));
        cert = dir.filePath(QStringLiteral("cert.pem"));
        key = dir.filePath(QStringLiteral("key.pem"));
        crl = dir.filePath(QStringLiteral("crl.pem"));
        mmdb = dir.filePath(QStringLiteral("test.mmdb"));
        const ProcessResult r = runProcess(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        ok = r.finished && r.exitCode == 0;
        QFile c(cert), k(key), out(pem);
        ok = ok && c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly)
             && out.write(c.readAll() + k.readAll()) > 0;
        // "openssl ca -gencrl" wants a CA database, even an empty one.
        const QString index = dir.filePath(QStringLiteral("index.txt"));
        const QString conf = dir.filePath(QStringLiteral("ca.cnf"));
        ok = ok && writeFile(index, {})
             && writeFile(conf, QStringLiteral("[ca]\ndefault_ca = test\n[test]\ndatabase = %1\ndefault_md = sha256\n"
                                               "default_crl_days = 2\n").arg(index).toUtf8());
        const ProcessResult g = runProcess(
            QStringLiteral("openssl"),
            {QStringLiteral("ca"), QStringLiteral("-config"), conf, QStringLiteral("-gencrl"), QStringLiteral("-keyfile"), key,
             QStringLiteral("-cert"), cert, QStringLiteral("-out"), crl});
        ok = ok && g.finished && g.exitCode == 0 && writeFile(mmdb, testMaxMindDatabase());
    }
};

const TestPki &pki()
{
    static const TestPki p;
    return p;
}

// Replaces the file argument of certificate and cache-path directives; keeps the line count.
QString pointCertificatesAtTestPair(QString text, bool apache)
{
    static const QRegularExpression nginxKey(QStringLiteral(
        "^(\\s*(?:proxy_|grpc_)?ssl_(?:certificate_key|password_file)\\s+)([^;$\\s]+)"), QRegularExpression::MultilineOption);
    static const QRegularExpression nginxCert(QStringLiteral(
        "^(\\s*(?:proxy_|grpc_)?ssl_(?:certificate|trusted_certificate|client_certificate|stapling_file)\\s+)([^;$\\s]+)"),
                                              QRegularExpression::MultilineOption);
    static const QRegularExpression apacheKey(QStringLiteral("^(\\s*SSL(?:Proxy)?CertificateKeyFile\\s+)(\\S+)"),
                                              QRegularExpression::MultilineOption);
    static const QRegularExpression apacheCert(QStringLiteral(
        "^(\\s*SSL(?:Proxy)?(?:CertificateFile|CACertificateFile|CertificateChainFile|MachineCertificateFile|CARevocationFile)\\s+)(\\S+)"),
                                               QRegularExpression::MultilineOption);
    static const QRegularExpression nginxCrl(QStringLiteral("^(\\s*(?:proxy_|grpc_)?ssl_crl\\s+)([^;$\\s]+)"),
                                             QRegularExpression::MultilineOption);
    static const QRegularExpression geoip2(QStringLiteral("^(\\s*geoip2\\s+)([^\\s{;]+)"), QRegularExpression::MultilineOption);
    // nginx -t creates cache directories: keep them in the checker's temporary directory.
    static const QRegularExpression cachePath(QStringLiteral("^(\\s*(?:proxy|fastcgi|uwsgi|scgi)_cache_path\\s+)([^;\\s]+)"),
                                              QRegularExpression::MultilineOption);
    const QString cert = QStringLiteral("\\1") + pki().cert;
    const QString key = QStringLiteral("\\1") + pki().key;
    if (apache) {
        text.replace(apacheKey, key);
        text.replace(apacheCert, cert);
    } else {
        text.replace(nginxKey, key);
        text.replace(nginxCert, cert);
        text.replace(nginxCrl, QStringLiteral("\\1") + pki().crl);
        text.replace(geoip2, QStringLiteral("\\1") + pki().mmdb);
        text.replace(cachePath, QStringLiteral("\\1") + pki().dir.filePath(QStringLiteral("cache")));
    }
    return text;
}

// The load_module line of a Debian nginx module package, by short name ("geoip2").
QString nginxLoadModule(const QString &name)
{
    const QString dir = QStringLiteral("/usr/share/nginx/modules-available/");
    for (const QString &candidate : {QStringLiteral("mod-%1.conf"), QStringLiteral("mod-http-%1.conf"),
                                     QStringLiteral("mod-http-%1-filter.conf"), QStringLiteral("mod-stream-%1.conf")}) {
        const QString text = readText(dir + candidate.arg(name));
        static const QRegularExpression load(QStringLiteral("^\\s*load_module\\s+[^;]+;"), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = load.match(text);
        if (m.hasMatch()) {
            // Debian writes "load_module modules/x.so;", relative to its prefix /usr/share/nginx
            // (a link to /usr/lib/nginx/modules); the checker runs with its own prefix.
            QString line = m.captured(0).trimmed();
            line.replace(QStringLiteral("load_module modules/"), QStringLiteral("load_module /usr/lib/nginx/modules/"));
            return line;
        }
    }
    return {};
}

// What a server-config check starts from: its tool's name, the wrapped snippet and a scratch
// directory. `refusal` is set when the block cannot be checked at all (no usable wrapper, or
// the test certificate pair the config may point at could not be made).
struct ConfigCheck
{
    ConfigCheck(QString toolName, const GuideBlock &b, bool needsCertificates)
        : tool(std::move(toolName)), wrapped(applyWrapper(b))
    {
        if (!wrapped.error.isEmpty())
            refusal = failed(tool, wrapped.error);
        else if (needsCertificates && !pki().ok)
            refusal = failed(tool, QStringLiteral("openssl could not make the test certificate"));
    }

    QString tool;
    Wrapped wrapped;
    QTemporaryDir dir;
    std::optional<CheckOutcome> refusal;
};

// The block's "modules=a,b" attribute.
QStringList modulesOf(const GuideBlock &b)
{
    return b.block.attributes.value(QStringLiteral("modules")).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

CheckOutcome checkNginx(const GuideBlock &b)
{
    const ConfigCheck c(QStringLiteral("nginx -t"), b, true);
    if (c.refusal)
        return *c.refusal;
    const QString d = c.dir.path();
    // Relative includes (fastcgi_params, snippets/…) resolve next to the config, as on Debian.
    for (const QFileInfo &fi : QDir(QStringLiteral("/etc/nginx")).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (fi.fileName() != QLatin1String("nginx.conf"))
            QFile::link(fi.absoluteFilePath(), d + QLatin1Char('/') + fi.fileName());
    }
    const QString context = b.block.attributes.value(QStringLiteral("context"), QStringLiteral("http"));
    QStringList modules = modulesOf(b);
    if (context == QLatin1String("stream") && !modules.contains(QLatin1String("stream")))
        modules << QStringLiteral("stream");
    QStringList head;
    for (const QString &m : std::as_const(modules)) {
        const QString line = nginxLoadModule(m);
        if (line.isEmpty())
            return failed(c.tool, QStringLiteral("modules=%1: no Debian nginx module package provides it "
                                               "(/usr/share/nginx/modules-available)").arg(m));
        head << line;
    }
    head << QStringLiteral("pid %1/nginx.pid;").arg(d) << QStringLiteral("error_log %1/error.log;").arg(d);
    const QString snippet = pointCertificatesAtTestPair(c.wrapped.text, false);
    const QString temps = QStringLiteral("client_body_temp_path %1/body; proxy_temp_path %1/proxy; "
                                         "fastcgi_temp_path %1/fastcgi; uwsgi_temp_path %1/uwsgi; "
                                         "scgi_temp_path %1/scgi; access_log off;").arg(d);
    QStringList before, after;
    if (context == QLatin1String("main")) {
        static const QRegularExpression events(QStringLiteral("^\\s*events\\s*\\{"), QRegularExpression::MultilineOption);
        if (!events.match(snippet).hasMatch())
            head << QStringLiteral("events {}");
    } else {
        head << QStringLiteral("events {}");
        if (context == QLatin1String("stream")) {
            before << QStringLiteral("stream {");
            after << QStringLiteral("}");
        } else {
            before << QStringLiteral("http {") << temps;
            after.prepend(QStringLiteral("}"));
            if (context == QLatin1String("server") || context == QLatin1String("location")) {
                before << QStringLiteral("server {") << QStringLiteral("listen 127.0.0.1:8080;");
                after.prepend(QStringLiteral("}"));
            }
            if (context == QLatin1String("location")) {
                before << QStringLiteral("location / {");
                after.prepend(QStringLiteral("}"));
            }
            if (context == QLatin1String("upstream")) {
                before << QStringLiteral("upstream backend {");
                after.prepend(QStringLiteral("}"));
            }
        }
    }
    const QStringList prefix = head + before;
    const QString conf = prefix.join(QLatin1Char('\n')) + QLatin1Char('\n') + snippet + QLatin1Char('\n')
                         + after.join(QLatin1Char('\n')) + QLatin1Char('\n');
    const QString path = d + QStringLiteral("/nginx.conf");
    writeFile(path, conf.toUtf8());
    const ProcessResult r = runProcess(QStringLiteral("nginx"),
                                       {QStringLiteral("-t"), QStringLiteral("-q"), QStringLiteral("-p"), d + QLatin1Char('/'),
                                        QStringLiteral("-e"), d + QStringLiteral("/error.log"), QStringLiteral("-c"), path});
    if (r.finished && r.exitCode == 0)
        return passed(c.tool);
    return failed(c.tool, mapMessage(QString::fromUtf8(r.err + r.out), path, d, b, int(prefix.size()) + c.wrapped.prefixLines));
}

// "headers" → its LoadModule line and those of the modules it depends on (Debian's .load files
// say "# Depends: proxy"), dependencies first.
bool apacheLoadModule(const QString &name, QStringList *lines, QString *error, int depth = 0)
{
    const QString text = readText(QStringLiteral("/etc/apache2/mods-available/%1.load").arg(name));
    static const QRegularExpression load(QStringLiteral("^\\s*LoadModule\\s+\\S+\\s+\\S+"), QRegularExpression::MultilineOption);
    static const QRegularExpression depends(QStringLiteral("^#\\s*Depends:\\s*(.+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = load.match(text);
    if (!m.hasMatch()) {
        *error = QStringLiteral("modules=%1: Debian's apache2 has no /etc/apache2/mods-available/%1.load").arg(name);
        return false;
    }
    const QRegularExpressionMatch dep = depends.match(text);
    if (dep.hasMatch() && depth < 8) {
        for (const QString &other : dep.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!apacheLoadModule(other, lines, error, depth + 1))
                return false;
        }
    }
    if (!lines->contains(m.captured(0).trimmed()))
        lines->append(m.captured(0).trimmed());
    return true;
}

CheckOutcome checkApache(const GuideBlock &b)
{
    const ConfigCheck c(QStringLiteral("apache2 -t"), b, true);
    if (c.refusal)
        return *c.refusal;
    const QString d = c.dir.path();
    QDir(d).mkpath(QStringLiteral("www"));
    QStringList prefix{QStringLiteral("ServerRoot %1").arg(d), QStringLiteral("PidFile %1/httpd.pid").arg(d),
                       QStringLiteral("ErrorLog %1/error.log").arg(d), QStringLiteral("Mutex file:%1 default").arg(d),
                       QStringLiteral("DefaultRuntimeDir %1").arg(d), QStringLiteral("Listen 127.0.0.1:8080"),
                       QStringLiteral("ServerName localhost"), QStringLiteral("DocumentRoot %1/www").arg(d)};
    QStringList loads;
    QString error;
    QStringList modules{QStringLiteral("mpm_event"), QStringLiteral("authz_core"), QStringLiteral("authz_host")};
    modules += modulesOf(b);
    for (const QString &m : std::as_const(modules)) {
        if (!apacheLoadModule(m, &loads, &error))
            return failed(c.tool, error);
    }
    prefix += loads;
    prefix << QStringLiteral("<IfModule mime_module>") << QStringLiteral("TypesConfig /etc/mime.types")
           << QStringLiteral("</IfModule>");
    const QString context = b.block.attributes.value(QStringLiteral("context"), QStringLiteral("server"));
    QStringList after;
    if (context == QLatin1String("vhost")) {
        prefix << QStringLiteral("<VirtualHost 127.0.0.1:8080>");
        after << QStringLiteral("</VirtualHost>");
    } else if (context == QLatin1String("directory")) {
        prefix << QStringLiteral("<Directory \"%1/www\">").arg(d);
        after << QStringLiteral("</Directory>");
    } else if (context == QLatin1String("htaccess")) {
        // apache2 -t never reads .htaccess files; inside <Directory> with AllowOverride All is the
        // nearest static check (FORMAT.md).
        prefix << QStringLiteral("<Directory \"%1/www\">").arg(d) << QStringLiteral("AllowOverride All");
        after << QStringLiteral("</Directory>");
    }
    const QString conf = prefix.join(QLatin1Char('\n')) + QLatin1Char('\n') + pointCertificatesAtTestPair(c.wrapped.text, true)
                         + QLatin1Char('\n') + after.join(QLatin1Char('\n')) + QLatin1Char('\n');
    const QString path = d + QStringLiteral("/apache2.conf");
    writeFile(path, conf.toUtf8());
    const ProcessResult r = runProcess(QStringLiteral("apache2"),
                                       {QStringLiteral("-t"), QStringLiteral("-d"), d, QStringLiteral("-f"), path});
    if (r.finished && r.exitCode == 0)
        return passed(c.tool);
    return failed(c.tool, mapMessage(QString::fromUtf8(r.err + r.out), path, d, b, int(prefix.size()) + c.wrapped.prefixLines));
}

CheckOutcome checkHaproxy(const GuideBlock &b)
{
    const QString tool = QStringLiteral("haproxy -c");
    Wrapped w = applyWrapper(b);
    if (!w.error.isEmpty())
        return failed(tool, w.error);
    const QString context = b.block.attributes.value(QStringLiteral("context"), QStringLiteral("full"));
    const QStringList global{QStringLiteral("global"), QStringLiteral("    maxconn 100")};
    const QStringList defaults{QStringLiteral("defaults"), QStringLiteral("    mode http"),
                               QStringLiteral("    timeout connect 5s"), QStringLiteral("    timeout client 30s"),
                               QStringLiteral("    timeout server 30s")};
    QStringList prefix, after;
    if (context == QLatin1String("global")) {
        prefix << QStringLiteral("global");
        after = defaults;
    } else if (context == QLatin1String("defaults")) {
        prefix = global;
        prefix << QStringLiteral("defaults");
    } else {
        prefix = global + defaults;
        if (context == QLatin1String("frontend"))
            prefix << QStringLiteral("frontend fe") << QStringLiteral("    bind 127.0.0.1:8080");
        else if (context == QLatin1String("backend"))
            prefix << QStringLiteral("backend be");
        else if (context == QLatin1String("listen"))
            prefix << QStringLiteral("listen ls") << QStringLiteral("    bind 127.0.0.1:8080");
    }
    if (!pki().ok)
        return failed(tool, QStringLiteral("openssl could not make the test certificate"));
    // "crt"/"ca-file" name the reader's files: point them at the checker's pair (FORMAT.md).
    static const QRegularExpression crt(QStringLiteral("(\\scrt\\s+)(\\S+)"));
    static const QRegularExpression caFile(QStringLiteral("(\\sca-file\\s+)(\\S+)"));
    w.text.replace(crt, QStringLiteral("\\1") + pki().pem);
    w.text.replace(caFile, QStringLiteral("\\1") + pki().cert);
    return runOn(b, {tool, QStringLiteral("haproxy"), {QStringLiteral("-c"), QStringLiteral("-f"), QStringLiteral("%f")},
                     QStringLiteral("haproxy.cfg"), {}, QRegularExpression(QStringLiteral("will not start \\(no listener\\)"))},
                 prefix.join(QLatin1Char('\n')) + QLatin1Char('\n') + w.text + QLatin1Char('\n') + after.join(QLatin1Char('\n')),
                 int(prefix.size()) + w.prefixLines);
}

CheckOutcome checkSquid(const GuideBlock &b)
{
    const ConfigCheck c(QStringLiteral("squid -k parse"), b, false);
    if (c.refusal)
        return *c.refusal;
    const QString d = c.dir.path();
    const QStringList prefix{QStringLiteral("http_port 127.0.0.1:3128"), QStringLiteral("pid_filename %1/squid.pid").arg(d),
                             QStringLiteral("cache_log %1/cache.log").arg(d), QStringLiteral("access_log none"),
                             QStringLiteral("coredump_dir %1").arg(d)};
    const QString path = d + QStringLiteral("/squid.conf");
    writeFile(path, (prefix.join(QLatin1Char('\n')) + QLatin1Char('\n') + c.wrapped.text + QLatin1Char('\n')).toUtf8());
    const ProcessResult r = runProcess(QStringLiteral("squid"), {QStringLiteral("-k"), QStringLiteral("parse"), QStringLiteral("-f"), path});
    // Squid reports an unknown or removed directive as "ERROR: …" and still exits 0 in some
    // releases: an ERROR or FATAL line fails the block either way.
    const QString output = QString::fromUtf8(r.err + r.out);
    static const QRegularExpression bad(QStringLiteral("^.*(?:ERROR|FATAL|WARNING).*$"), QRegularExpression::MultilineOption);
    QStringList problems;
    QRegularExpressionMatchIterator it = bad.globalMatch(output);
    while (it.hasNext())
        problems << it.next().captured(0);
    if (r.finished && r.exitCode == 0 && problems.isEmpty())
        return passed(c.tool);
    // Squid names lines as "line N" of the file without repeating the path.
    QString message = problems.isEmpty() ? output : problems.join(QLatin1Char('\n'));
    static const QRegularExpression lineNo(QStringLiteral("line (\\d+)"));
    message.replace(lineNo, QStringLiteral("config line \\1"));
    return failed(c.tool, mapMessage(message, path, d, b, int(prefix.size()) + c.wrapped.prefixLines)
                            + QStringLiteral(" (the block starts at config line %1)").arg(prefix.size() + c.wrapped.prefixLines + 1));
}

CheckOutcome checkLighttpd(const GuideBlock &b)
{
    const ConfigCheck c(QStringLiteral("lighttpd -tt"), b, false);
    if (c.refusal)
        return *c.refusal;
    const QString d = c.dir.path();
    QDir(d).mkpath(QStringLiteral("www"));
    const QStringList prefix{QStringLiteral("server.document-root = \"%1/www\"").arg(d),
                             QStringLiteral("server.port = 8080"), QStringLiteral("server.bind = \"127.0.0.1\""),
                             QStringLiteral("server.errorlog = \"%1/error.log\"").arg(d)};
    // lighttpd only warns about an unknown key and starts anyway: that warning fails the block.
    return runOn(b, {c.tool, QStringLiteral("lighttpd"), {QStringLiteral("-tt"), QStringLiteral("-f"), QStringLiteral("%f")},
                     QStringLiteral("lighttpd.conf"), QRegularExpression(QStringLiteral("WARNING|ERROR|unknown config-key"))},
                 prefix.join(QLatin1Char('\n')) + QLatin1Char('\n') + c.wrapped.text, int(prefix.size()) + c.wrapped.prefixLines);
}

// --- HTTP responses, by our own parser ---------------------------------------------------------

// FORMAT.md "http": the head is parsed strictly (CRLF line ends as on the wire); a body shown
// must match its framing; a body ending in a line "…" is elided and only the head is judged;
// a block with no blank line after the head shows only the head.
CheckOutcome checkHttp(const GuideBlock &b)
{
    const QString tool = QStringLiteral("ResponseParser");
    QStringList lines = b.block.text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    // Cut into head blocks and bodies: after a 1xx head the next status line follows directly.
    QByteArray wire;
    int i = 0;
    bool elided = false;
    bool headOnly = false;
    QByteArray body;
    while (i < lines.size()) {
        int headEnd = i;
        while (headEnd < lines.size() && !lines.at(headEnd).isEmpty())
            ++headEnd;
        for (int k = i; k < headEnd; ++k)
            wire += lines.at(k).toUtf8() + "\r\n";
        wire += "\r\n";
        const bool interim = lines.at(i).contains(QRegularExpression(QStringLiteral("^HTTP/\\d(\\.\\d)? 1\\d\\d")));
        if (headEnd >= lines.size()) {
            headOnly = !interim;
            break;
        }
        i = headEnd + 1;
        if (interim)
            continue;
        QStringList bodyLines = lines.mid(i);
        if (!bodyLines.isEmpty() && (bodyLines.last().trimmed() == QStringLiteral("…")
                                     || bodyLines.last().trimmed() == QLatin1String("..."))) {
            elided = true;
            bodyLines.removeLast();
        }
        body = bodyLines.join(QLatin1Char('\n')).toUtf8();
        break;
    }
    if (wire.isEmpty())
        return failed(tool, QStringLiteral("%1:%2: empty http block").arg(b.file).arg(b.block.line));
    http::ResponseParser parser;
    http::FeedResult head = parser.feed(wire);
    QList<http::ParseEvent> events = parser.takeEvents();
    const auto errorOf = [&](const QList<http::ParseEvent> &evs) {
        for (const http::ParseEvent &e : evs) {
            if (e.type == http::ParseEventType::Error || e.type == http::ParseEventType::Finding)
                return e.message;
        }
        return QString();
    };
    const QString headProblem = errorOf(events);
    if (head.status == http::ParseStatus::Error || !headProblem.isEmpty())
        return failed(tool, QStringLiteral("%1:%2: %3").arg(b.file).arg(b.block.line + 1).arg(headProblem.isEmpty() ? parser.errorMessage() : headProblem));
    http::BodyKind kind = http::BodyKind::None;
    qint64 length = -1;
    for (const http::ParseEvent &e : std::as_const(events)) {
        if (e.type == http::ParseEventType::HeadersComplete) {
            kind = e.bodyKind;
            length = e.length;
        }
    }
    if (head.status == http::ParseStatus::Complete || head.status == http::ParseStatus::Upgraded) {
        if (!body.isEmpty())
            return failed(tool, QStringLiteral("%1:%2: the response has no body by its status or headers, but the block shows one")
                                    .arg(b.file).arg(b.block.line));
        return passed(tool);
    }
    if (headOnly || elided)
        return passed(tool);
    if (kind == http::BodyKind::ContentLength) {
        // The closing fence eats a final newline: either count is the body as shown. A body whose
        // lines end in CRLF on the wire (nginx's built-in error pages) is shown with LF, as the
        // head is: its length counts one more byte per line end.
        const qint64 lineEnds = body.count('\n');
        const qint64 lf = body.size();
        const qint64 crlf = lf + lineEnds;
        if (length == lf || length == lf + 1 || length == crlf || length == crlf + 2)
            return passed(tool);
        return failed(tool, QStringLiteral("%1:%2: Content-Length is %3 but the body shown is %4 bytes "
                                           "(%5 with CRLF line ends; end it with a line '…' if it is cut short)")
                                .arg(b.file).arg(b.block.line).arg(length).arg(lf).arg(crlf));
    }
    if (kind == http::BodyKind::Chunked) {
        QByteArray chunked = body;
        chunked.replace("\n", "\r\n");
        // The closing fence took the CRLFs after the last chunk's line.
        const http::FeedResult r = parser.feed(chunked + "\r\n\r\n");
        const QString problem = errorOf(parser.takeEvents());
        if (r.status == http::ParseStatus::Complete && problem.isEmpty())
            return passed(tool);
        return failed(tool, QStringLiteral("%1:%2: chunked body: %3").arg(b.file).arg(b.block.line)
                                .arg(problem.isEmpty() ? QStringLiteral("incomplete (no last chunk \"0\")") : problem));
    }
    // Close-delimited: the body runs to the end of the connection.
    parser.feed(body);
    const http::FeedResult r = parser.finish();
    if (r.status == http::ParseStatus::Complete)
        return passed(tool);
    return failed(tool, QStringLiteral("%1:%2: %3").arg(b.file).arg(b.block.line).arg(parser.errorMessage()));
}

} // namespace

Wrapped applyWrapper(const GuideBlock &b)
{
    const QString name = b.block.attributes.value(QStringLiteral("wrap"));
    if (name.isEmpty())
        return {b.block.text, 0, {}};
    const QString path = guidesRoot() + QStringLiteral("/wrappers/") + name;
    if (!QFileInfo::exists(path))
        return {{}, 0, QStringLiteral("%1:%2: wrap=%3 but there is no %4/wrappers/%3").arg(b.file).arg(b.block.line).arg(name, kGuidesDir)};
    const QString wrapper = readText(path);
    const QStringList lines = wrapper.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed() == kSnippetMarker) {
            QStringList out = lines.mid(0, i);
            out << b.block.text;
            out += lines.mid(i + 1);
            return {out.join(QLatin1Char('\n')), i, {}};
        }
    }
    return {{}, 0, QStringLiteral("%1/wrappers/%2 has no line %3").arg(kGuidesDir, name, kSnippetMarker)};
}

QList<Guide> allGuides(QStringList *errors)
{
    const GuideCatalog catalog = GuideCatalog::load(guidesRoot());
    for (const GuideError &e : catalog.loadErrors())
        errors->append(kGuidesDir + QLatin1Char('/') + e.toString());
    QList<Guide> out;
    for (const QString &id : catalog.ids())
        out << *catalog.find(id);
    return out;
}

QList<GuideBlock> allGuideBlocks(QStringList *errors)
{
    QList<GuideBlock> out;
    for (const Guide &g : allGuides(errors)) {
        for (const GuideCodeBlock &block : g.codeBlocks)
            out.append({kGuidesDir + QLatin1Char('/') + g.sourceName, block});
    }
    return out;
}

Checker checkerFor(const QString &language)
{
    static const QHash<QString, Checker> checkers{
        {QStringLiteral("nginx"), checkNginx},       {QStringLiteral("apache"), checkApache},
        {QStringLiteral("haproxy"), checkHaproxy},   {QStringLiteral("squid"), checkSquid},
        {QStringLiteral("lighttpd"), checkLighttpd}, {QStringLiteral("javascript"), checkJavascript},
        {QStringLiteral("python"), checkPython},     {QStringLiteral("php"), checkPhp},
        {QStringLiteral("bash"), checkShell},        {QStringLiteral("sh"), checkShell},
        {QStringLiteral("ruby"), checkRuby},         {QStringLiteral("perl"), checkPerl},
        {QStringLiteral("go"), checkGo},             {QStringLiteral("json"), checkJson},
        {QStringLiteral("yaml"), checkYaml},         {QStringLiteral("xml"), checkXml},
        {QStringLiteral("html"), checkHtml},         {QStringLiteral("ini"), checkIni},
        {QStringLiteral("http"), checkHttp},
    };
    return checkers.value(language, nullptr);
}

QString checkerName(const QString &language)
{
    return language == QLatin1String("sh") ? QStringLiteral("bash") : language;
}

bool isUncheckedLanguage(const QString &language)
{
    static const QStringList unchecked{QStringLiteral("csharp"), QStringLiteral("java"), QStringLiteral("powershell"),
                                       QStringLiteral("kotlin"), QStringLiteral("swift"), QStringLiteral("dockerfile")};
    return unchecked.contains(language);
}

bool isOutputSample(const QString &language)
{
    return language == QLatin1String("text") || language == QLatin1String("console");
}

bool isPending(const QString &file)
{
    static const QSet<QString> pending = [] {
        QSet<QString> out;
        for (const QString &line : readText(sourcePath(QStringLiteral("tests/guides/pending.txt"))).split(QLatin1Char('\n'))) {
            const QString entry = line.trimmed();
            if (!entry.isEmpty() && !entry.startsWith(QLatin1Char('#')))
                out.insert(entry);
        }
        return out;
    }();
    return pending.contains(file);
}

QString describeFailure(const GuideBlock &b, const CheckOutcome &outcome)
{
    QString message = outcome.message;
    message.replace(QLatin1Char('\n'), QStringLiteral("\n        "));
    return QStringLiteral("%1:%2: [%3] %4: %5").arg(b.file).arg(b.block.line).arg(b.block.language, outcome.tool, message);
}

} // namespace statusscope::test
