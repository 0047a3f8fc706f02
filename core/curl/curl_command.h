// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/curl/shell_words.h"
#include "core/http/http_types.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace statusscope {

// A curl command line as data: what a user pasted ("Copy as cURL" from a browser, a line from
// a README), the options of `statusscope-cli send`, or what "Copy as cURL" produces. The
// options that fill it are rows of one table (curl_options.h); curl_request.h maps it onto
// the RequestSpec the engine sends.
struct CurlCommand
{
    enum class BodyKind {
        None,
        Data,       // -d/--data/--data-ascii: '@file' reads a file with CR/LF stripped
        DataRaw,    // --data-raw: no @file meaning
        DataBinary, // --data-binary: '@file' is streamed as is
        UrlEncode,  // --data-urlencode
        Upload,     // -T/--upload-file: the file (value is its name, no '@') streamed as is
        Form,       // -F/--form: a multipart part, NAME=TEXT or NAME=@FILE (curl_form.h)
        FormString, // --form-string: a multipart text part, NAME=TEXT taken literally
    };
    struct BodyPart
    {
        BodyKind kind = BodyKind::Data;
        QString value; // as given; for @file forms, value starts with '@'
        bool operator==(const BodyPart &) const = default;
    };

    QString url;
    QString method; // -X; empty: implied by the other options (GET, POST with data, HEAD with -I)
    QList<QPair<QString, QString>> headers; // -H 'Name: value', in order, duplicates kept
    QStringList removedHeaders;             // -H 'Name:' removes a header curl adds itself
    QList<BodyPart> body;                   // several -d are joined with '&', like curl does; -F parts
                                            // make a multipart body and mix with no other kind
    QString user;                           // -u USER:PASSWORD
    bool insecure = false;                  // -k
    QString caCert;                         // --cacert
    QString proxy;                          // -x
    bool http10 = false;                    // -0/--http1.0
    bool followRedirects = false;           // -L
    std::optional<int> maxRedirects;        // --max-redirs
    std::optional<double> connectTimeout;   // --connect-timeout (seconds)
    std::optional<double> maxTime;          // -m/--max-time (seconds)
    std::optional<double> expect100Timeout; // --expect100-timeout (seconds)
    bool head = false;                      // -I
    bool getWithData = false;               // -G: data goes into the query string
    bool compressed = false;                // --compressed
    QString outputFile;                     // -o

    // StatusScope's own send options, which curl does not have: only `statusscope-cli send`
    // reads them and no export writes them.
    std::optional<http::ExpectMode> expectMode; // --expect100 auto|always|never
    bool noRetry417 = false;                    // --no-retry-417
    bool lenient = false;                       // --lenient

    bool operator==(const CurlCommand &) const = default;

    // The method curl would use: -X wins, then -I (HEAD), then -T (PUT), then data (POST
    // unless -G), else GET.
    QString effectiveMethod() const;
};

struct CurlImport
{
    CurlCommand command;
    QString error;         // empty on success: what could not be understood, and where
    QStringList warnings;  // options understood but without effect here (e.g. --http2, -v)
    ShellDialect dialect = ShellDialect::Posix;
};

// True when the text is a curl command (starts with "curl" or "curl.exe"), so a URL field can
// tell a pasted command from a URL.
bool looksLikeCurlCommand(const QString &text);

// Parses a pasted curl command; the dialect is detected from the text.
CurlImport importCurlCommand(const QString &commandLine);

// A command curl accepts and importCurlCommand reads back to the same CurlCommand.
// Long requests are broken over lines with the dialect's continuation.
QString exportCurlCommand(const CurlCommand &command, ShellDialect dialect = ShellDialect::Posix);

} // namespace statusscope
