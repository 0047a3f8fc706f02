// SPDX-License-Identifier: GPL-3.0-or-later
// Phase durations derived from events stamped on a fake clock (no sleeping, as curl's
// tests/unit/unit1399.c does it): a phase that did not happen is empty, never a made-up 0.
#include "core/http/clock.h"
#include "core/http/http_types.h"

#include <gtest/gtest.h>

using namespace statusscope::http;

namespace {

struct Builder
{
    ManualClock clock;
    Attempt attempt;
    Builder &at(double ms)
    {
        clock.setNs(qint64(ms * 1e6));
        return *this;
    }
    Builder &ev(EventType type, int status = 0)
    {
        Event e;
        e.type = type;
        e.tNs = clock.nowNs();
        e.status = status;
        attempt.events.append(e);
        return *this;
    }
};

TEST(Timings, ExpectContinueUploadWithDnsAndTls)
{
    Builder b;
    b.at(0).ev(EventType::DnsStart).at(2).ev(EventType::DnsDone).ev(EventType::ConnectStart).at(5).ev(EventType::ConnectDone)
        .ev(EventType::TlsStart).at(15).ev(EventType::TlsDone).at(15.5).ev(EventType::RequestHeadersSent).ev(EventType::ExpectWaitStart)
        .at(20).ev(EventType::InterimResponse, 100).ev(EventType::BodySendStart).at(120).ev(EventType::BodySent);
    Response r;
    r.firstByteNs = qint64(130 * 1e6);
    b.attempt.response = r;
    b.at(131).ev(EventType::ResponseHeaders, 200).at(140).ev(EventType::ResponseBodyDone);
    const Timings t = deriveTimings(b.attempt);
    EXPECT_DOUBLE_EQ(*t.dns, 2.0);
    EXPECT_DOUBLE_EQ(*t.connect, 3.0);
    EXPECT_DOUBLE_EQ(*t.tls, 10.0);
    EXPECT_DOUBLE_EQ(*t.sendHeaders, 0.5);
    EXPECT_DOUBLE_EQ(*t.wait100, 4.5);
    EXPECT_DOUBLE_EQ(*t.upload, 100.0);
    EXPECT_DOUBLE_EQ(*t.ttfb, 10.0);
    EXPECT_DOUBLE_EQ(*t.download, 9.0);
    EXPECT_DOUBLE_EQ(*t.total, 140.0);
}

TEST(Timings, PhasesThatDidNotHappenAreEmpty)
{
    Builder b;
    b.at(1).ev(EventType::ConnectStart).at(1.25).ev(EventType::ConnectDone).at(1.5).ev(EventType::RequestHeadersSent);
    Response r;
    r.firstByteNs = qint64(3 * 1e6);
    b.attempt.response = r;
    b.at(3).ev(EventType::ResponseHeaders, 204).ev(EventType::ResponseBodyDone);
    const Timings t = deriveTimings(b.attempt);
    EXPECT_FALSE(t.dns.has_value());
    EXPECT_FALSE(t.tls.has_value());
    EXPECT_FALSE(t.wait100.has_value());
    EXPECT_FALSE(t.upload.has_value());
    EXPECT_DOUBLE_EQ(*t.connect, 0.25);
    EXPECT_DOUBLE_EQ(*t.ttfb, 1.5);
    EXPECT_DOUBLE_EQ(*t.download, 0.0); // it happened, in no time: a real 0
}

TEST(Timings, Wait100EndsAtTheTimeoutOrAFinalStatus)
{
    Builder timeout;
    timeout.at(0).ev(EventType::RequestHeadersSent).ev(EventType::ExpectWaitStart).at(1000).ev(EventType::ExpectTimeout);
    EXPECT_DOUBLE_EQ(*deriveTimings(timeout.attempt).wait100, 1000.0);
    Builder refused;
    refused.at(0).ev(EventType::RequestHeadersSent).ev(EventType::ExpectWaitStart).at(3).ev(EventType::ResponseHeaders, 401);
    EXPECT_DOUBLE_EQ(*deriveTimings(refused.attempt).wait100, 3.0);
    Builder early;
    early.at(0).ev(EventType::RequestHeadersSent).ev(EventType::ExpectWaitStart).at(2).ev(EventType::InterimResponse, 103)
        .at(5).ev(EventType::InterimResponse, 100);
    EXPECT_DOUBLE_EQ(*deriveTimings(early.attempt).wait100, 5.0) << "a 103 does not end the wait for 100";
}

TEST(Timings, ManualClockNeverGoesBackwards)
{
    ManualClock c;
    c.setNs(100);
    c.setNs(50);
    EXPECT_EQ(c.nowNs(), 100);
    c.advanceMs(1);
    EXPECT_EQ(c.nowNs(), 1000100);
}

TEST(HttpEnums, NamesFollowDesign)
{
    EXPECT_EQ(toString(EventType::RequestHeadersSent), QStringLiteral("request_headers_sent"));
    EXPECT_EQ(toString(EventType::ExpectTimeout), QStringLiteral("expect_timeout"));
    EXPECT_EQ(toString(AttemptReason::RetryWithoutExpect), QStringLiteral("retry-without-expect"));
    EXPECT_EQ(toString(ErrorKind::Cancelled), QStringLiteral("cancelled"));
    EXPECT_EQ(::testing::PrintToString(ExpectMode::Always), "always");
    EXPECT_EQ(::testing::PrintToString(Error{ErrorKind::Tls, QStringLiteral("bad")}), "tls: bad");
    EXPECT_EQ(expectModeFromString(u"never"), ExpectMode::Never);
    EXPECT_FALSE(expectModeFromString(u"sometimes").has_value());
}

} // namespace
