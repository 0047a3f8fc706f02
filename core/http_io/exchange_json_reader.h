#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The one reader of a saved exchange: the JSON of `statusscope-cli send --json`, the GUI's Save
// Exchange and the history store (DESIGN.md; written by core/http/exchange_json). The GUI's
// timeline and every CLI command read through it, so a file opens the same everywhere.
//
// Times come back as nanoseconds on a clock that starts at 0 with the exchange (startNs = 0),
// so Exchange::msFromStart gives the file's t_ms again. Tolerant where the contract lets writers
// grow: fields this reader does not know are ignored, and an event of a type it does not know
// is skipped with a warning naming its JSON path. A known field of the wrong type or out of
// range is an error naming its JSON path; text that is not JSON names its byte offset.
// Bodies are not part of the JSON (only their sizes); timings_ms is derived, so not read.

#include "core/http/http_types.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <iosfwd>

namespace statusscope::http {

enum class ExchangeReadStatus {
    Ok,
    FileError,   // cannot open or read, or too large
    NotJson,     // byteOffset says where
    NotExchange, // JSON, but jsonPath names the first missing or wrong field
};
QString toString(ExchangeReadStatus status);
void PrintTo(ExchangeReadStatus status, std::ostream *os);

struct ExchangeReadResult
{
    ExchangeReadStatus status = ExchangeReadStatus::Ok;
    QString message;     // what is wrong (empty when ok())
    QString jsonPath;    // where, as "attempts[0].request.method" (NotExchange)
    qint64 byteOffset = -1; // where, in bytes from the start (NotJson)
    Exchange exchange;   // meaningful when ok()
    QStringList warnings; // parts skipped, each starting with its JSON path

    bool ok() const { return status == ExchangeReadStatus::Ok; }
    // "attempts[0].request.method: expected a string", "illegal value (byte 17)"
    QString describe() const;
};

// A saved exchange holds headers and timings, never bodies: far below this. The cap keeps a
// wrongly chosen multi-gigabyte file from being loaded whole into a JSON DOM.
inline constexpr qint64 kMaxExchangeFileBytes = 64 * 1024 * 1024;

ExchangeReadResult readExchangeJson(const QByteArray &json);
ExchangeReadResult readExchangeFile(const QString &path);

} // namespace statusscope::http
