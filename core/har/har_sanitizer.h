// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Cleans a HAR before it is shared: credentials, cookies, tokens and JWT signatures are
// replaced by "REDACTED", everything else is left byte for byte, and each replacement is
// listed so the export dialog can preview it.
//
// What is redacted:
// - Authorization / Proxy-Authorization: the credentials (the scheme stays: "Bearer REDACTED").
// - Cookie: every cookie value; Set-Cookie: the cookie value (attributes stay); the cookie lists.
// - Headers, query parameters (in queryString and in the URL, Referer, Location, redirectURL),
//   form fields and JSON members whose name contains a sensitive word (sensitiveWords()).
// - JWT signatures anywhere in a header value, URL or body (header and payload stay readable).
// Known limits: a secret under an innocent name in a free-text body is not found; base64
// bodies are left as they are (nothing to match without decoding).

#include "core/har/har_types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <iosfwd>

namespace statusscope {

inline constexpr char16_t kRedacted[] = u"REDACTED";

enum class RedactionKind { Credentials, Cookie, SensitiveName, JwtSignature };
QString toString(RedactionKind kind);
void PrintTo(RedactionKind kind, std::ostream *os);

struct HarRedaction
{
    int entry = -1;    // position in HarLog::entries
    QString location;  // "request.headers[Authorization]", "request.postData.text: $.password"
    RedactionKind kind = RedactionKind::SensitiveName;
    QString preview;   // the start of the removed value, for the preview ("eyJh… (212 chars)")
};

// Name fragments that mark a value as secret (matched case-insensitively inside a name).
QStringList defaultSensitiveWords();

struct HarSanitizeOptions
{
    QStringList sensitiveWords = defaultSensitiveWords();
    bool redactCookies = true;
    bool redactJwtSignatures = true;
};

struct HarSanitizeResult
{
    HarLog log;
    QList<HarRedaction> redactions;
};

HarSanitizeResult sanitizeHar(const HarLog &log, const HarSanitizeOptions &options = {});

// The sanitizer's rule for a header, parameter or field name, for other redactors (history):
// true when it contains one of the default sensitive words or is one of the short secret
// names (key, auth, sig, jwt, pwd, sid).
bool isSensitiveName(const QString &name);

} // namespace statusscope
