// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_source.h"

#include "core/logs/log_time.h"
#include "core/logs/source/clickhouse_schema.h"
#include "core/logs/source/clickhouse_tsv.h"
#include "core/logs/spike_detector.h"

#include <limits>

namespace statusscope::logs {

namespace {

constexpr qint64 kUnboundedFrom = std::numeric_limits<qint64>::min();
constexpr qint64 kUnboundedTo = std::numeric_limits<qint64>::max();

qint64 toInt(const QByteArray &field)
{
    return field.toLongLong();
}

qint64 floorSeconds(qint64 ms)
{
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

} // namespace

ClickHouseSource::ClickHouseSource(ClickHouseEndpoint endpoint, QMap<ColumnRole, QString> columnOverrides,
                                   int timeoutSeconds)
    : m_http(std::move(endpoint), timeoutSeconds)
    , m_overrides(std::move(columnOverrides))
{
}

QList<QList<QByteArray>> ClickHouseSource::rows(const QString &stage, const QString &sql, SourceError &error)
{
    ProgressHandler handler;
    if (const ProgressHandler &outer = progressHandler()) {
        handler = [outer, stage](const SourceProgress &progress) {
            SourceProgress named = progress;
            named.stage = stage;
            outer(named);
        };
    }
    m_http.setProgressHandler(std::move(handler));
    const ClickHouseReply reply = m_http.query(sql + QStringLiteral(" FORMAT TabSeparated"));
    if (!reply.ok()) {
        error = reply.error;
        return {};
    }
    return parseTsv(reply.body);
}

SourceError ClickHouseSource::connect()
{
    SourceError error;
    if (m_connected)
        return error;
    const ClickHouseEndpoint &endpoint = m_http.endpoint();
    const auto found = rows(QStringLiteral("columns"), QStringLiteral("SELECT name, type FROM system.columns WHERE database = %1 AND table = %2")
                               .arg(sqlString(endpoint.database), sqlString(endpoint.table)),
                           error);
    if (error.isError())
        return error;
    m_columns.clear();
    for (const auto &row : found) {
        if (row.size() >= 2)
            m_columns.push_back({QString::fromUtf8(row[0]), QString::fromUtf8(row[1])});
    }
    if (m_columns.isEmpty())
        return {SourceErrorKind::Missing, QStringLiteral("%1: no table %2 on the server").arg(name(), endpoint.dbTable())};
    QString why;
    m_mapping = mapColumns(m_columns, m_overrides, &why);
    if (!why.isEmpty())
        return {SourceErrorKind::Missing, QStringLiteral("%1: %2").arg(name(), why)};
    m_connected = true;
    return error;
}

SourceError ClickHouseSource::connectFor(const LogFilter &filter)
{
    SourceError error = connect();
    if (error.isError())
        return error;
    const std::pair<ColumnRole, bool> wanted[] = {{ColumnRole::Path, !filter.pathPrefix.isEmpty()},
                                                  {ColumnRole::Client, !filter.client.isEmpty()},
                                                  {ColumnRole::Method, !filter.method.isEmpty()},
                                                  {ColumnRole::UserAgent, !filter.userAgent.isEmpty()}};
    for (const auto &[role, used] : wanted) {
        if (used && !m_mapping.has(role))
            return {SourceErrorKind::Usage,
                    QStringLiteral("%1: the table has no %2 column to filter on")
                        .arg(name(), toString(role))};
    }
    return error;
}

QString ClickHouseSource::col(ColumnRole role) const
{
    return QStringLiteral("`%1`").arg(m_mapping.column(role));
}

QString ClickHouseSource::timeMsExpr() const
{
    QString expr = QStringLiteral("(toInt64(toUInt32(%1)) * 1000").arg(col(ColumnRole::Time));
    if (m_mapping.has(ColumnRole::Millis))
        expr += QStringLiteral(" + toInt64(%1)").arg(col(ColumnRole::Millis));
    return expr + QLatin1Char(')');
}

QString ClickHouseSource::durationExpr() const
{
    return m_mapping.durationInSeconds ? QStringLiteral("(toFloat64(%1) * 1000)").arg(col(ColumnRole::Duration))
                                       : QStringLiteral("toFloat64(%1)").arg(col(ColumnRole::Duration));
}

QString ClickHouseSource::where(const LogQuery &query, const QString &extra) const
{
    QStringList conditions;
    const QString time = col(ColumnRole::Time);
    // The bare column comparisons let the MergeTree index skip parts; the millisecond
    // expression then cuts exactly where a file's reader cuts.
    if (query.fromMs != kUnboundedFrom) {
        conditions << QStringLiteral("toUInt32(%1) >= %2").arg(time).arg(std::max<qint64>(0, floorSeconds(query.fromMs)))
                   << QStringLiteral("%1 >= %2").arg(timeMsExpr()).arg(query.fromMs);
    }
    if (query.toMs != kUnboundedTo) {
        conditions << QStringLiteral("toUInt32(%1) <= %2").arg(time).arg(std::max<qint64>(0, floorSeconds(query.toMs)))
                   << QStringLiteral("%1 <= %2").arg(timeMsExpr()).arg(query.toMs);
    }
    const LogFilter &filter = query.filter;
    if (!filter.statuses.isEmpty()) {
        QStringList exact;
        QStringList classes;
        for (int status : filter.statuses)
            (status < 10 ? classes : exact) << QString::number(status);
        QStringList either;
        if (!exact.isEmpty())
            either << QStringLiteral("%1 IN (%2)").arg(col(ColumnRole::Status), exact.join(QStringLiteral(", ")));
        if (!classes.isEmpty())
            either << QStringLiteral("intDiv(%1, 100) IN (%2)").arg(col(ColumnRole::Status), classes.join(QStringLiteral(", ")));
        conditions << QLatin1Char('(') + either.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    // Byte-wise prefixes and ASCII-only case folding (upper, lower): what the file reader's
    // RecordFilter does, so both sources keep the same requests.
    const auto prefix = [&](ColumnRole role, const QString &text) {
        conditions << QStringLiteral("substring(%1, 1, %2) = %3").arg(col(role)).arg(text.toUtf8().size()).arg(sqlString(text));
    };
    if (!filter.pathPrefix.isEmpty())
        prefix(ColumnRole::Path, filter.pathPrefix);
    if (!filter.client.isEmpty())
        prefix(ColumnRole::Client, filter.client);
    if (!filter.method.isEmpty())
        conditions << QStringLiteral("upper(%1) = upper(%2)").arg(col(ColumnRole::Method), sqlString(filter.method));
    if (!filter.userAgent.isEmpty())
        conditions << QStringLiteral("position(lower(%1), lower(%2)) > 0")
                          .arg(col(ColumnRole::UserAgent), sqlString(filter.userAgent));
    if (!extra.isEmpty())
        conditions << extra;
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

std::optional<ClickHouseSource::Range> ClickHouseSource::range(const LogQuery &query, SourceError &error)
{
    const QString tz = m_mapping.has(ColumnRole::TzOffset) ? col(ColumnRole::TzOffset) : QStringLiteral("0");
    const auto found = rows(QStringLiteral("time range"), QStringLiteral("SELECT count(), min(%1), max(%1), argMin(%2, %1) FROM %3%4")
                                .arg(timeMsExpr(), tz, m_http.endpoint().qualifiedTable(), where(query)),
                            error);
    if (error.isError())
        return std::nullopt;
    if (found.isEmpty() || found[0].size() < 4) {
        error = {SourceErrorKind::Server, QStringLiteral("%1: unexpected answer to the range query").arg(name())};
        return std::nullopt;
    }
    return Range{toInt(found[0][0]), toInt(found[0][1]), toInt(found[0][2]), int(toInt(found[0][3]))};
}

bool ClickHouseSource::fillSeries(const LogQuery &query, qint64 fromMs, qint64 toMs, int bucketSeconds,
                                  QList<SeriesBucket> &buckets, SourceError &error)
{
    const QString time = col(ColumnRole::Time);
    const QString status = col(ColumnRole::Status);
    const auto found = rows(QStringLiteral("buckets"), QStringLiteral("SELECT intDiv(toUInt32(%1), %2) * %2 AS bucket, %3 AS s, count() FROM %4%5 "
                                           "GROUP BY bucket, s ORDER BY bucket, s")
                                .arg(time)
                                .arg(bucketSeconds)
                                .arg(status, m_http.endpoint().qualifiedTable(), where(query)),
                            error);
    if (error.isError())
        return false;
    // Each server bucket as one "minute" at its start: buildSeries then lays them out (empty
    // buckets included) exactly as it does a file's minutes.
    MinuteSeries minutes;
    for (const auto &row : found) {
        if (row.size() < 3)
            continue;
        const qint64 minute = toInt(row[0]) / 60;
        if (minutes.empty() || minutes.back().first != minute)
            minutes.emplace_back(minute, MinuteCell{});
        minutes.back().second.add(int(toInt(row[1])), toInt(row[2]));
    }
    buckets = buildSeries(minutes, bucketSeconds, fromMs, toMs);
    return true;
}

QList<TopEntry> ClickHouseSource::top(const QString &stage, const QString &sql, int textColumn, int statusColumn, SourceError &error)
{
    QList<TopEntry> out;
    for (const auto &row : rows(stage, sql, error)) {
        if (row.size() < 3)
            continue;
        out.push_back({QString::fromUtf8(row[textColumn]), int(toInt(row[statusColumn])), toInt(row[2])});
    }
    return out;
}

void ClickHouseSource::addLoadAccounting(LogSummary &summary, SourceError &error)
{
    const ClickHouseEndpoint &endpoint = m_http.endpoint();
    const auto exists = rows(QStringLiteral("load accounting"), QStringLiteral("EXISTS TABLE %1").arg(endpoint.qualified(loadTableName())), error);
    if (error.isError() || exists.isEmpty() || exists[0].value(0) != "1")
        return;
    QStringList sums{QStringLiteral("sum(meta)")};
    for (const QString &column : skipColumns() + deviationColumns())
        sums << QStringLiteral("sum(%1)").arg(column);
    const auto found = rows(QStringLiteral("load accounting"), QStringLiteral("SELECT %1 FROM %2 WHERE target = %3")
                                .arg(sums.join(QStringLiteral(", ")), endpoint.qualified(loadTableName()),
                                     sqlString(endpoint.dbTable())),
                            error);
    if (error.isError() || found.isEmpty() || found[0].size() < 1 + kSkipReasonCount + kDeviationCount)
        return;
    const QList<QByteArray> &row = found[0];
    summary.linesMeta = toInt(row[0]);
    summary.linesSkipped = 0;
    for (int i = 0; i < kSkipReasonCount; ++i) {
        summary.skippedByReason[size_t(i)] = toInt(row[1 + i]);
        summary.linesSkipped += summary.skippedByReason[size_t(i)];
    }
    for (int i = 0; i < kDeviationCount; ++i)
        summary.deviationsByType[size_t(i)] = toInt(row[1 + kSkipReasonCount + i]);
}

SourceSummary ClickHouseSource::summary(const LogQuery &query)
{
    SourceSummary out;
    LogSummary &summary = out.summary;
    summary.files = QStringList{name()};
    summary.format = QStringLiteral("clickhouse");
    SourceError &error = out.error;
    error = connectFor(query.filter);
    if (error.isError())
        return out;
    const QString table = m_http.endpoint().qualifiedTable();
    const auto all = rows(QStringLiteral("counting rows"), QStringLiteral("SELECT count() FROM %1").arg(table), error);
    if (error.isError())
        return out;
    const qint64 allRows = all.isEmpty() ? 0 : toInt(all[0].value(0));
    const std::optional<Range> span = range(query, error);
    if (!span)
        return out;
    summary.linesParsed = span->rows;
    summary.linesFiltered = allRows - span->rows;
    addLoadAccounting(summary, error);
    if (error.isError())
        return out;
    summary.linesTotal = summary.linesParsed + summary.linesSkipped + summary.linesMeta + summary.linesFiltered;
    summary.hasTimeRange = span->rows > 0;
    if (!summary.hasTimeRange)
        return out;
    summary.firstMs = span->firstMs;
    summary.lastMs = span->lastMs;
    summary.tzOffsetMinutes = span->tzOffsetMinutes;
    const qint64 spanMs = summary.lastMs - summary.firstMs;
    summary.bucketSeconds = fitBucketSeconds(spanMs, query.bucketSeconds > 0 ? query.bucketSeconds : autoBucketSeconds(spanMs));
    if (!fillSeries(query, summary.firstMs, summary.lastMs, summary.bucketSeconds, summary.buckets, error))
        return out;
    for (const SeriesBucket &bucket : summary.buckets) {
        for (auto it = bucket.byStatus.cbegin(); it != bucket.byStatus.cend(); ++it) {
            summary.statusCounts[it.key()] += it.value();
            summary.classCounts[size_t(statusClass(it.key()))] += it.value();
        }
    }
    summary.spikes = detectSpikes(summary.buckets, summary.bucketSeconds);

    const QString status = col(ColumnRole::Status);
    if (m_mapping.has(ColumnRole::Path)) {
        summary.topErrorPaths = top(QStringLiteral("top error paths"), QStringLiteral("SELECT %1 AS p, %2 AS s, count() AS c FROM %3%4 GROUP BY p, s "
                                                   "ORDER BY c DESC, p, s LIMIT %5")
                                        .arg(col(ColumnRole::Path), status, table,
                                             where(query, QStringLiteral("%1 >= 400").arg(status)))
                                        .arg(query.topCount),
                                    0, 1, error);
        if (error.isError())
            return out;
    }
    const auto perStatus = [&](ColumnRole role, const QString &stage, int limit, QMap<int, QList<TopEntry>> &lists) {
        if (!m_mapping.has(role))
            return;
        const QList<TopEntry> entries =
            top(stage, QStringLiteral("SELECT %1 AS s, %2 AS k, count() AS c FROM %3%4 GROUP BY s, k "
                               "ORDER BY s, c DESC, k LIMIT %5 BY s")
                    .arg(status, col(role), table, where(query, QStringLiteral("%1 != ''").arg(col(role))))
                    .arg(limit),
                1, 0, error);
        for (auto it = summary.statusCounts.cbegin(); it != summary.statusCounts.cend(); ++it)
            lists.insert(it.key(), {});
        for (const TopEntry &entry : entries)
            lists[entry.status].push_back(entry);
    };
    perStatus(ColumnRole::Client, QStringLiteral("top clients"), kTopSendersPerStatus, summary.topClients);
    if (error.isError())
        return out;
    perStatus(ColumnRole::UserAgent, QStringLiteral("top user agents"), kTopSendersPerStatus, summary.topUserAgents);
    if (error.isError())
        return out;
    perStatus(ColumnRole::Path, QStringLiteral("top paths"), query.topCount, summary.topPathsByStatus);
    if (error.isError())
        return out;
    // Over all statuses: what the log tab's top panels list before a status is chosen.
    const auto overall = [&](ColumnRole role, const QString &stage, QList<TopEntry> &list) {
        if (!m_mapping.has(role) || error.isError())
            return;
        list = top(stage, QStringLiteral("SELECT %1 AS k, 0, count() AS c FROM %2%3 GROUP BY k ORDER BY c DESC, k LIMIT %4")
                              .arg(col(role), table, where(query, QStringLiteral("%1 != ''").arg(col(role))))
                              .arg(query.topCount),
                   0, 1, error);
    };
    overall(ColumnRole::Path, QStringLiteral("top paths"), summary.topPaths);
    overall(ColumnRole::Client, QStringLiteral("top clients"), summary.topClientsAll);
    overall(ColumnRole::UserAgent, QStringLiteral("top user agents"), summary.topUserAgentsAll);
    if (error.isError())
        return out;
    if (m_mapping.has(ColumnRole::Duration)) {
        const auto found = rows(QStringLiteral("latency"), QStringLiteral("SELECT quantiles(0.5, 0.95, 0.99)(d), count() FROM "
                                               "(SELECT %1 AS d FROM %2%3) WHERE d >= 0")
                                    .arg(durationExpr(), table, where(query)),
                                error);
        if (error.isError())
            return out;
        if (!found.isEmpty() && found[0].size() >= 2 && toInt(found[0][1]) > 0) {
            QByteArray list = found[0][0];
            list = list.mid(1, list.size() - 2);
            const QList<QByteArray> values = list.split(',');
            if (values.size() == 3)
                summary.latency = LatencyPercentiles{values[0].toDouble(), values[1].toDouble(), values[2].toDouble(),
                                                     toInt(found[0][1])};
        }
    }
    return out;
}

SourceSeries ClickHouseSource::series(const LogQuery &query)
{
    SourceSeries out;
    out.error = connectFor(query.filter);
    if (out.error.isError())
        return out;
    qint64 from = query.fromMs;
    qint64 to = query.toMs;
    if (from == kUnboundedFrom || to == kUnboundedTo) {
        const std::optional<Range> span = range(query, out.error);
        if (!span || span->rows == 0)
            return out;
        if (from == kUnboundedFrom)
            from = span->firstMs;
        if (to == kUnboundedTo)
            to = span->lastMs;
    }
    out.bucketSeconds = fitBucketSeconds(to - from, query.bucketSeconds > 0 ? query.bucketSeconds : autoBucketSeconds(to - from));
    if (fillSeries(query, from, to, out.bucketSeconds, out.buckets, out.error))
        out.spikes = detectSpikes(out.buckets, out.bucketSeconds);
    return out;
}

SourceSamples ClickHouseSource::samples(const LogQuery &query, int maxLines)
{
    SourceSamples out;
    out.error = connectFor(query.filter);
    if (out.error.isError())
        return out;
    const auto text = [this](ColumnRole role) {
        return m_mapping.has(role) ? QStringLiteral("toString(%1)").arg(col(role)) : QStringLiteral("''");
    };
    const QString tz = m_mapping.has(ColumnRole::TzOffset) ? col(ColumnRole::TzOffset) : QStringLiteral("0");
    const auto found = rows(QStringLiteral("sample rows"), QStringLiteral("SELECT %1, %2, %3, %4, %5, %6, %7, %8 FROM %9%10 ORDER BY %11 LIMIT %12")
                                .arg(timeMsExpr(), tz, col(ColumnRole::Status), text(ColumnRole::Method),
                                     text(ColumnRole::Path), text(ColumnRole::Client), text(ColumnRole::Bytes),
                                     m_mapping.has(ColumnRole::Duration) ? durationExpr() : QStringLiteral("-1"))
                                .arg(m_http.endpoint().qualifiedTable(), where(query), col(ColumnRole::Time))
                                .arg(maxLines),
                            out.error);
    for (const auto &row : found) {
        if (row.size() < 8)
            continue;
        SampleLine line;
        line.file = name();
        line.status = int(toInt(row[2]));
        QStringList parts{formatIsoTime(toInt(row[0]), int(toInt(row[1])))};
        for (int i : {3, 4})
            if (!row[i].isEmpty())
                parts << QString::fromUtf8(row[i]);
        parts << QString::number(line.status);
        for (int i : {5, 6})
            if (!row[i].isEmpty())
                parts << QString::fromUtf8(row[i]);
        if (row[7].toDouble() >= 0)
            parts << QStringLiteral("%1 ms").arg(row[7].toDouble(), 0, 'f', 1);
        line.text = parts.join(QLatin1Char(' ')).left(kSampleLineChars);
        out.lines.push_back(line);
    }
    return out;
}

} // namespace statusscope::logs
