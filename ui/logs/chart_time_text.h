// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace statusscope::ui {

// A time window in the log's own zone for tooltips: "2024-05-13T10:39:00+02:00 – 10:41:00",
// the end without its date when it falls on the same day.
QString timeWindowText(qint64 fromMs, qint64 toMs, int tzOffsetMinutes);

// A length of time as people say it: "45 s", "1 min", "90 min", "3 h", "2.5 days".
QString durationText(qint64 ms);

} // namespace statusscope::ui
