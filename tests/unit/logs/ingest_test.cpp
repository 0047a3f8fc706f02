// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/log_ingest.h"
#include "core/logs/log_summary_json.h"
#include "core/logs/log_time.h"
#include "log_test_util.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

#include <zlib.h>

using namespace statusscope;
using namespace statusscope::logs;

namespace {

// Small enough for a test, large enough that the malformed kinds all occur.
const QStringList kMalformed{QStringLiteral("--malformed-rate"), QStringLiteral("0.01")};

void expectMatchesStats(const LogSummary &summary, const QJsonObject &stats)
{
    const qint64 malformed = [&] {
        qint64 n = 0;
        const QJsonObject kinds = stats.value(QStringLiteral("malformed")).toObject();
        for (auto it = kinds.begin(); it != kinds.end(); ++it)
            n += it.value().toInteger();
        return n;
    }();
    EXPECT_EQ(summary.linesTotal, stats.value(QStringLiteral("lines")).toInteger());
    EXPECT_EQ(summary.linesParsed, stats.value(QStringLiteral("records")).toInteger());
    EXPECT_EQ(summary.linesSkipped, malformed);
    EXPECT_EQ(test::statusCountsJson(summary), stats.value(QStringLiteral("status")).toObject());
    EXPECT_EQ(summary.skippedByReason[size_t(SkipReason::Empty)],
              stats.value(QStringLiteral("malformed")).toObject().value(QStringLiteral("empty")).toInteger());
    EXPECT_EQ(summary.skippedByReason[size_t(SkipReason::TooLong)],
              stats.value(QStringLiteral("malformed")).toObject().value(QStringLiteral("overlong")).toInteger());
}

// The per-bucket status counts of the generator (its --stats-bucket, 300 s by default).
void expectBucketsMatchStats(const LogSummary &summary, const QJsonObject &stats)
{
    QMap<QString, QJsonObject> expected;
    for (const QJsonValue &bucket : stats.value(QStringLiteral("status_by_bucket")).toArray())
        expected.insert(bucket[QStringLiteral("start")].toString().left(19), bucket[QStringLiteral("counts")].toObject());
    const QList<SeriesBucket> buckets = buildSeries(summary.minutes, 300, summary.firstMs, summary.lastMs);
    int compared = 0;
    for (const SeriesBucket &bucket : buckets) {
        const QString key = QDateTime::fromMSecsSinceEpoch(bucket.startMs, QTimeZone::utc()).toString(Qt::ISODate).left(19);
        QJsonObject counts;
        for (auto it = bucket.byStatus.cbegin(); it != bucket.byStatus.cend(); ++it)
            counts.insert(QString::number(it.key()), double(it.value()));
        EXPECT_EQ(counts, expected.value(key)) << key.toStdString();
        ++compared;
    }
    EXPECT_EQ(compared, expected.size());
}

QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))) + 64, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QByteArray summaryJson(const LogSummary &summary)
{
    QJsonObject json = toJson(summary);
    json.remove(QStringLiteral("files"));
    json.remove(QStringLiteral("formats"));
    QJsonObject skipped = json.value(QStringLiteral("skipped")).toObject();
    QJsonArray examples;
    for (QJsonValue example : skipped.value(QStringLiteral("examples")).toArray()) {
        QJsonObject object = example.toObject();
        object.remove(QStringLiteral("file"));
        examples.push_back(object);
    }
    skipped.insert(QStringLiteral("examples"), examples);
    json.insert(QStringLiteral("skipped"), skipped);
    return QJsonDocument(json).toJson();
}

} // namespace

class GeneratedLogs : public ::testing::TestWithParam<const char *>
{
};

