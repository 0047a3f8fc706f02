// SPDX-License-Identifier: GPL-3.0-or-later
// The hostile-server soak: the scripted server plays N randomized exchanges (1xx
// sequences and floods, random splits and pauses, closes, resets, stalls, valid and broken
// framing) against HttpEngine in one process. Every exchange must end inside its timeout with
// a complete response or a typed error, valid ones with the exact status and body, and the
// resident memory at the end must be within 10% of what it was after the first 1,000.
//
// STATUSSCOPE_SOAK_EXCHANGES (default 2,000, CI), STATUSSCOPE_SOAK_SEED, and
// STATUSSCOPE_SOAK_ONLY=INDEX to replay one case. bench/soak/run_soak.sh runs 10,000.
#include "core/http/http_engine.h"
#include "tests/integration/soak/hostile_scenario.h"
#include "tests/support/scripted_server.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <iostream>
#include <unistd.h>

using namespace statusscope::http;
using namespace statusscope::test;

namespace {

// Short, so a stalling server costs one second, and far above what any other case needs.
constexpr int kTimeoutMs = 1000;
// Scheduling slack on a loaded 2-core machine before an exchange counts as hung.
constexpr int kHangGraceMs = 500;
// Memory is compared after this many exchanges and at the end.
constexpr int kWarmupExchanges = 1000;
constexpr double kMaxRssGrowth = 0.10;
// Mismatches reported in full; the rest are only counted.
constexpr int kMaxReportedFailures = 20;

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

qint64 residentKiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) / 1024 : -1;
}

void play(ScriptedPeer &peer, const HostileScenario &s)
{
    for (const SoakPiece &piece : s.pieces) {
        if (piece.delayMs > 0)
            peer.sleepMs(piece.delayMs);
        if (!peer.write(piece.bytes))
            break; // the client gave up (a parse error): nothing more to say
    }
    switch (s.ending) {
    case SoakEnding::Close:
        peer.close();
        break;
    case SoakEnding::Reset:
        peer.reset();
        break;
    case SoakEnding::KeepOpen:
    case SoakEnding::Stall:
        peer.waitForClientClose(kTimeoutMs + kHangGraceMs);
        peer.close();
        break;
    }
}

// The server's whole life: each request names its scenario index in its target.
ScriptedServer::Script soakScript(quint64 seed)
{
    return [seed](ScriptedPeer &peer) {
        static const QRegularExpression target(QStringLiteral("^GET /soak/(\\d+) "));
        while (!peer.stopRequested()) {
            if (!peer.accept(200))
                continue;
            const QRegularExpressionMatch m = target.match(QString::fromLatin1(peer.readHead(2000)));
            if (m.hasMatch())
                play(peer, makeHostileScenario(seed, m.captured(1).toInt()));
        }
    };
}

// Empty when the exchange is what the scenario allows; otherwise what went wrong.
QString judge(const HostileScenario &s, const Exchange &x)
{
    if (x.attempts.size() != 1)
        return QStringLiteral("%1 attempts").arg(x.attempts.size());
    const Attempt &a = x.attempts.first();
    const bool complete = !a.error.isError() && a.response && a.response->bodyComplete;
    const bool exact = complete && a.response->status == s.status && a.response->body == s.body
                       && a.response->bodyBytes == s.body.size();
    if (!complete && !a.error.isError())
        return QStringLiteral("neither a complete response nor a typed error");
    switch (s.outcome) {
    case SoakOutcome::Response:
        if (!exact)
            return complete ? QStringLiteral("status %1 body %2 bytes, wanted %3 with %4 bytes")
                                  .arg(a.response->status).arg(a.response->bodyBytes).arg(s.status).arg(s.body.size())
                            : QStringLiteral("error %1: %2").arg(toString(a.error.kind), a.error.message);
        return {};
    case SoakOutcome::Error:
        if (!a.error.isError())
            return QStringLiteral("a response (%1) where an error was due").arg(a.response->status);
        if (s.errorKind && a.error.kind != *s.errorKind)
            return QStringLiteral("error %1 (%2), wanted %3").arg(toString(a.error.kind), a.error.message, toString(*s.errorKind));
        return {};
    case SoakOutcome::Either:
        if (complete && !exact)
            return QStringLiteral("a response that differs from what was sent");
        return {};
    case SoakOutcome::ResetUntilClose:
        if (complete)
            return QStringLiteral("a close-delimited body ended by a reset reported complete (%1 of %2 bytes)")
                .arg(a.response->bodyBytes).arg(s.body.size());
        if (a.response && (a.response->status != s.status || !s.body.startsWith(a.response->body)))
            return QStringLiteral("a response that is not a prefix of what was sent");
        return {};
    }
    return QStringLiteral("?");
}

