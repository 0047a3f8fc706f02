// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_columns.h"

namespace statusscope::logs {

namespace {

struct RoleGuess
{
    ColumnRole role;
    QStringList names; // best first, compared case-insensitively
};

const QList<RoleGuess> &guesses()
{
    static const QList<RoleGuess> kGuesses{
        {ColumnRole::Time,
         {QStringLiteral("ts"), QStringLiteral("timestamp"), QStringLiteral("time"), QStringLiteral("event_time"),
          QStringLiteral("datetime"), QStringLiteral("date_time"), QStringLiteral("time_iso8601"),
          QStringLiteral("time_local"), QStringLiteral("@timestamp"), QStringLiteral("request_time_start")}},
        {ColumnRole::Millis, {QStringLiteral("ts_ms"), QStringLiteral("millis"), QStringLiteral("msec_part")}},
        {ColumnRole::TzOffset, {QStringLiteral("tz_offset"), QStringLiteral("tz_offset_minutes")}},
        {ColumnRole::Status,
         {QStringLiteral("status"), QStringLiteral("status_code"), QStringLiteral("http_status"),
          QStringLiteral("response_status"), QStringLiteral("statuscode"), QStringLiteral("code")}},
        {ColumnRole::Method,
         {QStringLiteral("method"), QStringLiteral("request_method"), QStringLiteral("http_method"),
          QStringLiteral("verb")}},
        {ColumnRole::Path,
         {QStringLiteral("path"), QStringLiteral("request_path"), QStringLiteral("uri"), QStringLiteral("request_uri"),
          QStringLiteral("url"), QStringLiteral("target")}},
        {ColumnRole::Client,
         {QStringLiteral("client"), QStringLiteral("client_ip"), QStringLiteral("remote_addr"),
          QStringLiteral("remote_ip"), QStringLiteral("clientip"), QStringLiteral("ip")}},
        {ColumnRole::UserAgent,
         {QStringLiteral("user_agent"), QStringLiteral("http_user_agent"), QStringLiteral("useragent"),
          QStringLiteral("ua")}},
        {ColumnRole::Bytes,
         {QStringLiteral("bytes"), QStringLiteral("body_bytes_sent"), QStringLiteral("bytes_sent"),
          QStringLiteral("response_bytes"), QStringLiteral("size")}},
        {ColumnRole::Duration,
         {QStringLiteral("duration_ms"), QStringLiteral("latency_ms"), QStringLiteral("response_time_ms"),
          QStringLiteral("request_time"), QStringLiteral("upstream_response_time"), QStringLiteral("duration"),
          QStringLiteral("latency")}},
    };
    return kGuesses;
}

QString bareType(QString type)
{
    for (const char *wrapper : {"Nullable(", "LowCardinality("}) {
        if (type.startsWith(QLatin1String(wrapper)) && type.endsWith(QLatin1Char(')')))
            type = type.mid(int(qstrlen(wrapper)), type.size() - int(qstrlen(wrapper)) - 1);
    }
    return type;
}

bool isTimeType(const QString &type)
{
    const QString bare = bareType(type);
    return bare.startsWith(QLatin1String("DateTime")) || bare == QLatin1String("UInt32")
           || bare == QLatin1String("UInt64") || bare == QLatin1String("Int64");
}

bool isIntegerType(const QString &type)
{
    const QString bare = bareType(type);
    return bare.startsWith(QLatin1String("UInt")) || bare.startsWith(QLatin1String("Int"));
}

} // namespace

QString toString(ColumnRole role)
{
    switch (role) {
    case ColumnRole::Time:
        return QStringLiteral("time");
    case ColumnRole::Millis:
        return QStringLiteral("millis");
    case ColumnRole::TzOffset:
        return QStringLiteral("tz_offset");
    case ColumnRole::Status:
        return QStringLiteral("status");
    case ColumnRole::Method:
        return QStringLiteral("method");
    case ColumnRole::Path:
        return QStringLiteral("path");
    case ColumnRole::Client:
        return QStringLiteral("client");
    case ColumnRole::UserAgent:
        return QStringLiteral("user_agent");
    case ColumnRole::Bytes:
        return QStringLiteral("bytes");
    case ColumnRole::Duration:
        return QStringLiteral("duration");
    }
    return QStringLiteral("unknown");
}

QStringList columnRoleNames()
{
    QStringList out;
    for (int i = 0; i < kColumnRoleCount; ++i)
        out << toString(static_cast<ColumnRole>(i));
    return out;
}

bool columnRoleFromString(const QString &text, ColumnRole &role)
{
    for (int i = 0; i < kColumnRoleCount; ++i) {
        if (toString(static_cast<ColumnRole>(i)) == text) {
            role = static_cast<ColumnRole>(i);
            return true;
        }
    }
    return false;
}

ColumnMapping mapColumns(const QList<TableColumn> &columns, const QMap<ColumnRole, QString> &overrides,
                         QString *error)
{
    ColumnMapping mapping;
    const auto find = [&](const QString &name) -> const TableColumn * {
        for (const TableColumn &column : columns) {
            if (column.name.compare(name, Qt::CaseInsensitive) == 0)
                return &column;
        }
        return nullptr;
    };
    for (const RoleGuess &guess : guesses()) {
        for (const QString &name : guess.names) {
            if (const TableColumn *column = find(name)) {
                mapping.columns.insert(guess.role, column->name);
                break;
            }
        }
    }
    // A table without a time column by name: its first DateTime column.
    if (!mapping.has(ColumnRole::Time)) {
        for (const TableColumn &column : columns) {
            if (bareType(column.type).startsWith(QLatin1String("DateTime"))) {
                mapping.columns.insert(ColumnRole::Time, column.name);
                break;
            }
        }
    }
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (it.value() == QLatin1String("-")) {
            mapping.columns.remove(it.key());
            continue;
        }
        const TableColumn *column = find(it.value());
        if (!column) {
            if (error)
                *error = QStringLiteral("no column '%1' for %2").arg(it.value(), toString(it.key()));
            return {};
        }
        mapping.columns.insert(it.key(), column->name);
    }
    const QString duration = mapping.column(ColumnRole::Duration).toLower();
    mapping.durationInSeconds = duration == QLatin1String("request_time")
                                || duration == QLatin1String("upstream_response_time")
                                || (duration.endsWith(QLatin1String("_s")) && !duration.endsWith(QLatin1String("_ms")));
    QString why;
    const TableColumn *time = find(mapping.column(ColumnRole::Time));
    const TableColumn *status = find(mapping.column(ColumnRole::Status));
    if (!time)
        why = QStringLiteral("no time column found (name one with --column time=NAME)");
    else if (!isTimeType(time->type))
        why = QStringLiteral("time column '%1' is %2, not a DateTime").arg(time->name, time->type);
    else if (!status)
        why = QStringLiteral("no status column found (name one with --column status=NAME)");
    else if (!isIntegerType(status->type))
        why = QStringLiteral("status column '%1' is %2, not an integer").arg(status->name, status->type);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return {};
    }
    return mapping;
}

} // namespace statusscope::logs
