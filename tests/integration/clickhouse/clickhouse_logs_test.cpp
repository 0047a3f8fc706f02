// SPDX-License-Identifier: GPL-3.0-or-later
// `statusscope-cli logs --to clickhouse://…` and `--source clickhouse://…` against real
// clickhouse-server processes (Debian's 18.16 here, started by tests/support/clickhouse_server).
// The promise under test: a log loaded into ClickHouse and charted from there gives exactly what
// reading the file itself gives.

#include "core/logs/source/clickhouse_endpoint.h"
#include "core/logs/source/clickhouse_loader.h"
#include "core/logs/source/clickhouse_schema.h"
#include "core/logs/source/clickhouse_source.h"
#include "core/logs/source/local_file_source.h"
#include "tests/support/clickhouse_server.h"
#include "tests/support/test_support.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using statusscope::test::ClickHouseCluster;
using statusscope::test::ClickHouseServer;
using statusscope::test::fixturePath;
using statusscope::test::ProcessResult;
using statusscope::test::runCli;
using statusscope::test::runProcess;

namespace {

QString generate(const QTemporaryDir &dir, const QString &name, const QStringList &arguments, QJsonObject *stats = nullptr)
{
    const QString path = dir.filePath(name);
    const QString statsPath = path + QStringLiteral(".stats.json");
    const ProcessResult result = runProcess(QStringLiteral("python3"),
                                            QStringList{fixturePath(QStringLiteral("logs/gen_access_log.py"))} + arguments
                                                + QStringList{QStringLiteral("-o"), path, QStringLiteral("--stats"), statsPath},
                                            120000);
    EXPECT_EQ(result.exitCode, 0) << ::testing::PrintToString(result);
    if (stats) {
        QFile file(statsPath);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        *stats = QJsonDocument::fromJson(file.readAll()).object();
    }
    return path;
}

QString text(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

QJsonObject parseJson(const ProcessResult &result)
{
    EXPECT_EQ(result.exitCode, 0) << ::testing::PrintToString(result);
    return QJsonDocument::fromJson(result.out).object();
}

class ClickHouseLogs : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_passwordFile = ClickHouseServer::writePasswordFile(m_dir.path());
        ASSERT_FALSE(m_passwordFile.isEmpty());
    }

    ProcessResult cli(const QStringList &args, int timeoutMs = 120000)
    {
        return runCli(QStringList{QStringLiteral("logs"), QStringLiteral("--password-file"), m_passwordFile} + args,
                      timeoutMs);
    }
    ProcessResult load(const QString &url, const QStringList &files)
    {
        return cli(QStringList{QStringLiteral("--to"), url} + files);
    }
    QJsonObject readSource(const QString &url, const QStringList &extra = {})
    {
        return parseJson(cli(QStringList{QStringLiteral("--json"), QStringLiteral("--source"), url} + extra));
    }
    QJsonObject readLocal(const QStringList &files, const QStringList &extra = {})
    {
        return parseJson(runCli(QStringList{QStringLiteral("logs"), QStringLiteral("--json")} + extra + files, 120000));
    }
    qint64 rows(ClickHouseServer &server, const QString &table)
    {
        bool ok = false;
        const QByteArray body = server.query(QStringLiteral("SELECT count() FROM %1").arg(table), &ok);
        EXPECT_TRUE(ok) << server.error().toStdString();
        return body.trimmed().toLongLong();
    }

    // Everything the chart and the accounting show must be the same, key by key.
    static void expectSame(const QJsonObject &local, const QJsonObject &remote)
    {
        for (const char *key : {"lines_total", "lines_parsed", "lines_skipped", "lines_meta", "lines_filtered",
                                "status_counts", "class_counts", "time_range", "series", "spikes"}) {
            const QString name = QString::fromLatin1(key);
            EXPECT_EQ(text(local[name]), text(remote[name])) << key;
        }
        EXPECT_EQ(text(local[QStringLiteral("skipped")][QStringLiteral("by_reason")]),
                  text(remote[QStringLiteral("skipped")][QStringLiteral("by_reason")]));
        EXPECT_EQ(text(local[QStringLiteral("deviations")][QStringLiteral("by_type")]),
                  text(remote[QStringLiteral("deviations")][QStringLiteral("by_type")]));
    }

    QTemporaryDir m_dir;
    QString m_passwordFile;
};

