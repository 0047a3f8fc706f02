// statusscope-cli har FILE [--json]: what a HAR file holds, as DESIGN.md fixes it.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/cli_io.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/har/har_reader.h"
#include "core/har/har_summary.h"
#include "core/har/rapidjson_config.h"
#include "core/text/durations.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace statusscope::cli {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(JsonWriter &json, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    json.String(utf8.constData(), static_cast<rapidjson::SizeType>(utf8.size()));
}

void writeKey(JsonWriter &json, const char *key)
{
    json.Key(key);
}

// HAR's -1 ("does not apply") is null here, as every phase that did not happen (DESIGN.md).
void writeMs(JsonWriter &json, double ms)
{
    if (ms < 0)
        json.Null();
    else
        json.Double(ms);
}

QByteArray toJson(const HarLog &log, const HarSummary &summary)
{
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    writeKey(json, "entry_count");
    json.Int64(log.entries.size());
    writeKey(json, "page_count");
    json.Int64(log.pages.size());
    writeKey(json, "status_counts");
    json.StartObject();
    for (const auto &[status, count] : summary.statusCounts) {
        json.Key(QByteArray::number(status).constData());
        json.Int(count);
    }
    json.EndObject();
    writeKey(json, "entries");
    json.StartArray();
    for (const HarEntry &entry : log.entries) {
        json.StartObject();
        writeKey(json, "method");
        writeString(json, entry.request.method);
        writeKey(json, "url");
        writeString(json, entry.request.url);
        writeKey(json, "status");
        json.Int(entry.response.status);
        writeKey(json, "time_ms");
        writeMs(json, entry.time);
        writeKey(json, "timings");
        json.StartObject();
        for (int p = 0; p < static_cast<int>(HarPhase::PhaseCount); ++p) {
            const auto phase = static_cast<HarPhase>(p);
            json.Key(toString(phase).toLatin1().constData());
            writeMs(json, entry.timings.phase(phase));
        }
        json.EndObject();
        json.EndObject();
    }
    json.EndArray();
    writeKey(json, "skipped");
    json.StartArray();
    for (const HarSkippedEntry &skipped : log.skipped) {
        json.StartObject();
        writeKey(json, "index");
        json.Int(skipped.index);
        writeKey(json, "reason");
        writeString(json, skipped.reason);
        json.EndObject();
    }
    json.EndArray();
    // Beyond DESIGN.md's contract (fields are only ever added): what the reader tolerated, by
    // kind, and what is wrong with the file as a whole.
    writeKey(json, "deviations");
    json.StartArray();
    for (const HarDeviation &deviation : log.deviations) {
        json.StartObject();
        writeKey(json, "kind");
        writeString(json, deviation.kind);
        writeKey(json, "count");
        json.Int64(deviation.count);
        writeKey(json, "examples");
        json.StartArray();
        for (const QString &example : deviation.examples)
            writeString(json, example);
        json.EndArray();
        json.EndObject();
    }
    json.EndArray();
    writeKey(json, "warnings");
    json.StartArray();
    for (const QString &warning : log.warnings)
        writeString(json, warning);
    json.EndArray();
    json.EndObject();
    QByteArray out(buffer.GetString(), static_cast<qsizetype>(buffer.GetSize()));
    out += '\n';
    return out;
}

QString toText(const HarLog &log, const HarSummary &summary)
{
    QString text = QStringLiteral("%1 entries, %2 pages (HAR %3, %4 %5)\n")
                       .arg(log.entries.size())
                       .arg(log.pages.size())
                       .arg(log.version.isEmpty() ? QStringLiteral("?") : log.version,
                            log.creator.name, log.creator.version);
    QStringList counts;
    for (const auto &[status, count] : summary.statusCounts)
        counts << QStringLiteral("%1: %2").arg(status).arg(count);
    text += QStringLiteral("statuses: %1\n").arg(counts.join(QStringLiteral(", ")));
    for (const HarEntry &entry : log.entries) {
        text += QStringLiteral("%1  %2 %3 %4  %5\n")
                    .arg(entry.index, 5)
                    .arg(entry.response.status, 3)
                    .arg(entry.request.method, -7)
                    .arg(entry.time < 0 ? QStringLiteral("      -") : text::exactMs(entry.time, 1).rightJustified(12),
                         entry.request.url);
    }
    for (const HarSkippedEntry &skipped : log.skipped)
        text += QStringLiteral("skipped entry %1: %2\n").arg(skipped.index).arg(skipped.reason);
    for (const HarDeviation &deviation : log.deviations)
        text += QStringLiteral("tolerated %1 × %2: %3 (%4)\n")
                    .arg(deviation.kind)
                    .arg(deviation.count)
                    .arg(describeHarDeviation(deviation.kind), deviation.examples.join(QStringLiteral(", ")));
    for (const QString &warning : log.warnings)
        text += QStringLiteral("warning: %1\n").arg(warning);
    return text;
}

const char kHarHelp[] = "Usage: statusscope-cli har FILE [--json]\n"
                        "Entries, statuses and timings of a HAR 1.1/1.2 file.\n"
                        "Exit status: 0 read (broken entries listed as skipped), 7 not a HAR,\n"
                        "8 file error.\n";

} // namespace

int runHar(const QStringList &args)
{
    const FileCommandArgs parsed = parseFileCommandArgs(QStringLiteral("har"), args, QString::fromUtf8(kHarHelp), true);
    if (parsed.exitCode)
        return *parsed.exitCode;
    const QString &path = parsed.path;

    HarReadOptions options;
    // Nothing printed here needs bodies, headers or cookies: not keeping them makes reading a
    // large HAR several times cheaper (bench/har/RESULTS.md).
    options.keepBodies = false;
    options.keepDetails = false;
    const HarReadResult result = readHarFile(path, options);
    switch (result.error.status) {
    case HarReadStatus::Ok: break;
    case HarReadStatus::FileError:
        return usageError(QStringLiteral("%1: cannot read: %2").arg(path, result.error.describe()), kExitFile);
    case HarReadStatus::NotJson:
        return usageError(QStringLiteral("%1: not a HAR (not JSON): %2").arg(path, result.error.describe()),
                          kExitProtocol);
    case HarReadStatus::NotHar:
        return usageError(QStringLiteral("%1: not a HAR: %2").arg(path, result.error.describe()), kExitProtocol);
    case HarReadStatus::Cancelled:
        return usageError(QStringLiteral("%1: cancelled").arg(path), kExitFailure);
    }
    // A problem with the file as a whole is said on stderr too, where a script's user sees it.
    for (const QString &warning : result.log.warnings)
        writeErr(QStringLiteral("%1: warning: %2\n").arg(path, warning));
    const HarSummary summary = summarize(result.log.entries);
    if (parsed.json)
        writeOut(toJson(result.log, summary));
    else
        writeOut(toText(result.log, summary));
    return kExitOk;
}

} // namespace statusscope::cli
