// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_summary.h"

namespace statusscope::logs {

// Adds the counts of lines read later (a LogFollower's summary of what was appended) to the
// summary of the file's earlier part: line and status counts, the minute series, the time
// range; the buckets and spikes are rebuilt from the merged minutes. Top lists and latency
// stay those of `base` (their sketches are not kept in a summary).
LogSummary mergeAppended(const LogSummary &base, const LogSummary &appended);

// The two minute series summed, sorted by minute.
MinuteSeries mergeMinutes(const MinuteSeries &a, const MinuteSeries &b);

} // namespace statusscope::logs
