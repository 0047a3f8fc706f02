// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using statusscope::test::fixturePath;
using statusscope::test::runCli;

namespace {

QJsonObject runJson(const QStringList &args)
{
    const auto result = runCli(QStringList{QStringLiteral("logs"), QStringLiteral("--json")} + args);
    EXPECT_EQ(result.exitCode, 0) << ::testing::PrintToString(result);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    return document.object();
}

void expectKeys(const QJsonObject &object, const QStringList &keys, const char *where)
{
    for (const QString &key : keys)
        EXPECT_TRUE(object.contains(key)) << where << " lacks \"" << key.toStdString() << '"';
}

} // namespace

// DESIGN.md fixes these names: scripts read them.
TEST(CliLogs, JsonHasTheContractsFieldNames)
{
    // Fourteen years apart: "--bucket 1m" is widened to stay under 20,000 buckets.
    const QJsonObject root = runJson({QStringLiteral("--bucket"), QStringLiteral("1m"),
                                      fixturePath(QStringLiteral("logs/regexp_access_log.0")),
                                      fixturePath(QStringLiteral("logs/bad_access_log.0")),
                                      fixturePath(QStringLiteral("logs/access_log.0"))});
    expectKeys(root,
               {QStringLiteral("files"), QStringLiteral("format"), QStringLiteral("lines_total"),
                QStringLiteral("lines_parsed"), QStringLiteral("lines_skipped"), QStringLiteral("skipped"),
                QStringLiteral("time_range"), QStringLiteral("status_counts"), QStringLiteral("class_counts"),
                QStringLiteral("series"), QStringLiteral("top_error_paths"), QStringLiteral("spikes"),
                QStringLiteral("latency_ms")},
               "root");
    EXPECT_EQ(root[QStringLiteral("files")].toArray().size(), 3);
    EXPECT_EQ(root[QStringLiteral("lines_total")].toInt(), 8);
    EXPECT_EQ(root[QStringLiteral("lines_parsed")].toInt(), 7);
    EXPECT_EQ(root[QStringLiteral("lines_skipped")].toInt(), 1);
    const QJsonObject skipped = root[QStringLiteral("skipped")].toObject();
    expectKeys(skipped, {QStringLiteral("by_reason"), QStringLiteral("examples")}, "skipped");
    expectKeys(skipped[QStringLiteral("by_reason")].toObject(),
               {QStringLiteral("truncated"), QStringLiteral("bad_time"), QStringLiteral("bad_status"),
                QStringLiteral("other_format"), QStringLiteral("binary"), QStringLiteral("too_long")},
               "by_reason");
    const QJsonObject example = skipped[QStringLiteral("examples")].toArray().at(0).toObject();
    expectKeys(example, {QStringLiteral("file"), QStringLiteral("line"), QStringLiteral("reason"), QStringLiteral("text")},
               "example");
    EXPECT_EQ(example[QStringLiteral("line")].toInt(), 2);
    EXPECT_TRUE(example[QStringLiteral("file")].toString().endsWith(QStringLiteral("bad_access_log.0")));
    expectKeys(root[QStringLiteral("time_range")].toObject(), {QStringLiteral("first"), QStringLiteral("last")},
               "time_range");
    EXPECT_EQ(root[QStringLiteral("time_range")][QStringLiteral("first")].toString(),
              QStringLiteral("2009-07-20T22:59:26+00:00"));
    expectKeys(root[QStringLiteral("class_counts")].toObject(),
               {QStringLiteral("1xx"), QStringLiteral("2xx"), QStringLiteral("3xx"), QStringLiteral("4xx"),
                QStringLiteral("5xx")},
               "class_counts");
    EXPECT_EQ(root[QStringLiteral("status_counts")][QStringLiteral("200")].toInt(), 6);
    EXPECT_EQ(root[QStringLiteral("status_counts")][QStringLiteral("404")].toInt(), 1);
    const QJsonObject series = root[QStringLiteral("series")].toObject();
    const int bucketSeconds = series[QStringLiteral("bucket_seconds")].toInt();
    EXPECT_GT(bucketSeconds, 60);
    EXPECT_LT(series[QStringLiteral("buckets")].toArray().size(), 20000);
    const QJsonObject bucket = series[QStringLiteral("buckets")].toArray().at(0).toObject();
    expectKeys(bucket,
               {QStringLiteral("start"), QStringLiteral("total"), QStringLiteral("by_class"),
                QStringLiteral("by_status"), QStringLiteral("error_rate")},
               "bucket");
    const QJsonObject path = root[QStringLiteral("top_error_paths")].toArray().at(0).toObject();
    expectKeys(path, {QStringLiteral("path"), QStringLiteral("status"), QStringLiteral("count")}, "top_error_paths[0]");
    expectKeys(root[QStringLiteral("latency_ms")].toObject(),
               {QStringLiteral("p50"), QStringLiteral("p95"), QStringLiteral("p99")}, "latency_ms");
}