TEST_P(GeneratedLogs, CountsEqualTheGeneratorsStats)
{
    QTemporaryDir dir;
    const QString format = QString::fromLatin1(GetParam());
    // Common and nginx-timed end in a bare number ($body_bytes_sent, upstream times): a line
    // the generator truncates inside it is still a valid line, so no count can tell it from
    // one. Their exact comparison runs on clean data; combined and JSON end in a closing
    // quote or brace, and are compared with malformed lines mixed in.
    const bool closedShape = format == QLatin1String("combined") || format == QLatin1String("json");
    const test::GeneratedLog log = test::generateLog(
        dir, format + QStringLiteral(".log"),
        QStringList{QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--lines"), QStringLiteral("20000"),
                    QStringLiteral("--format"), format} + (closedShape ? kMalformed : QStringList{}));
    ASSERT_TRUE(log.error.isEmpty()) << log.error.toStdString();
    IngestOptions options;
    options.format = format == QLatin1String("nginx_timed") ? QStringLiteral("nginx-timed") : format;
    const IngestResult result = test::ingest({log.path}, options);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    expectMatchesStats(result.summary, log.stats);
    expectBucketsMatchStats(result.summary, log.stats);
    EXPECT_EQ(result.summary.skipExamples.size(), closedShape ? 20 : 0);

    // And auto-detection picks the same format from the file's first lines.
    const IngestResult detected = test::ingest({log.path});
    ASSERT_TRUE(detected.ok());
    EXPECT_EQ(detected.summary.format, options.format);
    EXPECT_GT(detected.summary.formats[0].confidence, 0.9);
    EXPECT_EQ(detected.summary.linesParsed, result.summary.linesParsed);
}

INSTANTIATE_TEST_SUITE_P(Formats, GeneratedLogs, ::testing::Values("combined", "common", "nginx_timed", "json"));

TEST(LogIngest, ParallelWindowsEqualOneThread)
{
    QTemporaryDir dir;
    const test::GeneratedLog log = test::generateLog(
        dir, QStringLiteral("p.log"),
        QStringList{QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--lines"), QStringLiteral("30000"),
                    QStringLiteral("--format"), QStringLiteral("nginx_timed"), QStringLiteral("--line-ending"),
                    QStringLiteral("crlf")} + kMalformed);
    ASSERT_TRUE(log.error.isEmpty()) << log.error.toStdString();
    IngestOptions single;
    single.threads = 1;
    const IngestResult one = test::ingest({log.path}, single);
    IngestOptions parallel;
    parallel.threads = 4;
    parallel.windowBytes = 64 * 1024; // ~120 windows, many lines cut by window edges
    const IngestResult many = test::ingest({log.path}, parallel);
    ASSERT_TRUE(one.ok() && many.ok());
    EXPECT_EQ(one.summary.linesTotal, log.stats.value(QStringLiteral("lines")).toInteger());
    EXPECT_GT(one.summary.linesSkipped, 200);
    EXPECT_EQ(summaryJson(one.summary), summaryJson(many.summary));
    ASSERT_TRUE(one.summary.latency.has_value());
    EXPECT_EQ(one.summary.latency->count, one.summary.linesParsed);
}

TEST(LogIngest, GzipEqualsPlainAndStdin)
{
    QTemporaryDir dir;
    const test::GeneratedLog log = test::generateLog(
        dir, QStringLiteral("g.log"),
        QStringList{QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--lines"), QStringLiteral("20000")} + kMalformed);
    ASSERT_TRUE(log.error.isEmpty()) << log.error.toStdString();
    const QByteArray plain = readAll(log.path);
    const QString gz = test::writeText(dir, QStringLiteral("g.log.gz"), gzip(plain));
    const IngestResult fromPlain = test::ingest({log.path});
    const IngestResult fromGz = test::ingest({gz});
    ASSERT_TRUE(fromPlain.ok() && fromGz.ok()) << fromGz.error.toStdString();
    expectMatchesStats(fromGz.summary, log.stats);
    EXPECT_EQ(summaryJson(fromPlain.summary), summaryJson(fromGz.summary));

    // stdin: through the CLI, the one place a process has a stdin to give.
    const test::ProcessResult cli = test::runCli({QStringLiteral("logs"), QStringLiteral("--json"), QStringLiteral("-")},
                                                 60000, plain);
    ASSERT_EQ(cli.exitCode, 0) << ::testing::PrintToString(cli);
    const QJsonObject json = QJsonDocument::fromJson(cli.out).object();
    EXPECT_EQ(json.value(QStringLiteral("lines_parsed")).toInteger(), log.stats.value(QStringLiteral("records")).toInteger());
    EXPECT_EQ(json.value(QStringLiteral("status_counts")).toObject(), log.stats.value(QStringLiteral("status")).toObject());
}

TEST(LogIngest, TruncatedGzipKeepsItsLinesAndWarnsWithTheFile)
{
    QTemporaryDir dir;
    QByteArray text;
    for (int i = 0; i < 20000; ++i)
        text += R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 200 )" + QByteArray::number(i) + " \"-\" \"ua\"\n";
    QByteArray data = gzip(text);
    data.truncate(data.size() / 2);
    const QString path = test::writeText(dir, QStringLiteral("cut.log.gz"), data);
    const IngestResult result = test::ingest({path});
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    ASSERT_EQ(result.summary.warnings.size(), 1);
    EXPECT_TRUE(result.summary.warnings[0].startsWith(path)) << result.summary.warnings[0].toStdString();
    EXPECT_GT(result.summary.linesParsed, 1000);
    EXPECT_LT(result.summary.linesParsed, 20000);
    EXPECT_LE(result.summary.linesSkipped, 1); // at most the one line cut in half
}

TEST(LogIngest, NotGzipAfterTheMagicIsAnErrorNamingTheFile)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("bad.log.gz"), QByteArray("\x1f\x8b\x08\x00garbage-garbage", 19));
    const IngestResult result = test::ingest({path});
    const bool reported = !result.ok() || !result.summary.warnings.isEmpty();
    EXPECT_TRUE(reported);
    EXPECT_TRUE(result.error.contains(path) || result.summary.warnings.value(0).contains(path));
}

