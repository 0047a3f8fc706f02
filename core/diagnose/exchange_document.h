#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reads an Exchange back from the JSON of `statusscope-cli send --json` (DESIGN.md; written by
// core/http/exchange_json). Times come back as nanoseconds on a clock that starts at 0 with the
// exchange, so Exchange::msFromStart gives the file's t_ms again. Fields this reader does not
// know are ignored (the contract lets writers add fields); a known field of the wrong type is an
// error that names its JSON path.

#include "core/http/http_types.h"

#include <QByteArray>
#include <QString>

#include <iosfwd>
#include <optional>

namespace statusscope::diagnose {

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
    QString message;
    QString jsonPath;
    qint64 byteOffset = -1;
    http::Exchange exchange; // meaningful when ok()

    bool ok() const { return status == ExchangeReadStatus::Ok; }
    // "attempts[0].request.method: expected a string"
    QString describe() const;
};

// A saved exchange holds headers and timings, never bodies: far below this. The cap keeps a
// wrongly chosen multi-gigabyte file from being loaded whole into a JSON DOM.
inline constexpr qint64 kMaxExchangeDocumentBytes = 64 * 1024 * 1024;

ExchangeReadResult readExchangeJson(const QByteArray &json);
ExchangeReadResult readExchangeFile(const QString &path);

} // namespace statusscope::diagnose
