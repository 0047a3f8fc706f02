// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/header_pairs.h"

namespace statusscope::diagnose {

HeaderPairs headerPairs(const http::HeaderList &headers)
{
    HeaderPairs out;
    out.reserve(headers.size());
    // Field values are ISO-8859-1 on the wire (RFC 9110 §5.5): Latin-1 never fails.
    for (const http::Header &h : headers)
        out.append({QString::fromLatin1(h.first), QString::fromLatin1(h.second).trimmed()});
    return out;
}

HeaderPairs headerPairs(const QList<HarNameValue> &headers)
{
    HeaderPairs out;
    out.reserve(headers.size());
    for (const HarNameValue &h : headers)
        out.append({h.name, h.value.trimmed()});
    return out;
}

std::optional<QString> firstHeader(const HeaderPairs &headers, QStringView name)
{
    for (const auto &h : headers) {
        if (QStringView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return std::nullopt;
}

} // namespace statusscope::diagnose
