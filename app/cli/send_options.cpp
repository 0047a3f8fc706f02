// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/send_options.h"

#include "app/cli/exit_codes.h"
#include "core/curl/curl_options.h"
#include "core/curl/curl_request.h"

namespace statusscope::cli {

namespace {

// The options of `send` that are not about the request: where the exchange goes.
QList<CurlOption> ownOptions(SendOptions *options)
{
    const auto flag = [](QStringList names, const QString &help, bool *target) {
        return CurlOption{std::move(names), unsigned(CurlFront::Send), {}, {}, help,
                          [target](CurlParse &, const QString &) { *target = true; },
                          {},
                          {}};
    };
    QList<CurlOption> own;
    own << flag({QStringLiteral("--json")}, QStringLiteral("print the exchange as JSON"), &options->json);
    own << CurlOption{{QStringLiteral("--har")}, unsigned(CurlFront::Send), QStringLiteral("FILE"), QStringLiteral("a file name"),
                      QStringLiteral("also write the exchange as HAR 1.2"),
                      [options](CurlParse &, const QString &v) { options->harFile = v; }, {}, {}};
    own << CurlOption{{QStringLiteral("-h"), QStringLiteral("--help")}, unsigned(CurlFront::Send), {}, {}, {},
                      [options](CurlParse &p, const QString &) {
                          options->help = true;
                          p.stop = true; // --help wins over whatever else is on the line
                      },
                      {},
                      {}};
    return own;
}

} // namespace

QString sendHelpText()
{
    SendOptions unused;
    return QStringLiteral(
               "Usage: statusscope-cli send [options] URL\n"
               "\n"
               "Sends one HTTP/1.1 request and shows every step: DNS, connect, TLS, headers sent, the\n"
               "wait for 100 Continue, each interim 1xx, a 417 and the retry without Expect, upload,\n"
               "first byte, download.\n"
               "\n")
           + curlOptionsHelp(CurlFront::Send, ownOptions(&unused))
           + QStringLiteral(
               "\n"
               "Exit status: 0 any HTTP status, 2 usage, 3 DNS, 4 connect, 5 TLS, 6 timeout,\n"
               "7 protocol error, 8 file error, 9 proxy error (the proxy refused the tunnel).\n");
}

SendParse parseSendOptions(const QStringList &args)
{
    SendParse p;
    const CurlParse parse = parseCurlOptions(args, CurlFront::Send, ownOptions(&p.options));
    if (p.options.help)
        return p;
    if (!parse.error.isEmpty()) {
        p.error = parse.unknownOption.isEmpty()
                      ? parse.error
                      : QStringLiteral("unknown option '%1' (see send --help)").arg(parse.unknownOption);
        p.exitCode = kExitUsage;
        return p;
    }
    if (parse.command.url.isEmpty()) {
        p.error = QStringLiteral("send needs a URL (see send --help)");
        p.exitCode = kExitUsage;
        return p;
    }
    const CurlRequest request = requestSpecFromCurl(parse.command);
    p.options.spec = request.spec;
    if (request.problem != CurlRequest::Problem::None) {
        p.error = request.error;
        p.exitCode = request.problem == CurlRequest::Problem::File ? kExitFile : kExitUsage;
    }
    return p;
}

} // namespace statusscope::cli