TEST(HostileSoak, EveryExchangeEndsInTimeWithAResponseOrATypedErrorAndMemoryStaysFlat)
{
    const int total = envInt("STATUSSCOPE_SOAK_EXCHANGES", 2000);
    const quint64 seed = quint64(envInt("STATUSSCOPE_SOAK_SEED", 20261126));
    const int only = envInt("STATUSSCOPE_SOAK_ONLY", -1);
    ASSERT_GT(total, 0);
    const int warmup = qMin(kWarmupExchanges, qMax(1, total / 2));

    ScriptedServer server(soakScript(seed));
    QElapsedTimer wall;
    wall.start();
    qint64 rssWarm = -1;
    int hangs = 0, mismatches = 0, responses = 0, errors = 0, truncatedByReset = 0;
    qint64 maxMs = 0;
    QMap<ErrorKind, int> byKind;
    for (int i = 0; i < total; ++i) {
        if (only >= 0 && i != only)
            continue;
        const HostileScenario s = makeHostileScenario(seed, i);
        RequestSpec spec;
        spec.url = QUrl(server.url(QStringLiteral("/soak/%1").arg(i)));
        spec.connectTimeoutMs = kTimeoutMs;
        spec.totalTimeoutMs = kTimeoutMs;
        QElapsedTimer timer;
        timer.start();
        const Exchange x = runExchange(spec);
        const qint64 ms = timer.elapsed();
        maxMs = qMax(maxMs, ms);
        if (ms > kTimeoutMs + kHangGraceMs) {
            ++hangs;
            ADD_FAILURE() << "exchange " << i << " (" << s.name.toStdString() << ") took " << ms << " ms";
        }
        if (const QString why = judge(s, x); !why.isEmpty()) {
            if (++mismatches <= kMaxReportedFailures)
                ADD_FAILURE() << "exchange " << i << " (" << s.name.toStdString() << "): " << why.toStdString();
        }
        if (s.outcome == SoakOutcome::ResetUntilClose && !x.error().isError())
            ++truncatedByReset; // reported complete although a reset ended it
        if (x.error().isError()) {
            ++errors;
            ++byKind[x.error().kind];
        } else {
            ++responses;
        }
        if (i + 1 == warmup)
            rssWarm = residentKiB();
    }
    const qint64 rssEnd = residentKiB();
    const double seconds = double(wall.elapsed()) / 1000.0;

    QString kinds;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kinds += QStringLiteral(" %1=%2").arg(toString(it.key())).arg(it.value());
    std::cout << "SOAK exchanges=" << total << " seed=" << seed << " wall_s=" << seconds << " rss_after_" << warmup
              << "_kib=" << rssWarm << " rss_end_kib=" << rssEnd << " crashes=0 hangs=" << hangs
              << " mismatches=" << mismatches << " max_exchange_ms=" << maxMs << " responses=" << responses
              << " errors=" << errors << " reset_truncated_until_close_bodies=" << truncatedByReset << " (" << kinds.trimmed().toStdString() << ")" << std::endl;

    EXPECT_EQ(hangs, 0);
    EXPECT_EQ(mismatches, 0);
    EXPECT_EQ(truncatedByReset, 0);
    if (only < 0) {
        ASSERT_GT(rssWarm, 0);
        EXPECT_LE(double(rssEnd), double(rssWarm) * (1.0 + kMaxRssGrowth))
            << "RSS grew from " << rssWarm << " KiB after " << warmup << " exchanges to " << rssEnd << " KiB";
        // The mix really is hostile: both outcomes occur in numbers.
        EXPECT_GT(errors, total / 10);
        EXPECT_GT(responses, total / 2);
    }
}

} // namespace
