// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The ClickHouse side of `statusscope-cli logs`: the connection options, loading files with
// --to, printing the tables' DDL, and the exit code of each kind of source error.

#include "core/logs/log_ingest.h"
#include "core/logs/source/clickhouse_columns.h"
#include "core/logs/source/clickhouse_endpoint.h"
#include "core/logs/source/clickhouse_loader.h"
#include "core/logs/source/log_source.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace statusscope::cli {

// The URL plus the password from --password-file (its first line) or CLICKHOUSE_PASSWORD.
// False with `error` set on a bad URL or an unreadable password file.
bool clickHouseEndpoint(const QString &url, const QString &passwordFile, logs::ClickHouseEndpoint &endpoint,
                        QString &error);
// --column ROLE=NAME values; false with `error` on a bad one.
bool parseColumnOverrides(const QStringList &specs, QMap<logs::ColumnRole, QString> &overrides, QString &error);

// `logs --source … --progress` (or stderr a terminal): on a terminal one line redrawn in place
// (cleared by the returned handler's owner with clearProgressLine()), elsewhere one line a
// second, so a log file gets a readable trace. stdout is never touched.
logs::ProgressHandler progressPrinter(bool terminal);
void clearProgressLine();

int exitCodeFor(logs::SourceErrorKind kind);
// Prints "statusscope-cli: logs: MESSAGE" and returns the kind's exit code.
int sourceError(const logs::SourceError &error);

// `logs --to URL FILE…`
int loadIntoClickHouse(const logs::ClickHouseEndpoint &target, const logs::LoadOptions &options,
                       const QStringList &files, int timeoutSeconds);
// `logs --print-ddl --to URL [--cluster NAME]`
int printClickHouseDdl(const logs::ClickHouseEndpoint &target, const QString &cluster);

} // namespace statusscope::cli
