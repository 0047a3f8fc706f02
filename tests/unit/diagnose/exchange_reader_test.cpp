// SPDX-License-Identifier: GPL-3.0-or-later
// Reading `send --json` back into an Exchange (core/http_io, the one reader the GUI and the CLI
// share): a round trip through the writer keeps what the rules use; bad documents fail with the
// JSON path or byte offset.

#include "core/diagnose/exchange_rules.h"
#include "core/http/exchange_json.h"
#include "core/http_io/exchange_json_reader.h"
#include "tests/support/test_support.h"
#include "tests/unit/diagnose/recorded_exchanges.h"

#include <QFile>
#include <QJsonDocument>

#include <gtest/gtest.h>

namespace statusscope::diagnose {
namespace {

namespace rec = test::recorded;
using http::ExchangeReadResult;
using http::ExchangeReadStatus;
using http::readExchangeFile;
using http::readExchangeJson;

QByteArray toJson(const http::Exchange &x)
{
    return QJsonDocument(http::exchangeToJson(x)).toJson(QJsonDocument::Compact);
}

TEST(ExchangeReader, RoundTripKeepsAttemptsEventsAndResponses)
{
    const http::Exchange original = rec::expect417Retried();
    const ExchangeReadResult r = readExchangeJson(toJson(original));
    ASSERT_TRUE(r.ok()) << r.describe().toStdString();
    const http::Exchange &x = r.exchange;
    EXPECT_EQ(x.url, original.url);
    EXPECT_EQ(x.startedAt, original.startedAt);
    ASSERT_EQ(x.attempts.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const http::Attempt &a = x.attempts.at(i);
        const http::Attempt &o = original.attempts.at(i);
        EXPECT_EQ(a.reason, o.reason);
        EXPECT_EQ(a.url, o.url);
        EXPECT_EQ(a.request.method, o.request.method);
        EXPECT_EQ(a.request.headers, o.request.headers);
        EXPECT_EQ(a.request.bodyBytes, o.request.bodyBytes);
        EXPECT_EQ(a.request.bodySentBytes, o.request.bodySentBytes);
        EXPECT_EQ(a.request.expectSent, o.request.expectSent);
        EXPECT_EQ(a.connection.reused, o.connection.reused);
        ASSERT_EQ(a.events.size(), o.events.size());
        for (int e = 0; e < a.events.size(); ++e) {
            EXPECT_EQ(a.events.at(e).type, o.events.at(e).type);
            EXPECT_EQ(a.events.at(e).tNs, o.events.at(e).tNs);
            EXPECT_EQ(a.events.at(e).status, o.events.at(e).status);
            EXPECT_EQ(a.events.at(e).bytes, o.events.at(e).bytes);
            EXPECT_EQ(a.events.at(e).detail, o.events.at(e).detail);
        }
        ASSERT_TRUE(a.response.has_value());
        EXPECT_EQ(a.response->status, o.response->status);
        EXPECT_EQ(a.response->headers, o.response->headers);
        EXPECT_EQ(a.response->tNs, o.response->tNs);
    }
    EXPECT_EQ(x.finalStatus(), 201);
}

TEST(ExchangeReader, RoundTripKeepsErrorsTlsAndInterim)
{
    const ExchangeReadResult tls = readExchangeJson(toJson(rec::transportFailure(
        http::ErrorKind::Tls, QStringLiteral("certificate verification failed: The certificate has expired"), true)));
    ASSERT_TRUE(tls.ok());
    EXPECT_EQ(tls.exchange.error().kind, http::ErrorKind::Tls);
    EXPECT_TRUE(tls.exchange.error().message.contains(QStringLiteral("expired")));

    const ExchangeReadResult interim = readExchangeJson(toJson(rec::rejectedAfter100()));
    ASSERT_TRUE(interim.ok());
    ASSERT_EQ(interim.exchange.attempts.at(0).interim.size(), 1);
    EXPECT_EQ(interim.exchange.attempts.at(0).interim.at(0).status, 100);
    EXPECT_EQ(interim.exchange.attempts.at(0).interim.at(0).tNs, 2'500'000);
}

TEST(ExchangeReader, DiagnosisIsTheSameAfterARoundTrip)
{
    const QList<http::Exchange> all = {rec::expect417Retried(), rec::expectIgnored(), rec::rejectedAfter100(),
                                       rec::cdn500(), rec::misdirected(true), rec::tooManyRequests("Thu, 26 Nov 2026 10:05:00 GMT")};
    for (const http::Exchange &x : all) {
        const ExchangeReadResult r = readExchangeJson(toJson(x));
        ASSERT_TRUE(r.ok());
        const Findings before = diagnoseExchange(x);
        const Findings after = diagnoseExchange(r.exchange);
        ASSERT_EQ(before.size(), after.size());
        for (int i = 0; i < before.size(); ++i) {
            EXPECT_EQ(before[i].rule, after[i].rule);
            EXPECT_EQ(before[i].explanation, after[i].explanation);
            EXPECT_EQ(before[i].event, after[i].event);
        }
    }
}

TEST(ExchangeReader, FixtureFilesLoad)
{
    const ExchangeReadResult r = readExchangeFile(test::fixturePath(QStringLiteral("diagnose/expect-ignored.json")));
    ASSERT_TRUE(r.ok()) << r.describe().toStdString();
    const Findings f = diagnoseExchange(r.exchange);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].rule, QStringLiteral("expect-timeout"));
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("1.00 s lost")));

    const ExchangeReadResult c = readExchangeFile(test::fixturePath(QStringLiteral("diagnose/cert-expired.json")));
    ASSERT_TRUE(c.ok());
    const Findings g = diagnoseExchange(c.exchange);
    ASSERT_EQ(g.size(), 1);
    EXPECT_EQ(g[0].guide, QStringLiteral("cert-expired"));
}

