#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Expect conformance probe's plain value types: what to probe (ProbeOptions), the eight
// checks, and what each found (CheckResult, ProbeReport). No Qt objects: the CLI prints them,
// the GUI shows them in a table.

#include "core/http/http_types.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <array>
#include <optional>

namespace statusscope::probe {

// The checks in their fixed order (the JSON contract lists them in this order).
enum class CheckId {
    ContinueSmall,      // small body with Expect: 100-continue: 100 or a final status, and when
    EarlyFinal,         // a large body: is the final status sent before it (upload saved)?
    UnknownExpectation, // Expect: x-statusscope-probe: 417 or ignored
    NoBody,             // Expect: 100-continue without content: ignored?
    Http10,             // an HTTP/1.0 request with Expect: must be ignored
    No100Wait,          // the body follows at once, without waiting for 100: read anyway?
    AfterEarlyFinal,    // after a final status sent before the body: closed or usable?
    InterimOrder,       // duplicate or late 100, interim responses after the final one
};
inline constexpr std::array kAllChecks{CheckId::ContinueSmall, CheckId::EarlyFinal, CheckId::UnknownExpectation,
                                       CheckId::NoBody,        CheckId::Http10,     CheckId::No100Wait,
                                       CheckId::AfterEarlyFinal, CheckId::InterimOrder};

QString checkName(CheckId id);  // the JSON id: "continue_small", …
QString checkTitle(CheckId id); // for people: "Small body with Expect: 100-continue"
std::optional<CheckId> checkFromName(QStringView name);

enum class Verdict {
    Conforms,     // what the RFC asks for
    Allowed,      // a behaviour the RFC permits (MAY, or a SHOULD with a stated reason)
    Violates,     // against a requirement of RFC 9110 / RFC 9112
    Inconclusive, // the check could not tell (no answer, transport failure, nothing to see)
};
QString verdictName(Verdict verdict); // "conforms", "allowed", "violates", "inconclusive"
QString verdictLabel(Verdict verdict); // "conforms", "allowed by the RFC", …

enum class Route {
    Direct,
    Proxy,
};
QString routeName(Route route); // "direct", "proxy"

// The marker of the unknown expectation sent by check 3.
inline constexpr char kUnknownExpectation[] = "x-statusscope-probe";
// Generated bodies never exceed this unless the caller raises ProbeOptions::maxBodyBytes.
inline constexpr qint64 kDefaultMaxBodyBytes = 2 * 1024 * 1024;

struct ProbeOptions
{
    QUrl url;
    QByteArray method = "PUT"; // PUT or POST: the request carries content
    QUrl proxy;                // empty: direct only; set: the battery runs direct, then via it
    qint64 smallBodyBytes = 512;                  // checks 1, 3, 5, 6, 8
    qint64 largeBodyBytes = kDefaultMaxBodyBytes; // checks 2 and 7: over a likely upload limit
    int expectWaitMs = 1000;   // how long the client waits for 100 (curl's default)
    int checkTimeoutMs = 10000; // each exchange ends after this
    int followUpTimeoutMs = 3000; // check 7's second request
    int watchAfterMs = 300;    // checks 7 and 8 watch the idle connection this long
    bool verifyTls = true;
    QString caFile;
};

// The problem with the options, or empty when they can be run.
QString validate(const ProbeOptions &options);

// The request a check sends, described for the consent prompt and the table.
struct PlannedRequest
{
    CheckId id;
    QString description; // "PUT /path HTTP/1.1, Expect: 100-continue, 512-byte generated body"
};
QList<PlannedRequest> plannedRequests(const ProbeOptions &options);

// What a check put on the wire and saw, as the engine recorded it: judged by judgeCheck().
struct CheckObservation
{
    http::Exchange exchange;                // the check's request (one attempt, no retry)
    std::optional<http::Exchange> followUp; // check 7: HEAD on the same connection
    QByteArray bytesAfter;                  // bytes on the idle connection after the response
    std::optional<double> closedAfterMs;    // the server closed the idle connection (ms after the response)
    bool watched = false;                   // the idle connection was watched at all
};

struct CheckResult
{
    CheckId id = CheckId::ContinueSmall;
    Route via = Route::Direct;
    std::optional<int> status; // the final status, if any
    QList<int> interim;        // interim status codes in arrival order
    bool bodySent = false;
    // Named durations in ms, null when it did not happen: the engine's phases (dns … total)
    // plus "first_100" and "final" (from the request head sent), "watched", "follow_up".
    QList<QPair<QString, std::optional<double>>> timingsMs;
    Verdict verdict = Verdict::Inconclusive;
    QString rfc;    // "RFC 9110 §10.1.1"
    QString detail; // what happened, with timings, and why the verdict
    QString guide;  // the guide to read: a status code ("100", "417") or a transport guide key
    QString request; // what was sent (PlannedRequest::description)
    CheckObservation observation; // the raw exchange(s), for a detail view
};

struct ProbeReport
{
    QUrl url;
    QUrl proxy;
    QByteArray method;
    QString summary;
    QList<CheckResult> checks; // per route, in kAllChecks order; direct first
    bool cancelled = false;
};

} // namespace statusscope::probe
