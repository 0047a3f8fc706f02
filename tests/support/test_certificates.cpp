// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_certificates.h"

#include "tests/support/server_process.h"
#include "tests/support/test_support.h"

#include <QDir>

namespace statusscope::test {

TestCertificate makeSelfSigned(const QString &dir, const QString &name, const QString &commonName,
                               const QStringList &altNames, bool expired)
{
    TestCertificate c;
    const QString base = QDir(dir).filePath(name);
    c.certPath = base + QStringLiteral(".crt");
    c.keyPath = base + QStringLiteral(".key");
    const QString openssl = QStringLiteral("/usr/bin/openssl");
    const QString subject = QStringLiteral("/CN=%1/O=StatusScope Test").arg(commonName);
    const QString san = QStringLiteral("subjectAltName=") + altNames.join(QLatin1Char(','));
    if (!expired) {
        const ProcessResult r = runProcess(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                     QStringLiteral("-nodes"), QStringLiteral("-keyout"), c.keyPath, QStringLiteral("-out"), c.certPath,
                                                     QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"), subject,
                                                     QStringLiteral("-addext"), san});
        if (r.exitCode != 0)
            c.error = QString::fromUtf8(r.err);
        return c;
    }
    // `openssl req -x509` cannot back-date; `openssl ca -selfsign` takes explicit dates.
    const QString caDir = base + QStringLiteral("-ca");
    QDir().mkpath(caDir);
    writeTextFile(caDir + QStringLiteral("/index.txt"), "");
    writeTextFile(caDir + QStringLiteral("/serial"), "01\n");
    writeTextFile(caDir + QStringLiteral("/ca.cnf"), QStringLiteral("[ ca ]\ndefault_ca = d\n[ d ]\ndatabase = %1/index.txt\n"
                                                                    "new_certs_dir = %1\nserial = %1/serial\ndefault_md = sha256\n"
                                                                    "policy = p\ncopy_extensions = copy\n[ p ]\ncommonName = supplied\n")
                                                         .arg(caDir).toUtf8());
    const QString csr = base + QStringLiteral(".csr");
    ProcessResult r = runProcess(openssl, {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                           QStringLiteral("-nodes"), QStringLiteral("-keyout"), c.keyPath, QStringLiteral("-out"), csr,
                                           QStringLiteral("-subj"), subject, QStringLiteral("-addext"), san});
    if (r.exitCode == 0)
        r = runProcess(openssl, {QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), caDir + QStringLiteral("/ca.cnf"),
                                 QStringLiteral("-selfsign"), QStringLiteral("-keyfile"), c.keyPath, QStringLiteral("-in"), csr,
                                 QStringLiteral("-out"), c.certPath, QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                                 QStringLiteral("-enddate"), QStringLiteral("20200201000000Z"), QStringLiteral("-notext")});
    if (r.exitCode != 0)
        c.error = QString::fromUtf8(r.err);
    return c;
}

} // namespace statusscope::test