TEST_F(ClickHouseLogs, LoadedLogReadsBackExactlyAsTheFile)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    QJsonObject stats;
    // Malformed lines of every kind, and the generator's default error bursts (spikes).
    const QString log = generate(m_dir, QStringLiteral("access.log"),
                                 {QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--lines"),
                                  QStringLiteral("60000"), QStringLiteral("--format"), QStringLiteral("combined"),
                                  QStringLiteral("--malformed-rate"), QStringLiteral("0.004")},
                                 &stats);
    const QString url = server.sourceUrl(QStringLiteral("default.access"));
    const ProcessResult loaded = load(url, {log});
    ASSERT_EQ(loaded.exitCode, 0) << ::testing::PrintToString(loaded);
    EXPECT_TRUE(loaded.err.contains("created table default.access")) << loaded.err.constData();

    const QJsonObject local = readLocal({log});
    const QJsonObject remote = readSource(url);
    expectSame(local, remote);
    ASSERT_GT(local[QStringLiteral("spikes")].toArray().size(), 0) << "the generated bursts must show as spikes";
    EXPECT_GT(local[QStringLiteral("lines_skipped")].toInt(), 0);
    // And both equal the generator's truth.
    EXPECT_EQ(text(remote[QStringLiteral("status_counts")]), text(stats[QStringLiteral("status")]));
    EXPECT_EQ(remote[QStringLiteral("lines_total")].toInt(), stats[QStringLiteral("lines")].toInt());
    EXPECT_EQ(remote[QStringLiteral("source")][QStringLiteral("name")].toString(), url);

    // Another bucket size and a time range: the server groups, the same buckets come back.
    const QStringList zoom{QStringLiteral("--bucket"), QStringLiteral("5m"), QStringLiteral("--from"),
                           QStringLiteral("2024-05-13T08:00:00+00:00"), QStringLiteral("--to"),
                           QStringLiteral("2024-05-13T18:30:00+00:00")};
    expectSame(readLocal({log}, zoom), readSource(url, zoom));
}

TEST_F(ClickHouseLogs, ReloadingAddsNothingAndAGrowingLogLoadsOnlyItsNewBytes)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    const QString first = generate(m_dir, QStringLiteral("part1.log"),
                                   {QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--lines"),
                                    QStringLiteral("20000"), QStringLiteral("--malformed-rate"), QStringLiteral("0.003"),
                                    QStringLiteral("--span"), QStringLiteral("6h")});
    const QString second = generate(m_dir, QStringLiteral("part2.log"),
                                    {QStringLiteral("--seed"), QStringLiteral("4"), QStringLiteral("--lines"),
                                     QStringLiteral("15000"), QStringLiteral("--span"), QStringLiteral("6h"),
                                     QStringLiteral("--start"), QStringLiteral("2024-05-13T06:00:00+00:00")});
    const QString growing = m_dir.filePath(QStringLiteral("growing.log"));
    ASSERT_TRUE(QFile::copy(first, growing));
    const QString url = server.sourceUrl(QStringLiteral("default.access"));
    ASSERT_EQ(load(url, {growing}).exitCode, 0);
    const qint64 afterFirst = rows(server, QStringLiteral("default.access"));
    EXPECT_GT(afterFirst, 19000);

    const ProcessResult again = load(url, {growing});
    ASSERT_EQ(again.exitCode, 0) << ::testing::PrintToString(again);
    EXPECT_EQ(rows(server, QStringLiteral("default.access")), afterFirst);
    EXPECT_TRUE(again.err.contains(": 0 lines")) << again.err.constData();

    // The log grows (as nginx appends): only the new lines are read and inserted.
    {
        QFile in(second);
        QFile out(growing);
        ASSERT_TRUE(in.open(QIODevice::ReadOnly) && out.open(QIODevice::Append));
        out.write(in.readAll());
    }
    const ProcessResult grown = load(url, {growing});
    ASSERT_EQ(grown.exitCode, 0) << ::testing::PrintToString(grown);
    EXPECT_TRUE(grown.err.contains(": 15000 lines")) << grown.err.constData();
    expectSame(readLocal({growing}), readSource(url));
}

