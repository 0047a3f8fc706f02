// SPDX-License-Identifier: GPL-3.0-or-later
// The loader's promise when a batch fails: the load table's offset stays at the last batch the
// server accepted, the table holds exactly the rows before it, and a re-run loads the rest
// without a row twice. The failure is the server's own: a table made by hand whose method
// column is an Enum without PATCH refuses the batch holding the one PATCH request. Such a table
// also has other types than the loader's, so its rows travel as TabSeparated; after the column
// becomes a String the re-run sends Native columns.

#include "core/logs/source/clickhouse_endpoint.h"
#include "core/logs/source/clickhouse_loader.h"
#include "tests/support/clickhouse_server.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using statusscope::test::ClickHouseServer;
namespace logs = statusscope::logs;

namespace {

constexpr int kLines = 3500;
constexpr int kPatchLine = 2500; // 0-based: in the third batch of 1,000
constexpr int kBatchRows = 1000;

qint64 scalar(ClickHouseServer &server, const QString &sql)
{
    bool ok = false;
    const QByteArray body = server.query(sql, &ok);
    EXPECT_TRUE(ok) << server.error().toStdString();
    return body.trimmed().toLongLong();
}

// kLines requests with distinct paths, one a minute apart per 60; returns the byte offset
// after each line.
QList<qint64> writeLog(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    QList<qint64> ends;
    qint64 offset = 0;
    for (int i = 0; i < kLines; ++i) {
        const char *method = i == kPatchLine ? "PATCH" : (i % 2 ? "GET" : "POST");
        const QByteArray line = QStringLiteral("10.0.0.%1 - - [13/May/2024:10:%2:%3 +0000] \"%4 /item/%5 HTTP/1.1\" 200 %6 \"-\" \"agent\"\n")
                                    .arg(i % 250)
                                    .arg(i / 60, 2, 10, QLatin1Char('0'))
                                    .arg(i % 60, 2, 10, QLatin1Char('0'))
                                    .arg(QLatin1String(method))
                                    .arg(i)
                                    .arg(100 + i)
                                    .toUtf8();
        file.write(line);
        offset += line.size();
        ends.push_back(offset);
    }
    return ends;
}

} // namespace

TEST(ClickHouseLoadResume, AFailedBatchLeavesTheOffsetAtTheLastAcceptedOneAndARerunCompletesWithoutDuplicates)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ClickHouseServer server;
    ASSERT_TRUE(server.start()) << server.error().toStdString();
    bool ok = false;
    server.query(QStringLiteral("CREATE TABLE default.access (ts DateTime, ts_ms UInt16, tz_offset Int16, status UInt16, "
                                "method Enum8('GET' = 1, 'POST' = 2), path String, client String, user_agent String, "
                                "bytes Int64, duration_ms Float64) ENGINE = MergeTree ORDER BY ts"),
                 &ok);
    ASSERT_TRUE(ok) << server.error().toStdString();
    const QString log = dir.filePath(QStringLiteral("access.log"));
    const QList<qint64> ends = writeLog(log);
    const qint64 accepted = ends[kPatchLine / kBatchRows * kBatchRows - 1]; // the end of the last good batch

    logs::ClickHouseEndpoint endpoint;
    ASSERT_TRUE(logs::parseClickHouseUrl(server.sourceUrl(QStringLiteral("default.access")), endpoint, nullptr));
    endpoint.password = ClickHouseServer::password();
    logs::LoadOptions options;
    options.batchRows = kBatchRows;

    logs::ClickHouseLoader first(endpoint, options);
    const logs::LoadReport failed = first.load({log});
    ASSERT_TRUE(failed.error.isError()) << "the batch with PATCH must be refused";
    EXPECT_TRUE(failed.error.message.contains(QLatin1String("PATCH"))) << failed.error.message.toStdString();
    ASSERT_EQ(failed.files.size(), 1);
    EXPECT_EQ(failed.files[0].toOffset, accepted);
    EXPECT_EQ(failed.rowsInserted, 2000);
    EXPECT_EQ(scalar(server, QStringLiteral("SELECT count() FROM default.access")), 2000);
    EXPECT_EQ(scalar(server, QStringLiteral("SELECT max(to_offset) FROM default.statusscope_loads")), accepted);

    server.query(QStringLiteral("ALTER TABLE default.access MODIFY COLUMN method String"), &ok);
    ASSERT_TRUE(ok) << server.error().toStdString();
    logs::ClickHouseLoader second(endpoint, options);
    const logs::LoadReport completed = second.load({log});
    ASSERT_FALSE(completed.error.isError()) << completed.error.message.toStdString();
    ASSERT_EQ(completed.files.size(), 1);
    EXPECT_EQ(completed.files[0].fromOffset, accepted);
    EXPECT_EQ(completed.files[0].toOffset, QFileInfo(log).size());
    EXPECT_EQ(completed.rowsInserted, kLines - 2000);
    EXPECT_EQ(scalar(server, QStringLiteral("SELECT count() FROM default.access")), kLines);
    EXPECT_EQ(scalar(server, QStringLiteral("SELECT uniqExact(path) FROM default.access")), kLines);
    EXPECT_EQ(scalar(server, QStringLiteral("SELECT countIf(method = 'PATCH') FROM default.access")), 1);
    EXPECT_EQ(scalar(server, QStringLiteral("SELECT sum(parsed) FROM default.statusscope_loads")), kLines);
}