TEST(ExchangeReader, NotJsonGivesByteOffset)
{
    const ExchangeReadResult r = readExchangeFile(test::fixturePath(QStringLiteral("diagnose/truncated.json")));
    EXPECT_EQ(r.status, ExchangeReadStatus::NotJson);
    EXPECT_GT(r.byteOffset, 100);
    EXPECT_TRUE(r.describe().contains(QStringLiteral("(byte ")));
}

TEST(ExchangeReader, WrongTypeNamesTheJsonPath)
{
    const ExchangeReadResult r = readExchangeFile(test::fixturePath(QStringLiteral("diagnose/wrong-type.json")));
    EXPECT_EQ(r.status, ExchangeReadStatus::NotExchange);
    EXPECT_EQ(r.jsonPath, QStringLiteral("attempts[0].request.body_bytes"));
    EXPECT_EQ(r.message, QStringLiteral("expected a number"));
}

TEST(ExchangeReader, MissingAndUnknownValues)
{
    EXPECT_EQ(readExchangeJson("{\"url\": \"http://x/\"}").jsonPath, QStringLiteral("attempts"));
    EXPECT_EQ(readExchangeJson("{\"attempts\": []}").jsonPath, QStringLiteral("attempts"));
    EXPECT_EQ(readExchangeJson("[1]").status, ExchangeReadStatus::NotExchange);
    // An event type from a newer writer is skipped with a warning naming it, not an error: the
    // CLI diagnoses what the GUI shows.
    const ExchangeReadResult r = readExchangeJson(
        R"({"attempts": [{"request": {"method": "GET"}, "events": [{"t_ms": 1, "type": "teleport"}]}]})");
    ASSERT_TRUE(r.ok()) << r.describe().toStdString();
    EXPECT_TRUE(r.exchange.attempts.at(0).events.isEmpty());
    ASSERT_EQ(r.warnings.size(), 1);
    EXPECT_EQ(r.warnings.at(0), QStringLiteral("attempts[0].events[0]: unknown event type \"teleport\" skipped"));
    // The type itself is still required.
    EXPECT_EQ(readExchangeJson(R"({"attempts": [{"request": {"method": "GET"}, "events": [{"t_ms": 1}]}]})").jsonPath,
              QStringLiteral("attempts[0].events[0].type"));
    // Unknown fields are allowed: writers may add fields (DESIGN.md).
    EXPECT_TRUE(readExchangeJson(R"({"attempts": [{"request": {"method": "GET"}, "future": 1}], "also": true})").ok());
}

