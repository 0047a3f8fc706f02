// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_schema.h"

#include "core/logs/log_record.h"

namespace statusscope::logs {

namespace {

QString requestColumnsDdl()
{
    const QStringList names = requestColumns();
    const QStringList types = requestColumnTypes();
    QStringList columns;
    for (qsizetype i = 0; i < names.size(); ++i)
        columns << names[i] + QLatin1Char(' ') + types[i];
    return columns.join(QStringLiteral(", "));
}

QString mergeTreeClause()
{
    return QStringLiteral("ENGINE = MergeTree PARTITION BY toYYYYMMDD(ts) ORDER BY (ts, status)");
}

} // namespace

QString loadTableName()
{
    return QStringLiteral("statusscope_loads");
}

QStringList requestColumns()
{
    return {QStringLiteral("ts"),     QStringLiteral("ts_ms"),      QStringLiteral("tz_offset"),
            QStringLiteral("status"), QStringLiteral("method"),     QStringLiteral("path"),
            QStringLiteral("client"), QStringLiteral("user_agent"), QStringLiteral("bytes"),
            QStringLiteral("duration_ms")};
}

// Types present in 18.16 and today. ts is whole seconds (DateTime is UTC seconds whatever the
// server's zone; rows are inserted as Unix time, never as text the zone would shift); ts_ms
// keeps the milliseconds so --from/--to cut exactly where they cut a file.
QStringList requestColumnTypes()
{
    return {QStringLiteral("DateTime"), QStringLiteral("UInt16"), QStringLiteral("Int16"), QStringLiteral("UInt16"),
            QStringLiteral("String"),   QStringLiteral("String"), QStringLiteral("String"), QStringLiteral("String"),
            QStringLiteral("Int64"),    QStringLiteral("Float64")};
}

QStringList skipColumns()
{
    QStringList out;
    for (int i = 0; i < kSkipReasonCount; ++i)
        out << QStringLiteral("skip_") + toString(static_cast<SkipReason>(i));
    return out;
}

QStringList deviationColumns()
{
    QStringList out;
    for (int i = 0; i < kDeviationCount; ++i)
        out << QStringLiteral("dev_") + toString(static_cast<Deviation>(i));
    return out;
}

QString requestTableDdl(const ClickHouseEndpoint &target)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2) %3")
        .arg(target.qualifiedTable(), requestColumnsDdl(), mergeTreeClause());
}

QString loadTableDdl(const ClickHouseEndpoint &target)
{
    QString counters;
    for (const QString &column : skipColumns() + deviationColumns())
        counters += QStringLiteral(", %1 UInt64").arg(column);
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (target String, file_id String, path String, seq UInt64, "
                          "loaded_at DateTime, from_offset UInt64, to_offset UInt64, head_len UInt32, head_hash String, "
                          "lines UInt64, parsed UInt64, meta UInt64%2) ENGINE = MergeTree ORDER BY (target, file_id, seq)")
        .arg(target.qualified(loadTableName()), counters);
}

QStringList clusterDdl(const ClickHouseEndpoint &target, const QString &cluster)
{
    const QString local = target.qualified(target.table + QStringLiteral("_local"));
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS %1 ON CLUSTER `%2` (%3) %4")
                .arg(local, cluster, requestColumnsDdl(), mergeTreeClause()),
            QStringLiteral("CREATE TABLE IF NOT EXISTS %1 ON CLUSTER `%2` AS %3 ENGINE = Distributed(`%2`, `%4`, `%5`, rand())")
                .arg(target.qualifiedTable(), cluster, local, target.database, target.table + QStringLiteral("_local")),
            loadTableDdl(target)};
}

} // namespace statusscope::logs
