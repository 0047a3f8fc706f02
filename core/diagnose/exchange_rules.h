#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The diagnosis rules over an Exchange. Each rule is one small function in one table
// (exchangeRules()); diagnoseExchange runs them all in table order. Attempt and event indexes in
// a Finding are 0-based; explanations number attempts from 1 for people.

#include "core/diagnose/finding.h"
#include "core/http/http_types.h"

#include <QList>
#include <QString>

namespace statusscope::diagnose {

using ExchangeRuleFunction = Findings (*)(const http::Exchange &exchange);

struct ExchangeRule
{
    const char *id; // the Finding::rule of what it reports
    ExchangeRuleFunction run;
};

const QList<ExchangeRule> &exchangeRules();
// One rule by id (for tests and the troubleshooting panel); empty when no such rule.
Findings runExchangeRule(const QString &id, const http::Exchange &exchange);
Findings diagnoseExchange(const http::Exchange &exchange);

// The rules, each in the file of its topic.
namespace rules {
// expect_rules.cpp — RFC 9110 §10.1.1 and §15.5.18
Findings expect417(const http::Exchange &x);
Findings expectTimeout(const http::Exchange &x);
Findings rejectedMidUpload(const http::Exchange &x);
Findings rejectedBeforeBody(const http::Exchange &x);
Findings expectUnknown417(const http::Exchange &x);
// response_rules.cpp
Findings proxyAnswered5xx(const http::Exchange &x);
Findings upstreamFailure(const http::Exchange &x);
Findings misdirectedReused(const http::Exchange &x);
Findings retryAfter(const http::Exchange &x);
// redirect_rules.cpp
Findings redirectLoop(const http::Exchange &x);
Findings postToGet(const http::Exchange &x);
Findings httpsDowngrade(const http::Exchange &x);
// transport_rules.cpp
Findings transportError(const http::Exchange &x);
} // namespace rules

} // namespace statusscope::diagnose
