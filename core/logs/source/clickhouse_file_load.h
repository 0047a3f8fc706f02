// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One file's new bytes into ClickHouse: its lines from where the last run stopped, parsed as the
// local reader parses them, the requests sent in batches. One batch is on its way to the server
// (on a pool thread) while the next is parsed here, so at most two batches are held at a time;
// a batch's load-table row is written only once the server accepted its rows, so the recorded
// offset never runs ahead of what the table holds.

#include "core/logs/line_sink.h"
#include "core/logs/log_aggregator.h"
#include "core/logs/source/clickhouse_file_reader.h"
#include "core/logs/source/clickhouse_load_table.h"
#include "core/logs/source/clickhouse_loader.h"
#include "core/logs/source/clickhouse_request_rows.h"

#include <QFuture>

#include <atomic>
#include <memory>

namespace statusscope::logs {

class FileLoad
{
public:
    FileLoad(ClickHouseHttp &http, LoadTableWriter &loads, const LoadOptions &options, RowEncoding encoding,
             const std::atomic<bool> &cancelled);
    ~FileLoad();
    FileLoad(const FileLoad &) = delete;
    FileLoad &operator=(const FileLoad &) = delete;

    SourceError run(const QString &path, LoadedFile &report);
    qint64 rowsInserted() const { return m_rowsInserted; }
    qint64 bytesSent() const { return m_bytesSent; }

private:
    // A batch handed to the server and not yet known to be stored.
    struct OnItsWay
    {
        QFuture<ClickHouseReply> insert;
        AcceptedBatch batch;
        qint64 requests = 0;
        qint64 bodyBytes = 0;
        bool active = false;
    };

    SourceError chooseParser(const QString &path, LoadedFile &report);
    // A stateful format (W3C's #Fields:) resumed mid-file learns its fields from the directives
    // of the part already loaded.
    void primeParser(const QString &path, qint64 offset);
    SourceError readLines(FileLines &lines);
    void take(const FileLine &line);
    SourceError flush();
    SourceError settle();

    ClickHouseHttp &m_http;
    LoadTableWriter &m_loads;
    const LoadOptions &m_options;
    const std::atomic<bool> &m_cancelled;
    RequestRows m_rows;
    QString m_insertSql;
    std::unique_ptr<LineParser> m_parser;
    LogAggregator m_aggregate;
    std::vector<PendingExample> m_examples;
    LineSink m_sink;
    LineCounts m_flushed;
    QString m_path;
    QString m_identity;
    QByteArray m_firstBytes;
    qint64 m_batchStart = 0;
    qint64 m_consumed = 0; // bytes of complete lines handled
    OnItsWay m_onItsWay;
    QByteArray m_body; // the batch on its way; its memory serves the next batch
    LoadedFile *m_report = nullptr;
    qint64 m_rowsInserted = 0;
    qint64 m_bytesSent = 0;
};

} // namespace statusscope::logs