TEST(ExchangeReader, UnreadableFile)
{
    const ExchangeReadResult r = readExchangeFile(QStringLiteral("/nonexistent/exchange.json"));
    EXPECT_EQ(r.status, ExchangeReadStatus::FileError);
}


TEST(ExchangeReader, OutOfRangeNumbersAreErrorsNotOverflows)
{
    ExchangeReadResult r = readExchangeJson(R"({"attempts": [{"request": {"method": "GET"},
        "events": [{"t_ms": 1e300, "type": "dns_start"}]}]})");
    EXPECT_EQ(r.jsonPath, QStringLiteral("attempts[0].events[0].t_ms"));
    EXPECT_TRUE(r.message.contains(QStringLiteral("out of range"))) << r.message.toStdString();
    r = readExchangeJson(R"({"attempts": [{"request": {"method": "GET", "body_bytes": -5}}]})");
    EXPECT_EQ(r.jsonPath, QStringLiteral("attempts[0].request.body_bytes"));
    r = readExchangeJson(R"({"attempts": [{"request": {"method": "GET"}, "response": {"status": 4170}}]})");
    EXPECT_EQ(r.jsonPath, QStringLiteral("attempts[0].response.status"));
    r = readExchangeJson(R"({"attempts": [{"request": {"method": "GET", "body_bytes": -1}}]})");
    EXPECT_TRUE(r.ok()); // -1: unknown length, as the engine writes it
}


// Every cut of a saved exchange is an error with a position, never a crash or a half exchange.
TEST(ExchangeReader, EveryTruncationIsReportedNotJson)
{
    QFile file(test::fixturePath(QStringLiteral("diagnose/expect-417-retried.json")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray full = file.readAll().trimmed();
    ASSERT_TRUE(readExchangeJson(full).ok());
    for (qsizetype cut = 0; cut < full.size(); cut += 7) {
        const ExchangeReadResult r = readExchangeJson(full.left(cut));
        EXPECT_EQ(r.status, ExchangeReadStatus::NotJson) << "cut at " << cut;
        EXPECT_GE(r.byteOffset, 0) << "cut at " << cut;
        // QJsonParseError points one past the last byte when the text ends inside a token.
        EXPECT_LE(r.byteOffset, cut + 1) << "cut at " << cut;
    }
}

// Every value replaced by a value of each other JSON type: an error naming a path, or (for
// fields that may be null) a valid exchange; never a crash.
TEST(ExchangeReader, EveryTypeSwapIsHandled)
{
    QFile file(test::fixturePath(QStringLiteral("diagnose/rejected-before-body-413.json")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    const QList<QByteArray> replacements = {"null", "true", "-1", "1e308", "\"text\"", "[]", "{}", "[[1, 2]]"};
    int errors = 0;
    // Swap each scalar value after a key (`"name": ` in the writer's indented form).
    for (qsizetype at = original.indexOf("\": "); at >= 0; at = original.indexOf("\": ", at + 3)) {
        const qsizetype start = at + 3;
        if (original.at(start) == '{' || original.at(start) == '[')
            continue;
        qsizetype end = start;
        if (original.at(start) == '"') { // a string may hold commas ("Thu, 26 Nov 2026 …")
            end = start + 1;
            while (end < original.size() && original.at(end) != '"')
                end += original.at(end) == '\\' ? 2 : 1;
            ++end;
        } else {
            while (end < original.size() && original.at(end) != ',' && original.at(end) != '\n')
                ++end;
        }
        for (const QByteArray &value : replacements) {
            const QByteArray mutated = original.left(start) + value + original.mid(end);
            const ExchangeReadResult r = readExchangeJson(mutated);
            if (!r.ok()) {
                ++errors;
                EXPECT_EQ(r.status, ExchangeReadStatus::NotExchange) << mutated.mid(start - 30, 60).toStdString();
                EXPECT_FALSE(r.jsonPath.isEmpty());
            } else {
                diagnoseExchange(r.exchange); // must not crash on whatever was accepted
            }
        }
    }
    EXPECT_GT(errors, 100);
}

} // namespace
} // namespace statusscope::diagnose
