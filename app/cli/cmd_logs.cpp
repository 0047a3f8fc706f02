// statusscope-cli logs: status codes, error rates and spikes from access logs (DESIGN.md).
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/cli_io.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "app/cli/logs_clickhouse.h"
#include "core/logs/format_detect.h"
#include "core/logs/log_follower.h"
#include "core/logs/log_ingest.h"
#include "core/logs/log_summary_json.h"
#include "core/logs/log_time.h"
#include "core/logs/source/clickhouse_source.h"
#include "core/logs/source/local_file_source.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <unordered_map>
#include <vector>
#include <QJsonDocument>

namespace statusscope::cli {

namespace {

using namespace statusscope::logs;

// Follow mode checks the file this often: a new line shows within half a second.
constexpr int kFollowPollMs = 500;

bool parseBucket(const QString &text, int &seconds)
{
    if (text == QLatin1String("auto")) {
        seconds = 0;
        return true;
    }
    static const QList<std::pair<QString, int>> kBuckets{
        {QStringLiteral("1m"), 60},   {QStringLiteral("5m"), 300},   {QStringLiteral("15m"), 900},
        {QStringLiteral("1h"), 3600}, {QStringLiteral("1d"), 86400}};
    for (const auto &[name, value] : kBuckets) {
        if (text == name) {
            seconds = value;
            return true;
        }
    }
    return false;
}

bool parseTimeOption(const QString &text, qint64 &ms)
{
    const QByteArray latin = text.toLatin1();
    const std::string_view view(latin.constData(), size_t(latin.size()));
    int offset = 0;
    if (parseIsoTime(view, ms, offset))
        return true;
    // A bare date: its midnight, UTC.
    return latin.size() == 10 && parseIsoTime(std::string_view((latin + " 00:00:00").constData(), 19), ms, offset);
}

// "500,502,5xx": statuses, a class as 1..5 (LogFilter::statuses); false on anything else.
bool parseStatusFilter(const QString &text, QList<int> &statuses)
{
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed().toLower();
        bool ok = false;
        if (item.size() == 3 && item.endsWith(QLatin1String("xx"))) {
            const int cls = item.left(1).toInt(&ok);
            if (!ok || cls < 1 || cls > 5)
                return false;
            statuses << cls;
            continue;
        }
        const int status = item.toInt(&ok);
        if (!ok || status < 100 || status > 599)
            return false;
        statuses << status;
    }
    return !statuses.isEmpty();
}

QString readableSummary(const LogSummary &summary)
{
    QString out;
    out += QStringLiteral("Files:    %1\n").arg(summary.files.join(QStringLiteral(", ")));
    for (const FileFormat &format : summary.formats) {
        QString also;
        if (!format.wrapper.isEmpty())
            also += QStringLiteral(" inside %1").arg(format.wrapper);
        if (!format.alsoFormats.isEmpty())
            also += QStringLiteral(", then %1").arg(format.alsoFormats.join(QStringLiteral(", ")));
        out += QStringLiteral("Format:   %1%4 (confidence %2%) %3\n")
                   .arg(format.format)
                   .arg(qRound(format.confidence * 100))
                   .arg(format.file, also);
        if (!format.suggestion.isEmpty())
            out += QStringLiteral("          %1\n").arg(format.suggestion);
    }
    out += QStringLiteral("Lines:    %1 total, %2 parsed, %3 skipped\n")
               .arg(summary.linesTotal)
               .arg(summary.linesParsed)
               .arg(summary.linesSkipped);
    if (summary.hasTimeRange)
        out += QStringLiteral("Time:     %1 .. %2\n")
                   .arg(formatIsoTime(summary.firstMs, summary.tzOffsetMinutes),
                        formatIsoTime(summary.lastMs, summary.tzOffsetMinutes));
    out += QStringLiteral("\nStatus   Count\n");
    for (auto it = summary.statusCounts.cbegin(); it != summary.statusCounts.cend(); ++it)
        out += QStringLiteral("%1   %2\n").arg(it.key()).arg(it.value(), 10);
    if (summary.latency)
        out += QStringLiteral("\nLatency: p50 %1 ms, p95 %2 ms, p99 %3 ms\n")
                   .arg(summary.latency->p50, 0, 'f', 1)
                   .arg(summary.latency->p95, 0, 'f', 1)
                   .arg(summary.latency->p99, 0, 'f', 1);
    if (!summary.spikes.isEmpty()) {
        out += QStringLiteral("\nSpikes:\n");
        for (const Spike &spike : summary.spikes)
            out += QStringLiteral("  %1 .. %2  %3 × %4 (baseline %5 per bucket)\n")
                       .arg(formatIsoTime(spike.startMs, summary.tzOffsetMinutes),
                            formatIsoTime(spike.endMs, summary.tzOffsetMinutes))
                       .arg(spike.count)
                       .arg(spike.kind == SpikeKind::Status
                                ? QString::number(spike.status)
                                : QStringLiteral("%1 (%2, mostly %3)")
                                      .arg(spike.status / 100 == 4 ? QStringLiteral("4xx") : QStringLiteral("5xx"),
                                           toString(spike.kind))
                                      .arg(spike.status))
                       .arg(spike.baseline, 0, 'f', 1);
    }
    if (!summary.topErrorPaths.isEmpty()) {
        out += QStringLiteral("\nTop error paths:\n");
        for (const TopEntry &entry : summary.topErrorPaths)
            out += QStringLiteral("  %1 %2 %3\n").arg(entry.count, 8).arg(entry.status).arg(entry.text);
    }
    qint64 deviations = 0;
    for (qint64 n : summary.deviationsByType)
        deviations += n;
    if (deviations > 0) {
        out += QStringLiteral("\nRead despite deviations:");
        for (int i = 0; i < kDeviationCount; ++i) {
            if (summary.deviationsByType[size_t(i)] > 0)
                out += QStringLiteral(" %1 %2").arg(toString(static_cast<Deviation>(i))).arg(summary.deviationsByType[size_t(i)]);
        }
        out += QLatin1Char('\n');
        for (const DeviationExample &example : summary.deviationExamples)
            out += QStringLiteral("  %1:%2: %3: %4\n")
                       .arg(example.file)
                       .arg(example.line)
                       .arg(toString(example.type), example.text.left(100));
    }
    if (summary.linesSkipped > 0) {
        out += QStringLiteral("\nSkipped lines:");
        for (int i = 0; i < kSkipReasonCount; ++i) {
            if (summary.skippedByReason[size_t(i)] > 0)
                out += QStringLiteral(" %1 %2").arg(toString(static_cast<SkipReason>(i))).arg(summary.skippedByReason[size_t(i)]);
        }
        out += QLatin1Char('\n');
        for (const SkipExample &example : summary.skipExamples)
            out += QStringLiteral("  %1:%2: %3: %4\n")
                       .arg(example.file)
                       .arg(example.line)
                       .arg(toString(example.reason), example.text.left(100));
    }
    return out;
}

// One line per minute whose counts changed: "TIME  N requests  200×n 503×n  errors x%".
QString minuteLine(qint64 minute, const MinuteCell &cell, int tzOffsetMinutes)
{
    std::vector<std::pair<int, qint64>> statuses = cell.statuses;
    std::sort(statuses.begin(), statuses.end());
    QStringList parts;
    qint64 errors = 0;
    for (const auto &[status, count] : statuses) {
        parts << QStringLiteral("%1×%2").arg(status).arg(count);
        if (status >= 400)
            errors += count;
    }
    return QStringLiteral("%1  %2 requests  %3  errors %4%\n")
        .arg(formatIsoTime(minute * 60000, tzOffsetMinutes))
        .arg(cell.total)
        .arg(parts.join(QLatin1Char(' ')))
        .arg(cell.total > 0 ? 100.0 * double(errors) / double(cell.total) : 0.0, 0, 'f', 1);
}

// `logs --follow FILE`: like `tail -f`, from the file's current end; every poll that brings
// lines prints the updated counts of each minute they touched. Runs until interrupted, or
// for `seconds` when that is above 0.
int followLog(const QString &path, const IngestOptions &options, int seconds)
{
    LogFollower follower(path, options);
    std::unordered_map<qint64, qint64> printedTotals; // minute → total printed last
    QObject::connect(&follower, &LogFollower::linesAppended, &follower, [&] {
        const LogSummary summary = follower.summary();
        for (const auto &[minute, cell] : summary.minutes) {
            qint64 &printed = printedTotals[minute];
            if (printed != cell.total) {
                printed = cell.total;
                writeOut(minuteLine(minute, cell, summary.tzOffsetMinutes));
            }
        }
    });
    QObject::connect(&follower, &LogFollower::fileReset, &follower, [&] {
        printedTotals.clear();
        writeErr(QStringLiteral("statusscope-cli: logs: %1 was truncated or rotated; counting starts over\n").arg(path));
    });
    if (!follower.start(true, kFollowPollMs))
        return usageError(QStringLiteral("logs: %1").arg(follower.error()), kExitFile);
    writeErr(QStringLiteral("statusscope-cli: logs: following %1 (format %2)%3\n")
                 .arg(path, follower.formatName().isEmpty() ? QStringLiteral("detected on the first line")
                                                            : follower.formatName(),
                      seconds > 0 ? QStringLiteral(" for %1 s").arg(seconds) : QStringLiteral(", Ctrl+C stops")));
    QEventLoop loop;
    if (seconds > 0)
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    follower.poll(); // what arrived in the last moments
    return kExitOk;
}

} // namespace

