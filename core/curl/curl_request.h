// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A CurlCommand as the RequestSpec the engine sends, with curl's meaning of each option: the
// method curl would use, its Content-Type for -d, -u as basic authentication, seconds as
// milliseconds. `statusscope-cli send` sends exactly this; the composer builds its spec with
// the same pieces.

#include "core/curl/curl_command.h"
#include "core/http/http_types.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace statusscope {

struct CurlRequest
{
    enum class Problem {
        None,
        Usage, // the options do not make a request (a bad URL, a number out of range)
        File,  // a file the request needs cannot be read (@FILE, --cacert)
    };
    http::RequestSpec spec;
    Problem problem = Problem::None;
    QString error; // what is wrong, for the user
};

CurlRequest requestSpecFromCurl(const CurlCommand &command);

// The body curl sends for these parts: --data-urlencode parts encoded, all joined with '&'.
QString curlBodyText(const QList<CurlCommand::BodyPart> &parts);
// One --data-urlencode value: "name=content" encodes the content, "=content" and "content"
// encode all of it (curl's docs for --data-urlencode).
QString curlUrlEncoded(const QString &value);
// Seconds as whole milliseconds; empty when over `maxSeconds` (or negative).
std::optional<int> curlMilliseconds(double seconds, double maxSeconds);
// -u USER:PASSWORD as the spec's basic authentication (no ':' means no password).
void setCurlUser(http::RequestSpec &spec, const QString &user);
// -x host:port or http://host:port as a URL (curl's default scheme for a proxy is http).
QUrl curlProxyUrl(const QString &proxy);

} // namespace statusscope
