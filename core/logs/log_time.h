// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <string_view>

namespace statusscope::logs {

// Fast, allocation-free time parsing for the shapes access logs use. Each returns false on
// anything it does not understand rather than guessing.

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day);

// "Jan".."Dec" → 1..12, 0 otherwise.
int monthFromAbbrev(std::string_view text);

// Apache/nginx %t without brackets: "13/May/2024:00:00:04 +0000"; HAProxy adds
// milliseconds and drops the zone: "25/Feb/2019:16:19:48.143" (then the zone is UTC).
bool parseClfTime(std::string_view text, qint64 &utcMs, int &tzOffsetMinutes);

// ISO 8601 / RFC 3339: "2024-05-13T00:00:04+00:00", "…T00:00:04.123Z", "2024-05-13 00:00:04".
// A time without a zone is taken as UTC plus defaultOffsetMinutes (W3C's #GMT-Offset).
bool parseIsoTime(std::string_view text, qint64 &utcMs, int &tzOffsetMinutes,
                  int defaultOffsetMinutes = 0);

// Seconds since the epoch with an optional fraction: "1646861401.5241024" (Caddy ts,
// nginx $msec, Squid).
bool parseEpochSeconds(std::string_view text, qint64 &utcMs);

// "+0200", "-07:00", "Z" → minutes east of UTC.
bool parseZone(std::string_view text, int &minutes);

// "2024-05-13T00:00:04+00:00" in the given offset; milliseconds only when not zero.
QString formatIsoTime(qint64 utcMs, int tzOffsetMinutes);

// Parses a plain unsigned decimal; false on anything else (empty, sign, overflow).
bool parseUnsigned(std::string_view text, qint64 &value);
// Parses "0.123", "12", "1.5e-3" as a double; false on anything else.
bool parseDecimal(std::string_view text, double &value);

} // namespace statusscope::logs