TEST_F(ClickHouseLogs, ManySmallBatchesEachRecordedAndReadBackTheSame)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    const QString log = generate(m_dir, QStringLiteral("access.log"),
                                 {QStringLiteral("--seed"), QStringLiteral("13"), QStringLiteral("--lines"),
                                  QStringLiteral("12000"), QStringLiteral("--malformed-rate"), QStringLiteral("0.005")});
    const QString url = server.sourceUrl(QStringLiteral("default.access"));
    statusscope::logs::ClickHouseEndpoint endpoint;
    ASSERT_TRUE(statusscope::logs::parseClickHouseUrl(url, endpoint, nullptr));
    endpoint.password = ClickHouseServer::password();
    // Batches of 1,000 rows: one insert in flight while the next batch is parsed.
    statusscope::logs::LoadOptions options;
    options.batchRows = 1000;
    statusscope::logs::ClickHouseLoader loader(endpoint, options);
    const statusscope::logs::LoadReport report = loader.load({log});
    ASSERT_FALSE(report.error.isError()) << report.error.message.toStdString();
    ASSERT_EQ(report.files.size(), 1);
    EXPECT_EQ(report.files[0].toOffset, QFileInfo(log).size());
    EXPECT_EQ(report.files[0].lines, 12000);
    EXPECT_EQ(report.rowsInserted, rows(server, QStringLiteral("default.access")));
    // One load-table row per batch: 12 batches of requests (a few lines more, for the skipped).
    EXPECT_GE(rows(server, QStringLiteral("default.statusscope_loads")), 12);
    expectSame(readLocal({log}), readSource(url));

    statusscope::logs::ClickHouseLoader again(endpoint, options);
    const statusscope::logs::LoadReport second = again.load({log});
    ASSERT_FALSE(second.error.isError()) << second.error.message.toStdString();
    EXPECT_EQ(second.rowsInserted, 0);
    EXPECT_EQ(second.files[0].fromOffset, QFileInfo(log).size());
}

// --batch-rows sets the INSERT size from the command line (a small machine holds two batches
// of it): one load-table row per batch, the same rows read back as with the default.
TEST_F(ClickHouseLogs, BatchRowsSetsTheInsertSizeFromTheCommandLine)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    const QString log = generate(m_dir, QStringLiteral("access.log"),
                                 {QStringLiteral("--seed"), QStringLiteral("17"), QStringLiteral("--lines"),
                                  QStringLiteral("5000"), QStringLiteral("--malformed-rate"), QStringLiteral("0")});
    const QString small = server.sourceUrl(QStringLiteral("default.small_batches"));
    const ProcessResult loaded = cli({QStringLiteral("--batch-rows"), QStringLiteral("1000"), QStringLiteral("--to"), small, log});
    ASSERT_EQ(loaded.exitCode, 0) << ::testing::PrintToString(loaded);
    EXPECT_EQ(rows(server, QStringLiteral("default.small_batches")), 5000);
    const auto batches = [&](const QString &table) {
        bool ok = false;
        const QByteArray body = server.query(
            QStringLiteral("SELECT count() FROM default.statusscope_loads WHERE target LIKE '%%1'").arg(table), &ok);
        EXPECT_TRUE(ok) << server.error().toStdString();
        return body.trimmed().toLongLong();
    };
    EXPECT_EQ(batches(QStringLiteral("small_batches")), 5);
    const QString whole = server.sourceUrl(QStringLiteral("default.one_batch"));
    ASSERT_EQ(load(whole, {log}).exitCode, 0);
    EXPECT_EQ(batches(QStringLiteral("one_batch")), 1);
    expectSame(readSource(small), readSource(whole));

    for (const QString &bad : {QStringLiteral("0"), QStringLiteral("many")}) {
        const ProcessResult refused = cli({QStringLiteral("--batch-rows"), bad, QStringLiteral("--to"), small, log});
        EXPECT_EQ(refused.exitCode, 2) << ::testing::PrintToString(refused);
        EXPECT_TRUE(refused.err.contains("bad --batch-rows")) << refused.err.toStdString();
    }
    const ProcessResult withoutTarget = cli({QStringLiteral("--batch-rows"), QStringLiteral("1000"), log});
    EXPECT_EQ(withoutTarget.exitCode, 2);
    EXPECT_TRUE(withoutTarget.err.contains("--batch-rows needs --to")) << withoutTarget.err.toStdString();
}

