// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/tls_info.h"

#include <QSslCertificate>
#include <QSslCipher>
#include <QSslSocket>

namespace statusscope::http {

QString distinguishedName(const QSslCertificate &cert, bool issuer)
{
    if (cert.isNull())
        return {};
    QStringList parts;
    const QList<QByteArray> attrs = issuer ? cert.issuerInfoAttributes() : cert.subjectInfoAttributes();
    for (const QByteArray &attr : attrs) {
        const QStringList values = issuer ? cert.issuerInfo(attr) : cert.subjectInfo(attr);
        for (const QString &v : values)
            parts << QString::fromLatin1(attr) + QLatin1Char('=') + v;
    }
    return parts.join(QStringLiteral(", "));
}

namespace {

QString protocolName(QSsl::SslProtocol p)
{
    switch (p) {
    case QSsl::TlsV1_2: return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3: return QStringLiteral("TLSv1.3");
    case QSsl::DtlsV1_2: return QStringLiteral("DTLSv1.2");
    default: return QStringLiteral("unknown");
    }
}

} // namespace

TlsInfo describeTls(const QSslSocket &socket, bool verificationRequested)
{
    TlsInfo t;
    t.version = protocolName(socket.sessionProtocol());
    t.cipher = socket.sessionCipher().name();
    const QSslCertificate peer = socket.peerCertificate();
    t.peerSubject = distinguishedName(peer, false);
    t.peerIssuer = distinguishedName(peer, true);
    t.peerExpiry = peer.expiryDate();
    t.verified = verificationRequested && socket.sslHandshakeErrors().isEmpty();
    for (const QSslError &e : socket.sslHandshakeErrors())
        t.verificationErrors << e.errorString();
    return t;
}

} // namespace statusscope::http
