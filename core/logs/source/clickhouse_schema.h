// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The tables `logs --to` creates: the request table (one row per parsed request, partitioned by
// day, ordered by time and status, so a time range reads only its parts and the group by
// bucket and status runs along the sort order) and the load table (per file: its identity, the
// bytes loaded and the lines that were not requests, so re-runs add only new bytes and a
// reader gets the same skipped-line accounting as reading the file itself).

#include "core/logs/source/clickhouse_endpoint.h"

#include <QString>
#include <QStringList>

namespace statusscope::logs {

// The load table's name in the request table's database.
QString loadTableName();

// CREATE TABLE IF NOT EXISTS for the request table on one server.
QString requestTableDdl(const ClickHouseEndpoint &target);
// CREATE TABLE IF NOT EXISTS for the load table.
QString loadTableDdl(const ClickHouseEndpoint &target);
// The cluster variant: `TABLE_local` on every node ON CLUSTER, and `TABLE` as a Distributed
// table over it (rows spread by rand()), plus the load table on the node the loader uses.
QStringList clusterDdl(const ClickHouseEndpoint &target, const QString &cluster);

// The request table's columns as the loader writes them, in order, and their types as the
// loader creates them.
QStringList requestColumns();
QStringList requestColumnTypes();
// The load table's per-reason and per-deviation counter columns ("skip_bad_time", …).
QStringList skipColumns();
QStringList deviationColumns();

} // namespace statusscope::logs