TEST_F(ClickHouseLogs, ADistributedTableOverTwoShardsGivesTheSameCounts)
{
    ClickHouseCluster cluster;
    ASSERT_TRUE(cluster.start()) << cluster.error().toStdString();
    statusscope::logs::ClickHouseEndpoint endpoint;
    ASSERT_TRUE(statusscope::logs::parseClickHouseUrl(cluster.first().sourceUrl(QStringLiteral("default.access")),
                                                      endpoint, nullptr));
    // The printed cluster DDL, run on each node (ON CLUSTER needs a ZooKeeper these servers
    // do not have; without it each statement is what each node would run).
    const QStringList ddl = statusscope::logs::clusterDdl(endpoint, ClickHouseServer::clusterName());
    for (ClickHouseServer *server : {&cluster.first(), &cluster.second()}) {
        for (int i = 0; i < 2; ++i) {
            QString statement = ddl[i];
            statement.remove(QStringLiteral(" ON CLUSTER `%1`").arg(ClickHouseServer::clusterName()));
            bool ok = false;
            server->query(statement, &ok);
            ASSERT_TRUE(ok) << server->error().toStdString();
        }
    }
    const QString log = generate(m_dir, QStringLiteral("access.log"),
                                 {QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--lines"),
                                  QStringLiteral("30000"), QStringLiteral("--malformed-rate"), QStringLiteral("0.002")});
    const QString url = cluster.first().sourceUrl(QStringLiteral("default.access"));
    const ProcessResult loaded = load(url, {log});
    ASSERT_EQ(loaded.exitCode, 0) << ::testing::PrintToString(loaded);
    // Both shards hold part of the rows, and the Distributed table sees all of them.
    const qint64 onFirst = rows(cluster.first(), QStringLiteral("default.access_local"));
    const qint64 onSecond = rows(cluster.second(), QStringLiteral("default.access_local"));
    EXPECT_GT(onFirst, 0);
    EXPECT_GT(onSecond, 0);
    EXPECT_EQ(onFirst + onSecond, rows(cluster.first(), QStringLiteral("default.access")));
    expectSame(readLocal({log}), readSource(url));
}

TEST_F(ClickHouseLogs, FiltersSampleRowsAndZoomComeFromTheServer)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    const QString log = generate(m_dir, QStringLiteral("access.log"),
                                 {QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--lines"),
                                  QStringLiteral("20000"), QStringLiteral("--format"), QStringLiteral("nginx_timed")});
    const QString url = server.sourceUrl(QStringLiteral("default.access"));
    ASSERT_EQ(load(url, {log}).exitCode, 0);
    const QJsonObject local = readLocal({log});
    const QJsonObject errors = readSource(url, {QStringLiteral("--where-status"), QStringLiteral("5xx")});
    EXPECT_EQ(errors[QStringLiteral("lines_parsed")].toInt(),
              local[QStringLiteral("class_counts")][QStringLiteral("5xx")].toInt());
    EXPECT_EQ(errors[QStringLiteral("class_counts")][QStringLiteral("2xx")].toInt(), 0);
    // nginx_timed carries $request_time: the latency comes from the server's quantiles.
    EXPECT_EQ(readSource(url)[QStringLiteral("latency_ms")][QStringLiteral("count")].toInt(),
              local[QStringLiteral("latency_ms")][QStringLiteral("count")].toInt());
    const ProcessResult bad = cli({QStringLiteral("--source"), url, QStringLiteral("--where-status"), QStringLiteral("7xx")});
    EXPECT_EQ(bad.exitCode, 2) << ::testing::PrintToString(bad);

    // What a clicked bar and a zoom ask of the source (the log tab's calls).
    statusscope::logs::ClickHouseEndpoint endpoint;
    ASSERT_TRUE(statusscope::logs::parseClickHouseUrl(url, endpoint, nullptr));
    endpoint.password = ClickHouseServer::password();
    statusscope::logs::ClickHouseSource source(endpoint);
    statusscope::logs::LogQuery query;
    query.filter.statuses = {5};
    const auto samples = source.samples(query, 7);
    ASSERT_FALSE(samples.error.isError()) << samples.error.message.toStdString();
    ASSERT_EQ(samples.lines.size(), 7);
    for (const auto &line : samples.lines) {
        EXPECT_EQ(line.status / 100, 5) << line.text.toStdString();
        EXPECT_TRUE(line.text.contains(QStringLiteral(" %1 ").arg(line.status))) << line.text.toStdString();
    }
    query.filter = {};
    query.bucketSeconds = 60;
    query.fromMs = 1715594400000; // 2024-05-13T10:00:00Z
    query.toMs = query.fromMs + 3600 * 1000 - 1;
    const auto zoomed = source.series(query);
    ASSERT_FALSE(zoomed.error.isError()) << zoomed.error.message.toStdString();
    EXPECT_EQ(zoomed.bucketSeconds, 60);
    EXPECT_EQ(zoomed.buckets.size(), 60);
    const QJsonObject hour = readLocal({log}, {QStringLiteral("--from"), QStringLiteral("2024-05-13T10:00:00+00:00"),
                                               QStringLiteral("--to"), QStringLiteral("2024-05-13T10:59:59.999+00:00")});
    qint64 total = 0;
    for (const auto &bucket : zoomed.buckets)
        total += bucket.total;
    EXPECT_EQ(total, hour[QStringLiteral("lines_parsed")].toInt());
}

