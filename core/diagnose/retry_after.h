#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Retry-After (RFC 9110 §10.2.3): `delay-seconds` or an `HTTP-date` (§5.6.7, all three
// historical forms a recipient must accept).

#include <QDateTime>
#include <QString>

#include <optional>

namespace statusscope::diagnose {

struct RetryAfter
{
    std::optional<qint64> delaySeconds; // the delta-seconds form
    QDateTime date;                     // the HTTP-date form, UTC (invalid otherwise)
};

// Empty when the value is neither form.
std::optional<RetryAfter> parseRetryAfter(QStringView value);

// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT",
// asctime "Sun Nov  6 08:49:37 1994". An invalid QDateTime when it is none of them.
QDateTime parseHttpDate(QStringView value);

// Seconds from `reference` (the response's Date, else when the exchange started) until the
// client may retry; never negative. Empty when neither a delay nor a usable date is known.
std::optional<qint64> secondsUntilRetry(const RetryAfter &retryAfter, const QDateTime &reference);

} // namespace statusscope::diagnose
