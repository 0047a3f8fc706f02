// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/logs_clickhouse.h"

#include "app/cli/cli_io.h"
#include "app/cli/exit_codes.h"
#include "core/logs/source/clickhouse_loader.h"
#include "core/logs/source/clickhouse_schema.h"

#include <QElapsedTimer>
#include <QFile>

#include <memory>

namespace statusscope::cli {

using namespace statusscope::logs;

bool clickHouseEndpoint(const QString &url, const QString &passwordFile, ClickHouseEndpoint &endpoint, QString &error)
{
    if (!parseClickHouseUrl(url, endpoint, &error))
        return false;
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read --password-file %1: %2").arg(passwordFile, file.errorString());
            return false;
        }
        endpoint.password = QString::fromUtf8(file.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    } else {
        endpoint.password = qEnvironmentVariable("CLICKHOUSE_PASSWORD");
    }
    return true;
}

bool parseColumnOverrides(const QStringList &specs, QMap<ColumnRole, QString> &overrides, QString &error)
{
    for (const QString &spec : specs) {
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        ColumnRole role{};
        const QString name = spec.mid(eq + 1).trimmed();
        if (eq < 0 || !columnRoleFromString(spec.left(eq).trimmed(), role)
            || (name != QLatin1String("-") && !isPlainIdentifier(name))) {
            error = QStringLiteral("bad --column '%1' (ROLE=NAME, roles: %2)")
                        .arg(spec, columnRoleNames().join(QStringLiteral(", ")));
            return false;
        }
        overrides.insert(role, name);
    }
    return true;
}

ProgressHandler progressPrinter(bool terminal)
{
    struct Printed
    {
        QString stage;
        QElapsedTimer since;
    };
    auto printed = std::make_shared<Printed>();
    return [terminal, printed](const SourceProgress &progress) {
        const QString line = QStringLiteral("statusscope-cli: logs: %1").arg(progressText(progress));
        if (terminal) {
            writeErr(QStringLiteral("\r%1\x1b[K").arg(line));
            return;
        }
        if (printed->stage == progress.stage && printed->since.isValid() && printed->since.elapsed() < 1000)
            return;
        printed->stage = progress.stage;
        printed->since.start();
        writeErr(line + QLatin1Char('\n'));
    };
}

void clearProgressLine()
{
    writeErr(QStringLiteral("\r\x1b[K"));
}

int exitCodeFor(SourceErrorKind kind)
{
    switch (kind) {
    case SourceErrorKind::None:
        return kExitOk;
    case SourceErrorKind::Usage:
        return kExitUsage;
    case SourceErrorKind::File:
        return kExitFile;
    case SourceErrorKind::Connect:
        return kExitConnect;
    case SourceErrorKind::Timeout:
        return kExitTimeout;
    case SourceErrorKind::Interrupted:
        return kExitProtocol;
    case SourceErrorKind::Auth:
    case SourceErrorKind::Missing:
    case SourceErrorKind::Server:
    case SourceErrorKind::Cancelled:
        return kExitFailure;
    }
    return kExitFailure;
}

int sourceError(const SourceError &error)
{
    return usageError(QStringLiteral("logs: %1").arg(error.message), exitCodeFor(error.kind));
}

int loadIntoClickHouse(const ClickHouseEndpoint &target, const LoadOptions &options, const QStringList &files,
                       int timeoutSeconds)
{
    ClickHouseLoader loader(target, options, timeoutSeconds);
    loader.setFileCallback([](const LoadedFile &file) {
        writeErr(QStringLiteral("statusscope-cli: logs: %1 (%2): %3 lines, %4 requests, %5 skipped; bytes %6..%7%8\n")
                     .arg(file.path, file.format.isEmpty() ? QStringLiteral("empty") : file.format)
                     .arg(file.lines)
                     .arg(file.parsed)
                     .arg(file.skipped)
                     .arg(file.fromOffset)
                     .arg(file.toOffset)
                     .arg(file.restarted ? QStringLiteral(" (rotated or truncated since the last load: read from its start)")
                                         : QString()));
    });
    const LoadReport report = loader.load(files);
    if (report.createdTable)
        writeErr(QStringLiteral("statusscope-cli: logs: created table %1 on %2\n").arg(target.dbTable(), target.display()));
    if (report.error.isError())
        return sourceError(report.error);
    writeOut(QStringLiteral("%1 requests loaded into %2\n").arg(report.rowsInserted).arg(target.display()));
    return kExitOk;
}

int printClickHouseDdl(const ClickHouseEndpoint &target, const QString &cluster)
{
    QString out = QStringLiteral("-- One server: the request table and the load table (byte offsets, skipped lines).\n");
    out += requestTableDdl(target) + QStringLiteral(";\n");
    out += loadTableDdl(target) + QStringLiteral(";\n");
    if (cluster.isEmpty()) {
        out += QStringLiteral("-- A cluster: add --cluster NAME for the ON CLUSTER + Distributed variant.\n");
    } else {
        out += QStringLiteral("\n-- Cluster %1 (ON CLUSTER needs distributed DDL, i.e. ZooKeeper or ClickHouse Keeper):\n"
                              "-- %2_local holds each shard's rows, %2 spreads inserts and gathers reads.\n")
                   .arg(cluster, target.table);
        for (const QString &statement : clusterDdl(target, cluster))
            out += statement + QStringLiteral(";\n");
    }
    writeOut(out);
    return kExitOk;
}

} // namespace statusscope::cli
