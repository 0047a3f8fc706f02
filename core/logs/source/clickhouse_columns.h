// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which columns of a ClickHouse table hold a request's time, status, method, path, client,
// user agent, bytes and duration: guessed from system.columns (names as nginx, Apache,
// Vector, Fluent Bit and StatusScope's own loader write them, and types), each overridable.

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <utility>

namespace statusscope::logs {

enum class ColumnRole { Time, Millis, TzOffset, Status, Method, Path, Client, UserAgent, Bytes, Duration };
constexpr int kColumnRoleCount = 10;

// "time", "millis", "tz_offset", "status", "method", "path", "client", "user_agent", "bytes",
// "duration": how --column ROLE=NAME names a role.
QString toString(ColumnRole role);
QStringList columnRoleNames();
bool columnRoleFromString(const QString &text, ColumnRole &role);

struct TableColumn
{
    QString name;
    QString type; // as system.columns spells it: "DateTime", "Nullable(UInt16)", …
};

struct ColumnMapping
{
    QMap<ColumnRole, QString> columns; // role → column name; absent: the table has none
    bool durationInSeconds = false;    // nginx's request_time and the like

    QString column(ColumnRole role) const { return columns.value(role); }
    bool has(ColumnRole role) const { return columns.contains(role); }
};

// The guess for `columns`, then the overrides (a name of "-" removes a role). `error` names a
// missing time or status column, an override naming no column of the table, or a time or
// status column of a type that cannot be one.
ColumnMapping mapColumns(const QList<TableColumn> &columns, const QMap<ColumnRole, QString> &overrides,
                         QString *error);

} // namespace statusscope::logs
