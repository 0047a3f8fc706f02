// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/dns_check.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHostInfo>
#include <QObject>

namespace statusscope::diagnose {

namespace {

CheckResult lookupResult(const QString &name, const QHostInfo &info, qint64 ms)
{
    CheckResult result;
    QStringList addresses;
    for (const QHostAddress &a : info.addresses())
        addresses << a.toString();
    const bool resolved = info.error() == QHostInfo::NoError && !addresses.isEmpty();
    result.passed = resolved;
    result.outcome = resolved ? CheckOutcome::Ok : CheckOutcome::DnsFailure;
    if (resolved) {
        result.observed = QObject::tr("DNS lookup: %1 resolves to %2 (%3 ms)")
                              .arg(name, addresses.join(QStringLiteral(", ")))
                              .arg(ms);
        result.details = QObject::tr("Addresses of %1:\n%2\nLookup took %3 ms.")
                             .arg(name, addresses.join(QLatin1Char('\n')))
                             .arg(ms);
    } else {
        result.transportError = http::ErrorKind::Dns;
        result.observed = QObject::tr("DNS lookup: %1 does not resolve (%2, %3 ms)").arg(name, info.errorString()).arg(ms);
        result.details = info.errorString();
    }
    return result;
}

} // namespace

CheckHandle lookUpHost(const QString &host, CheckCallback done)
{
    if (host.isEmpty())
        return deliverNotPossible(CheckKind::DnsLookup, QObject::tr("DNS lookup: no host name to look up"), done);
    const std::shared_ptr<CheckTask> task = CheckTask::create(CheckKind::DnsLookup, std::move(done));
    QElapsedTimer clock;
    clock.start();
    const std::weak_ptr<CheckTask> weak = task;
    // Cancel is not passed on with QHostInfo::abortHostLookup: Qt 6.4 then never frees the
    // functor it holds (LeakSanitizer sees it). A cancelled task has already delivered; its
    // context object goes with it, and Qt drops the late answer with the functor.
    QHostInfo::lookupHost(host, task->context(), [weak, host, clock](const QHostInfo &info) {
        if (const std::shared_ptr<CheckTask> live = weak.lock())
            live->deliver(lookupResult(host, info, clock.elapsed()));
    });
    return CheckHandle(task);
}

} // namespace statusscope::diagnose
