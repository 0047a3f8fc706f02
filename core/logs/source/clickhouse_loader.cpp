// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_loader.h"

#include "core/logs/source/clickhouse_file_load.h"
#include "core/logs/source/clickhouse_load_table.h"
#include "core/logs/source/clickhouse_schema.h"
#include "core/logs/source/clickhouse_tsv.h"

#include <QHash>

namespace statusscope::logs {

ClickHouseLoader::ClickHouseLoader(ClickHouseEndpoint target, LoadOptions options, int timeoutSeconds)
    : m_http(std::move(target), timeoutSeconds)
    , m_options(std::move(options))
{
}

void ClickHouseLoader::cancel()
{
    m_cancelled.store(true);
    m_http.cancel();
}

SourceError ClickHouseLoader::prepareTables(bool &created)
{
    const ClickHouseEndpoint &target = m_http.endpoint();
    const ClickHouseReply exists = m_http.query(QStringLiteral("EXISTS TABLE %1 FORMAT TabSeparated").arg(target.qualifiedTable()));
    if (!exists.ok())
        return exists.error;
    created = exists.body.trimmed() != "1";
    if (created) {
        const ClickHouseReply made = m_http.query(requestTableDdl(target));
        if (!made.ok())
            return made.error;
    }
    if (const SourceError error = chooseEncoding(); error.isError())
        return error;
    const ClickHouseReply loads = m_http.query(loadTableDdl(target));
    return loads.ok() ? SourceError{} : loads.error;
}

SourceError ClickHouseLoader::chooseEncoding()
{
    const ClickHouseEndpoint &target = m_http.endpoint();
    const ClickHouseReply columns = m_http.query(
        QStringLiteral("SELECT name, type FROM system.columns WHERE database = %1 AND table = %2 FORMAT TabSeparated")
            .arg(sqlString(target.database), sqlString(target.table)));
    if (!columns.ok())
        return columns.error;
    QHash<QString, QString> typeOf;
    for (const QList<QByteArray> &row : parseTsv(columns.body)) {
        if (row.size() == 2)
            typeOf.insert(QString::fromUtf8(row[0]), QString::fromUtf8(row[1]));
    }
    const QStringList names = requestColumns();
    const QStringList types = requestColumnTypes();
    m_encoding = RowEncoding::Native;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const auto found = typeOf.constFind(names[i]);
        if (found == typeOf.constEnd())
            return {SourceErrorKind::Missing,
                    QStringLiteral("%1: table %2 has no column %3, so it is not a table `logs --to` made (see --print-ddl)")
                        .arg(target.display(), target.dbTable(), names[i])};
        if (*found != types[i])
            m_encoding = RowEncoding::TabSeparated;
    }
    return {};
}

LoadReport ClickHouseLoader::load(const QStringList &paths)
{
    LoadReport report;
    report.error = prepareTables(report.createdTable);
    if (report.error.isError())
        return report;
    LoadTableWriter loads(m_http);
    for (const QString &path : paths) {
        LoadedFile file;
        file.path = path;
        FileLoad one(m_http, loads, m_options, m_encoding, m_cancelled);
        report.error = one.run(path, file);
        report.rowsInserted += one.rowsInserted();
        m_bytesSent += one.bytesSent();
        report.files.push_back(file);
        if (report.error.isError())
            return report;
        if (m_fileDone)
            m_fileDone(file);
    }
    return report;
}

} // namespace statusscope::logs
