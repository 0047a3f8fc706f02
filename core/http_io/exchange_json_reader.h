#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reads an exchange saved as the CLI's JSON (DESIGN.md, `statusscope-cli send --json`, and the
// GUI's Save Exchange) back into an Exchange, so a saved exchange reopens as a timeline.
// Times come back as nanoseconds from the start (startNs = 0): offsets are what was saved.
//
// Known limits: bodies are not part of the JSON (only their sizes); unknown event types are
// skipped and counted in warnings; timings_ms is not read (it is derived from the events).

#include "core/http/http_types.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace statusscope::http {

struct ExchangeReadResult
{
    std::optional<Exchange> exchange;
    QString error;        // empty on success: what is wrong and where (byte offset or JSON path)
    QStringList warnings; // parts skipped, with their JSON path
};

ExchangeReadResult readExchangeJson(const QByteArray &json);

// The same, from a file (at most kMaxExchangeFileBytes: a saved exchange holds no bodies).
inline constexpr qint64 kMaxExchangeFileBytes = 64 * 1024 * 1024;
ExchangeReadResult readExchangeJsonFile(const QString &path);

} // namespace statusscope::http
