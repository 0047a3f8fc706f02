#pragma once

// Reads a HAR 1.2 (or 1.1) file into a HarLog, streaming: the file is read in chunks and each
// entry becomes a typed record as its bytes go by, so a 200 MB HAR costs about the size of its
// records, never a DOM plus the file. Errors say where: the byte offset (and line, column) for
// bytes that are not JSON, the JSON path for JSON that is not a HAR; a broken entry is skipped
// with its index and reason while the others load.

#include "core/har/har_types.h"

#include <QString>

#include <atomic>
#include <functional>
#include <iosfwd>

namespace statusscope {

enum class HarReadStatus {
    Ok,        // a HAR; some entries may still have been skipped (HarLog::skipped)
    FileError, // could not open or read the file
    NotJson,   // the bytes are not JSON: byteOffset/line/column say where
    NotHar,    // JSON, but not a HAR: jsonPath names the first missing or wrong field
    Cancelled,
};
QString toString(HarReadStatus status);
void PrintTo(HarReadStatus status, std::ostream *os);

struct HarReadError
{
    HarReadStatus status = HarReadStatus::Ok;
    QString message;   // what was expected or what is wrong
    QString jsonPath;  // "log.entries[3].response.status"; empty for NotJson/FileError
    qint64 byteOffset = -1;
    int line = -1;     // 1-based
    int column = -1;   // 1-based, in bytes

    // "log.entries: missing (byte 186, line 12, column 1)"
    QString describe() const;
};

struct HarReadOptions
{
    // Called from the reading thread about every 4 MiB and at the end.
    std::function<void(qint64 bytesRead, qint64 bytesTotal)> progress;
    // Polled between entries and between chunks; when set the read stops with Cancelled.
    const std::atomic<bool> *cancel = nullptr;
    // false: content.text and postData.text are dropped (hasText/size kept), for callers that
    // only need statuses and timings.
    bool keepBodies = true;
};

struct HarReadResult
{
    HarReadError error; // status Ok on success
    HarLog log;         // empty unless Ok

    bool ok() const { return error.status == HarReadStatus::Ok; }
};

HarReadResult readHarFile(const QString &path, const HarReadOptions &options = {});
HarReadResult readHarData(const QByteArray &json, const HarReadOptions &options = {});

} // namespace statusscope
