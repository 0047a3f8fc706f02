// SPDX-License-Identifier: GPL-3.0-or-later
// The verdict rules of the Expect probe on hand-made attempts: every outcome of every check,
// the summary line and the JSON contract.
#include "core/http/request_builder.h"
#include "core/probe/probe_json.h"
#include "core/probe/probe_runner.h"
#include "core/probe/probe_verdicts.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::probe;
using http::EventType;

namespace {

constexpr qint64 kMs = 1000000;

// Builds an attempt event by event, times in ms from 0.
class AttemptBuilder
{
public:
    explicit AttemptBuilder(qint64 bodyBytes = 512, bool expect = true)
    {
        a.request.bodyBytes = bodyBytes;
        a.request.expectSent = expect && bodyBytes > 0;
        event(EventType::ConnectStart, 0).event(EventType::ConnectDone, 0.1).event(EventType::RequestHeadersSent, 0.2);
        if (a.request.expectSent)
            event(EventType::ExpectWaitStart, 0.2);
    }
    AttemptBuilder &event(EventType type, double ms, int status = 0)
    {
        http::Event e;
        e.type = type;
        e.tNs = qint64(ms * kMs);
        e.status = status;
        a.events.append(e);
        return *this;
    }
    AttemptBuilder &finding(double ms, const QString &detail)
    {
        event(EventType::Finding, ms);
        a.events.last().detail = detail;
        return *this;
    }
    AttemptBuilder &interim(int status, double ms)
    {
        http::InterimResponse ir;
        ir.status = status;
        ir.reason = status == 100 ? "Continue" : "Early Hints";
        ir.tNs = qint64(ms * kMs);
        a.interim.append(ir);
        return event(EventType::InterimResponse, ms, status);
    }
    AttemptBuilder &timeout(double ms) { return event(EventType::ExpectTimeout, ms); }
    AttemptBuilder &body(double startMs, double endMs)
    {
        a.request.bodySentBytes = a.request.bodyBytes;
        return event(EventType::BodySendStart, startMs).event(EventType::BodySent, endMs);
    }
    AttemptBuilder &final(int status, double ms, http::HttpVersion version = http::HttpVersion::Http11,
                          http::HeaderList headers = {})
    {
        http::Response r;
        r.status = status;
        r.reason = "Reason";
        r.version = version;
        r.headers = headers;
        r.firstByteNs = qint64(ms * kMs);
        r.tNs = qint64(ms * kMs);
        a.response = r;
        return event(EventType::ResponseHeaders, ms, status).event(EventType::ResponseBodyDone, ms + 0.1);
    }
    AttemptBuilder &error(http::ErrorKind kind, double ms)
    {
        a.error = http::Error{kind, QStringLiteral("it failed")};
        return event(EventType::Error, ms);
    }
    CheckObservation observation() const
    {
        CheckObservation o;
        o.exchange.attempts.append(a);
        return o;
    }
    http::Attempt a;
};

ProbeOptions options()
{
    ProbeOptions o;
    o.url = QUrl(QStringLiteral("http://127.0.0.1:8080/up"));
    return o;
}

CheckResult judge(CheckId id, const CheckObservation &o)
{
    return judgeCheck(id, Route::Direct, o, options());
}

CheckResult judge(CheckId id, const AttemptBuilder &b)
{
    return judge(id, b.observation());
}

// --- the outcome of an expectation ------------------------------------------------------------

TEST(ProbeOutcome, FirstOfContinueFinalOrTimeout)
{
    EXPECT_EQ(expectOutcome(AttemptBuilder().interim(100, 0.6).body(0.7, 0.8).final(200, 1).a), ExpectOutcome::Continue);
    EXPECT_EQ(expectOutcome(AttemptBuilder().final(413, 0.5).a), ExpectOutcome::FinalFirst);
    EXPECT_EQ(expectOutcome(AttemptBuilder().timeout(1000.2).body(1000.3, 1000.4).final(200, 1001).a), ExpectOutcome::NoAnswer);
    EXPECT_EQ(expectOutcome(AttemptBuilder().timeout(1000.2).interim(100, 1000.5).body(1000.3, 1000.4).final(200, 1001).a),
              ExpectOutcome::NoAnswer)
        << "a 100 after the wait does not count as an answer to it";
    EXPECT_EQ(expectOutcome(AttemptBuilder().error(http::ErrorKind::Connect, 1).a), ExpectOutcome::Failed);
}

// --- continue_small and early_final -----------------------------------------------------------

TEST(ProbeVerdicts, ContinueSmall)
{
    const CheckResult ok = judge(CheckId::ContinueSmall, AttemptBuilder().interim(100, 0.6).body(0.7, 0.8).final(200, 1.2));
    EXPECT_EQ(ok.verdict, Verdict::Conforms);
    EXPECT_TRUE(ok.detail.startsWith(QStringLiteral("100 Continue after 0.4 ms"))) << ok.detail.toStdString();
    EXPECT_EQ(ok.rfc, QStringLiteral("RFC 9110 §10.1.1"));
    EXPECT_EQ(ok.guide, QStringLiteral("100"));
    EXPECT_EQ(ok.interim, QList<int>{100});
    EXPECT_TRUE(ok.bodySent);
    EXPECT_EQ(ok.status, 200);

    const CheckResult early = judge(CheckId::ContinueSmall, AttemptBuilder().final(401, 0.5));
    EXPECT_EQ(early.verdict, Verdict::Allowed);
    EXPECT_EQ(early.guide, QStringLiteral("401"));
    EXPECT_FALSE(early.bodySent);

    const CheckResult silent11 = judge(CheckId::ContinueSmall, AttemptBuilder().timeout(1000.2).body(1000.3, 1000.4).final(200, 1001));
    EXPECT_EQ(silent11.verdict, Verdict::Violates);
    EXPECT_TRUE(silent11.detail.contains(QStringLiteral("after waiting 1.00 s"))) << silent11.detail.toStdString();

    const CheckResult silent10 = judge(CheckId::ContinueSmall,
                                       AttemptBuilder().timeout(1000.2).body(1000.3, 1000.4).final(200, 1001, http::HttpVersion::Http10));
    EXPECT_EQ(silent10.verdict, Verdict::Allowed);
    EXPECT_TRUE(silent10.detail.contains(QStringLiteral("HTTP/1.0"))) << silent10.detail.toStdString();

    const CheckResult refused = judge(CheckId::ContinueSmall, AttemptBuilder().error(http::ErrorKind::Connect, 1));
    EXPECT_EQ(refused.verdict, Verdict::Inconclusive);
    EXPECT_EQ(refused.guide, QStringLiteral("connection-refused"));
    EXPECT_FALSE(refused.status.has_value());
}

TEST(ProbeVerdicts, EarlyFinal)
{
    const qint64 big = 2 * 1024 * 1024;
    const CheckResult saved = judge(CheckId::EarlyFinal, AttemptBuilder(big).final(413, 0.5));
    EXPECT_EQ(saved.verdict, Verdict::Conforms);
    EXPECT_TRUE(saved.detail.contains(QStringLiteral("the 2 MiB upload was saved"))) << saved.detail.toStdString();
    EXPECT_EQ(saved.guide, QStringLiteral("413"));

    const CheckResult wasted = judge(CheckId::EarlyFinal, AttemptBuilder(big).interim(100, 0.5).body(0.6, 20).final(413, 21));
    EXPECT_EQ(wasted.verdict, Verdict::Allowed);
    EXPECT_TRUE(wasted.detail.contains(QStringLiteral("wasted"))) << wasted.detail.toStdString();

    const CheckResult taken = judge(CheckId::EarlyFinal, AttemptBuilder(big).interim(100, 0.5).body(0.6, 20).final(201, 21));
    EXPECT_EQ(taken.verdict, Verdict::Conforms);
}

// --- unknown_expectation, no_body, http10, no_100_wait ---------------------------------------

TEST(ProbeVerdicts, UnknownExpectation)
{
    const CheckResult refused = judge(CheckId::UnknownExpectation, AttemptBuilder(512, false).body(0.3, 0.4).final(417, 0.6));
    EXPECT_EQ(refused.verdict, Verdict::Allowed);
    EXPECT_EQ(refused.guide, QStringLiteral("417"));
    const CheckResult ignored = judge(CheckId::UnknownExpectation, AttemptBuilder(512, false).body(0.3, 0.4).final(200, 0.6));
    EXPECT_EQ(ignored.verdict, Verdict::Conforms);
    EXPECT_TRUE(ignored.detail.startsWith(QStringLiteral("ignored Expect: x-statusscope-probe")));
    EXPECT_EQ(judge(CheckId::UnknownExpectation, AttemptBuilder(512, false).error(http::ErrorKind::Timeout, 10000)).verdict,
              Verdict::Inconclusive);
}

TEST(ProbeVerdicts, NoBody)
{
    EXPECT_EQ(judge(CheckId::NoBody, AttemptBuilder(0).final(200, 0.5)).verdict, Verdict::Conforms);
    EXPECT_EQ(judge(CheckId::NoBody, AttemptBuilder(0).interim(100, 0.3).final(200, 0.5)).verdict, Verdict::Allowed);
    const CheckResult hung = judge(CheckId::NoBody, AttemptBuilder(0).error(http::ErrorKind::Timeout, 10000));
    EXPECT_EQ(hung.verdict, Verdict::Violates);
    EXPECT_TRUE(hung.detail.contains(QStringLiteral("waits for content"))) << hung.detail.toStdString();
    EXPECT_EQ(judge(CheckId::NoBody, AttemptBuilder(0).error(http::ErrorKind::Dns, 1)).verdict, Verdict::Inconclusive);
}

TEST(ProbeVerdicts, Http10)
{
    EXPECT_EQ(judge(CheckId::Http10, AttemptBuilder().timeout(1000).body(1000, 1001).final(200, 1002, http::HttpVersion::Http10)).verdict,
              Verdict::Conforms);
    const CheckResult continued = judge(CheckId::Http10, AttemptBuilder().interim(100, 0.5).body(0.6, 0.7).final(200, 1));
    EXPECT_EQ(continued.verdict, Verdict::Violates);
    EXPECT_EQ(continued.rfc, QStringLiteral("RFC 9110 §15.2"));
    EXPECT_EQ(judge(CheckId::Http10, AttemptBuilder().final(417, 0.5)).verdict, Verdict::Violates);
    EXPECT_EQ(judge(CheckId::Http10, AttemptBuilder().final(405, 0.5)).verdict, Verdict::Allowed);
}

TEST(ProbeVerdicts, No100Wait)
{
    const CheckResult read = judge(CheckId::No100Wait, AttemptBuilder().timeout(0.25).body(0.3, 0.4).interim(100, 0.5).final(200, 0.9));
    EXPECT_EQ(read.verdict, Verdict::Conforms);
    EXPECT_TRUE(read.detail.startsWith(QStringLiteral("the client waited 0.1 ms for 100"))) << read.detail.toStdString();
    EXPECT_TRUE(read.detail.contains(QStringLiteral("its 100 came"))) << read.detail.toStdString();
    const CheckResult stuck = judge(CheckId::No100Wait, AttemptBuilder().timeout(0.25).body(0.3, 0.4).error(http::ErrorKind::Timeout, 10000));
    EXPECT_EQ(stuck.verdict, Verdict::Violates);
    EXPECT_EQ(stuck.guide, QStringLiteral("read-timeout"));
}

// --- after_early_final ------------------------------------------------------------------------

TEST(ProbeVerdicts, AfterEarlyFinal)
{
    const qint64 big = 2 * 1024 * 1024;
    const http::HeaderList close{{"Connection", "close"}};
    EXPECT_EQ(judge(CheckId::AfterEarlyFinal, AttemptBuilder(big).final(413, 0.5, http::HttpVersion::Http11, close)).verdict,
              Verdict::Conforms);

    const CheckResult ended = judge(CheckId::AfterEarlyFinal, AttemptBuilder(big).final(413, 0.5));
    EXPECT_EQ(ended.verdict, Verdict::Allowed) << "closed with the response, not announced";
    EXPECT_TRUE(ended.detail.contains(QStringLiteral("ended with it"))) << ended.detail.toStdString();

    CheckObservation silent = AttemptBuilder(big).final(413, 0.5).observation();
    silent.watched = true;
    silent.closedAfterMs = 4.0;
    const CheckResult closed = judge(CheckId::AfterEarlyFinal, silent);
    EXPECT_EQ(closed.verdict, Verdict::Allowed);
    EXPECT_TRUE(closed.detail.contains(QStringLiteral("4.0 ms later without announcing it"))) << closed.detail.toStdString();

    CheckObservation usable = AttemptBuilder(big).final(401, 0.5).observation();
    usable.watched = true;
    AttemptBuilder head(0, false);
    head.final(200, 0.6);
    usable.followUp = http::Exchange{};
    usable.followUp->attempts.append(head.a);
    const CheckResult kept = judge(CheckId::AfterEarlyFinal, usable);
    EXPECT_EQ(kept.verdict, Verdict::Conforms);
    EXPECT_TRUE(kept.detail.contains(QStringLiteral("usable"))) << kept.detail.toStdString();

    CheckObservation waiting = usable;
    AttemptBuilder noAnswer(0, false);
    noAnswer.error(http::ErrorKind::Timeout, 3000);
    waiting.followUp->attempts = {noAnswer.a};
    EXPECT_EQ(judge(CheckId::AfterEarlyFinal, waiting).verdict, Verdict::Allowed);

    const CheckResult none = judge(CheckId::AfterEarlyFinal, AttemptBuilder(big).interim(100, 0.5).body(0.6, 20).final(200, 21));
    EXPECT_EQ(none.verdict, Verdict::Inconclusive);
    EXPECT_TRUE(none.detail.contains(QStringLiteral("no early final"))) << none.detail.toStdString();
}

// --- interim_order ----------------------------------------------------------------------------

TEST(ProbeVerdicts, InterimOrder)
{
    EXPECT_EQ(judge(CheckId::InterimOrder, AttemptBuilder().interim(100, 0.5).body(0.6, 0.7).final(200, 1)).verdict,
              Verdict::Conforms);
    EXPECT_EQ(judge(CheckId::InterimOrder, AttemptBuilder().interim(103, 0.4).interim(100, 0.5).body(0.6, 0.7).final(200, 1)).verdict,
              Verdict::Conforms)
        << "an Early Hints before the 100 is in order";

    const CheckResult twice = judge(CheckId::InterimOrder, AttemptBuilder().interim(100, 0.5).interim(100, 0.55).body(0.6, 0.7).final(200, 1));
    EXPECT_EQ(twice.verdict, Verdict::Violates);
    EXPECT_TRUE(twice.detail.contains(QStringLiteral("2 × 100 Continue"))) << twice.detail.toStdString();

    const CheckResult late = judge(CheckId::InterimOrder, AttemptBuilder().timeout(1000).body(1000.1, 1000.2).interim(100, 1000.5).final(200, 1001));
    EXPECT_EQ(late.verdict, Verdict::Violates);
    EXPECT_TRUE(late.detail.contains(QStringLiteral("came late"))) << late.detail.toStdString();

    const CheckResult trailing = judge(CheckId::InterimOrder,
                                       AttemptBuilder().interim(100, 0.5).body(0.6, 0.7).final(200, 1).finding(
                                           1.1, QStringLiteral("25 unexpected bytes after the response; connection not reused: "
                                                               "HTTP/1.1 100 Continue\\r\\n\\r\\n")));
    EXPECT_EQ(trailing.verdict, Verdict::Violates);
    EXPECT_TRUE(trailing.detail.contains(QStringLiteral("interim 100 after the final response"))) << trailing.detail.toStdString();

    CheckObservation idle = AttemptBuilder().interim(100, 0.5).body(0.6, 0.7).final(200, 1).observation();
    idle.watched = true;
    idle.bytesAfter = "HTTP/1.1 102 Processing\r\n\r\n";
    const CheckResult afterwards = judge(CheckId::InterimOrder, idle);
    EXPECT_EQ(afterwards.verdict, Verdict::Violates);
    EXPECT_TRUE(afterwards.detail.contains(QStringLiteral("interim 102 after the final response (on the idle connection)")))
        << afterwards.detail.toStdString();

    idle.bytesAfter = "garbage";
    EXPECT_TRUE(judge(CheckId::InterimOrder, idle).detail.contains(QStringLiteral("7 bytes on the idle connection")));
}

TEST(ProbeVerdicts, CancelledIsInconclusive)
{
    const CheckResult c = judge(CheckId::ContinueSmall, AttemptBuilder().error(http::ErrorKind::Cancelled, 3));
    EXPECT_EQ(c.verdict, Verdict::Inconclusive);
    EXPECT_EQ(c.detail, QStringLiteral("cancelled"));
}

// --- summary and JSON -------------------------------------------------------------------------

ProbeReport sampleReport(bool withProxy)
{
    ProbeReport r;
    r.url = QUrl(QStringLiteral("http://127.0.0.1:8080/up"));
    if (withProxy)
        r.proxy = QUrl(QStringLiteral("http://127.0.0.1:3128"));
    for (const Route via : {Route::Direct, Route::Proxy}) {
        if (via == Route::Proxy && !withProxy)
            continue;
        for (const CheckId id : kAllChecks) {
            AttemptBuilder b(id == CheckId::EarlyFinal ? 2 * 1024 * 1024 : 512);
            // A 100 everywhere (so http10 violates on both routes); via the proxy the large
            // body gets a 413 before it.
            if (id == CheckId::EarlyFinal && via == Route::Proxy)
                b.final(413, 0.5);
            else
                b.interim(100, 0.4).body(0.5, 0.6).final(200, 1);
            r.checks.append(judgeCheck(id, via, b.observation(), options()));
        }
    }
    r.summary = summarize(r);
    return r;
}

TEST(ProbeSummary, OneLineWithViolations)
{
    const ProbeReport r = sampleReport(false);
    EXPECT_EQ(r.summary, QStringLiteral("origin sends 100 Continue after 0.2 ms; takes the large body (200); ignores unknown "
                                        "expectations; HTTP/1.0 mishandled; 1 violation: http10"));
}

TEST(ProbeSummary, WithAProxyNamesWhatTheProxyChanges)
{
    const ProbeReport r = sampleReport(true);
    EXPECT_TRUE(r.summary.startsWith(QStringLiteral("direct: sends 100 Continue after 0.2 ms; takes the large body (200)")))
        << r.summary.toStdString();
    EXPECT_TRUE(r.summary.contains(QStringLiteral(" | via proxy: sends 100 Continue after 0.2 ms; answers 413 before a large body")))
        << r.summary.toStdString();
    EXPECT_TRUE(r.summary.contains(QStringLiteral(" | the proxy changes: early_final;"))) << r.summary.toStdString();
    EXPECT_TRUE(r.summary.endsWith(QStringLiteral("2 violations: http10 (direct), http10 (proxy)"))) << r.summary.toStdString();
}

TEST(ProbeJson, ExactContract)
{
    const QJsonObject root = reportToJson(sampleReport(true));
    EXPECT_EQ(root.keys(), (QStringList{QStringLiteral("checks"), QStringLiteral("proxy"), QStringLiteral("summary"),
                                        QStringLiteral("url")}));
    EXPECT_EQ(root.value(QStringLiteral("proxy")).toString(), QStringLiteral("http://127.0.0.1:3128"));
    const QJsonArray checks = root.value(QStringLiteral("checks")).toArray();
    ASSERT_EQ(checks.size(), 16);
    const QStringList ids{QStringLiteral("continue_small"), QStringLiteral("early_final"), QStringLiteral("unknown_expectation"),
                          QStringLiteral("no_body"),        QStringLiteral("http10"),      QStringLiteral("no_100_wait"),
                          QStringLiteral("after_early_final"), QStringLiteral("interim_order")};
    for (int i = 0; i < 16; ++i) {
        const QJsonObject c = checks.at(i).toObject();
        EXPECT_EQ(c.keys(), (QStringList{QStringLiteral("body_sent"), QStringLiteral("detail"), QStringLiteral("guide"),
                                         QStringLiteral("id"), QStringLiteral("interim"), QStringLiteral("rfc"),
                                         QStringLiteral("status"), QStringLiteral("timings_ms"), QStringLiteral("verdict"),
                                         QStringLiteral("via")}));
        EXPECT_EQ(c.value(QStringLiteral("id")).toString(), ids.at(i % 8));
        EXPECT_EQ(c.value(QStringLiteral("via")).toString(), i < 8 ? QStringLiteral("direct") : QStringLiteral("proxy"));
    }
    const QJsonObject first = checks.at(0).toObject();
    EXPECT_EQ(first.value(QStringLiteral("interim")).toArray(), QJsonArray{100});
    EXPECT_EQ(first.value(QStringLiteral("status")).toInt(), 200);
    EXPECT_EQ(first.value(QStringLiteral("verdict")).toString(), QStringLiteral("conforms"));
    const QJsonObject timings = first.value(QStringLiteral("timings_ms")).toObject();
    EXPECT_DOUBLE_EQ(timings.value(QStringLiteral("first_100")).toDouble(), 0.2);
    EXPECT_TRUE(timings.value(QStringLiteral("dns")).isNull()) << "a phase that did not happen is null";

    ProbeReport failed;
    failed.url = QUrl(QStringLiteral("http://x/"));
    failed.checks.append(judgeCheck(CheckId::ContinueSmall, Route::Direct,
                                    AttemptBuilder().error(http::ErrorKind::Connect, 1).observation(), options()));
    const QJsonObject f = reportToJson(failed);
    EXPECT_TRUE(f.value(QStringLiteral("proxy")).isNull());
    EXPECT_TRUE(f.value(QStringLiteral("checks")).toArray().at(0).toObject().value(QStringLiteral("status")).isNull());
}

// --- the requests -----------------------------------------------------------------------------

QByteArray wireHead(CheckId id, Route via = Route::Direct)
{
    ProbeOptions o = options();
    o.proxy = QUrl(QStringLiteral("http://127.0.0.1:3128"));
    const http::RequestSpec s = checkRequest(id, via, o);
    http::BuildOptions b;
    b.bodyBytes = s.body.size();
    b.absoluteForm = !s.proxy.isEmpty();
    return http::serializeHead(http::buildRequest(s, s.url, b));
}

TEST(ProbeRequests, WhatEachCheckPutsOnTheWire)
{
    EXPECT_TRUE(wireHead(CheckId::ContinueSmall).contains("PUT /up HTTP/1.1\r\n"));
    EXPECT_TRUE(wireHead(CheckId::ContinueSmall).contains("Content-Length: 512\r\nExpect: 100-continue\r\n"));
    EXPECT_TRUE(wireHead(CheckId::EarlyFinal).contains("Content-Length: 2097152\r\nExpect: 100-continue\r\n"));
    const QByteArray unknown = wireHead(CheckId::UnknownExpectation);
    EXPECT_TRUE(unknown.contains("Expect: x-statusscope-probe\r\n"));
    EXPECT_FALSE(unknown.contains("100-continue"));
    const QByteArray noBody = wireHead(CheckId::NoBody);
    EXPECT_TRUE(noBody.contains("Content-Length: 0\r\nExpect: 100-continue\r\n")) << noBody.toStdString();
    const QByteArray http10 = wireHead(CheckId::Http10);
    EXPECT_TRUE(http10.startsWith("PUT /up HTTP/1.0\r\n"));
    EXPECT_TRUE(http10.contains("Expect: 100-continue\r\n"));
    EXPECT_TRUE(wireHead(CheckId::InterimOrder, Route::Proxy).startsWith("PUT http://127.0.0.1:8080/up HTTP/1.1\r\n"));
    for (const CheckId id : kAllChecks) {
        const http::RequestSpec s = checkRequest(id, Route::Direct, options());
        EXPECT_FALSE(s.retryOn417) << checkName(id).toStdString();
        EXPECT_FALSE(s.reconnectStale) << checkName(id).toStdString();
        EXPECT_FALSE(s.followRedirects) << checkName(id).toStdString();
        EXPECT_TRUE(s.proxy.isEmpty()) << "direct means direct";
        EXPECT_LE(s.body.size(), kDefaultMaxBodyBytes);
    }
    EXPECT_EQ(checkRequest(CheckId::No100Wait, Route::Direct, options()).expect100TimeoutMs, 0);
    EXPECT_EQ(checkRequest(CheckId::Http10, Route::Direct, options()).expect100TimeoutMs, 1000);
}

TEST(ProbeRequests, GeneratedBodyHasTheExactSize)
{
    EXPECT_EQ(generatedBody(0).size(), 0);
    EXPECT_EQ(generatedBody(1).size(), 1);
    EXPECT_EQ(generatedBody(2 * 1024 * 1024).size(), 2 * 1024 * 1024);
    EXPECT_TRUE(generatedBody(100).startsWith("statusscope expect probe"));
}

TEST(ProbeRequests, Validation)
{
    ProbeOptions o = options();
    EXPECT_TRUE(validate(o).isEmpty());
    o.method = "GET";
    EXPECT_TRUE(validate(o).contains(QStringLiteral("PUT or POST")));
    o = options();
    o.url = QUrl(QStringLiteral("ftp://x/"));
    EXPECT_TRUE(validate(o).contains(QStringLiteral("http:// or https://")));
    o = options();
    o.largeBodyBytes = kDefaultMaxBodyBytes + 1;
    EXPECT_FALSE(validate(o).isEmpty());
    o = options();
    o.proxy = QUrl(QStringLiteral("socks5://127.0.0.1:1080"));
    EXPECT_TRUE(validate(o).contains(QStringLiteral("proxy")));
    EXPECT_EQ(plannedRequests(options()).size(), 8);
    EXPECT_TRUE(plannedRequests(options()).at(6).description.contains(QStringLiteral("then HEAD /up")));
}

TEST(ProbeNames, RoundTrip)
{
    for (const CheckId id : kAllChecks)
        EXPECT_EQ(checkFromName(checkName(id)), id);
    EXPECT_FALSE(checkFromName(u"nope").has_value());
}

} // namespace
