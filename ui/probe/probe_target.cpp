// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probe/probe_target.h"

#include "core/har/har_types.h"
#include "core/http/http_types.h"
#include "ui/composer/composer_state.h"

#include <QCoreApplication>

namespace statusscope::ui {

namespace {

QString trText(const char *text)
{
    return QCoreApplication::translate("statusscope::ui::ProbeTarget", text);
}

// The checks carry content, so the probe sends PUT or POST; any other method becomes PUT and
// the view says so (the user's path is kept).
void setMethod(ProbeTarget *target, const QString &method)
{
    const QByteArray upper = method.trimmed().toUpper().toLatin1();
    if (upper == "PUT" || upper == "POST") {
        target->options.method = upper;
        return;
    }
    target->options.method = "PUT";
    if (!upper.isEmpty())
        target->note = trText("The request's method is %1; the probe sends PUT instead, because its checks carry "
                              "a body (POST can be chosen below).")
                           .arg(QString::fromLatin1(upper));
}

} // namespace

ProbeTarget probeTargetFromComposer(const ComposerState &state)
{
    ProbeTarget target;
    target.options.url = effectiveUrl(state.url);
    setMethod(&target, state.method);
    if (!state.proxy.trimmed().isEmpty()) {
        const QString proxy = state.proxy.trimmed();
        target.options.proxy = QUrl(proxy.contains(QLatin1String("://")) ? proxy : QStringLiteral("http://") + proxy);
    }
    target.options.verifyTls = state.verifyTls;
    target.options.caFile = state.caFile;
    if (state.expect100TimeoutS && *state.expect100TimeoutS > 0)
        target.options.expectWaitMs = int(*state.expect100TimeoutS * 1000.0 + 0.5);
    return target;
}

ProbeTarget probeTargetFromExchange(const http::Exchange &exchange, const QString &origin)
{
    ProbeTarget target;
    target.origin = origin;
    const http::Attempt *first = exchange.attempts.isEmpty() ? nullptr : &exchange.attempts.first();
    target.options.url = first && first->url.isValid() ? first->url : exchange.url;
    setMethod(&target, first ? QString::fromLatin1(first->request.method) : QString());
    // An exchange saved with verification off was answered that way; the probe asks the same.
    target.options.verifyTls = !exchange.insecure;
    return target;
}

ProbeTarget probeTargetFromHarEntry(const HarEntry &entry, const QString &origin)
{
    ProbeTarget target;
    target.origin = origin;
    target.options.url = QUrl(entry.request.url);
    setMethod(&target, entry.request.method);
    return target;
}

int probeRequestCount(const probe::ProbeOptions &options)
{
    const int routes = options.proxy.isEmpty() ? 1 : 2;
    return routes * int(probe::kAllChecks.size());
}

QString probeHost(const probe::ProbeOptions &options)
{
    const int defaultPort = options.url.scheme().toLower() == QLatin1String("https") ? 443 : 80;
    return QStringLiteral("%1:%2").arg(options.url.host()).arg(options.url.port(defaultPort));
}

NetworkRequestSummary probeConsentRequest(const ProbeTarget &target)
{
    NetworkRequestSummary request;
    request.host = probeHost(target.options);
    request.action = trText("run the Expect probe (%1 requests, one after another) against")
                         .arg(probeRequestCount(target.options));
    request.method = QString::fromLatin1(target.options.method);
    request.bodyBytes = std::max(target.options.smallBodyBytes, target.options.largeBodyBytes);
    request.origin = target.origin;
    return request;
}

} // namespace statusscope::ui
