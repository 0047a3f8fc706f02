// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The one place durations become text. Two styles, because they answer different readers:
// a sentence wants "0.4 ms" or "2.50 s" (as precise as it is useful), a table column wants
// every row in the same unit with the same decimals so that values line up and compare.
namespace statusscope::text {

// For sentences (findings, troubleshooting, the probe): sub-millisecond values keep two
// significant decimals, larger ones fewer, and from a second on the unit is seconds.
QString readableMs(double ms);

// For tables and timelines: always milliseconds, with `decimals` decimals.
QString exactMs(double ms, int decimals = 3);

} // namespace statusscope::text
