// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/check_result.h"

#include <QObject>

#include <ostream>

namespace statusscope::diagnose {

QString toString(CheckOutcome outcome)
{
    switch (outcome) {
    case CheckOutcome::Ok: return QStringLiteral("ok");
    case CheckOutcome::Failed: return QStringLiteral("failed");
    case CheckOutcome::DifferentStatus: return QStringLiteral("different-status");
    case CheckOutcome::Answered: return QStringLiteral("answered");
    case CheckOutcome::NotApplicable: return QStringLiteral("not-applicable");
    case CheckOutcome::NotPossible: return QStringLiteral("not-possible");
    case CheckOutcome::Refused: return QStringLiteral("refused");
    case CheckOutcome::DnsFailure: return QStringLiteral("dns-failure");
    case CheckOutcome::ConnectFailure: return QStringLiteral("connect-failure");
    case CheckOutcome::TlsFailure: return QStringLiteral("tls-failure");
    case CheckOutcome::Timeout: return QStringLiteral("timeout");
    case CheckOutcome::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("?");
}

void PrintTo(CheckOutcome outcome, std::ostream *os)
{
    *os << toString(outcome).toStdString();
}

CheckOutcome outcomeForError(http::ErrorKind kind)
{
    switch (kind) {
    case http::ErrorKind::Dns: return CheckOutcome::DnsFailure;
    case http::ErrorKind::Connect: return CheckOutcome::ConnectFailure;
    case http::ErrorKind::Tls: return CheckOutcome::TlsFailure;
    case http::ErrorKind::Timeout: return CheckOutcome::Timeout;
    case http::ErrorKind::Cancelled: return CheckOutcome::Cancelled;
    case http::ErrorKind::Protocol:
    case http::ErrorKind::Io:
    case http::ErrorKind::Proxy:
    case http::ErrorKind::None: break;
    }
    return CheckOutcome::Failed;
}

bool isTransportFailure(CheckOutcome outcome)
{
    return outcome == CheckOutcome::DnsFailure || outcome == CheckOutcome::ConnectFailure
           || outcome == CheckOutcome::TlsFailure || outcome == CheckOutcome::Timeout;
}

QString checkTitle(CheckKind kind)
{
    switch (kind) {
    case CheckKind::ResendWithoutExpect: return QObject::tr("Resent without Expect");
    case CheckKind::ResendWithExpect: return QObject::tr("Resent with Expect: 100-continue");
    case CheckKind::ResendHttp10: return QObject::tr("Resent with HTTP/1.0");
    case CheckKind::ResendSmallerBody: return QObject::tr("Resent with the first 64 KiB of the body");
    case CheckKind::ResendWithoutProxy: return QObject::tr("Resent without the proxy");
    case CheckKind::DnsLookup: return QObject::tr("DNS lookup");
    case CheckKind::ShowCertificateChain: return QObject::tr("Certificate chain");
    case CheckKind::CompareWithPreviousAttempt: return QObject::tr("Header comparison");
    case CheckKind::OpenLogsFiltered: return QObject::tr("Logs");
    case CheckKind::None: break;
    }
    return {};
}

CheckResult cancelledCheck(CheckKind kind)
{
    CheckResult result;
    result.kind = kind;
    result.outcome = CheckOutcome::Cancelled;
    result.observed = QObject::tr("%1: cancelled").arg(checkTitle(kind));
    return result;
}

CheckResult refusedCheck(CheckKind kind, const QString &host)
{
    CheckResult result;
    result.kind = kind;
    result.outcome = CheckOutcome::Refused;
    result.observed =
        QObject::tr("%1: not run — contacting %2 was not allowed, nothing was sent").arg(checkTitle(kind), host);
    return result;
}

} // namespace statusscope::diagnose