TEST(CliLogs, SpikesCarryTheirFields)
{
    QByteArray text;
    // 30 quiet minutes with one 500 each, then a minute of 50.
    for (int m = 0; m < 31; ++m) {
        const QByteArray time = QByteArray("13/May/2024:10:") + QByteArray::number(m).rightJustified(2, '0') + ":00 +0000";
        const int errors = m == 30 ? 50 : 1;
        for (int i = 0; i < 100; ++i)
            text += "10.0.0.1 - - [" + time + "] \"GET /p HTTP/1.1\" " + (i < errors ? "500" : "200") + " 5 \"-\" \"ua\"\n";
    }
    const auto result = runCli({QStringLiteral("logs"), QStringLiteral("--json"), QStringLiteral("-")}, 30000, text);
    ASSERT_EQ(result.exitCode, 0) << ::testing::PrintToString(result);
    const QJsonArray spikes = QJsonDocument::fromJson(result.out)[QStringLiteral("spikes")].toArray();
    ASSERT_EQ(spikes.size(), 1);
    const QJsonObject spike = spikes.at(0).toObject();
    expectKeys(spike,
               {QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("status"), QStringLiteral("count"),
                QStringLiteral("baseline")},
               "spike");
    EXPECT_EQ(spike[QStringLiteral("status")].toInt(), 500);
    EXPECT_EQ(spike[QStringLiteral("start")].toString(), QStringLiteral("2024-05-13T10:30:00+00:00"));
    EXPECT_EQ(spike[QStringLiteral("end")].toString(), QStringLiteral("2024-05-13T10:31:00+00:00"));
    EXPECT_EQ(spike[QStringLiteral("count")].toInt(), 50);
    EXPECT_DOUBLE_EQ(spike[QStringLiteral("baseline")].toDouble(), 1.0);
}

TEST(CliLogs, CsvHasOneRowPerBucket)
{
    const auto result = runCli({QStringLiteral("logs"), QStringLiteral("--csv"), QStringLiteral("--bucket"),
                                QStringLiteral("1m"), fixturePath(QStringLiteral("logs/access_log.0"))});
    ASSERT_EQ(result.exitCode, 0) << ::testing::PrintToString(result);
    const QList<QByteArray> lines = result.out.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(lines[0], QByteArray("start,total,1xx,2xx,3xx,4xx,5xx,error_rate,rate_4xx,rate_5xx,200,404"));
    EXPECT_EQ(lines[1], QByteArray("2009-07-20T22:59:00+00:00,3,0,2,0,1,0,0.333333,0.333333,0,2,1"));
}

TEST(CliLogs, PastedLogFormatAndFormatOverride)
{
    const QJsonObject custom = runJson({QStringLiteral("--log-format"),
                                        QStringLiteral(R"(%v:%p %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i" %D)"),
                                        fixturePath(QStringLiteral("logs/regexp_access_log.0"))});
    EXPECT_EQ(custom[QStringLiteral("format")].toString(), QStringLiteral("custom"));
    EXPECT_EQ(custom[QStringLiteral("lines_parsed")].toInt(), 2);
    const QJsonObject forced = runJson({QStringLiteral("--format"), QStringLiteral("common"),
                                        fixturePath(QStringLiteral("logs/access_log.0"))});
    EXPECT_EQ(forced[QStringLiteral("lines_parsed")].toInt(), 0);
    EXPECT_EQ(forced[QStringLiteral("skipped")][QStringLiteral("by_reason")][QStringLiteral("other_format")].toInt(), 3);
}

TEST(CliLogs, UsageAndFileErrorsUseTheContractsExitCodes)
{
    EXPECT_EQ(runCli({QStringLiteral("logs")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("logs"), QStringLiteral("--format"), QStringLiteral("nope"), QStringLiteral("x")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("logs"), QStringLiteral("--bucket"), QStringLiteral("7m"), QStringLiteral("x")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("logs"), QStringLiteral("--log-format"), QStringLiteral("%h"), fixturePath(QStringLiteral("logs/access_log.0"))}).exitCode, 2);
    const auto missing = runCli({QStringLiteral("logs"), QStringLiteral("/nonexistent/x.log")});
    EXPECT_EQ(missing.exitCode, 8);
    EXPECT_TRUE(missing.err.contains("/nonexistent/x.log")) << ::testing::PrintToString(missing);
}

