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

// Each topic's rules in the order diagnoseExchange runs them, each table in the file of its
// topic beside its rules.
namespace rules {
const QList<ExchangeRule> &transportRules(); // transport_rules.cpp
const QList<ExchangeRule> &expectRules();    // expect_rules.cpp — RFC 9110 §10.1.1 and §15.5.18
const QList<ExchangeRule> &responseRules();  // response_rules.cpp
const QList<ExchangeRule> &redirectRules();  // redirect_rules.cpp
} // namespace rules

} // namespace statusscope::diagnose
