// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/exchange_rules.h"

#include "core/diagnose/rule_table.h"

namespace statusscope::diagnose {

const QList<ExchangeRule> &exchangeRules()
{
    // Transport first (nothing else can be said without a response), then the Expect family,
    // then what the status and headers say, then the redirect chain.
    static const QList<ExchangeRule> table = {
        {"transport-error", &rules::transportError},
        {"expect-417", &rules::expect417},
        {"expect-unknown-417", &rules::expectUnknown417},
        {"expect-timeout", &rules::expectTimeout},
        {"rejected-mid-upload", &rules::rejectedMidUpload},
        {"rejected-before-body", &rules::rejectedBeforeBody},
        {"proxy-answered-5xx", &rules::proxyAnswered5xx},
        {"upstream-failure", &rules::upstreamFailure},
        {"misdirected-reused", &rules::misdirectedReused},
        {"retry-after", &rules::retryAfter},
        {"redirect-loop", &rules::redirectLoop},
        {"post-to-get", &rules::postToGet},
        {"https-downgrade", &rules::httpsDowngrade},
    };
    return table;
}

Findings runExchangeRule(const QString &id, const http::Exchange &exchange)
{
    return runRuleById(exchangeRules(), id, exchange);
}

Findings diagnoseExchange(const http::Exchange &exchange)
{
    return runAllRules(exchangeRules(), exchange);
}

} // namespace statusscope::diagnose
