// SPDX-License-Identifier: GPL-3.0-or-later
// Long queries against a real clickhouse-server (Debian's 18.16): their progress comes from
// system.processes while they run, a cancel returns at once and leaves nothing running on the
// server, and the CLI prints the progress on stderr without changing what it prints on stdout.

#include "core/logs/source/clickhouse_endpoint.h"
#include "core/logs/source/clickhouse_source.h"
#include "tests/support/clickhouse_server.h"
#include "tests/support/test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

using statusscope::logs::ClickHouseEndpoint;
using statusscope::logs::ClickHouseSource;
using statusscope::logs::LogQuery;
using statusscope::logs::SourceErrorKind;
using statusscope::logs::SourceProgress;
using statusscope::logs::SourceSummary;
using statusscope::test::ClickHouseServer;
using statusscope::test::ProcessResult;
using statusscope::test::runCli;
using statusscope::test::runProcess;

namespace {

ClickHouseEndpoint endpointOf(const ClickHouseServer &server, const QString &dbTable)
{
    ClickHouseEndpoint endpoint;
    EXPECT_TRUE(statusscope::logs::parseClickHouseUrl(server.sourceUrl(dbTable), endpoint, nullptr));
    endpoint.password = ClickHouseServer::password();
    return endpoint;
}

TEST(ClickHouseProgress, ALongQueryReportsTheRowsReadOfTheServersEstimate)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    // About 31 blocks of 0.3 s on two threads: the count takes near five seconds.
    ASSERT_TRUE(server.createSlowTable(QStringLiteral("default.slow"), 2000000, 0.3)) << server.error().toStdString();
    ClickHouseSource source(endpointOf(server, QStringLiteral("default.slow")));
    // Until the first block has gone through, the server has neither rows read nor an estimate.
    QList<SourceProgress> seen;
    source.setProgressHandler([&](const SourceProgress &progress) {
        if (progress.rowsTotal > 0)
            seen << progress;
        if (seen.size() == 4)
            source.cancel();
    });
    const SourceSummary answer = source.summary(LogQuery{});
    EXPECT_EQ(answer.error.kind, SourceErrorKind::Cancelled) << answer.error.message.toStdString();
    ASSERT_GE(seen.size(), 4);
    for (qsizetype i = 0; i < seen.size(); ++i) {
        // The first query that takes long is the row count; the table lookup before it is instant.
        EXPECT_EQ(seen[i].stage, QStringLiteral("counting rows"));
        // MergeTree's estimate counts whole granules of the 2,000,000 rows.
        EXPECT_GE(seen[i].rowsTotal, 2000000);
        EXPECT_LT(seen[i].rowsTotal, 2100000);
        if (i > 0) {
            EXPECT_GE(seen[i].rowsRead, seen[i - 1].rowsRead);
            EXPECT_GT(seen[i].elapsedSeconds, seen[i - 1].elapsedSeconds);
        }
    }
    EXPECT_GT(seen.back().rowsRead, seen.front().rowsRead);
    EXPECT_LT(seen.back().rowsRead, seen.back().rowsTotal);
    static const QRegularExpression line(
        QStringLiteral("^counting rows: [0-9,]+ of 2,0[0-9]{2},[0-9]{3} rows \\([0-9]{1,2}%\\), [0-9]+\\.[0-9] s$"));
    const QString text = statusscope::logs::progressText(seen.back());
    EXPECT_TRUE(line.match(text).hasMatch()) << text.toStdString();
}

// Four billion generated requests in default.endless: counting them alone takes the server
// about a minute, so a query on it is still running whenever it is cancelled.
bool createEndlessView(ClickHouseServer &server)
{
    bool ok = false;
    server.query(QStringLiteral("CREATE VIEW default.endless AS SELECT toDateTime(1715594400 + intDiv(number, 1000)) "
                                "AS ts, toUInt16(200 + sipHash64(number) % 4 * 100) AS status, "
                                "concat('/p/', toString(number % 100)) AS path FROM numbers(4000000000)"),
                 &ok);
    return ok;
}

TEST(ClickHouseProgress, ACancelledQueryReturnsAtOnceAndIsGoneFromTheServer)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    ASSERT_TRUE(createEndlessView(server)) << server.error().toStdString();
    const ClickHouseEndpoint endpoint = endpointOf(server, QStringLiteral("default.endless"));
    ClickHouseSource source(endpoint);
    std::atomic<qint64> rowsRead{0};
    source.setProgressHandler([&](const SourceProgress &progress) { rowsRead.store(progress.rowsRead); });
    // As the log tab does: the call on a worker thread, the cancel from this one.
    QFuture<SourceSummary> running = QtConcurrent::run([&source] { return source.summary(LogQuery{}); });
    QElapsedTimer waited;
    waited.start();
    while (rowsRead.load() == 0 && !running.isFinished() && waited.elapsed() < 30000)
        QThread::msleep(20);
    ASSERT_GT(rowsRead.load(), 0) << "the count must be running and reporting before it is cancelled";
    ASSERT_EQ(server.runningStatusScopeQueries(), 1);

    QElapsedTimer cancelled;
    cancelled.start();
    source.cancel();
    running.waitForFinished();
    const qint64 tookMs = cancelled.elapsed();
    const SourceSummary answer = running.result();
    EXPECT_EQ(answer.error.kind, SourceErrorKind::Cancelled) << answer.error.message.toStdString();
    EXPECT_EQ(answer.error.message, endpoint.display() + QStringLiteral(": cancelled; the query was stopped on the server"));
    EXPECT_LT(tookMs, 3000);
    // KILL QUERY … SYNC answered before the call returned: nothing of ours is left running.
    EXPECT_EQ(server.statusScopeQueriesLeftAfter(), 0);
    std::printf("cancel returned after %lld ms, %lld rows read\n", static_cast<long long>(tookMs),
                static_cast<long long>(rowsRead.load()));
}

