// SPDX-License-Identifier: GPL-3.0-or-later
// `statusscope-cli send`: one exchange through the wire-level engine, printed as a timeline,
// as the JSON of DESIGN.md, and optionally saved as HAR 1.2.
#include "app/cli/cli_io.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "app/cli/send_options.h"
#include "app/cli/send_timeline.h"
#include "core/http/exchange_har.h"
#include "core/http/exchange_json.h"
#include "core/http/http_engine.h"

#include <QFile>
#include <QJsonDocument>

namespace statusscope::cli {

int runSend(const QStringList &args)
{
    const SendParse parsed = parseSendOptions(args);
    if (parsed.options.help) {
        writeOut(sendHelpText());
        return kExitOk;
    }
    if (!parsed.error.isEmpty())
        return usageError(parsed.error, parsed.exitCode);

    const http::Exchange exchange = http::runExchange(parsed.options.spec);
    if (parsed.options.json)
        writeOut(QJsonDocument(http::exchangeToJson(exchange)).toJson(QJsonDocument::Indented));
    else
        writeOut(formatTimeline(exchange));
    // The body is not printed: it goes to -o FILE, or stays in the exchange (a temp file when large).
    for (const http::Attempt &a : exchange.attempts) {
        if (a.response && !a.response->bodyFile.isEmpty() && a.response->bodyFile != parsed.options.spec.outputFile)
            QFile::remove(a.response->bodyFile);
    }
    if (!parsed.options.harFile.isEmpty()) {
        QFile har(parsed.options.harFile);
        if (!har.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || har.write(QJsonDocument(http::exchangeToHar(exchange)).toJson(QJsonDocument::Indented)) < 0) {
            writeErr(QStringLiteral("statusscope-cli: cannot write HAR file '%1': %2\n").arg(parsed.options.harFile, har.errorString()));
            return kExitFile;
        }
    }
    // A redirect that left TLS is never silent, even with --json on stdout.
    for (const http::Attempt &a : exchange.attempts) {
        if (a.httpsDowngrade)
            writeErr(QStringLiteral("statusscope-cli: warning: %1\n").arg(http::describe(*a.httpsDowngrade)));
    }
    const http::Error error = exchange.error();
    if (error.isError())
        writeErr(QStringLiteral("statusscope-cli: %1 error: %2\n").arg(toString(error.kind), error.message));
    return exitCodeFor(error.kind);
}

} // namespace statusscope::cli
