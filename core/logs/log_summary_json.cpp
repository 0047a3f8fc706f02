// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/log_summary_json.h"

#include "core/logs/log_time.h"

#include <QJsonArray>

namespace statusscope::logs {

namespace {

QJsonObject classObject(const std::array<qint64, 6> &counts)
{
    QJsonObject out;
    for (int c = 1; c <= 5; ++c)
        out.insert(QStringLiteral("%1xx").arg(c), double(counts[size_t(c)]));
    return out;
}

QJsonObject statusObject(const QMap<int, qint64> &counts)
{
    QJsonObject out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.insert(QString::number(it.key()), double(it.value()));
    return out;
}

QJsonArray topArray(const QList<TopEntry> &entries, const QString &textKey, bool withStatus)
{
    QJsonArray out;
    for (const TopEntry &entry : entries) {
        QJsonObject object{{textKey, entry.text}, {QStringLiteral("count"), double(entry.count)}};
        if (withStatus)
            object.insert(QStringLiteral("status"), entry.status);
        out.push_back(object);
    }
    return out;
}

QJsonObject perStatus(const QMap<int, QList<TopEntry>> &lists, const QString &textKey)
{
    QJsonObject out;
    for (auto it = lists.cbegin(); it != lists.cend(); ++it)
        out.insert(QString::number(it.key()), topArray(it.value(), textKey, false));
    return out;
}

// Rates rounded to 6 decimals: enough for a chart, and stable text for diffs.
double rounded(double value)
{
    return std::round(value * 1e6) / 1e6;
}

double roundedMs(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

} // namespace

QJsonObject toJson(const LogSummary &summary)
{
    QJsonObject root;
    root.insert(QStringLiteral("files"), QJsonArray::fromStringList(summary.files));
    root.insert(QStringLiteral("format"), summary.format);
    QJsonArray formats;
    for (const FileFormat &format : summary.formats) {
        QJsonArray candidates;
        for (const FormatCandidate &candidate : format.candidates)
            candidates.push_back(QJsonObject{{QStringLiteral("format"), candidate.format},
                                             {QStringLiteral("confidence"), rounded(candidate.confidence)}});
        formats.push_back(QJsonObject{{QStringLiteral("file"), format.file},
                                      {QStringLiteral("format"), format.format},
                                      {QStringLiteral("confidence"), rounded(format.confidence)},
                                      {QStringLiteral("wrapper"), format.wrapper.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                                           : QJsonValue(format.wrapper)},
                                      {QStringLiteral("also"), QJsonArray::fromStringList(format.alsoFormats)},
                                      {QStringLiteral("sample_lines"), format.sampleLines},
                                      {QStringLiteral("candidates"), candidates},
                                      {QStringLiteral("suggestion"), format.suggestion.isEmpty()
                                                                         ? QJsonValue(QJsonValue::Null)
                                                                         : QJsonValue(format.suggestion)}});
    }
    root.insert(QStringLiteral("formats"), formats);
    root.insert(QStringLiteral("lines_total"), double(summary.linesTotal));
    root.insert(QStringLiteral("lines_parsed"), double(summary.linesParsed));
    root.insert(QStringLiteral("lines_skipped"), double(summary.linesSkipped));
    root.insert(QStringLiteral("lines_meta"), double(summary.linesMeta));
    root.insert(QStringLiteral("lines_filtered"), double(summary.linesFiltered));
    root.insert(QStringLiteral("cancelled"), summary.cancelled);
    root.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(summary.warnings));

    QJsonObject byReason;
    for (int i = 0; i < kSkipReasonCount; ++i)
        byReason.insert(toString(static_cast<SkipReason>(i)), double(summary.skippedByReason[size_t(i)]));
    QJsonArray examples;
    for (const SkipExample &example : summary.skipExamples)
        examples.push_back(QJsonObject{{QStringLiteral("file"), example.file},
                                       {QStringLiteral("line"), double(example.line)},
                                       {QStringLiteral("reason"), toString(example.reason)},
                                       {QStringLiteral("text"), example.text}});
    root.insert(QStringLiteral("skipped"),
                QJsonObject{{QStringLiteral("by_reason"), byReason}, {QStringLiteral("examples"), examples}});

    QJsonObject byType;
    for (int i = 0; i < kDeviationCount; ++i)
        byType.insert(toString(static_cast<Deviation>(i)), double(summary.deviationsByType[size_t(i)]));
    QJsonArray deviationExamples;
    for (const DeviationExample &example : summary.deviationExamples)
        deviationExamples.push_back(QJsonObject{{QStringLiteral("file"), example.file},
                                                {QStringLiteral("line"), double(example.line)},
                                                {QStringLiteral("type"), toString(example.type)},
                                                {QStringLiteral("text"), example.text}});
    root.insert(QStringLiteral("deviations"), QJsonObject{{QStringLiteral("by_type"), byType},
                                                          {QStringLiteral("examples"), deviationExamples}});

