// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_ingest.h"
#include "core/logs/log_record.h"

#include <QString>

#include <atomic>
#include <functional>
#include <string_view>

namespace statusscope::logs {

// Where a parsed line stands in its file: 1-based number and the byte offset of its start in
// the (inflated) text, which LineTextReader reads it back from.
struct LinePosition
{
    qint64 number = 0;
    qint64 offset = 0;
};

// Called for each line that parsed as a request; returns false to stop the scan.
using RecordVisitor = std::function<bool(const LogRecord &record, std::string_view line, LinePosition where)>;

// Reads one plain or .gz file line by line through zlib on the calling thread, parses it with
// the format the options name or detect, and hands each request to `visit`. Lines over the
// options' limit are counted but not parsed, like the ingest does. `progress` (may be empty)
// gets the bytes of the file read so far. False when the file cannot be opened or its format
// is not recognised; stdin ("-") is never scanned (it cannot be read twice).
bool scanRecords(const QString &path, const IngestOptions &options, const RecordVisitor &visit,
                 const std::atomic<bool> *cancel = nullptr, const std::function<void(qint64 bytesRead)> &progress = {});

} // namespace statusscope::logs