// Lenient in reading, exact in reporting: nginx's packaged `main` format is read whole, and
// the extra field is counted by type with examples (file:line). The contract's fields stay.
TEST(CliLogs, DeviationsAreCountedWithExamplesAndTheContractStays)
{
    const QString path = fixturePath(QStringLiteral("logs/nginx_main.log"));
    const QJsonObject root = runJson({path});
    expectKeys(root, {QStringLiteral("files"), QStringLiteral("format"), QStringLiteral("lines_total"),
                      QStringLiteral("lines_parsed"), QStringLiteral("lines_skipped"), QStringLiteral("skipped"),
                      QStringLiteral("time_range"), QStringLiteral("status_counts"), QStringLiteral("class_counts"),
                      QStringLiteral("series"), QStringLiteral("top_error_paths"), QStringLiteral("spikes"),
                      QStringLiteral("latency_ms"), QStringLiteral("deviations")},
               "root");
    EXPECT_EQ(root.value(QStringLiteral("format")).toString(), QStringLiteral("combined"));
    EXPECT_EQ(root.value(QStringLiteral("lines_total")).toInt(), 62);
    EXPECT_EQ(root.value(QStringLiteral("lines_parsed")).toInt(), 60);
    EXPECT_EQ(root.value(QStringLiteral("lines_skipped")).toInt(), 2);
    const QJsonObject deviations = root.value(QStringLiteral("deviations")).toObject();
    EXPECT_EQ(deviations.value(QStringLiteral("by_type")).toObject().value(QStringLiteral("extra_fields")).toInt(), 60);
    EXPECT_EQ(deviations.value(QStringLiteral("by_type")).toObject().value(QStringLiteral("no_wrapper")).toInt(), 0);
    const QJsonArray examples = deviations.value(QStringLiteral("examples")).toArray();
    ASSERT_EQ(examples.size(), 5);
    const QJsonObject first = examples.at(0).toObject();
    expectKeys(first, {QStringLiteral("file"), QStringLiteral("line"), QStringLiteral("type"), QStringLiteral("text")},
               "deviation example");
    EXPECT_EQ(first.value(QStringLiteral("file")).toString(), path);
    EXPECT_EQ(first.value(QStringLiteral("line")).toInt(), 1);
    EXPECT_EQ(first.value(QStringLiteral("type")).toString(), QStringLiteral("extra_fields"));
    const QJsonObject format = root.value(QStringLiteral("formats")).toArray().at(0).toObject();
    expectKeys(format, {QStringLiteral("confidence"), QStringLiteral("wrapper"), QStringLiteral("also"),
                        QStringLiteral("candidates"), QStringLiteral("sample_lines"), QStringLiteral("suggestion")},
               "formats[0]");
    EXPECT_EQ(format.value(QStringLiteral("sample_lines")).toInt(), 62);
    EXPECT_TRUE(format.value(QStringLiteral("suggestion")).isNull());

    // The readable output says it too.
    const auto text = runCli({QStringLiteral("logs"), path});
    EXPECT_TRUE(text.out.contains("Read despite deviations: extra_fields 60")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains("nginx_main.log:1: extra_fields: ")) << text.out.toStdString();
}

