// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/exchange_rules.h"

#include "core/diagnose/rule_table.h"

namespace statusscope::diagnose {

const QList<ExchangeRule> &exchangeRules()
{
    // Transport first (nothing else can be said without a response), then the Expect family,
    // then what the status and headers say, then the redirect chain.
    static const QList<ExchangeRule> table =
        rules::transportRules() + rules::expectRules() + rules::responseRules() + rules::redirectRules();
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
