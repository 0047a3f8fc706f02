// SPDX-License-Identifier: GPL-3.0-or-later
// `statusscope-cli diagnose FILE`: the fixtures in tests/fixtures/diagnose, the exit statuses of
// DESIGN.md, and an exchange recorded by `send --json` against a real server on loopback.

#include "core/http/exchange_json.h"
#include "tests/support/test_support.h"
#include "tests/unit/diagnose/recorded_exchanges.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

QString fixture(const char *name)
{
    return test::fixturePath(QStringLiteral("diagnose/") + QLatin1String(name));
}

QJsonObject diagnoseJson(const QString &path, test::ProcessResult *run)
{
    *run = test::runCli({QStringLiteral("diagnose"), path, QStringLiteral("--json")});
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(run->out, &error).object();
    EXPECT_EQ(error.error, QJsonParseError::NoError) << run->out.left(300).toStdString();
    return root;
}

} // namespace

TEST(DiagnoseCli, TextNamesRuleCauseFixAndGuide)
{
    const test::ProcessResult run = test::runCli({QStringLiteral("diagnose"), fixture("expect-417-retried.json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QString out = QString::fromUtf8(run.out);
    EXPECT_TRUE(out.startsWith(QStringLiteral("expect-417-retried.json (exchange): 1 finding"))) << run.out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("[info] expect-417:")));
    EXPECT_TRUE(out.contains(QStringLiteral("succeeded with 201")));
    EXPECT_TRUE(out.contains(QStringLiteral("curl -H 'Expect:'")));
    EXPECT_TRUE(out.contains(QStringLiteral("Guide: statusscope-cli guide 417")));
}

TEST(DiagnoseCli, JsonHasTheContractFields)
{
    test::ProcessResult run;
    const QJsonObject root = diagnoseJson(fixture("cloudfront-504.json"), &run);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(root.value(QStringLiteral("kind")).toString(), QStringLiteral("exchange"));
    EXPECT_EQ(root.value(QStringLiteral("file")).toString(), fixture("cloudfront-504.json"));
    const QJsonArray findings = root.value(QStringLiteral("findings")).toArray();
    ASSERT_EQ(findings.size(), 1);
    const QJsonObject f = findings.at(0).toObject();
    for (const char *key : {"rule", "severity", "title", "explanation", "cause", "fix", "guide", "attempt", "entry"})
        EXPECT_TRUE(f.contains(QLatin1String(key))) << key;
    EXPECT_EQ(f.value(QStringLiteral("rule")).toString(), QStringLiteral("upstream-failure"));
    EXPECT_EQ(f.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    EXPECT_EQ(f.value(QStringLiteral("guide")).toString(), QStringLiteral("504"));
    EXPECT_EQ(f.value(QStringLiteral("attempt")).toInt(-1), 0);
    EXPECT_TRUE(f.value(QStringLiteral("entry")).isNull());
}

TEST(DiagnoseCli, EachExchangeFixtureGivesItsFinding)
{
    const struct { const char *file; const char *rule; const char *guide; } cases[] = {
        {"expect-ignored.json", "expect-timeout", "100"},
        {"rejected-before-body-413.json", "rejected-before-body", "413"},
        {"rate-limited-429.json", "retry-after", "429"},
        {"cert-expired.json", "transport-error", "cert-expired"},
    };
    for (const auto &c : cases) {
        test::ProcessResult run;
        const QJsonArray findings = diagnoseJson(fixture(c.file), &run).value(QStringLiteral("findings")).toArray();
        ASSERT_EQ(run.exitCode, 0) << c.file;
        ASSERT_EQ(findings.size(), 1) << c.file;
        EXPECT_EQ(findings.at(0)[QStringLiteral("rule")].toString(), QLatin1String(c.rule)) << c.file;
        EXPECT_EQ(findings.at(0)[QStringLiteral("guide")].toString(), QLatin1String(c.guide)) << c.file;
    }
}

TEST(DiagnoseCli, NoFindingsIsStillSuccess)
{
    test::ProcessResult run;
    const QJsonObject root = diagnoseJson(fixture("healthy-201.json"), &run);
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(root.value(QStringLiteral("findings")).toArray().isEmpty());
    const test::ProcessResult text = test::runCli({QStringLiteral("diagnose"), fixture("healthy-201.json")});
    EXPECT_EQ(text.out, QByteArray("healthy-201.json (exchange): no findings\n"));
}

TEST(DiagnoseCli, HarFindingsCarryTheEntry)
{
    test::ProcessResult run;
    const QJsonObject root = diagnoseJson(fixture("troubled-page.har"), &run);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(root.value(QStringLiteral("kind")).toString(), QStringLiteral("har"));
    const QJsonArray findings = root.value(QStringLiteral("findings")).toArray();
    ASSERT_EQ(findings.size(), 10);
    const QJsonObject first = findings.at(0).toObject();
    EXPECT_EQ(first.value(QStringLiteral("rule")).toString(), QStringLiteral("no-response"));
    EXPECT_EQ(first.value(QStringLiteral("entry")).toInt(-1), 2);
    EXPECT_TRUE(first.value(QStringLiteral("attempt")).isNull());
    EXPECT_EQ(first.value(QStringLiteral("guide")).toString(), QStringLiteral("0"));
}

TEST(DiagnoseCli, ExitStatuses)
{
    EXPECT_EQ(test::runCli({QStringLiteral("diagnose")}).exitCode, 2);
    EXPECT_EQ(test::runCli({QStringLiteral("diagnose"), QStringLiteral("--bogus"), fixture("healthy-201.json")}).exitCode, 2);
    EXPECT_EQ(test::runCli({QStringLiteral("diagnose"), fixture("healthy-201.json"), fixture("cert-expired.json")}).exitCode, 2);

    const test::ProcessResult truncated = test::runCli({QStringLiteral("diagnose"), fixture("truncated.json")});
    EXPECT_EQ(truncated.exitCode, 7);
    EXPECT_TRUE(truncated.err.contains("(byte ")) << truncated.err.toStdString();
    const test::ProcessResult wrong = test::runCli({QStringLiteral("diagnose"), fixture("wrong-type.json")});
    EXPECT_EQ(wrong.exitCode, 7);
    EXPECT_TRUE(wrong.err.contains("attempts[0].request.body_bytes")) << wrong.err.toStdString();
    // Neither an exchange nor a HAR (the README of the fixtures).
    EXPECT_EQ(test::runCli({QStringLiteral("diagnose"), fixture("README.md")}).exitCode, 7);
    EXPECT_EQ(test::runCli({QStringLiteral("diagnose"), test::fixturePath(QStringLiteral("har/not-valid.har"))}).exitCode, 7);

    const test::ProcessResult missing = test::runCli({QStringLiteral("diagnose"), QStringLiteral("/nonexistent/exchange.json")});
    EXPECT_EQ(missing.exitCode, 8);
    EXPECT_TRUE(missing.err.contains("/nonexistent/exchange.json")) << missing.err.toStdString();
    // A directory opens but cannot be read as a file.
    EXPECT_EQ(test::runCli({QStringLiteral("diagnose"), test::fixturePath(QStringLiteral("diagnose"))}).exitCode, 8);
}

// End to end: Python's http.server speaks HTTP/1.0 and never answers Expect: 100-continue, so
// `send --expect100 always` waits its timeout; the saved exchange must be diagnosed as such.
TEST(DiagnoseCli, RealExchangeFromSendJson)
{
    QProcess server;
    server.setProgram(QStringLiteral("python3"));
    server.setArguments({QStringLiteral("-u"), QStringLiteral("-c"),
                         QStringLiteral("import http.server\n"
                                        "class H(http.server.BaseHTTPRequestHandler):\n"
                                        "    def do_POST(self):\n"
                                        "        self.rfile.read(int(self.headers['Content-Length']))\n"
                                        "        self.send_response(200)\n"
                                        "        self.send_header('Content-Length', '2')\n"
                                        "        self.end_headers()\n"
                                        "        self.wfile.write(b'ok')\n"
                                        "    def log_message(self, *args):\n"
                                        "        pass\n"
                                        "s = http.server.HTTPServer(('127.0.0.1', 0), H)\n"
                                        "print(s.server_address[1])\n"
                                        "s.serve_forever()\n")});
    server.start();
    ASSERT_TRUE(server.waitForStarted(5000));
    ASSERT_TRUE(server.waitForReadyRead(5000));
    const QByteArray port = server.readLine().trimmed();
    ASSERT_FALSE(port.isEmpty());

    const QString url = QStringLiteral("http://127.0.0.1:%1/upload").arg(QString::fromLatin1(port));
    const test::ProcessResult sent = test::runCli({QStringLiteral("send"), QStringLiteral("--json"), QStringLiteral("-X"),
                                                   QStringLiteral("POST"), QStringLiteral("--expect100"), QStringLiteral("always"),
                                                   QStringLiteral("--expect100-timeout"), QStringLiteral("0.3"),
                                                   QStringLiteral("-d"), QStringLiteral("name=value"), url});
    server.kill();
    server.waitForFinished(5000);
    ASSERT_EQ(sent.exitCode, 0) << sent.err.toStdString();

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString saved = dir.filePath(QStringLiteral("exchange.json"));
    QFile file(saved);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(sent.out);
    file.close();

    test::ProcessResult run;
    const QJsonArray findings = diagnoseJson(saved, &run).value(QStringLiteral("findings")).toArray();
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QStringList rules;
    for (const QJsonValue &f : findings)
        rules << f[QStringLiteral("rule")].toString();
    EXPECT_TRUE(rules.contains(QStringLiteral("expect-timeout"))) << rules.join(QLatin1Char(',')).toStdString();
}

// file_kind looks at the first 64 KiB only; a long chain puts "final_status" far beyond it.
TEST(DiagnoseCli, LongExchangeBeyondTheProbeWindow)
{
    QList<QPair<QString, int>> hops;
    for (int i = 0; i < 40; ++i)
        hops.append({QStringLiteral("http://chain.test/step/%1").arg(i % 20), 302});
    http::Exchange x = test::recorded::redirectChain(hops, "GET");
    for (http::Attempt &a : x.attempts) // realistic bulk: a big Content-Security-Policy per response
        a.response->headers.append(http::Header("Content-Security-Policy", QByteArray(3000, 'x')));
    const QByteArray json = QJsonDocument(http::exchangeToJson(x)).toJson(QJsonDocument::Indented);
    ASSERT_GT(json.indexOf("\"final_status\""), 64 * 1024);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("long.json")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    test::ProcessResult run;
    const QJsonArray findings = diagnoseJson(file.fileName(), &run).value(QStringLiteral("findings")).toArray();
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings.at(0)[QStringLiteral("rule")].toString(), QStringLiteral("redirect-loop"));
    EXPECT_EQ(findings.at(0)[QStringLiteral("attempt")].toInt(), 20);
}