TEST(LogIngest, RotatedSeriesIsReadOldestFirst)
{
    QTemporaryDir dir;
    const QString newer = test::writeText(
        dir, QStringLiteral("access.log"),
        R"(10.0.0.1 - - [13/May/2024:11:00:00 +0000] "GET /new HTTP/1.1" 200 5 "-" "ua")" "\nbroken\n");
    const QString older = test::writeText(
        dir, QStringLiteral("access.log.1.gz"),
        gzip(R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /old HTTP/1.1" 503 5 "-" "ua")" "\nbroken\n"));
    const IngestResult result = test::ingest({newer, older});
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.summary.files, (QStringList{older, newer}));
    EXPECT_EQ(result.summary.linesParsed, 2);
    ASSERT_EQ(result.summary.skipExamples.size(), 2);
    EXPECT_EQ(result.summary.skipExamples[0].file, older);
    EXPECT_EQ(result.summary.skipExamples[0].line, 2);
    EXPECT_EQ(result.summary.skipExamples[1].file, newer);
}

TEST(LogIngest, MissingFileIsAnError)
{
    const IngestResult result = test::ingest({QStringLiteral("/nonexistent/access.log")});
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.error.contains(QStringLiteral("/nonexistent/access.log")));
}

TEST(LogIngest, CancelStopsEarlyAndSaysSo)
{
    QTemporaryDir dir;
    QByteArray text;
    for (int i = 0; i < 20000; ++i)
        text += R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 200 5 "-" "ua")" "\n";
    const QString path = test::writeText(dir, QStringLiteral("c.log"), text);
    IngestOptions options;
    options.windowBytes = 64 * 1024;
    options.threads = 1;
    LogIngest ingest(options);
    int calls = 0;
    ingest.setProgressCallback([&](qint64 done, qint64 total) {
        EXPECT_LE(done, total);
        if (++calls == 3)
            ingest.cancel();
    });
    const IngestResult result = ingest.run({path});
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.summary.cancelled);
    EXPECT_GT(result.summary.linesParsed, 0);
    EXPECT_LT(result.summary.linesParsed, 20000);
}

TEST(LogIngest, LiveSeriesFillsWhileReading)
{
    QTemporaryDir dir;
    QByteArray text;
    for (int i = 0; i < 5000; ++i)
        text += R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 404 5 "-" "ua")" "\n";
    IngestOptions options;
    options.liveSeries = true;
    LogIngest ingest(options);
    const IngestResult result = ingest.run({test::writeText(dir, QStringLiteral("l.log"), text)});
    ASSERT_TRUE(result.ok());
    const MinuteSeries live = ingest.liveMinutes();
    ASSERT_EQ(live.size(), 1u);
    EXPECT_EQ(live[0].second.total, 5000);
}

TEST(LogIngest, FromToFilterCountsWhatItLeavesOut)
{
    IngestOptions options;
    int offset = 0;
    ASSERT_TRUE(parseIsoTime("2009-07-20T22:59:28Z", options.fromMs, offset));
    const IngestResult result = test::ingest({test::fixturePath(QStringLiteral("logs/access_log.0"))}, options);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.summary.linesParsed, 2);
    EXPECT_EQ(result.summary.linesFiltered, 1);
    EXPECT_EQ(result.summary.linesTotal, 3);
}
