// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_certificates.h"

#include "tests/support/server_process.h"
#include "tests/support/test_support.h"

#include <QDir>

namespace statusscope::test {

namespace {

const QString kOpenssl = QStringLiteral("/usr/bin/openssl");

} // namespace

TestCertificate makeSelfSigned(const QString &dir, const QString &name, const QString &commonName,
                               const QStringList &altNames, bool expired)
{
    const QString subject = QStringLiteral("/CN=%1/O=StatusScope Test").arg(commonName);
    if (expired)
        return makeCertificate(dir, {name, subject, altNames, QStringLiteral("20200101000000Z"), QStringLiteral("20200201000000Z")});
    TestCertificate c;
    const QString base = QDir(dir).filePath(name);
    c.certPath = base + QStringLiteral(".crt");
    c.keyPath = base + QStringLiteral(".key");
    const QString san = QStringLiteral("subjectAltName=") + altNames.join(QLatin1Char(','));
    const ProcessResult r = runProcess(kOpenssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-keyout"), c.keyPath, QStringLiteral("-out"), c.certPath,
                                                  QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"), subject,
                                                  QStringLiteral("-addext"), san});
    if (r.exitCode != 0)
        c.error = QString::fromUtf8(r.err);
    return c;
}

TestCertificate makeCertificate(const QString &dir, const CertificateSpec &spec)
{
    TestCertificate c;
    const QString base = QDir(dir).filePath(spec.name);
    c.certPath = base + QStringLiteral(".crt");
    c.keyPath = base + QStringLiteral(".key");
    // `openssl req -x509` cannot set both dates; `openssl ca` takes explicit ones, and signs
    // with another certificate or (-selfsign) with the request's own key.
    const QString caDir = base + QStringLiteral("-ca");
    QDir().mkpath(caDir);
    writeTextFile(caDir + QStringLiteral("/index.txt"), "");
    writeTextFile(caDir + QStringLiteral("/serial"), "01\n");
    writeTextFile(caDir + QStringLiteral("/ca.cnf"), QStringLiteral("[ ca ]\ndefault_ca = d\n[ d ]\ndatabase = %1/index.txt\n"
                                                                    "new_certs_dir = %1\nserial = %1/serial\ndefault_md = sha256\n"
                                                                    "policy = p\ncopy_extensions = copy\n[ p ]\ncommonName = supplied\n")
                                                         .arg(caDir).toUtf8());
    const QString csr = base + QStringLiteral(".csr");
    QStringList req{QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), c.keyPath, QStringLiteral("-out"), csr,
                    QStringLiteral("-subj"), spec.subject};
    if (!spec.altNames.isEmpty())
        req << QStringLiteral("-addext") << QStringLiteral("subjectAltName=") + spec.altNames.join(QLatin1Char(','));
    if (spec.ca)
        req << QStringLiteral("-addext") << QStringLiteral("basicConstraints=critical,CA:TRUE")
            << QStringLiteral("-addext") << QStringLiteral("keyUsage=critical,keyCertSign,cRLSign");
    ProcessResult r = runProcess(kOpenssl, req);
    if (r.exitCode == 0) {
        QStringList sign{QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), caDir + QStringLiteral("/ca.cnf"),
                         QStringLiteral("-in"), csr, QStringLiteral("-out"), c.certPath, QStringLiteral("-startdate"), spec.notBefore,
                         QStringLiteral("-enddate"), spec.notAfter, QStringLiteral("-notext")};
        if (spec.issuer)
            sign << QStringLiteral("-cert") << spec.issuer->certPath << QStringLiteral("-keyfile") << spec.issuer->keyPath
                 << QStringLiteral("-rand_serial");
        else
            sign << QStringLiteral("-selfsign") << QStringLiteral("-keyfile") << c.keyPath;
        r = runProcess(kOpenssl, sign);
    }
    if (r.exitCode != 0)
        c.error = QString::fromUtf8(r.err);
    return c;
}

TestPki makeTestPki(const QString &dir)
{
    const QString from = QStringLiteral("20260101000000Z");
    const QString until = QStringLiteral("20360101000000Z");
    const QStringList localhost{QStringLiteral("DNS:localhost")};
    TestPki pki;
    pki.rootCa = makeCertificate(dir, {QStringLiteral("root-ca"), QStringLiteral("/CN=Test Root CA"), {}, from, until, true});
    pki.localhost = makeCertificate(dir, {QStringLiteral("localhost"), QStringLiteral("/CN=localhost"), localhost, from, until, false, &pki.rootCa});
    pki.expired = makeCertificate(dir, {QStringLiteral("expired"), QStringLiteral("/CN=localhost"), localhost,
                                        QStringLiteral("20250101000000Z"), QStringLiteral("20250201000000Z"), false, &pki.rootCa});
    pki.otherHost = makeCertificate(dir, {QStringLiteral("other-host"), QStringLiteral("/CN=www.example.com"),
                                          {QStringLiteral("DNS:www.example.com")}, from, until, false, &pki.rootCa});
    pki.selfSigned = makeCertificate(dir, {QStringLiteral("self-signed"), QStringLiteral("/CN=localhost"), localhost, from, until});
    for (const TestCertificate *c : {&pki.rootCa, &pki.localhost, &pki.expired, &pki.otherHost, &pki.selfSigned}) {
        if (pki.error.isEmpty() && !c->error.isEmpty())
            pki.error = c->error;
    }
    return pki;
}

} // namespace statusscope::test
