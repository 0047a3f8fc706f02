// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/log_time.h"

#include <QDateTime>
#include <QTimeZone>

#include <charconv>
#include <cstring>

namespace statusscope::logs {

namespace {

constexpr qint64 kMsPerDay = 86400LL * 1000;

bool digits(std::string_view text, size_t pos, size_t count, int &value)
{
    if (pos + count > text.size())
        return false;
    int v = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    value = v;
    return true;
}

bool validClock(int hour, int minute, int second)
{
    // Second 60 is a leap second; it lands on the next second's bucket.
    return hour <= 23 && minute <= 59 && second <= 60;
}

bool validDate(int year, int month, int day)
{
    return year >= 1970 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Reads ".123456" after a seconds field: the milliseconds, and moves pos past all digits.
int fractionMs(std::string_view text, size_t &pos)
{
    if (pos >= text.size() || (text[pos] != '.' && text[pos] != ','))
        return 0;
    ++pos;
    int ms = 0;
    int scale = 100;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        ms += (text[pos] - '0') * scale;
        scale /= 10;
        ++pos;
    }
    return ms;
}

} // namespace

qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(month + (month > 2 ? -3 : 9)) + 2) / 5
                         + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

namespace {

// A local wall-clock time at a UTC offset, as milliseconds since the epoch.
qint64 toUtcMs(int year, int month, int day, int hour, int minute, int second, int ms, int offsetMinutes)
{
    const qint64 local = daysFromCivil(year, month, day) * kMsPerDay + ((hour * 60 + minute) * 60 + second) * 1000LL + ms;
    return local - offsetMinutes * 60000LL;
}

} // namespace

int monthFromAbbrev(std::string_view text)
{
    static constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (text.size() != 3)
        return 0;
    for (int i = 0; i < 12; ++i) {
        if (std::memcmp(text.data(), kMonths[i], 3) == 0)
            return i + 1;
    }
    return 0;
}

bool parseZone(std::string_view text, int &minutes)
{
    if (text == "Z" || text == "z") {
        minutes = 0;
        return true;
    }
    if (text.size() < 5 || (text[0] != '+' && text[0] != '-'))
        return false;
    int hours = 0;
    int mins = 0;
    if (!digits(text, 1, 2, hours))
        return false;
    const size_t minutePos = text[3] == ':' ? 4 : 3;
    if (!digits(text, minutePos, 2, mins) || text.size() != minutePos + 2 || hours > 14 || mins > 59)
        return false;
    minutes = (hours * 60 + mins) * (text[0] == '-' ? -1 : 1);
    return true;
}

bool parseClfTime(std::string_view text, qint64 &utcMs, int &tzOffsetMinutes)
{
    // dd/Mon/yyyy:HH:MM:SS[.mmm][ +zzzz]
    int day = 0, year = 0, hour = 0, minute = 0, second = 0;
    if (text.size() < 20 || text[2] != '/' || text[6] != '/' || text[11] != ':' || text[14] != ':'
        || text[17] != ':')
        return false;
    const int month = monthFromAbbrev(text.substr(3, 3));
    if (month == 0 || !digits(text, 0, 2, day) || !digits(text, 7, 4, year) || !digits(text, 12, 2, hour)
        || !digits(text, 15, 2, minute) || !digits(text, 18, 2, second) || !validDate(year, month, day)
        || !validClock(hour, minute, second))
        return false;
    size_t pos = 20;
    const int ms = fractionMs(text, pos);
    int offset = 0;
    if (pos < text.size()) {
        if (text[pos] != ' ' || !parseZone(text.substr(pos + 1), offset))
            return false;
    }
    utcMs = toUtcMs(year, month, day, hour, minute, second, ms, offset);
    tzOffsetMinutes = offset;
    return true;
}

bool parseIsoTime(std::string_view text, qint64 &utcMs, int &tzOffsetMinutes, int defaultOffsetMinutes)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ')
        || text[13] != ':' || text[16] != ':')
        return false;
    if (!digits(text, 0, 4, year) || !digits(text, 5, 2, month) || !digits(text, 8, 2, day)
        || !digits(text, 11, 2, hour) || !digits(text, 14, 2, minute) || !digits(text, 17, 2, second)
        || !validDate(year, month, day) || !validClock(hour, minute, second))
        return false;
    size_t pos = 19;
    const int ms = fractionMs(text, pos);
    int offset = defaultOffsetMinutes;
    if (pos < text.size() && !parseZone(text.substr(pos), offset))
        return false;
    utcMs = toUtcMs(year, month, day, hour, minute, second, ms, offset);
    tzOffsetMinutes = offset;
    return true;
}

bool parseEpochSeconds(std::string_view text, qint64 &utcMs)
{
    size_t pos = 0;
    qint64 seconds = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        seconds = seconds * 10 + (text[pos] - '0');
        if (seconds > 253402300799LL) // 9999-12-31: anything bigger is not a time
            return false;
        ++pos;
    }
    if (pos == 0)
        return false;
    const int ms = fractionMs(text, pos);
    if (pos != text.size())
        return false;
    utcMs = seconds * 1000 + ms;
    return true;
}

bool parseUnsigned(std::string_view text, qint64 &value)
{
    if (text.empty() || text.size() > 18)
        return false;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    value = v;
    return true;
}

bool parseDecimal(std::string_view text, double &value)
{
    if (text.empty())
        return false;
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    return result.ec == std::errc() && result.ptr == end && value >= 0;
}

QString formatIsoTime(qint64 utcMs, int tzOffsetMinutes)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone(tzOffsetMinutes * 60));
    const QString format = utcMs % 1000 == 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss")
                                             : QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz");
    const int abs = tzOffsetMinutes < 0 ? -tzOffsetMinutes : tzOffsetMinutes;
    return time.toString(format)
           + QStringLiteral("%1%2:%3")
                 .arg(tzOffsetMinutes < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                 .arg(abs / 60, 2, 10, QLatin1Char('0'))
                 .arg(abs % 60, 2, 10, QLatin1Char('0'));
}

} // namespace statusscope::logs
