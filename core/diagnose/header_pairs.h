#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// One header list shape for the rules that run on both an Exchange (bytes on the wire) and a
// HAR entry (strings in JSON), so each check is written once.

#include "core/har/har_types.h"
#include "core/http/http_types.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace statusscope::diagnose {

using HeaderPairs = QList<QPair<QString, QString>>;

HeaderPairs headerPairs(const http::HeaderList &headers);
HeaderPairs headerPairs(const QList<HarNameValue> &headers);

// First value of a header, case-insensitive name (RFC 9110 §5.1).
std::optional<QString> firstHeader(const HeaderPairs &headers, QStringView name);

} // namespace statusscope::diagnose
