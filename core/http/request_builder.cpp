// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/request_builder.h"

#include "core/app_info.h"

namespace statusscope::http {

namespace {

bool isDefaultPort(const QUrl &url)
{
    const int port = url.port(-1);
    if (port < 0)
        return true;
    return (url.scheme() == QLatin1String("http") && port == 80)
           || (url.scheme() == QLatin1String("https") && port == 443);
}

// A Content-Type the user set on a form: a multipart one without a boundary gets the form's
// (as curl does), since the server cannot find the parts without it.
QByteArray withFormBoundary(const QByteArray &type, const QByteArray &boundary)
{
    const QByteArray lower = type.toLower();
    if (!lower.trimmed().startsWith("multipart/") || lower.contains("boundary="))
        return type;
    return type + "; boundary=" + boundary;
}

} // namespace

QByteArray hostHeaderValue(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // IPv6 literal (RFC 3986 §3.2.2)
    if (!isDefaultPort(url))
        host += ':' + QByteArray::number(url.port());
    return host;
}

bool wantsExpect(const RequestSpec &spec, qint64 bodyBytes)
{
    // RFC 9110 §10.1.1: never without content; and an HTTP/1.0 server would not know it.
    if (bodyBytes == 0 || spec.version == HttpVersion::Http10)
        return false;
    switch (spec.expectMode) {
    case ExpectMode::Never: return false;
    case ExpectMode::Always: return true;
    case ExpectMode::Auto: return bodyBytes < 0 || bodyBytes >= kExpectAutoThresholdBytes;
    }
    return false;
}

SentRequest buildRequest(const RequestSpec &spec, const QUrl &url, const BuildOptions &options)
{
    SentRequest r;
    r.method = spec.method;
    r.version = spec.version;
    r.bodyBytes = options.bodyBytes;
    if (options.absoluteForm) {
        r.target = url.toEncoded(QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    } else {
        r.target = url.path(QUrl::FullyEncoded).toLatin1();
        if (r.target.isEmpty())
            r.target = "/";
        if (url.hasQuery())
            r.target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    }

    HeaderList defaults;
    defaults.append({"Host", hostHeaderValue(url)});
    defaults.append({"User-Agent", QByteArray("statusscope/") + kAppVersion});
    defaults.append(Header("Accept", "*/*"));
    if (!spec.basicUser.isEmpty()) {
        const QByteArray credentials = (spec.basicUser + QLatin1Char(':') + spec.basicPassword).toUtf8();
        defaults.append({"Authorization", "Basic " + credentials.toBase64()});
    }
    if (options.bodyBytes > 0 || (options.bodyBytes == 0 && spec.hasBody()))
        defaults.append({"Content-Length", QByteArray::number(options.bodyBytes)});
    if (!spec.form.isEmpty())
        defaults.append({"Content-Type", formContentType(spec.formBoundary)});
    if (!options.withoutExpect && wantsExpect(spec, options.bodyBytes))
        defaults.append(Header("Expect", "100-continue"));

    for (const Header &h : defaults) {
        const QByteArray lower = h.first.toLower();
        if (spec.removedHeaders.contains(lower) || hasHeader(spec.headers, h.first))
            continue;
        r.headers.append(h);
    }
    for (const Header &h : spec.headers) {
        if (options.withoutExpect && h.first.compare("expect", Qt::CaseInsensitive) == 0)
            continue;
        r.headers.append(h);
        if (!spec.form.isEmpty() && h.first.compare("content-type", Qt::CaseInsensitive) == 0)
            r.headers.last().second = withFormBoundary(h.second, spec.formBoundary);
    }
    const std::optional<QByteArray> expect = headerValue(r.headers, "expect");
    r.expectSent = expect && expect->trimmed().compare("100-continue", Qt::CaseInsensitive) == 0
                   && options.bodyBytes != 0;
    return r;
}

QByteArray serializeHead(const SentRequest &request)
{
    QByteArray out;
    out.reserve(256);
    out += request.method + ' ' + request.target + ' '
           + (request.version == HttpVersion::Http10 ? "HTTP/1.0" : "HTTP/1.1") + "\r\n";
    for (const Header &h : request.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    return out;
}

} // namespace statusscope::http