int runLogs(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Status codes, error rates and spikes from access logs."));
    parser.addHelpOption();
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("Log format: %1.").arg(knownFormatNames().join(QLatin1Char('|'))),
                                    QStringLiteral("NAME"), QStringLiteral("auto"));
    const QCommandLineOption logFormat(QStringLiteral("log-format"),
                                       QStringLiteral("An Apache LogFormat or nginx log_format string, as in the server's config."),
                                       QStringLiteral("STRING"));
    const QCommandLineOption bucket(QStringLiteral("bucket"), QStringLiteral("Bucket size: 1m|5m|15m|1h|1d|auto."),
                                    QStringLiteral("SIZE"), QStringLiteral("auto"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Only requests at or after TIME (ISO 8601)."),
                                  QStringLiteral("TIME"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Only requests at or before TIME (ISO 8601); or, as a clickhouse:// URL, "
                                               "load the FILEs into that table."),
                                QStringLiteral("TIME|URL"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    QStringLiteral("Read from a database instead of files: "
                                                   "clickhouse://USER@HOST:8123/DB.TABLE (clickhouses:// for HTTPS)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption printDdl(QStringLiteral("print-ddl"),
                                      QStringLiteral("With --to URL: print the CREATE TABLE statements and stop."));
    const QCommandLineOption batchRows(QStringLiteral("batch-rows"),
                                       QStringLiteral("With --to URL: rows per INSERT (default %L1, about 170 MB of "
                                                      "columns, two batches held); lower it on a small machine.")
                                           .arg(LoadOptions{}.batchRows),
                                       QStringLiteral("N"));
    const QCommandLineOption cluster(QStringLiteral("cluster"),
                                     QStringLiteral("With --print-ddl: also the ON CLUSTER + Distributed variant."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption whereStatus(QStringLiteral("where-status"),
                                         QStringLiteral("Only these statuses (500,502,5xx)."), QStringLiteral("LIST"));
    const QCommandLineOption pathPrefix(QStringLiteral("path"), QStringLiteral("Only paths starting so."),
                                        QStringLiteral("PREFIX"));
    const QCommandLineOption client(QStringLiteral("client"),
                                    QStringLiteral("Only clients starting so (10.0. keeps a subnet)."),
                                    QStringLiteral("ADDRESS"));
    const QCommandLineOption method(QStringLiteral("method"), QStringLiteral("Only this request method."),
                                    QStringLiteral("METHOD"));
    const QCommandLineOption agent(QStringLiteral("agent"),
                                   QStringLiteral("Only user agents containing TEXT (any case)."), QStringLiteral("TEXT"));
    const QCommandLineOption column(QStringLiteral("column"),
                                    QStringLiteral("With --source: the column of a role, as ROLE=NAME (roles: %1; NAME - "
                                                   "for none); repeatable. Guessed from the table otherwise.")
                                        .arg(columnRoleNames().join(QStringLiteral(", "))),
                                    QStringLiteral("ROLE=NAME"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
                                          QStringLiteral("The database password: the first line of FILE "
                                                         "(else $CLICKHOUSE_PASSWORD)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("With a database: longest time a query may run, in seconds (default 300)."),
                                     QStringLiteral("SECONDS"));
    const QCommandLineOption progress(QStringLiteral("progress"),
                                      QStringLiteral("With --source: print how far long queries are to stderr "
                                                     "(the default when stderr is a terminal)."));
    const QCommandLineOption threads({QStringLiteral("j"), QStringLiteral("threads")},
                                     QStringLiteral("Worker threads (default: all cores)."), QStringLiteral("N"));
    const QCommandLineOption maxLine(QStringLiteral("max-line"),
                                     QStringLiteral("Longest line parsed, in bytes (default %1).")
                                         .arg(IngestOptions::kDefaultMaxLineBytes),
                                     QStringLiteral("BYTES"));
    const QCommandLineOption jsonField(QStringLiteral("json-field"),
                                       QStringLiteral("For JSON lines: where a field is, as ROLE=DOTTED.PATH (roles: %1); "
                                                      "repeatable, e.g. --json-field status=httpRequest.status.")
                                           .arg(jsonFieldRoles().join(QStringLiteral(", "))),
                                       QStringLiteral("ROLE=PATH"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the summary as JSON."));
    const QCommandLineOption csv(QStringLiteral("csv"), QStringLiteral("Print the time series as CSV."));
    const QCommandLineOption follow(QStringLiteral("follow"),
                                    QStringLiteral("Keep reading lines appended to FILE and print each minute's updated counts."));
    const QCommandLineOption followSeconds(QStringLiteral("follow-seconds"),
                                           QStringLiteral("With --follow: stop after N seconds (default: until interrupted)."),
                                           QStringLiteral("N"));
    parser.addOptions({format, logFormat, jsonField, bucket, from, to, threads, maxLine, json, csv, follow, followSeconds,
                       source, printDdl, batchRows, cluster, whereStatus, pathPrefix, client, method, agent, column, passwordFile, timeout,
                       progress});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Access logs (.gz too; - for stdin)."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(QStringList{QStringLiteral("logs")} + args))
        return usageError(parser.errorText(), kExitUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText());
        return kExitOk;
    }
    const QStringList files = parser.positionalArguments();
    // --to is a time, or (a clickhouse:// URL) the table to load the files into.
    QString loadTarget;
    QString toTime;
    for (const QString &value : parser.values(to))
        (isClickHouseUrl(value) ? loadTarget : toTime) = value;
    const bool fromSource = parser.isSet(source);
    if (files.isEmpty() && !fromSource && !(parser.isSet(printDdl) && !loadTarget.isEmpty()))
        return usageError(QStringLiteral("logs: no file given"), kExitUsage);
    if (fromSource && !files.isEmpty())
        return usageError(QStringLiteral("logs: --source reads a database; give no FILE"), kExitUsage);
    if (fromSource && !loadTarget.isEmpty())
        return usageError(QStringLiteral("logs: --source and --to URL exclude each other"), kExitUsage);
    if (parser.isSet(printDdl) && loadTarget.isEmpty())
        return usageError(QStringLiteral("logs: --print-ddl needs --to clickhouse://…/DB.TABLE"), kExitUsage);
    if (!fromSource && (parser.isSet(column) || parser.isSet(progress)))
        return usageError(QStringLiteral("logs: --column and --progress need --source"), kExitUsage);
    LogFilter filter;
    if (parser.isSet(whereStatus) && !parseStatusFilter(parser.value(whereStatus), filter.statuses))
        return usageError(QStringLiteral("logs: bad --where-status '%1' (e.g. 500,502,5xx)").arg(parser.value(whereStatus)),
                          kExitUsage);
    filter.pathPrefix = parser.value(pathPrefix);
    filter.client = parser.value(client);
    filter.method = parser.value(method);
    filter.userAgent = parser.value(agent);
    LoadOptions loadOptions;
    if (parser.isSet(batchRows)) {
        bool ok = false;
        loadOptions.batchRows = parser.value(batchRows).toInt(&ok);
        if (!ok || loadOptions.batchRows < 1)
            return usageError(QStringLiteral("logs: bad --batch-rows '%1'").arg(parser.value(batchRows)), kExitUsage);
        if (loadTarget.isEmpty())
            return usageError(QStringLiteral("logs: --batch-rows needs --to clickhouse://…/DB.TABLE"), kExitUsage);
    }
    int timeoutSeconds = 300;
    if (parser.isSet(timeout)) {
        bool ok = false;
        timeoutSeconds = parser.value(timeout).toInt(&ok);
        if (!ok || timeoutSeconds < 1)
            return usageError(QStringLiteral("logs: bad --timeout '%1'").arg(parser.value(timeout)), kExitUsage);
    }
    if (parser.isSet(json) && parser.isSet(csv))
        return usageError(QStringLiteral("logs: --json and --csv exclude each other"), kExitUsage);

    IngestOptions options;
    options.format = parser.value(format);
    if (!knownFormatNames().contains(options.format))
        return usageError(QStringLiteral("logs: unknown format '%1' (known: %2)")
                              .arg(options.format, knownFormatNames().join(QStringLiteral(", "))),
                          kExitUsage);
    options.customFormat = parser.value(logFormat);
    for (const QString &spec : parser.values(jsonField)) {
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        const QString role = spec.left(eq).trimmed();
        const QString path = eq < 0 ? QString() : spec.mid(eq + 1).trimmed();
        if (eq < 0 || !jsonFieldRoles().contains(role) || path.isEmpty() || path.startsWith(QLatin1Char('.'))
            || path.endsWith(QLatin1Char('.')) || path.contains(QLatin1String("..")))
            return usageError(QStringLiteral("logs: bad --json-field '%1' (ROLE=DOTTED.PATH, roles: %2)")
                                  .arg(spec, jsonFieldRoles().join(QStringLiteral(", "))),
                              kExitUsage);
        options.jsonFields.insert(role, path);
    }
    if (!parseBucket(parser.value(bucket), options.bucketSeconds))
        return usageError(QStringLiteral("logs: bad --bucket '%1' (1m, 5m, 15m, 1h, 1d or auto)").arg(parser.value(bucket)),
                          kExitUsage);
    if (parser.isSet(from) && !parseTimeOption(parser.value(from), options.fromMs))
        return usageError(QStringLiteral("logs: bad --from '%1' (ISO 8601 expected)").arg(parser.value(from)), kExitUsage);
    if (!toTime.isEmpty() && !parseTimeOption(toTime, options.toMs))
        return usageError(QStringLiteral("logs: bad --to '%1' (ISO 8601 or a clickhouse:// URL expected)").arg(toTime),
                          kExitUsage);
    if (parser.isSet(threads)) {
        bool ok = false;
        options.threads = parser.value(threads).toInt(&ok);
        if (!ok || options.threads < 1 || options.threads > 256)
            return usageError(QStringLiteral("logs: bad -j '%1' (1..256)").arg(parser.value(threads)), kExitUsage);
    }
    if (parser.isSet(maxLine)) {
        bool ok = false;
        options.maxLineBytes = parser.value(maxLine).toInt(&ok);
        if (!ok || options.maxLineBytes < 16)
            return usageError(QStringLiteral("logs: bad --max-line '%1'").arg(parser.value(maxLine)), kExitUsage);
    }

    if (parser.isSet(follow) || parser.isSet(followSeconds)) {
        int seconds = 0;
        if (parser.isSet(followSeconds)) {
            bool ok = false;
            seconds = parser.value(followSeconds).toInt(&ok);
            if (!ok || seconds < 1)
                return usageError(QStringLiteral("logs: bad --follow-seconds '%1'").arg(parser.value(followSeconds)),
                                  kExitUsage);
        }
        if (files.size() != 1 || files.front() == QLatin1String("-"))
            return usageError(QStringLiteral("logs: --follow takes exactly one file"), kExitUsage);
        if (parser.isSet(json) || parser.isSet(csv))
            return usageError(QStringLiteral("logs: --follow prints text lines, not --json or --csv"), kExitUsage);
        options.filter = toRecordFilter(filter); // the appended lines are counted through it too
        return followLog(files.front(), options, seconds);
    }

    if (!loadTarget.isEmpty() || fromSource) {
        ClickHouseEndpoint endpoint;
        QString why;
        if (!clickHouseEndpoint(fromSource ? parser.value(source) : loadTarget, parser.value(passwordFile), endpoint, why))
            return usageError(QStringLiteral("logs: %1").arg(why), kExitUsage);
        if (parser.isSet(printDdl))
            return printClickHouseDdl(endpoint, parser.value(cluster));
        if (!loadTarget.isEmpty()) {
            if (parser.isSet(json) || parser.isSet(csv) || parser.isSet(from) || !toTime.isEmpty())
                return usageError(QStringLiteral("logs: --to URL loads whole files; no --json, --csv, --from or --to TIME"),
                                  kExitUsage);
            if (!filter.isEmpty())
                return usageError(QStringLiteral("logs: --to URL loads whole files; filter when reading it back"),
                                  kExitUsage);
            loadOptions.ingest = options;
            return loadIntoClickHouse(endpoint, loadOptions, files, timeoutSeconds);
        }
        QMap<ColumnRole, QString> overrides;
        if (!parseColumnOverrides(parser.values(column), overrides, why))
            return usageError(QStringLiteral("logs: %1").arg(why), kExitUsage);
        LogQuery query;
        query.fromMs = options.fromMs;
        query.toMs = options.toMs;
        query.bucketSeconds = options.bucketSeconds;
        query.filter = filter;
        ClickHouseSource database(endpoint, overrides, timeoutSeconds);
        const bool terminal = stderrIsTerminal();
        const bool showProgress = terminal || parser.isSet(progress);
        if (showProgress)
            database.setProgressHandler(progressPrinter(terminal));
        const SourceSummary answer = database.summary(query);
        if (showProgress && terminal)
            clearProgressLine();
        if (answer.error.isError())
            return sourceError(answer.error);
        if (parser.isSet(json)) {
            QJsonObject root = toJson(answer.summary);
            // Extra fields (the contract's names stay): what the chart cost the server and the wire.
            root.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("clickhouse")},
                                                              {QStringLiteral("name"), database.name()},
                                                              {QStringLiteral("queries"), database.queryCount()},
                                                              {QStringLiteral("bytes_received"),
                                                               double(database.bytesReceived())}});
            writeOut(QJsonDocument(root).toJson(QJsonDocument::Indented));
        } else if (parser.isSet(csv)) {
            writeOut(seriesToCsv(answer.summary, answer.summary.buckets));
        } else {
            writeOut(readableSummary(answer.summary));
        }
        return kExitOk;
    }

    LocalFileSource local(files, options);
    LogQuery query;
    query.fromMs = options.fromMs;
    query.toMs = options.toMs;
    query.bucketSeconds = options.bucketSeconds;
    query.filter = filter;
    const SourceSummary result = local.summary(query);
    if (result.error.isError() && result.error.kind != SourceErrorKind::Cancelled)
        return usageError(QStringLiteral("logs: %1").arg(result.error.message),
                          result.error.kind == SourceErrorKind::Usage ? kExitUsage : kExitFile);
    for (const QString &warning : result.summary.warnings)
        writeErr(QStringLiteral("statusscope-cli: logs: warning: %1\n").arg(warning));
    if (parser.isSet(json))
        writeOut(QJsonDocument(toJson(result.summary)).toJson(QJsonDocument::Indented));
    else if (parser.isSet(csv))
        writeOut(seriesToCsv(result.summary, result.summary.buckets));
    else
        writeOut(readableSummary(result.summary));
    return kExitOk;
}

} // namespace statusscope::cli
