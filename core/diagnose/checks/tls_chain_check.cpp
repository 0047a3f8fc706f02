// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/tls_chain_check.h"

#include <QDateTime>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>

namespace statusscope::diagnose {

namespace {

QStringList chainLines(const QList<QSslCertificate> &chain)
{
    QStringList lines;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < chain.size(); ++i) {
        const QSslCertificate &c = chain.at(i);
        const QString validity = c.expiryDate() < now     ? QObject::tr(" — EXPIRED")
                                 : c.effectiveDate() > now ? QObject::tr(" — not yet valid")
                                                           : QString();
        lines << QObject::tr("%1. %2\n   issued by %3\n   valid %4 to %5%6")
                     .arg(i + 1)
                     .arg(c.subjectDisplayName(), c.issuerDisplayName(), c.effectiveDate().toString(Qt::ISODate),
                          c.expiryDate().toString(Qt::ISODate), validity);
    }
    return lines;
}

CertificateProblem problemOf(QSslError::SslError error)
{
    switch (error) {
    case QSslError::CertificateExpired:
    case QSslError::CertificateNotYetValid: return CertificateProblem::Expired;
    case QSslError::HostNameMismatch: return CertificateProblem::NameMismatch;
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain: return CertificateProblem::SelfSigned;
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate: return CertificateProblem::IncompleteChain;
    default: return CertificateProblem::Other;
    }
}

// The most telling problem: the enum lists them in that order.
CertificateProblem mainProblem(const QList<QSslError> &errors)
{
    CertificateProblem main = CertificateProblem::None;
    for (const QSslError &e : errors) {
        const CertificateProblem p = problemOf(e.error());
        if (main == CertificateProblem::None || int(p) < int(main))
            main = p;
    }
    return main;
}

CheckOutcome noChainOutcome(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::HostNotFoundError: return CheckOutcome::DnsFailure;
    case QAbstractSocket::ConnectionRefusedError:
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::RemoteHostClosedError: return CheckOutcome::ConnectFailure;
    case QAbstractSocket::SocketTimeoutError: return CheckOutcome::Timeout;
    default: return CheckOutcome::TlsFailure;
    }
}

// What the handshake left on the socket: the chain and its errors, or why there was none.
CheckResult handshakeResult(const QSslSocket &socket, const QList<QSslError> &sslErrors, bool timedOut, int timeoutMs)
{
    CheckResult result;
    QStringList errors;
    for (const QSslError &e : sslErrors)
        errors << e.errorString();
    const QList<QSslCertificate> chain = socket.peerCertificateChain();
    QStringList lines = chainLines(chain);
    if (!errors.isEmpty())
        lines << QObject::tr("Verification errors:") << errors;
    if (chain.isEmpty()) {
        result.passed = false;
        result.outcome = timedOut ? CheckOutcome::Timeout : noChainOutcome(socket.error());
        const QString why = timedOut ? QObject::tr("no handshake within %1 s").arg(timeoutMs / 1000) : socket.errorString();
        result.observed = QObject::tr("Certificate chain: the handshake failed (%1)").arg(why);
        lines.prepend(why);
    } else {
        result.passed = errors.isEmpty();
        result.outcome = errors.isEmpty() ? CheckOutcome::Ok : CheckOutcome::Failed;
        result.certificate = mainProblem(sslErrors);
        result.observed = errors.isEmpty()
                              ? QObject::tr("Certificate chain: %n certificate(s), verified", nullptr, int(chain.size()))
                              : QObject::tr("Certificate chain: %n certificate(s); %1", nullptr, int(chain.size()))
                                    .arg(errors.join(QStringLiteral("; ")));
    }
    result.details = lines.join(QLatin1Char('\n'));
    return result;
}

void trustCaFile(QSslSocket *socket, const QString &caFile)
{
    if (caFile.isEmpty())
        return;
    QSslConfiguration config = socket->sslConfiguration();
    QList<QSslCertificate> cas = config.caCertificates();
    cas << QSslCertificate::fromPath(caFile);
    config.setCaCertificates(cas);
    socket->setSslConfiguration(config);
}

} // namespace

CheckHandle showCertificateChain(const TlsTarget &target, CheckCallback done, int timeoutMs)
{
    if (target.host.isEmpty())
        return deliverNotPossible(CheckKind::ShowCertificateChain, QObject::tr("Certificate chain: no host to connect to"),
                                  done);
    const std::shared_ptr<CheckTask> task = CheckTask::create(CheckKind::ShowCertificateChain, std::move(done));
    QObject *context = task->context();
    auto *socket = new QSslSocket(context);
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    trustCaFile(socket, target.caFile);
    auto errors = std::make_shared<QList<QSslError>>();
    const std::weak_ptr<CheckTask> weak = task;
    const auto finish = [weak, socket, errors, timeoutMs](bool timedOut) {
        const std::shared_ptr<CheckTask> live = weak.lock();
        if (!live || live->isDone())
            return;
        live->deliver(handshakeResult(*socket, *errors, timedOut, timeoutMs));
        socket->abort(); // after delivering: aborting may emit errorOccurred once more
    };
    QObject::connect(socket, &QSslSocket::sslErrors, context, [socket, errors](const QList<QSslError> &list) {
        *errors << list;
        socket->ignoreSslErrors(); // the chain is what we want to see, errors and all
    });
    QObject::connect(socket, &QSslSocket::encrypted, context, [finish] { finish(false); });
    QObject::connect(socket, &QAbstractSocket::errorOccurred, context, [finish] { finish(false); });
    QObject::connect(timer, &QTimer::timeout, context, [finish] { finish(true); });
    task->onAbort([socket, timer] {
        timer->stop();
        socket->abort();
    });
    timer->start(timeoutMs);
    socket->connectToHostEncrypted(target.host, target.port);
    return CheckHandle(task);
}

} // namespace statusscope::diagnose
