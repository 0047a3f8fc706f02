// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/send_options.h"

#include "app/cli/exit_codes.h"

#include <QFile>
#include <QFileInfo>

namespace statusscope::cli {

QString sendHelpText()
{
    return QStringLiteral(
        "Usage: statusscope-cli send [options] URL\n"
        "\n"
        "Sends one HTTP/1.1 request and shows every step: DNS, connect, TLS, headers sent, the\n"
        "wait for 100 Continue, each interim 1xx, a 417 and the retry without Expect, upload,\n"
        "first byte, download.\n"
        "\n"
        "  -X, --request METHOD        request method\n"
        "  -H, --header 'Name: value'  add a header (repeatable); 'Name:' removes a default one\n"
        "  -d, --data DATA             body (POST); @FILE streams the file\n"
        "      --data-binary DATA      body as is; @FILE streams the file, never loaded whole\n"
        "  -I, --head                  HEAD request\n"
        "      --expect100 MODE        auto (bodies >= 1 MiB) | always | never\n"
        "      --expect100-timeout S   wait this long for 100 Continue (default 1)\n"
        "      --no-retry-417          do not resend without Expect after 417\n"
        "      --http1.0               send HTTP/1.0\n"
        "  -u, --user USER:PASSWORD    basic authentication\n"
        "  -k, --insecure              do not verify the TLS certificate (still shown)\n"
        "      --cacert FILE           trust the CA certificates in this PEM file\n"
        "  -L, --location              follow redirects\n"
        "      --max-redirs N          at most N redirects (default 50)\n"
        "      --connect-timeout S     limit for DNS + connect + TLS\n"
        "  -m, --max-time S            limit for the whole exchange\n"
        "  -x, --proxy URL             HTTP proxy (http://host:port)\n"
        "  -o, --output FILE           write the response body to FILE\n"
        "      --lenient               tolerate bare LF, obs-fold, … (each recorded as a finding)\n"
        "      --json                  print the exchange as JSON\n"
        "      --har FILE              also write the exchange as HAR 1.2\n"
        "\n"
        "Exit status: 0 any HTTP status, 2 usage, 3 DNS, 4 connect, 5 TLS, 6 timeout,\n"
        "7 protocol error, 8 file error.\n");
}

namespace {

bool parseSeconds(const QString &text, int *ms)
{
    bool ok = false;
    const double s = text.toDouble(&ok);
    if (!ok || s < 0 || s > 86400.0 * 30)
        return false;
    *ms = int(s * 1000.0 + 0.5);
    return true;
}

} // namespace

SendParse parseSendOptions(const QStringList &args)
{
    SendParse p;
    http::RequestSpec &spec = p.options.spec;
    QString url;
    bool methodGiven = false;
    bool head = false;
    bool dataGiven = false;
    const auto usage = [&p](const QString &message) {
        p.error = message;
        p.exitCode = kExitUsage;
        return p;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        QString inlineValue;
        bool hasInline = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            inlineValue = arg.mid(arg.indexOf(QLatin1Char('=')) + 1);
            arg = arg.left(arg.indexOf(QLatin1Char('=')));
            hasInline = true;
        }
        const auto value = [&](QString *out) {
            if (hasInline) {
                *out = inlineValue;
                return true;
            }
            if (i + 1 >= args.size())
                return false;
            *out = args.at(++i);
            return true;
        };
        const auto is = [&arg](const char *a, const char *b = nullptr) {
            return arg == QLatin1String(a) || (b && arg == QLatin1String(b));
        };
        QString v;
        if (is("-h", "--help")) {
            p.options.help = true;
            return p;
        } else if (is("--json")) {
            p.options.json = true;
        } else if (is("--har")) {
            if (!value(&p.options.harFile))
                return usage(QStringLiteral("--har needs a file name"));
        } else if (is("-X", "--request")) {
            if (!value(&v) || v.isEmpty())
                return usage(QStringLiteral("-X needs a method"));
            spec.method = v.toLatin1();
            methodGiven = true;
        } else if (is("-H", "--header")) {
            if (!value(&v))
                return usage(QStringLiteral("-H needs 'Name: value'"));
            const qsizetype colon = v.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return usage(QStringLiteral("header '%1' has no 'Name:'").arg(v));
            const QByteArray name = v.left(colon).trimmed().toLatin1();
            const QByteArray hvalue = v.mid(colon + 1).trimmed().toLatin1();
            if (hvalue.isEmpty())
                spec.removedHeaders.append(name.toLower()); // curl: 'Name:' removes the header
            else
                spec.headers.append({name, hvalue});
        } else if (is("-d", "--data") || is("--data-binary")) {
            if (!value(&v))
                return usage(QStringLiteral("%1 needs data or @FILE").arg(arg));
            dataGiven = true;
            if (v.startsWith(QLatin1Char('@'))) {
                spec.bodyFile = v.mid(1);
                spec.body.clear();
                const QFileInfo fi(spec.bodyFile);
                if (!fi.isFile() || !fi.isReadable()) {
                    p.error = QStringLiteral("cannot read body file '%1'").arg(spec.bodyFile);
                    p.exitCode = kExitFile;
                    return p;
                }
            } else {
                spec.body = v.toUtf8();
                spec.bodyFile.clear();
            }
        } else if (is("-I", "--head")) {
            head = true;
        } else if (is("--expect100")) {
            if (!value(&v))
                return usage(QStringLiteral("--expect100 needs auto, always or never"));
            const auto mode = http::expectModeFromString(v);
            if (!mode)
                return usage(QStringLiteral("--expect100: '%1' is not auto, always or never").arg(v));
            spec.expectMode = *mode;
        } else if (is("--expect100-timeout")) {
            if (!value(&v) || !parseSeconds(v, &spec.expect100TimeoutMs))
                return usage(QStringLiteral("--expect100-timeout needs seconds"));
        } else if (is("--no-retry-417")) {
            spec.retryOn417 = false;
        } else if (is("--http1.0", "-0")) {
            spec.version = http::HttpVersion::Http10;
        } else if (is("--http1.1")) {
            spec.version = http::HttpVersion::Http11;
        } else if (is("-u", "--user")) {
            if (!value(&v))
                return usage(QStringLiteral("-u needs USER:PASSWORD"));
            const qsizetype colon = v.indexOf(QLatin1Char(':'));
            spec.basicUser = colon < 0 ? v : v.left(colon);
            spec.basicPassword = colon < 0 ? QString() : v.mid(colon + 1);
        } else if (is("-k", "--insecure")) {
            spec.verifyTls = false;
        } else if (is("--cacert")) {
            if (!value(&spec.caFile))
                return usage(QStringLiteral("--cacert needs a file"));
            if (!QFileInfo(spec.caFile).isReadable()) {
                p.error = QStringLiteral("cannot read CA file '%1'").arg(spec.caFile);
                p.exitCode = kExitFile;
                return p;
            }
        } else if (is("-L", "--location")) {
            spec.followRedirects = true;
        } else if (is("--max-redirs")) {
            bool ok = false;
            if (!value(&v) || (spec.maxRedirects = v.toInt(&ok), !ok) || spec.maxRedirects < 0)
                return usage(QStringLiteral("--max-redirs needs a number"));
        } else if (is("--connect-timeout")) {
            if (!value(&v) || !parseSeconds(v, &spec.connectTimeoutMs))
                return usage(QStringLiteral("--connect-timeout needs seconds"));
        } else if (is("-m", "--max-time")) {
            if (!value(&v) || !parseSeconds(v, &spec.totalTimeoutMs))
                return usage(QStringLiteral("--max-time needs seconds"));
        } else if (is("-x", "--proxy")) {
            if (!value(&v))
                return usage(QStringLiteral("--proxy needs a URL"));
            spec.proxy = QUrl::fromUserInput(v.contains(QLatin1String("://")) ? v : QStringLiteral("http://") + v);
            if (spec.proxy.scheme() != QLatin1String("http"))
                return usage(QStringLiteral("--proxy: only http:// proxies are supported"));
        } else if (is("-o", "--output")) {
            if (!value(&spec.outputFile))
                return usage(QStringLiteral("-o needs a file"));
        } else if (is("--lenient")) {
            spec.lenientParsing = true;
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return usage(QStringLiteral("unknown option '%1' (see send --help)").arg(arg));
        } else {
            if (!url.isEmpty())
                return usage(QStringLiteral("more than one URL ('%1' and '%2')").arg(url, arg));
            url = arg;
        }
    }
    if (url.isEmpty())
        return usage(QStringLiteral("send needs a URL (see send --help)"));
    if (!url.contains(QLatin1String("://")))
        url.prepend(QStringLiteral("http://")); // curl's default scheme
    spec.url = QUrl(url, QUrl::StrictMode);
    const QString scheme = spec.url.scheme();
    if (!spec.url.isValid() || spec.url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return usage(QStringLiteral("'%1' is not an http:// or https:// URL").arg(url));
    if (head && !methodGiven)
        spec.method = "HEAD";
    else if (dataGiven && !methodGiven)
        spec.method = "POST";
    // curl's default for -d and --data-binary, unless the user set or removed it.
    if (dataGiven && !http::hasHeader(spec.headers, "content-type") && !spec.removedHeaders.contains("content-type"))
        spec.headers.append(http::Header("Content-Type", "application/x-www-form-urlencoded"));
    return p;
}

} // namespace statusscope::cli
