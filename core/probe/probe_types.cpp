// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/probe/probe_types.h"

namespace statusscope::probe {

QString checkName(CheckId id)
{
    switch (id) {
    case CheckId::ContinueSmall: return QStringLiteral("continue_small");
    case CheckId::EarlyFinal: return QStringLiteral("early_final");
    case CheckId::UnknownExpectation: return QStringLiteral("unknown_expectation");
    case CheckId::NoBody: return QStringLiteral("no_body");
    case CheckId::Http10: return QStringLiteral("http10");
    case CheckId::No100Wait: return QStringLiteral("no_100_wait");
    case CheckId::AfterEarlyFinal: return QStringLiteral("after_early_final");
    case CheckId::InterimOrder: return QStringLiteral("interim_order");
    }
    return QStringLiteral("?");
}

QString checkTitle(CheckId id)
{
    switch (id) {
    case CheckId::ContinueSmall: return QStringLiteral("100-continue, small body");
    case CheckId::EarlyFinal: return QStringLiteral("Final status before a large body");
    case CheckId::UnknownExpectation: return QStringLiteral("Unknown expectation");
    case CheckId::NoBody: return QStringLiteral("Expect without a body");
    case CheckId::Http10: return QStringLiteral("HTTP/1.0 with Expect");
    case CheckId::No100Wait: return QStringLiteral("Body sent without waiting");
    case CheckId::AfterEarlyFinal: return QStringLiteral("Connection after an early final");
    case CheckId::InterimOrder: return QStringLiteral("Order of interim responses");
    }
    return QStringLiteral("?");
}

std::optional<CheckId> checkFromName(QStringView name)
{
    for (const CheckId id : kAllChecks) {
        if (checkName(id) == name)
            return id;
    }
    return std::nullopt;
}

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Conforms: return QStringLiteral("conforms");
    case Verdict::Allowed: return QStringLiteral("allowed");
    case Verdict::Violates: return QStringLiteral("violates");
    case Verdict::Inconclusive: return QStringLiteral("inconclusive");
    }
    return QStringLiteral("?");
}

QString verdictLabel(Verdict verdict)
{
    return verdict == Verdict::Allowed ? QStringLiteral("allowed by the RFC") : verdictName(verdict);
}

QString routeName(Route route)
{
    return route == Route::Proxy ? QStringLiteral("proxy") : QStringLiteral("direct");
}

QString validate(const ProbeOptions &o)
{
    const QString scheme = o.url.scheme().toLower();
    if (!o.url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || o.url.host().isEmpty())
        return QStringLiteral("the URL must be http:// or https:// with a host: %1").arg(o.url.toString());
    if (o.method != "PUT" && o.method != "POST")
        return QStringLiteral("the method must be PUT or POST (the checks send content), not %1").arg(QString::fromLatin1(o.method));
    if (!o.proxy.isEmpty() && (o.proxy.scheme().toLower() != QLatin1String("http") || o.proxy.host().isEmpty()))
        return QStringLiteral("the proxy must be http://host:port: %1").arg(o.proxy.toString());
    if (o.smallBodyBytes < 1 || o.largeBodyBytes < 1 || o.smallBodyBytes > kDefaultMaxBodyBytes
        || o.largeBodyBytes > kDefaultMaxBodyBytes)
        return QStringLiteral("body sizes must be between 1 byte and %1 bytes").arg(kDefaultMaxBodyBytes);
    if (o.expectWaitMs < 0 || o.checkTimeoutMs <= 0 || o.followUpTimeoutMs <= 0 || o.watchAfterMs < 0)
        return QStringLiteral("timeouts must be positive");
    return {};
}

QList<PlannedRequest> plannedRequests(const ProbeOptions &o)
{
    QByteArray target = o.url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (o.url.hasQuery())
        target += '?' + o.url.query(QUrl::FullyEncoded).toLatin1();
    const QString m = QString::fromLatin1(o.method);
    const QString t = QString::fromLatin1(target);
    const auto line = [&](const QString &version, const QString &expect, qint64 body) {
        QString s = QStringLiteral("%1 %2 %3").arg(m, t, version);
        if (!expect.isEmpty())
            s += QStringLiteral(", Expect: %1").arg(expect);
        s += body > 0 ? QStringLiteral(", %1-byte generated body").arg(body) : QStringLiteral(", no body");
        return s;
    };
    const QString c = QStringLiteral("100-continue");
    return {
        {CheckId::ContinueSmall, line(QStringLiteral("HTTP/1.1"), c, o.smallBodyBytes)},
        {CheckId::EarlyFinal, line(QStringLiteral("HTTP/1.1"), c, o.largeBodyBytes)},
        {CheckId::UnknownExpectation, line(QStringLiteral("HTTP/1.1"), QString::fromLatin1(kUnknownExpectation), o.smallBodyBytes)},
        {CheckId::NoBody, line(QStringLiteral("HTTP/1.1"), c, 0)},
        {CheckId::Http10, line(QStringLiteral("HTTP/1.0"), c, o.smallBodyBytes)},
        {CheckId::No100Wait, line(QStringLiteral("HTTP/1.1"), c, o.smallBodyBytes) + QStringLiteral(", body sent without waiting")},
        {CheckId::AfterEarlyFinal, line(QStringLiteral("HTTP/1.1"), c, o.largeBodyBytes)
                                       + QStringLiteral(", then HEAD %1 on the same connection if it stays open").arg(t)},
        {CheckId::InterimOrder, line(QStringLiteral("HTTP/1.1"), c, o.smallBodyBytes)},
    };
}

} // namespace statusscope::probe