// A cancel that comes while the request is still on its way (a tab closed right after "Try
// again"): the query may reach the server after the connection was aborted and after a first
// KILL found nothing. Cancels at 0 to 9 ms after the call starts hit that window at some step;
// none may leave a query of ours running.
TEST(ClickHouseProgress, ACancelWhileTheRequestIsOnItsWayLeavesNothingRunning)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    ASSERT_TRUE(createEndlessView(server)) << server.error().toStdString();
    const ClickHouseEndpoint endpoint = endpointOf(server, QStringLiteral("default.endless"));
    for (int delayMs = 0; delayMs < 10; ++delayMs) {
        SCOPED_TRACE(::testing::Message() << "cancelled after " << delayMs << " ms");
        ClickHouseSource source(endpoint);
        QFuture<SourceSummary> running = QtConcurrent::run([&source] { return source.summary(LogQuery{}); });
        QThread::msleep(static_cast<unsigned long>(delayMs));
        source.cancel();
        running.waitForFinished();
        EXPECT_EQ(running.result().error.kind, SourceErrorKind::Cancelled) << running.result().error.message.toStdString();
        EXPECT_EQ(server.statusScopeQueriesLeftAfter(), 0);
    }
}

class ClickHouseCliProgress : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_passwordFile = ClickHouseServer::writePasswordFile(m_dir.path());
        ASSERT_FALSE(m_passwordFile.isEmpty());
        ASSERT_TRUE(m_server.start()) << m_server.error().toStdString();
        // About seven blocks of 0.2 s per query: each of the overview's queries is seen running.
        ASSERT_TRUE(m_server.createSlowTable(QStringLiteral("default.slow"), 400000, 0.2))
            << m_server.error().toStdString();
        m_url = m_server.sourceUrl(QStringLiteral("default.slow"));
    }

    QStringList sourceArgs() const
    {
        return {QStringLiteral("logs"), QStringLiteral("--password-file"), m_passwordFile, QStringLiteral("--json"),
                QStringLiteral("--source"), m_url};
    }

    // The JSON without its "source" object, whose bytes_received counts the progress polls too.
    static QJsonObject chart(const QByteArray &json)
    {
        QJsonObject object = QJsonDocument::fromJson(json).object();
        object.remove(QStringLiteral("source"));
        return object;
    }

    QTemporaryDir m_dir;
    QString m_passwordFile;
    ClickHouseServer m_server;
    QString m_url;
};

TEST_F(ClickHouseCliProgress, WithProgressStderrGetsLinesAndStdoutTheSameJson)
{
    const ProcessResult quiet = runCli(sourceArgs(), 120000);
    ASSERT_EQ(quiet.exitCode, 0) << ::testing::PrintToString(quiet);
    EXPECT_TRUE(quiet.err.isEmpty()) << "stderr is no terminal here: no progress unless asked: " << quiet.err.constData();

    const ProcessResult shown = runCli(sourceArgs() + QStringList{QStringLiteral("--progress")}, 120000);
    ASSERT_EQ(shown.exitCode, 0) << ::testing::PrintToString(shown);
    EXPECT_EQ(chart(shown.out), chart(quiet.out));
    EXPECT_GT(chart(shown.out)[QStringLiteral("lines_parsed")].toInteger(), 399000);
    // One line per report (at most one a second per stage) when stderr is not a terminal.
    static const QRegularExpression line(
        QStringLiteral("^statusscope-cli: logs: (counting rows|time range|buckets|top error paths|top clients|top user agents|top paths): "
                       "([0-9,]+ of 4[0-9]{2},[0-9]{3} rows \\([0-9]{1,3}%\\)|[0-9,]+ rows read), [0-9]+\\.[0-9] s$"));
    const QStringList lines = QString::fromUtf8(shown.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 3) << shown.err.constData();
    for (const QString &text : lines)
        EXPECT_TRUE(line.match(text).hasMatch()) << text.toStdString();
    EXPECT_TRUE(shown.err.contains("counting rows: ")) << shown.err.constData();
    EXPECT_TRUE(shown.err.contains("buckets: ")) << shown.err.constData();
}

TEST_F(ClickHouseCliProgress, OnATerminalTheLineIsRedrawnInPlaceAndStdoutStaysJson)
{
    // script(1) gives the CLI a terminal for stderr; stdout goes to a file, as in a pipeline.
    const QString out = m_dir.filePath(QStringLiteral("out.json"));
    QStringList quoted;
    for (const QString &arg : sourceArgs())
        quoted << QStringLiteral("'%1'").arg(arg);
    const QString command =
        QStringLiteral("'%1' %2 > '%3'").arg(QStringLiteral(STATUSSCOPE_CLI_PATH), quoted.join(QLatin1Char(' ')), out);
    const ProcessResult terminal =
        runProcess(QStringLiteral("script"), {QStringLiteral("-qefc"), command, QStringLiteral("/dev/null")}, 120000);
    ASSERT_EQ(terminal.exitCode, 0) << ::testing::PrintToString(terminal);
    EXPECT_TRUE(terminal.out.contains("\rstatusscope-cli: logs: counting rows: ")) << terminal.out.constData();
    EXPECT_TRUE(terminal.out.contains(" s\x1b[K")) << terminal.out.constData();
    // The last thing written clears the line, so the shell prompt starts clean.
    EXPECT_TRUE(terminal.out.endsWith("\r\x1b[K")) << terminal.out.constData();
    QFile json(out);
    ASSERT_TRUE(json.open(QIODevice::ReadOnly));
    EXPECT_GT(chart(json.readAll())[QStringLiteral("lines_parsed")].toInteger(), 399000);
}

} // namespace
