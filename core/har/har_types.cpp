// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_types.h"

#include <QDate>
#include <QHash>

#include <array>
#include <ostream>

namespace statusscope {

QByteArray HarContent::decodedText() const
{
    if (!isBase64())
        return text;
    // Exporters wrap base64 at 76 columns now and then; the lenient decoder skips the breaks.
    return QByteArray::fromBase64(text);
}

QString toString(HarPhase phase)
{
    switch (phase) {
    case HarPhase::Blocked: return QStringLiteral("blocked");
    case HarPhase::Dns: return QStringLiteral("dns");
    case HarPhase::Connect: return QStringLiteral("connect");
    case HarPhase::Ssl: return QStringLiteral("ssl");
    case HarPhase::Send: return QStringLiteral("send");
    case HarPhase::Wait: return QStringLiteral("wait");
    case HarPhase::Receive: return QStringLiteral("receive");
    case HarPhase::PhaseCount: break;
    }
    return QStringLiteral("?");
}

void PrintTo(HarPhase phase, std::ostream *os)
{
    *os << toString(phase).toStdString();
}

double HarTimings::phase(HarPhase which) const
{
    switch (which) {
    case HarPhase::Blocked: return blocked;
    case HarPhase::Dns: return dns;
    case HarPhase::Connect: return connect;
    case HarPhase::Ssl: return ssl;
    case HarPhase::Send: return send;
    case HarPhase::Wait: return wait;
    case HarPhase::Receive: return receive;
    case HarPhase::PhaseCount: break;
    }
    return -1;
}

void HarTimings::setPhase(HarPhase which, double ms)
{
    switch (which) {
    case HarPhase::Blocked: blocked = ms; break;
    case HarPhase::Dns: dns = ms; break;
    case HarPhase::Connect: connect = ms; break;
    case HarPhase::Ssl: ssl = ms; break;
    case HarPhase::Send: send = ms; break;
    case HarPhase::Wait: wait = ms; break;
    case HarPhase::Receive: receive = ms; break;
    case HarPhase::PhaseCount: break;
    }
}

double HarTimings::total() const
{
    double sum = 0;
    for (double ms : {blocked, dns, connect, send, wait, receive}) {
        if (ms > 0)
            sum += ms;
    }
    return sum;
}

QString describeHarDeviation(const QString &kind)
{
    static const QHash<QString, QString> kTexts = {
        {QStringLiteral("bom"), QStringLiteral("a byte-order mark before the JSON")},
        {QStringLiteral("cookies_object"), QStringLiteral("cookies written as an object, not an array (Internet Explorer 11)")},
        {QStringLiteral("timings_null"), QStringLiteral("timings is null")},
        {QStringLiteral("timings_missing"), QStringLiteral("no timings")},
        {QStringLiteral("time_null"), QStringLiteral("time is null")},
        {QStringLiteral("time_missing"), QStringLiteral("no time")},
        {QStringLiteral("pages_null"), QStringLiteral("pages is null")},
        {QStringLiteral("number_as_string"), QStringLiteral("a number written as a string")},
        {QStringLiteral("value_not_string"), QStringLiteral("a number or boolean where text belongs")},
        {QStringLiteral("http_version_missing"), QStringLiteral("no httpVersion")},
        {QStringLiteral("status_zero"), QStringLiteral("response status 0 (no response: blocked, aborted or failed)")},
        {QStringLiteral("unknown_field"), QStringLiteral("a field HAR 1.2 does not define (and not a custom _field)")},
        {QStringLiteral("invalid_utf8"), QStringLiteral("invalid UTF-8, replaced with U+FFFD")},
    };
    return kTexts.value(kind, kind);
}

const HarPage *HarLog::page(const QString &id) const
{
    for (const HarPage &candidate : pages) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

namespace {

// Reads `count` digits at `pos`; -1 if they are not all digits.
int digits(QStringView text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text[pos + i];
        if (!c.isDigit())
            return -1;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

} // namespace

qint64 parseHarTime(QStringView text)
{
    // ISO 8601 as HAR 1.2 §entries requires: YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm|±hhmm).
    // Hand-rolled because it runs once per entry of a 200 MB file and must accept any number
    // of fraction digits (Firefox writes 3, some proxies 6 or 7).
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0 || text.size() < 19 || text[4] != QLatin1Char('-')
        || text[7] != QLatin1Char('-')
        || (text[10] != QLatin1Char('T') && text[10] != QLatin1Char(' ')))
        return HarEntry::kNoTime;
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    const QDate date(year, month, day);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60
        || !date.isValid())
        return HarEntry::kNoTime;
    qsizetype pos = 19;
    double fraction = 0;
    if (pos < text.size() && (text[pos] == QLatin1Char('.') || text[pos] == QLatin1Char(','))) {
        ++pos;
        double scale = 0.1;
        while (pos < text.size() && text[pos].isDigit()) {
            fraction += scale * (text[pos].unicode() - '0');
            scale /= 10;
            ++pos;
        }
    }
    qint64 offsetSeconds = 0;
    if (pos < text.size()) {
        const QChar sign = text[pos];
        if (sign == QLatin1Char('Z') || sign == QLatin1Char('z')) {
            ++pos;
        } else if (sign == QLatin1Char('+') || sign == QLatin1Char('-')) {
            const int oh = digits(text, pos + 1, 2);
            const bool colon = pos + 3 < text.size() && text[pos + 3] == QLatin1Char(':');
            const int om = digits(text, pos + (colon ? 4 : 3), 2);
            if (oh < 0 || om < 0)
                return HarEntry::kNoTime;
            offsetSeconds = (oh * 3600 + om * 60) * (sign == QLatin1Char('-') ? -1 : 1);
            pos += colon ? 6 : 5;
        } else {
            return HarEntry::kNoTime;
        }
    }
    if (pos != text.size())
        return HarEntry::kNoTime;
    // No offset at all: HAR requires one; treat the time as UTC rather than guess a zone.
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * 1000 + qRound64(fraction * 1000);
}

} // namespace statusscope
