// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/transport_guides.h"

namespace statusscope::diagnose {

namespace {

bool has(const QString &text, const char *word)
{
    return text.contains(QLatin1String(word), Qt::CaseInsensitive);
}

// Certificate problems by the wording of OpenSSL and Qt (QSslError::errorString) messages.
QString certificateGuide(const QString &m)
{
    if (has(m, "expired") || has(m, "not yet valid"))
        return QStringLiteral("cert-expired");
    if (has(m, "self-signed") || has(m, "self signed"))
        return QStringLiteral("cert-self-signed");
    if (has(m, "host name") || has(m, "hostname") || has(m, "did not match"))
        return QStringLiteral("cert-hostname-mismatch");
    if (has(m, "issuer") || has(m, "not trusted") || has(m, "could be verified")
        || has(m, "untrusted") || has(m, "unable to get local"))
        return QStringLiteral("cert-unknown-issuer");
    return {};
}

} // namespace

QString transportGuideId(const http::Error &error, bool viaProxy)
{
    using http::ErrorKind;
    const QString &m = error.message;
    switch (error.kind) {
    case ErrorKind::None:
    case ErrorKind::Cancelled:
    case ErrorKind::Io:
        return {};
    case ErrorKind::Dns:
        return viaProxy && has(m, "proxy") ? QStringLiteral("proxy-error") : QStringLiteral("dns-failure");
    case ErrorKind::Connect:
        if (viaProxy || has(m, "proxy"))
            return QStringLiteral("proxy-error");
        if (has(m, "refused"))
            return QStringLiteral("connection-refused");
        if (has(m, "timed out") || has(m, "timeout"))
            return QStringLiteral("connect-timeout");
        return QStringLiteral("connection-reset"); // closed/reset by the peer or a middlebox
    case ErrorKind::Tls: {
        const QString cert = certificateGuide(m);
        return cert.isEmpty() ? QStringLiteral("tls-handshake-failure") : cert;
    }
    case ErrorKind::Timeout:
        // The engine's connect timeout covers DNS + TCP + TLS; anything later is a read timeout.
        return has(m, "not established") || has(m, "connect") ? QStringLiteral("connect-timeout")
                                                              : QStringLiteral("read-timeout");
    case ErrorKind::Proxy:
        return QStringLiteral("proxy-error");
    case ErrorKind::Protocol:
        if (has(m, "proxy"))
            return QStringLiteral("proxy-error");
        if (has(m, "closed") || has(m, "reset"))
            return QStringLiteral("connection-reset");
        return {};
    }
    return {};
}

QString transportGuideForNetError(const QString &netError)
{
    const QString e = netError.trimmed().toUpper();
    const auto is = [&e](const char *name) { return e.contains(QLatin1String(name)); };
    if (is("NAME_NOT_RESOLVED") || is("NAME_RESOLUTION_FAILED") || is("UNKNOWN_HOST"))
        return QStringLiteral("dns-failure");
    if (is("PROXY") || is("TUNNEL_CONNECTION_FAILED"))
        return QStringLiteral("proxy-error");
    if (is("CONNECTION_REFUSED"))
        return QStringLiteral("connection-refused");
    if (is("CONNECTION_RESET") || is("CONNECTION_CLOSED") || is("NET_RESET") || is("EMPTY_RESPONSE")
        || is("NET_INTERRUPT"))
        return QStringLiteral("connection-reset");
    if (is("CONNECTION_TIMED_OUT"))
        return QStringLiteral("connect-timeout");
    if (is("TIMED_OUT") || is("NET_TIMEOUT"))
        return QStringLiteral("read-timeout");
    if (is("CERT_DATE_INVALID") || is("EXPIRED"))
        return QStringLiteral("cert-expired");
    if (is("CERT_COMMON_NAME_INVALID") || is("BAD_CERT_DOMAIN"))
        return QStringLiteral("cert-hostname-mismatch");
    if (is("SELF_SIGNED"))
        return QStringLiteral("cert-self-signed");
    if (is("CERT_AUTHORITY_INVALID") || is("UNKNOWN_ISSUER"))
        return QStringLiteral("cert-unknown-issuer");
    // Chrome before 2017 reported every certificate error as ERR_INSECURE_RESPONSE.
    if (is("SSL") || is("TLS") || is("CERT_") || is("INSECURE_RESPONSE"))
        return QStringLiteral("tls-handshake-failure");
    return {};
}

} // namespace statusscope::diagnose