// Every filter of the log tab means the same requests on the server as in the file: the whole
// report of a filtered read, and the sample rows of a status (what a clicked spike lists).
TEST_F(ClickHouseLogs, MethodAgentAndStatusFiltersAnswerAsTheLocalFileDoes)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    const QString log = generate(m_dir, QStringLiteral("access.log"),
                                 {QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--lines"),
                                  QStringLiteral("30000"), QStringLiteral("--format"), QStringLiteral("combined")});
    const QString url = server.sourceUrl(QStringLiteral("default.access"));
    ASSERT_EQ(load(url, {log}).exitCode, 0);
    const QList<QStringList> filters{
        {QStringLiteral("--method"), QStringLiteral("post")},
        {QStringLiteral("--agent"), QStringLiteral("BOT"), QStringLiteral("--where-status"), QStringLiteral("4xx,503")},
        {QStringLiteral("--client"), QStringLiteral("1"), QStringLiteral("--method"), QStringLiteral("GET"),
         QStringLiteral("--agent"), QStringLiteral("mozilla"), QStringLiteral("--path"), QStringLiteral("/api/")}};
    for (const QStringList &filter : filters) {
        SCOPED_TRACE(filter.join(QLatin1Char(' ')).toStdString());
        const QJsonObject local = readLocal({log}, filter);
        const QJsonObject remote = readSource(url, filter);
        expectSame(local, remote);
        EXPECT_GT(local[QStringLiteral("lines_parsed")].toInt(), 0) << "a filter that keeps nothing proves nothing";
        EXPECT_GT(local[QStringLiteral("lines_filtered")].toInt(), 0);
    }

    statusscope::logs::ClickHouseEndpoint endpoint;
    ASSERT_TRUE(statusscope::logs::parseClickHouseUrl(url, endpoint, nullptr));
    endpoint.password = ClickHouseServer::password();
    statusscope::logs::ClickHouseSource remote(endpoint);
    statusscope::logs::LocalFileSource local({log}, {});
    statusscope::logs::LogQuery query;
    query.filter.statuses = {503};
    query.filter.method = QStringLiteral("get");
    const auto fromServer = remote.samples(query, 20);
    const auto fromFile = local.samples(query, 20);
    ASSERT_FALSE(fromServer.error.isError()) << fromServer.error.message.toStdString();
    ASSERT_EQ(fromServer.lines.size(), 20);
    ASSERT_EQ(fromFile.lines.size(), 20);
    for (int i = 0; i < 20; ++i) {
        EXPECT_EQ(fromServer.lines[i].status, 503) << fromServer.lines[i].text.toStdString();
        EXPECT_EQ(fromFile.lines[i].status, 503) << fromFile.lines[i].text.toStdString();
        EXPECT_TRUE(fromServer.lines[i].text.contains(QStringLiteral(" GET "))) << fromServer.lines[i].text.toStdString();
    }

    // Per status, the top paths run as long as the file's (the query's top count) and the
    // clients as few; their counts are the same.
    statusscope::logs::IngestOptions asTheTab;
    asTheTab.topPaths = true; // what the log tab reads a file with
    statusscope::logs::LocalFileSource file({log}, asTheTab);
    const auto remoteSummary = remote.summary({});
    const auto localSummary = file.summary({});
    ASSERT_FALSE(remoteSummary.error.isError()) << remoteSummary.error.message.toStdString();
    ASSERT_FALSE(localSummary.error.isError()) << localSummary.error.message.toStdString();
    for (int status : {200, 404, 503}) {
        SCOPED_TRACE(::testing::Message() << "status " << status);
        const auto serverPaths = remoteSummary.summary.topPathsByStatus.value(status);
        const auto filePaths = localSummary.summary.topPathsByStatus.value(status);
        EXPECT_GT(filePaths.size(), statusscope::logs::kTopSendersPerStatus);
        ASSERT_EQ(serverPaths.size(), filePaths.size());
        for (int i = 0; i < filePaths.size(); ++i)
            EXPECT_EQ(serverPaths[i].count, filePaths[i].count) << i;
        EXPECT_EQ(remoteSummary.summary.topClients.value(status).size(), localSummary.summary.topClients.value(status).size());
    }

    // A filter on a column the table lacks is the caller's mistake, named.
    bool ok = false;
    server.query(QStringLiteral("CREATE TABLE default.bare (ts DateTime, status UInt16) ENGINE = Memory"), &ok);
    ASSERT_TRUE(ok) << server.error().toStdString();
    const QString bareUrl = server.sourceUrl(QStringLiteral("default.bare"));
    const ProcessResult noAgent = cli({QStringLiteral("--source"), bareUrl, QStringLiteral("--agent"), QStringLiteral("bot")});
    EXPECT_EQ(noAgent.exitCode, 2) << ::testing::PrintToString(noAgent);
    EXPECT_TRUE(noAgent.err.contains(bareUrl.toUtf8() + ": the table has no user_agent column to filter on"))
        << noAgent.err.constData();
}

