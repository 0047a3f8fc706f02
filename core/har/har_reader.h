// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads a HAR 1.2 (or 1.1) file into a HarLog, streaming: the file is mapped, parsed by a SAX
// reader and each entry becomes a typed record as its bytes go by (parsed pages are released),
// so a 200 MB HAR costs about the size of its records, never a DOM plus the file. Errors say where: the byte offset (and line, column) for
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
    bool operator==(const HarReadError &) const = default;
};

struct HarReadOptions
{
    // Called from the reading thread about every 4 MiB and at the end.
    std::function<void(qint64 bytesRead, qint64 bytesTotal)> progress;
    // Polled after each entry; when set the read stops with Cancelled.
    const std::atomic<bool> *cancel = nullptr;
    // false: content.text and postData.text are dropped (hasText/size kept; a body that is not
    // a string still spoils its entry), for callers that only need statuses and timings.
    bool keepBodies = true;
    // false: headers, query strings, cookies, post data, cache and `_` fields are not kept
    // (all but `_` fields are still read and checked, so the same entries are skipped either way), for
    // callers that only need the request line, statuses and timings.
    bool keepDetails = true;
    // Inputs at least this large are parsed on two threads: a second one reads the back half
    // of log.entries while this one reads the front, and the halves are joined where they
    // meet (har_entries_split.h). The result is the same either way; 0 never splits.
    qint64 splitMinBytes = 8 * 1024 * 1024;
};

struct HarReadResult
{
    HarReadError error; // status Ok on success
    HarLog log;         // empty unless Ok
    // Where a second thread's half of log.entries was joined on (the byte just past the entry
    // before it), or -1 when one thread read everything (small input, or no clean join point).
    qint64 joinedAt = -1;

    bool ok() const { return error.status == HarReadStatus::Ok; }
};

HarReadResult readHarFile(const QString &path, const HarReadOptions &options = {});
HarReadResult readHarData(const QByteArray &json, const HarReadOptions &options = {});

} // namespace statusscope
