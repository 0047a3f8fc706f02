// statusscope-cli logs: status codes, error rates and spikes from access logs (DESIGN.md).
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/cli_io.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/logs/format_detect.h"
#include "core/logs/log_ingest.h"
#include "core/logs/log_summary_json.h"
#include "core/logs/log_time.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace statusscope::cli {

namespace {

using namespace statusscope::logs;

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

QString readableSummary(const LogSummary &summary)
{
    QString out;
    out += QStringLiteral("Files:    %1\n").arg(summary.files.join(QStringLiteral(", ")));
    for (const FileFormat &format : summary.formats)
        out += QStringLiteral("Format:   %1 (confidence %2%) %3\n")
                   .arg(format.format)
                   .arg(qRound(format.confidence * 100))
                   .arg(format.file);
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
                       .arg(spike.status)
                       .arg(spike.baseline, 0, 'f', 1);
    }
    if (!summary.topErrorPaths.isEmpty()) {
        out += QStringLiteral("\nTop error paths:\n");
        for (const TopEntry &entry : summary.topErrorPaths)
            out += QStringLiteral("  %1 %2 %3\n").arg(entry.count, 8).arg(entry.status).arg(entry.text);
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
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Only requests at or before TIME (ISO 8601)."),
                                QStringLiteral("TIME"));
    const QCommandLineOption threads({QStringLiteral("j"), QStringLiteral("threads")},
                                     QStringLiteral("Worker threads (default: all cores)."), QStringLiteral("N"));
    const QCommandLineOption maxLine(QStringLiteral("max-line"),
                                     QStringLiteral("Longest line parsed, in bytes (default %1).")
                                         .arg(IngestOptions::kDefaultMaxLineBytes),
                                     QStringLiteral("BYTES"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the summary as JSON."));
    const QCommandLineOption csv(QStringLiteral("csv"), QStringLiteral("Print the time series as CSV."));
    parser.addOptions({format, logFormat, bucket, from, to, threads, maxLine, json, csv});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Access logs (.gz too; - for stdin)."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(QStringList{QStringLiteral("logs")} + args))
        return usageError(parser.errorText(), kExitUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText());
        return kExitOk;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(QStringLiteral("logs: no file given"), kExitUsage);
    if (parser.isSet(json) && parser.isSet(csv))
        return usageError(QStringLiteral("logs: --json and --csv exclude each other"), kExitUsage);

    IngestOptions options;
    options.format = parser.value(format);
    if (!knownFormatNames().contains(options.format))
        return usageError(QStringLiteral("logs: unknown format '%1' (known: %2)")
                              .arg(options.format, knownFormatNames().join(QStringLiteral(", "))),
                          kExitUsage);
    options.customFormat = parser.value(logFormat);
    if (!parseBucket(parser.value(bucket), options.bucketSeconds))
        return usageError(QStringLiteral("logs: bad --bucket '%1' (1m, 5m, 15m, 1h, 1d or auto)").arg(parser.value(bucket)),
                          kExitUsage);
    if (parser.isSet(from) && !parseTimeOption(parser.value(from), options.fromMs))
        return usageError(QStringLiteral("logs: bad --from '%1' (ISO 8601 expected)").arg(parser.value(from)), kExitUsage);
    if (parser.isSet(to) && !parseTimeOption(parser.value(to), options.toMs))
        return usageError(QStringLiteral("logs: bad --to '%1' (ISO 8601 expected)").arg(parser.value(to)), kExitUsage);
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

    LogIngest ingest(options);
    const IngestResult result = ingest.run(files);
    if (!result.ok())
        return usageError(QStringLiteral("logs: %1").arg(result.error),
                          result.error.startsWith(QLatin1String("--log-format")) ? kExitUsage : kExitFile);
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
