// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_summary.h"

#include <QByteArray>
#include <QJsonObject>

namespace statusscope::logs {

// The `statusscope-cli logs --json` object (DESIGN.md; those field names are a contract,
// fields added here are extra).
QJsonObject toJson(const LogSummary &summary);

// The series as CSV: one row per bucket — start, total, per class, error rates, then one
// column per status seen. The CLI's --csv and the chart's "Export series" write this.
QByteArray seriesToCsv(const LogSummary &summary, const QList<SeriesBucket> &buckets);

} // namespace statusscope::logs
