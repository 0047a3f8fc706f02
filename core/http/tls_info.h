#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// What the TLS layer of a connection looked like, for the timeline and error messages.

#include "core/http/http_types.h"

class QSslCertificate;
class QSslSocket;

namespace statusscope::http {

// "CN=example.com, O=Example" for the subject (or issuer) of a certificate.
QString distinguishedName(const QSslCertificate &cert, bool issuer);
// Version, cipher, peer subject/issuer/expiry; verified only if verification was asked for
// and the handshake had no errors (errors ignored in insecure mode are listed).
TlsInfo describeTls(const QSslSocket &socket, bool verificationRequested);

} // namespace statusscope::http
