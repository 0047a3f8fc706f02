#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the composer shows, as plain data: the widget reads and writes it, curl commands map to
// and from it, and it builds the RequestSpec the engine sends. Keeping it a value type lets the
// round trip composer → curl → composer be checked without widgets.
//
// Known limits: "retry after 417" and the Expect wait timeout have curl spellings only partly
// (curl always retries; --expect100-timeout), so a curl export keeps the timeout, not the flag.

#include "core/curl/curl_command.h"
#include "core/http/http_types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <iosfwd>
#include <optional>

namespace statusscope::ui {

struct KeyValueRow
{
    QString name;
    QString value; // a multipart file row: the file's path
    bool enabled = true;
    bool file = false;   // multipart rows only: the value names a file to stream
    QString contentType = {}; // multipart rows only: empty is none for text, guessed for files
    bool operator==(const KeyValueRow &) const = default;
};

enum class BodyMode {
    None,
    Raw,  // text typed in the composer, with a Content-Type from the picker
    File, // streamed from disk by the engine
    Form, // application/x-www-form-urlencoded from a table
    Multipart, // multipart/form-data: text fields and files, streamed (curl -F)
};
QString toString(BodyMode mode);
void PrintTo(BodyMode mode, std::ostream *os);

struct ComposerState
{
    QString method = QStringLiteral("GET");
    QString url;
    QList<KeyValueRow> headers;
    QStringList removedHeaders; // curl's -H 'Name:' (Expect is the Expect option instead)

    BodyMode bodyMode = BodyMode::None;
    QString rawText;
    QString rawContentType; // empty: no Content-Type header is added
    QString bodyFile; // sent as is, with no Content-Type of its own: curl -T
    QList<KeyValueRow> form;
    QList<KeyValueRow> multipart;

    http::ExpectMode expectMode = http::ExpectMode::Auto;
    std::optional<double> expect100TimeoutS; // empty: the engine's default (1 s)
    bool retryOn417 = true;
    bool http10 = false;
    bool followRedirects = false;
    std::optional<int> maxRedirects;
    bool verifyTls = true;
    QString caFile;
    std::optional<double> connectTimeoutS;
    std::optional<double> maxTimeS;
    QString proxy;
    // Credentials follow the policy of every other header: kept as typed in this state and
    // in history (the request's headers and its curl command) until History › Remove Secrets
    // from History redacts them; never written to QSettings.
    QString user; // USER:PASSWORD as curl's -u
    QString bearerToken; // Authorization: Bearer TOKEN (curl -H, or --oauth2-bearer on import)
    bool compressed = false;
    QString outputFile;

    bool operator==(const ComposerState &) const = default;
};
void PrintTo(const ComposerState &state, std::ostream *os);

// The content types the raw-body picker offers.
QStringList rawContentTypes();

// The enabled multipart rows as the parts the engine streams.
QList<http::FormPart> formParts(const QList<KeyValueRow> &rows);

// A pasted command → composer state (the import's warnings are the caller's to show).
ComposerState stateFromCurl(const CurlCommand &command);
CurlCommand curlFromState(const ComposerState &state);

// The URL the engine gets: "example.com/x" is taken as http://example.com/x, like curl does.
QUrl effectiveUrl(const QString &text);
// Empty when the URL can be sent; otherwise what is wrong with it, for the user.
QString validateUrl(const QString &text);

struct SpecResult
{
    http::RequestSpec spec;
    QString error; // empty on success
};
SpecResult requestSpecFromState(const ComposerState &state);

} // namespace statusscope::ui