TEST_F(ClickHouseLogs, WrongPasswordMissingTableAndUnreachableServerEachSaySo)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    const QString url = server.sourceUrl(QStringLiteral("default.nothing_here"));

    const QString wrong = m_dir.filePath(QStringLiteral("wrong"));
    QFile file(wrong);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("not-the-password\n");
    file.close();
    const ProcessResult denied = runCli({QStringLiteral("logs"), QStringLiteral("--password-file"), wrong,
                                         QStringLiteral("--source"), url});
    EXPECT_EQ(denied.exitCode, 1) << ::testing::PrintToString(denied);
    EXPECT_TRUE(denied.err.contains(url.toUtf8())) << denied.err.constData();
    EXPECT_TRUE(denied.err.contains("wrong user or password")) << denied.err.constData();

    // CLICKHOUSE_PASSWORD is read when no --password-file is given.
    qputenv("CLICKHOUSE_PASSWORD", ClickHouseServer::password().toUtf8());
    const ProcessResult missing = runCli({QStringLiteral("logs"), QStringLiteral("--source"), url});
    qunsetenv("CLICKHOUSE_PASSWORD");
    EXPECT_EQ(missing.exitCode, 1) << ::testing::PrintToString(missing);
    EXPECT_TRUE(missing.err.contains(url.toUtf8() + ": no table default.nothing_here")) << missing.err.constData();

    const ProcessResult noColumn = cli({QStringLiteral("--source"), server.sourceUrl(QStringLiteral("system.one"))});
    EXPECT_EQ(noColumn.exitCode, 1) << ::testing::PrintToString(noColumn);
    EXPECT_TRUE(noColumn.err.contains("no time column")) << noColumn.err.constData();

    server.shutDown();
    const ProcessResult down = cli({QStringLiteral("--source"), url});
    EXPECT_EQ(down.exitCode, 4) << ::testing::PrintToString(down);
    EXPECT_TRUE(down.err.contains(url.toUtf8() + ": cannot connect")) << down.err.constData();
}

