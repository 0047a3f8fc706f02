// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Certificates made at test time with /usr/bin/openssl (nothing secret is checked in).

#include <QString>
#include <QStringList>

namespace statusscope::test {

struct TestCertificate
{
    QString certPath;
    QString keyPath;
    QString error; // empty on success
};

// A self-signed certificate for `commonName` with the given subjectAltName entries
// ("DNS:localhost", "IP:127.0.0.1"). expired: valid only in January 2020.
TestCertificate makeSelfSigned(const QString &dir, const QString &name, const QString &commonName,
                               const QStringList &altNames, bool expired = false);

} // namespace statusscope::test