    if (summary.hasTimeRange)
        root.insert(QStringLiteral("time_range"),
                    QJsonObject{{QStringLiteral("first"), formatIsoTime(summary.firstMs, summary.tzOffsetMinutes)},
                                {QStringLiteral("last"), formatIsoTime(summary.lastMs, summary.tzOffsetMinutes)}});
    else
        root.insert(QStringLiteral("time_range"), QJsonValue::Null);
    root.insert(QStringLiteral("status_counts"), statusObject(summary.statusCounts));
    root.insert(QStringLiteral("class_counts"), classObject(summary.classCounts));

    QJsonArray buckets;
    for (const SeriesBucket &bucket : summary.buckets)
        buckets.push_back(QJsonObject{{QStringLiteral("start"), formatIsoTime(bucket.startMs, summary.tzOffsetMinutes)},
                                      {QStringLiteral("total"), double(bucket.total)},
                                      {QStringLiteral("by_class"), classObject(bucket.byClass)},
                                      {QStringLiteral("by_status"), statusObject(bucket.byStatus)},
                                      {QStringLiteral("error_rate"), rounded(bucket.errorRate())},
                                      {QStringLiteral("rate_4xx"), rounded(bucket.rate4xx())},
                                      {QStringLiteral("rate_5xx"), rounded(bucket.rate5xx())}});
    root.insert(QStringLiteral("series"), QJsonObject{{QStringLiteral("bucket_seconds"), summary.bucketSeconds},
                                                      {QStringLiteral("buckets"), buckets}});
    root.insert(QStringLiteral("top_error_paths"), topArray(summary.topErrorPaths, QStringLiteral("path"), true));
    root.insert(QStringLiteral("top_clients"), perStatus(summary.topClients, QStringLiteral("client")));
    root.insert(QStringLiteral("top_user_agents"), perStatus(summary.topUserAgents, QStringLiteral("user_agent")));
    root.insert(QStringLiteral("top_lists_approximate"), summary.topListsApproximate);

    QJsonArray spikes;
    for (const Spike &spike : summary.spikes)
        spikes.push_back(QJsonObject{{QStringLiteral("start"), formatIsoTime(spike.startMs, summary.tzOffsetMinutes)},
                                     {QStringLiteral("end"), formatIsoTime(spike.endMs, summary.tzOffsetMinutes)},
                                     {QStringLiteral("status"), spike.status},
                                     {QStringLiteral("kind"), toString(spike.kind)},
                                     {QStringLiteral("count"), double(spike.count)},
                                     {QStringLiteral("baseline"), rounded(spike.baseline)}});
    root.insert(QStringLiteral("spikes"), spikes);
    if (summary.latency)
        root.insert(QStringLiteral("latency_ms"),
                    QJsonObject{{QStringLiteral("p50"), roundedMs(summary.latency->p50)},
                                {QStringLiteral("p95"), roundedMs(summary.latency->p95)},
                                {QStringLiteral("p99"), roundedMs(summary.latency->p99)},
                                {QStringLiteral("count"), double(summary.latency->count)}});
    else
        root.insert(QStringLiteral("latency_ms"), QJsonValue::Null);
    return root;
}

QByteArray seriesToCsv(const LogSummary &summary, const QList<SeriesBucket> &buckets)
{
    QList<int> statuses = summary.statusCounts.keys();
    QByteArray out = "start,total,1xx,2xx,3xx,4xx,5xx,error_rate,rate_4xx,rate_5xx";
    for (int status : statuses)
        out += ',' + QByteArray::number(status);
    out += '\n';
    for (const SeriesBucket &bucket : buckets) {
        out += formatIsoTime(bucket.startMs, summary.tzOffsetMinutes).toUtf8();
        out += ',' + QByteArray::number(bucket.total);
        for (int c = 1; c <= 5; ++c)
            out += ',' + QByteArray::number(bucket.byClass[size_t(c)]);
        out += ',' + QByteArray::number(rounded(bucket.errorRate()), 'g', 8);
        out += ',' + QByteArray::number(rounded(bucket.rate4xx()), 'g', 8);
        out += ',' + QByteArray::number(rounded(bucket.rate5xx()), 'g', 8);
        for (int status : statuses)
            out += ',' + QByteArray::number(bucket.byStatus.value(status, 0));
        out += '\n';
    }
    return out;
}

} // namespace statusscope::logs