TEST(CliLogs, JsonFieldNamesWhereAJsonLogKeepsItsFields)
{
    const QString path = fixturePath(QStringLiteral("logs/custom_keys.jsonl"));
    // Without --json-field nothing parses, and the warning says what to pass.
    const auto unread = runCli({QStringLiteral("logs"), QStringLiteral("--json"), path});
    EXPECT_EQ(unread.exitCode, 0);
    EXPECT_TRUE(unread.err.contains("--json-field status=PATH")) << unread.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(unread.out).object().value(QStringLiteral("lines_parsed")).toInt(), 0);

    const QJsonObject root = runJson({QStringLiteral("--json-field"), QStringLiteral("status=resp.rc"),
                                      QStringLiteral("--json-field"), QStringLiteral("time=when"), path});
    EXPECT_EQ(root.value(QStringLiteral("lines_parsed")).toInt(), 30);
    EXPECT_EQ(root.value(QStringLiteral("lines_skipped")).toInt(), 1); // the line with an empty "resp"
    EXPECT_EQ(root.value(QStringLiteral("format")).toString(), QStringLiteral("json"));
    qint64 counted = 0;
    const QJsonObject statuses = root.value(QStringLiteral("status_counts")).toObject();
    for (auto it = statuses.begin(); it != statuses.end(); ++it)
        counted += it->toInt();
    EXPECT_EQ(counted, 30);
    // The method is found by its key ("verb"), the path ("route") is not: every record is
    // still read, and counted as missing a field. Naming the path clears that.
    EXPECT_EQ(root.value(QStringLiteral("deviations")).toObject().value(QStringLiteral("by_type")).toObject()
                  .value(QStringLiteral("field_missing")).toInt(),
              30);
    const QJsonObject withPath = runJson({QStringLiteral("--json-field"), QStringLiteral("status=resp.rc"),
                                          QStringLiteral("--json-field"), QStringLiteral("time=when"),
                                          QStringLiteral("--json-field"), QStringLiteral("path=req.route"), path});
    EXPECT_EQ(withPath.value(QStringLiteral("deviations")).toObject().value(QStringLiteral("by_type")).toObject()
                  .value(QStringLiteral("field_missing")).toInt(),
              0);
    EXPECT_EQ(withPath.value(QStringLiteral("top_error_paths")).toArray().isEmpty(),
              withPath.value(QStringLiteral("class_counts")).toObject().value(QStringLiteral("4xx")).toInt()
                      + withPath.value(QStringLiteral("class_counts")).toObject().value(QStringLiteral("5xx")).toInt()
                  == 0);

    for (const QString &bad : {QStringLiteral("status"), QStringLiteral("colour=a.b"), QStringLiteral("status=a..b"),
                               QStringLiteral("status=")}) {
        const auto result = runCli({QStringLiteral("logs"), QStringLiteral("--json-field"), bad, path});
        EXPECT_EQ(result.exitCode, 2) << bad.toStdString();
        EXPECT_TRUE(result.err.contains("--json-field")) << result.err.toStdString();
    }
}

TEST(CliLogs, WrappedLogFromStdinIsUnwrapped)
{
    QFile file(fixturePath(QStringLiteral("logs/docker_compose.log")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto result = runCli({QStringLiteral("logs"), QStringLiteral("--json"), QStringLiteral("-")}, 30000, file.readAll());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(result.out).object();
    EXPECT_EQ(root.value(QStringLiteral("lines_parsed")).toInt(), 40);
    EXPECT_EQ(root.value(QStringLiteral("formats")).toArray().at(0).toObject().value(QStringLiteral("wrapper")).toString(),
              QStringLiteral("docker-compose"));
}

// The filters of a database source apply to files too, with the same meaning. The truths are
// the fixture's hand count (tests/unit/logs/local_file_source_test.cpp).
TEST(CliLogs, FiltersApplyToLocalFiles)
{
    const QString log = fixturePath(QStringLiteral("logs/api-429-spike.log"));
    const QJsonObject spike = runJson({QStringLiteral("--where-status"), QStringLiteral("429"), QStringLiteral("--path"),
                                       QStringLiteral("/api/v1/search"), QStringLiteral("--method"), QStringLiteral("get"),
                                       QStringLiteral("--agent"), QStringLiteral("iPhone"), log});
    EXPECT_EQ(spike[QStringLiteral("lines_parsed")].toInt(), 12);
    EXPECT_EQ(spike[QStringLiteral("lines_filtered")].toInt(), 1988);
    EXPECT_EQ(spike[QStringLiteral("status_counts")].toObject().keys(), QStringList{QStringLiteral("429")});
    const QJsonObject errors = runJson({QStringLiteral("--where-status"), QStringLiteral("4xx,500"), QStringLiteral("--path"),
                                        QStringLiteral("/api/"), log});
    EXPECT_EQ(errors[QStringLiteral("lines_parsed")].toInt(), 129);
    const QJsonObject clients = runJson({QStringLiteral("--client"), QStringLiteral("1"), QStringLiteral("--method"),
                                         QStringLiteral("POST"), QStringLiteral("--agent"), QStringLiteral("iphone"), log});
    EXPECT_EQ(clients[QStringLiteral("lines_parsed")].toInt(), 4);
    // What only a database has stays a usage error for files.
    const auto column = runCli({QStringLiteral("logs"), QStringLiteral("--column"), QStringLiteral("status=s"), log});
    EXPECT_EQ(column.exitCode, 2) << ::testing::PrintToString(column);
    EXPECT_EQ(runCli({QStringLiteral("logs"), QStringLiteral("--where-status"), QStringLiteral("7xx"), log}).exitCode, 2);
}