TEST_F(ClickHouseLogs, ATimeoutAServerExceptionAndAMissingColumnEachNameTheSource)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    // Each query over it takes seconds: past a one-second limit, the server stops it.
    ASSERT_TRUE(server.createSlowTable(QStringLiteral("default.slow"), 400000, 0.8)) << server.error().toStdString();
    const QString slow = server.sourceUrl(QStringLiteral("default.slow"));
    QElapsedTimer timer;
    timer.start();
    const ProcessResult timedOut = cli({QStringLiteral("--source"), slow, QStringLiteral("--timeout"), QStringLiteral("1")});
    EXPECT_EQ(timedOut.exitCode, 6) << ::testing::PrintToString(timedOut);
    EXPECT_TRUE(timedOut.err.contains(slow.toUtf8() + ": the query took too long (ClickHouse: Timeout exceeded: elapsed"))
        << timedOut.err.constData();
    EXPECT_LT(timer.elapsed(), 15000) << "the server's limit ends it, not the transfer timeout";

    // Any other exception the server raises is quoted, after the source's name.
    bool ok = false;
    server.query(QStringLiteral("CREATE VIEW default.failing AS SELECT * FROM default.slow_rows "
                                "WHERE throwIf(status = 500) = 0"),
                 &ok);
    ASSERT_TRUE(ok) << server.error().toStdString();
    const QString failing = server.sourceUrl(QStringLiteral("default.failing"));
    const ProcessResult thrown = cli({QStringLiteral("--source"), failing});
    EXPECT_EQ(thrown.exitCode, 1) << ::testing::PrintToString(thrown);
    EXPECT_TRUE(thrown.err.contains(failing.toUtf8() + ": the server refused the query (ClickHouse: Value passed to "
                                                       "'throwIf' function is non zero)"))
        << thrown.err.constData();

    // A mapped column the table does not have.
    const QString rowsUrl = server.sourceUrl(QStringLiteral("default.slow_rows"));
    const ProcessResult noColumn = cli({QStringLiteral("--source"), rowsUrl, QStringLiteral("--column"),
                                        QStringLiteral("duration=request_time")});
    EXPECT_EQ(noColumn.exitCode, 1) << ::testing::PrintToString(noColumn);
    EXPECT_TRUE(noColumn.err.contains(rowsUrl.toUtf8() + ": no column 'request_time' for duration"))
        << noColumn.err.constData();
    // A table without a status column says which column it lacks.
    server.query(QStringLiteral("CREATE TABLE default.no_status (ts DateTime, path String) ENGINE = Memory"), &ok);
    ASSERT_TRUE(ok) << server.error().toStdString();
    const QString noStatusUrl = server.sourceUrl(QStringLiteral("default.no_status"));
    const ProcessResult noStatus = cli({QStringLiteral("--source"), noStatusUrl});
    EXPECT_EQ(noStatus.exitCode, 1) << ::testing::PrintToString(noStatus);
    EXPECT_TRUE(noStatus.err.contains(noStatusUrl.toUtf8() + ": no status column found")) << noStatus.err.constData();
}

TEST_F(ClickHouseLogs, AServerStoppedInTheMiddleOfAQueryIsAnErrorNamingTheSource)
{
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    const QString log = generate(m_dir, QStringLiteral("access.log"),
                                 {QStringLiteral("--seed"), QStringLiteral("2"), QStringLiteral("--lines"),
                                  QStringLiteral("2000")});
    ASSERT_EQ(load(server.sourceUrl(QStringLiteral("default.access")), {log}).exitCode, 0);
    // A view that takes seconds per block: the query is still running when the server goes.
    bool ok = false;
    server.query(QStringLiteral("CREATE VIEW default.slow AS SELECT * FROM default.access WHERE sleep(3) = 0"), &ok);
    ASSERT_TRUE(ok) << server.error().toStdString();
    const QString url = server.sourceUrl(QStringLiteral("default.slow"));
    QProcess reader;
    reader.start(QStringLiteral(STATUSSCOPE_CLI_PATH),
                 {QStringLiteral("logs"), QStringLiteral("--password-file"), m_passwordFile, QStringLiteral("--source"), url});
    ASSERT_TRUE(reader.waitForStarted(10000));
    QThread::msleep(1500);
    ASSERT_EQ(reader.state(), QProcess::Running) << "the query must still be running when the server stops";
    server.shutDown();
    ASSERT_TRUE(reader.waitForFinished(60000));
    const QByteArray err = reader.readAllStandardError();
    EXPECT_NE(reader.exitCode(), 0) << err.constData();
    EXPECT_TRUE(err.contains(url.toUtf8())) << err.constData();
    EXPECT_TRUE(reader.readAllStandardOutput().isEmpty()) << "no chart from a half-answered source";
}

} // namespace
