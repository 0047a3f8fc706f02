// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `logs --to clickhouse://…/DB.TABLE FILE…`: parses access logs exactly as the local reader does
// (same format detection, same line limit, same skip reasons) and inserts the requests into
// ClickHouse in batches (Native columns, or TabSeparated rows into a table made by hand with
// other types). After each batch a row in the load table records the file's identity, the byte
// offset loaded and the skipped and directive lines of the batch, so a re-run (from cron, on a
// growing log) loads only the bytes after that offset, and a rotated or truncated file (its
// first bytes changed) is loaded from its start again. A last line without its newline is left
// for the next run: it may still be being written.

#include "core/logs/log_ingest.h"
#include "core/logs/source/clickhouse_file_reader.h"
#include "core/logs/source/clickhouse_http.h"
#include "core/logs/source/clickhouse_request_rows.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace statusscope::logs {

struct LoadOptions
{
    IngestOptions ingest; // format, pasted server format, JSON fields and line limit
    // Rows per INSERT, each a part on the server: about clickhouse-client's block size
    // (1,048,576), so the server writes and merges no more parts than for its own client (at
    // 200,000 it spent a quarter more CPU on 20M rows). ≈ 170 MB of Native columns for an
    // access log; two batches, one parsed and one on its way, are held at a time.
    int batchRows = 1000000;
};

struct LoadedFile
{
    QString path;
    qint64 fromOffset = 0; // bytes already loaded before this run (after a restart: 0)
    qint64 toOffset = 0;   // bytes loaded after it
    qint64 lines = 0;      // lines read in this run
    qint64 parsed = 0;     // of them, requests inserted
    qint64 skipped = 0;
    bool restarted = false; // loaded before, but rotated or truncated since: read from its start
    QString format;
};

struct LoadReport
{
    bool createdTable = false;
    QList<LoadedFile> files;
    qint64 rowsInserted = 0;
    SourceError error;
};

class ClickHouseLoader
{
public:
    using FileCallback = std::function<void(const LoadedFile &)>;

    ClickHouseLoader(ClickHouseEndpoint target, LoadOptions options, int timeoutSeconds = 300);

    // Called after each file, for progress lines.
    void setFileCallback(FileCallback callback) { m_fileDone = std::move(callback); }
    // Creates the tables when absent, then loads each file's new bytes.
    LoadReport load(const QStringList &paths);
    void cancel();
    qint64 bytesSent() const { return m_bytesSent; }

private:
    SourceError prepareTables(bool &created);
    // Native when the request table's columns have the loader's own types, else TabSeparated.
    SourceError chooseEncoding();

    ClickHouseHttp m_http;
    LoadOptions m_options;
    FileCallback m_fileDone;
    std::atomic<bool> m_cancelled{false};
    qint64 m_bytesSent = 0;
    RowEncoding m_encoding = RowEncoding::Native;
};

} // namespace statusscope::logs
