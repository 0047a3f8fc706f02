// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Counts over a HarLog that the CLI prints and the HAR view's summary strip shows.

#include "core/har/har_types.h"

#include <QHashFunctions>
#include <QList>
#include <QString>

#include <array>
#include <iosfwd>
#include <map>

namespace statusscope {

// Status classes as the filter chips show them. Failed: status 0, no response at all
// (blocked, reset, DNS failure: what browsers record as 0).
enum class HarStatusClass { Failed, Informational, Success, Redirection, ClientError, ServerError, Other, ClassCount };
QString toString(HarStatusClass statusClass); // "failed", "1xx" ... "5xx", "other"
void PrintTo(HarStatusClass statusClass, std::ostream *os);
HarStatusClass statusClassOf(int status);
inline size_t qHash(HarStatusClass statusClass, size_t seed = 0)
{
    return ::qHash(static_cast<int>(statusClass), seed);
}

struct HarSummary
{
    std::map<int, int> statusCounts; // status -> entries, ascending
    std::array<int, static_cast<size_t>(HarStatusClass::ClassCount)> classCounts{};
    int failedCount = 0;             // status 0 or a 4xx/5xx
    QList<int> slowest;              // positions in HarLog::entries, slowest first
    double totalTimeMs = 0;
    qint64 totalBodyBytes = 0;       // sum of the known response body sizes

    int count(HarStatusClass statusClass) const { return classCounts[static_cast<size_t>(statusClass)]; }
};

// How many of the slowest entries the summary lists.
constexpr int kSlowestEntries = 5;

HarSummary summarize(const QList<HarEntry> &entries);

// A status the user should look at: no response, or a client or server error.
inline bool isErrorStatus(int status)
{
    return status == 0 || status >= 400;
}

} // namespace statusscope
