// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/har_rules.h"

#include "core/diagnose/expect_findings.h"
#include "core/diagnose/header_pairs.h"
#include "core/diagnose/rule_table.h"
#include "core/diagnose/status_findings.h"
#include "core/diagnose/transport_guides.h"
#include "core/text/durations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace statusscope::diagnose {

namespace {

QString describeEntry(const HarEntry &e)
{
    return QStringLiteral("entry %1 (%2 %3)").arg(e.index + 1).arg(e.request.method, e.request.url);
}

// A custom field's value when it is a JSON string ("\"net::ERR_FAILED\"" → net::ERR_FAILED).
QString customString(const HarCustomFields &fields, const std::function<bool(const QString &)> &match)
{
    for (const HarCustomField &f : fields) {
        if (!match(f.name))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson("[" + f.json + "]");
        const QJsonValue v = doc.array().at(0);
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
    }
    return {};
}

QString errorName(const HarEntry &e)
{
    const auto isError = [](const QString &n) {
        return n == QLatin1String("_error") || n == QLatin1String("_errorText") || n == QLatin1String("_failureText");
    };
    QString name = customString(e.response.custom, isError);
    if (name.isEmpty())
        name = customString(e.custom, isError);
    return name;
}

QString blockedReason(const HarEntry &e)
{
    const auto isBlocked = [](const QString &n) { return n.startsWith(QLatin1String("_blocked")); };
    QString reason = customString(e.custom, isBlocked);
    if (reason.isEmpty())
        reason = customString(e.response.custom, isBlocked);
    return reason;
}

// What the timings say about how far the request got before it failed.
QString phasesReached(const HarTimings &t)
{
    QStringList done;
    if (t.dns > 0)
        done << QStringLiteral("DNS %1").arg(text::readableMs(t.dns));
    if (t.connect > 0)
        done << QStringLiteral("connect %1").arg(text::readableMs(t.connect));
    if (t.send > 0)
        done << QStringLiteral("send %1").arg(text::readableMs(t.send));
    if (t.wait > 0)
        done << QStringLiteral("wait %1").arg(text::readableMs(t.wait));
    if (done.isEmpty())
        return QStringLiteral("No network phase has a duration: it most likely never left the browser.");
    return QStringLiteral("Phases with a duration: %1; it failed after that.").arg(done.join(QStringLiteral(", ")));
}

template<typename Check>
Findings perEntry(const HarLog &log, Check check)
{
    Findings out;
    for (const HarEntry &e : log.entries) {
        if (std::optional<Finding> f = check(e)) {
            f->entry = e.index;
            out << *f;
        }
    }
    return out;
}

QUrl redirectTarget(const HarEntry &e)
{
    QString target = e.response.redirectUrl;
    if (target.isEmpty())
        target = firstHeader(headerPairs(e.response.headers), u"Location").value_or(QString());
    if (target.isEmpty())
        return {};
    return QUrl(e.request.url).resolved(QUrl(target));
}

// The request's declared body size (Content-Length), -1 when absent or not a number.
qint64 contentLength(const HarEntry &e)
{
    bool ok = false;
    const qint64 n = firstHeader(headerPairs(e.request.headers), u"Content-Length").value_or(QString()).toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

// "after 12 ms": the entry's wait (TTFB) when recorded.
QString whenAnswered(const HarEntry &e)
{
    return e.timings.wait >= 0 ? QStringLiteral("after %1").arg(text::readableMs(e.timings.wait)) : QString();
}

QDateTime startedAt(const HarEntry &e)
{
    return e.startedMs == HarEntry::kNoTime ? QDateTime()
                                            : QDateTime::fromMSecsSinceEpoch(e.startedMs, Qt::UTC);
}

} // namespace

namespace har_rules {

Findings noResponse(const HarLog &log)
{
    return perEntry(log, [](const HarEntry &e) -> std::optional<Finding> {
        if (e.response.status != 0)
            return std::nullopt;
        const QString error = errorName(e);
        const QString blocked = blockedReason(e);
        const QString statusText = e.response.statusText.trimmed();
        const QString evidence = !error.isEmpty() ? error : !blocked.isEmpty() ? blocked : statusText;
        const QString upper = evidence.toUpper();
        Finding f = Finding::of(QStringLiteral("no-response"), Severity::Error, QStringLiteral("0"));
        QString seen = QStringLiteral("%1 has status 0: the browser recorded no HTTP response")
                           .arg(describeEntry(e));
        seen += evidence.isEmpty() ? QStringLiteral(", and the HAR gives no reason.")
                                   : QStringLiteral(" (%1).").arg(evidence);
        if (evidence.isEmpty()) // the timings are all the file says
            seen += QLatin1Char(' ') + phasesReached(e.timings);
        if (!blocked.isEmpty() && !error.isEmpty())
            seen += QStringLiteral(" Blocked reason: %1.").arg(blocked);
        const QString transport = transportGuideForNetError(evidence);
        if (upper.contains(QLatin1String("BLOCKED_BY_CLIENT"))) {
            f.severity = Severity::Warning; // blocked on purpose, by the user's own tools
            f.title = QStringLiteral("Blocked by the browser (an extension or content blocker)");
            f.cause = QStringLiteral("An ad or privacy blocker, or an enterprise policy, cancelled the "
                                     "request before it left the browser.");
            f.fix = QStringLiteral("Reproduce in a private window without extensions; rename the "
                                   "resource if a filter list matches its URL (e.g. /ads/, /track).");
        } else if (upper.contains(QLatin1String("CORS")) || upper.contains(QLatin1String("ERR_FAILED"))) {
            f.title = QStringLiteral("Failed in the browser: most likely a CORS rejection");
            f.cause = QStringLiteral("The response (or its preflight) lacked a matching "
                                     "Access-Control-Allow-Origin, so the browser withheld it.");
            f.fix = QStringLiteral("Check the console for the CORS message; make the server answer the "
                                   "OPTIONS preflight and send Access-Control-Allow-Origin for this "
                                   "origin (plus -Credentials/-Headers as needed).");
        } else if (upper.contains(QLatin1String("ABORT")) || upper.contains(QLatin1String("CANCEL"))) {
            f.severity = Severity::Info;
            f.title = QStringLiteral("Aborted before the response arrived");
            f.cause = QStringLiteral("The page navigated away, the script called abort(), or a newer "
                                     "request replaced this one; the server may still have run it.");
            f.fix = QStringLiteral("Usually harmless; if the request mattered, check whether the page "
                                   "unloads or times it out too early.");
        } else if (upper.contains(QLatin1String("MIXED"))) {
            f.title = QStringLiteral("Blocked as mixed content");
            f.cause = QStringLiteral("An https page requested an http resource; browsers block active "
                                     "mixed content.");
            f.fix = QStringLiteral("Load the resource over https (or a protocol-relative URL served "
                                   "over https).");
        } else if (!transport.isEmpty()) {
            f.guide = transport;
            f.title = QStringLiteral("No response: transport failure (%1)").arg(evidence);
            f.cause = QStringLiteral("The browser could not complete the connection; see the %1 guide.")
                          .arg(transport);
            f.fix = QStringLiteral("Reproduce with statusscope-cli send %1 to see the failing phase.")
                        .arg(e.request.url);
        } else {
            f.title = QStringLiteral("No response recorded");
            f.cause = QStringLiteral("Blocked, cancelled or failed in the browser: status 0 is not sent "
                                     "by any server.");
            f.fix = QStringLiteral("Look at the browser console at that time, and resend the request "
                                   "outside the browser to see whether the server answers.");
        }
        f.explanation = seen;
        return f;
    });
}

Findings expect417(const HarLog &log)
{
    Findings out;
    for (int i = 0; i < log.entries.size(); ++i) {
        const HarEntry &e = log.entries.at(i);
        const HeaderPairs request = headerPairs(e.request.headers);
        if (e.response.status != 417 || !isExpectContinue(firstHeader(request, u"Expect").value_or(QString())))
            continue;
        // The client's resend is a later entry for the same method and URL without Expect.
        std::optional<RetryWithoutExpect> retry;
        for (int j = i + 1; j < log.entries.size() && j <= i + kRedirectLookAhead; ++j) {
            const HarEntry &next = log.entries.at(j);
            if (next.request.method != e.request.method || next.request.url != e.request.url)
                continue;
            if (!firstHeader(headerPairs(next.request.headers), u"Expect"))
                retry = RetryWithoutExpect{QStringLiteral("entry %1").arg(next.index + 1), next.response.status,
                                           errorName(next), QString()};
            break;
        }
        Finding f = expect417Finding(describeEntry(e), contentLength(e), whenAnswered(e), std::nullopt, retry);
        f.entry = e.index;
        out << f;
    }
    return out;
}

Findings expectUnknown417(const HarLog &log)
{
    return perEntry(log, [](const HarEntry &e) -> std::optional<Finding> {
        const std::optional<QString> expect = firstHeader(headerPairs(e.request.headers), u"Expect");
        if (e.response.status != 417 || !expect || isExpectContinue(*expect))
            return std::nullopt;
        return expectUnknown417Finding(describeEntry(e), *expect, whenAnswered(e));
    });
}

Findings rejectedBeforeBody(const HarLog &log)
{
    return perEntry(log, [](const HarEntry &e) -> std::optional<Finding> {
        // HAR bodySize is what was sent: 0 with a positive Content-Length means the body stayed home.
        const qint64 declared = contentLength(e);
        if (e.request.bodySize != 0 || declared <= 0
            || !isExpectContinue(firstHeader(headerPairs(e.request.headers), u"Expect").value_or(QString())))
            return std::nullopt;
        return rejectedBeforeBodyFinding(e.response.status, describeEntry(e), declared, whenAnswered(e));
    });
}

Findings proxyAnswered5xx(const HarLog &log)
{
    return perEntry(log, [](const HarEntry &e) {
        return proxyAnswered5xxFinding(e.response.status, headerPairs(e.response.headers), describeEntry(e));
    });
}

Findings upstreamFailure(const HarLog &log)
{
    return perEntry(log, [](const HarEntry &e) {
        return upstreamFailureFinding(e.response.status, headerPairs(e.response.headers), false, describeEntry(e));
    });
}

Findings retryAfter(const HarLog &log)
{
    return perEntry(log, [](const HarEntry &e) {
        return retryAfterFinding(e.response.status, headerPairs(e.response.headers), startedAt(e), describeEntry(e));
    });
}

Findings postToGet(const HarLog &log)
{
    Findings out;
    for (int i = 0; i < log.entries.size(); ++i) {
        const HarEntry &e = log.entries.at(i);
        const int status = e.response.status;
        if ((status != 301 && status != 302) || e.request.method != QLatin1String("POST"))
            continue;
        const QUrl target = redirectTarget(e);
        if (!target.isValid())
            continue;
        for (int j = i + 1; j < log.entries.size() && j <= i + kRedirectLookAhead; ++j) {
            const HarEntry &next = log.entries.at(j);
            if (QUrl(next.request.url) != target)
                continue;
            if (next.request.method == QLatin1String("GET")) {
                Finding f = postToGetFinding(status, next.request.url, describeEntry(e));
                f.entry = e.index;
                out << f;
            }
            break;
        }
    }
    return out;
}

Findings httpsDowngrade(const HarLog &log)
{
    return perEntry(log, [](const HarEntry &e) -> std::optional<Finding> {
        const int status = e.response.status;
        if (status < 300 || status > 399 || !e.request.url.startsWith(QLatin1String("https:"), Qt::CaseInsensitive))
            return std::nullopt;
        const QUrl target = redirectTarget(e);
        if (target.scheme() != QLatin1String("http"))
            return std::nullopt;
        return httpsDowngradeFinding(status, target.toString(), describeEntry(e));
    });
}

Findings slowWait(const HarLog &log)
{
    QList<double> waits;
    for (const HarEntry &e : log.entries) {
        if (e.timings.wait >= 0)
            waits << e.timings.wait;
    }
    if (waits.size() < kSlowWaitMinEntries)
        return {};
    std::sort(waits.begin(), waits.end());
    const qsizetype n = waits.size();
    const double median = n % 2 ? waits.at(n / 2) : (waits.at(n / 2 - 1) + waits.at(n / 2)) / 2.0;
    const double threshold = qMax(kSlowWaitFloorMs, median * kSlowWaitFactor);
    return perEntry(log, [&](const HarEntry &e) -> std::optional<Finding> {
        if (e.timings.wait < threshold)
            return std::nullopt;
        Finding f = Finding::of(QStringLiteral("slow-wait"), Severity::Warning, QStringLiteral("read-timeout"));
        f.title = QStringLiteral("Slow server response: %1 waiting for the first byte").arg(text::readableMs(e.timings.wait));
        f.explanation = QStringLiteral("%1 waited %2 for the first byte (status %3), %4× the median "
                                       "wait of %5 across %6 timed entries.")
                            .arg(describeEntry(e), text::readableMs(e.timings.wait)).arg(e.response.status)
                            .arg(median > 0 ? e.timings.wait / median : 0.0, 0, 'f', 0)
                            .arg(text::readableMs(median)).arg(n);
        f.cause = QStringLiteral("The server took long to produce the response (HAR 'wait' is the time "
                                 "from sending the request to the first byte): a slow handler, query "
                                 "or upstream call, not the network.");
        f.fix = QStringLiteral("Resend it alone (statusscope-cli send %1) to see whether it is always "
                               "slow, then profile that endpoint on the server (nginx "
                               "$upstream_response_time shows the application's share).")
                    .arg(e.request.url);
        return f;
    });
}

} // namespace har_rules

const QList<HarRule> &harRules()
{
    static const QList<HarRule> table = {
        {"no-response", &har_rules::noResponse},
        {"expect-417", &har_rules::expect417},
        {"expect-unknown-417", &har_rules::expectUnknown417},
        {"rejected-before-body", &har_rules::rejectedBeforeBody},
        {"proxy-answered-5xx", &har_rules::proxyAnswered5xx},
        {"upstream-failure", &har_rules::upstreamFailure},
        {"retry-after", &har_rules::retryAfter},
        {"post-to-get", &har_rules::postToGet},
        {"https-downgrade", &har_rules::httpsDowngrade},
        {"slow-wait", &har_rules::slowWait},
    };
    return table;
}

Findings runHarRule(const QString &id, const HarLog &log)
{
    return runRuleById(harRules(), id, log);
}

Findings diagnoseHar(const HarLog &log)
{
    Findings out = runAllRules(harRules(), log);
    // Entry order reads like the file; the table order breaks ties.
    std::stable_sort(out.begin(), out.end(), [](const Finding &a, const Finding &b) {
        return a.entry.value_or(-1) < b.entry.value_or(-1);
    });
    return out;
}

} // namespace statusscope::diagnose
