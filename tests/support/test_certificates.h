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

// One certificate with explicit dates, for tests whose output shows them (an expiry date in
// an error message). Written to dir/name.crt and dir/name.key.
struct CertificateSpec
{
    QString name;
    QString subject;              // "/CN=localhost"
    QStringList altNames;         // subjectAltName entries; empty for none
    QString notBefore, notAfter;  // "20260101000000Z"
    bool ca = false;              // basicConstraints CA:TRUE, may sign certificates
    const TestCertificate *issuer = nullptr; // nullptr: self-signed
};
TestCertificate makeCertificate(const QString &dir, const CertificateSpec &spec);

// The fixed set the guides' TLS examples show (resources/guides/transport/cert-*.md): names
// and dates never change, so the messages that quote them do not either (the keys are new
// for every run).
struct TestPki
{
    TestCertificate rootCa;     // CN=Test Root CA, 2026-01-01 .. 2036-01-01
    TestCertificate localhost;  // CN=localhost, DNS:localhost, from the CA, 2026-01-01 .. 2036-01-01
    TestCertificate expired;    // CN=localhost, DNS:localhost, from the CA, 2025-01-01 .. 2025-02-01
    TestCertificate otherHost;  // CN=www.example.com, DNS:www.example.com, from the CA, 2026 .. 2036
    TestCertificate selfSigned; // CN=localhost, DNS:localhost, self-signed, 2026-01-01 .. 2036-01-01
    QString error;              // the first failure, empty on success
};
TestPki makeTestPki(const QString &dir);

} // namespace statusscope::test
