// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_summary.h"

#include <algorithm>
#include <ostream>

namespace statusscope {

QString toString(HarStatusClass statusClass)
{
    switch (statusClass) {
    case HarStatusClass::Failed: return QStringLiteral("failed");
    case HarStatusClass::Informational: return QStringLiteral("1xx");
    case HarStatusClass::Success: return QStringLiteral("2xx");
    case HarStatusClass::Redirection: return QStringLiteral("3xx");
    case HarStatusClass::ClientError: return QStringLiteral("4xx");
    case HarStatusClass::ServerError: return QStringLiteral("5xx");
    case HarStatusClass::Other: return QStringLiteral("other");
    case HarStatusClass::ClassCount: break;
    }
    return QStringLiteral("?");
}

void PrintTo(HarStatusClass statusClass, std::ostream *os)
{
    *os << toString(statusClass).toStdString();
}

HarStatusClass statusClassOf(int status)
{
    if (status == 0)
        return HarStatusClass::Failed;
    if (status >= 100 && status < 600)
        return static_cast<HarStatusClass>(status / 100);
    return HarStatusClass::Other;
}

HarSummary summarize(const QList<HarEntry> &entries)
{
    HarSummary summary;
    QList<int> order;
    order.reserve(entries.size());
    for (int i = 0; i < entries.size(); ++i) {
        const HarEntry &entry = entries[i];
        const int status = entry.response.status;
        ++summary.statusCounts[status];
        ++summary.classCounts[static_cast<size_t>(statusClassOf(status))];
        if (isErrorStatus(status))
            ++summary.failedCount;
        if (entry.time > 0)
            summary.totalTimeMs += entry.time;
        if (entry.response.bodySize > 0)
            summary.totalBodyBytes += entry.response.bodySize;
        order.append(i);
    }
    const int keep = std::min<int>(kSlowestEntries, static_cast<int>(order.size()));
    std::partial_sort(order.begin(), order.begin() + keep, order.end(), [&entries](int a, int b) {
        return entries[a].time > entries[b].time;
    });
    summary.slowest = order.mid(0, keep);
    return summary;
}

} // namespace statusscope
