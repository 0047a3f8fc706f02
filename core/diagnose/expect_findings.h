#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Expect: 100-continue findings (RFC 9110 §10.1.1, §15.5.18) that both an exchange and a
// HAR entry can show, written once. The caller names the subject (`where`), says when the answer
// came (`when`: "at 3.4 ms", "after 12 ms") and fills the attempt/entry index.

#include "core/diagnose/finding.h"

#include <QString>

#include <optional>

namespace statusscope::diagnose {

// "a 2.0 MiB (2097152 bytes) body", or "a body of unknown length" for -1.
QString bodyDescription(qint64 bodyBytes);

// What happened to the resend without Expect, when there was one.
struct RetryWithoutExpect
{
    QString who;   // "attempt 2", "entry 1254"
    int status = 0; // 0: no response
    QString error; // why there was no response, when known
    QString after; // how long it took, when known ("22 ms")
};

Finding expect417Finding(const QString &where, qint64 bodyBytes, const QString &when,
                         std::optional<qint64> bodySentBytes,
                         const std::optional<RetryWithoutExpect> &retry);
Finding expectUnknown417Finding(const QString &where, const QString &expectValue, const QString &when);
// 401/403/413 answered instead of 100 Continue: the body (bodyBytes, from Content-Length) was
// never sent. Empty for other statuses.
std::optional<Finding> rejectedBeforeBodyFinding(int status, const QString &where, qint64 bodyBytes,
                                                 const QString &when);

// The request asked `Expect: 100-continue` (case-insensitive value, RFC 9110 §10.1.1).
bool isExpectContinue(const QString &value);

} // namespace statusscope::diagnose
