// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/retry_after.h"

#include <QRegularExpression>

namespace statusscope::diagnose {

namespace {

// Beyond ~68 years a delay is nonsense; it also keeps toLongLong far from overflow.
constexpr int kMaxDelayDigits = 10;

int monthNumber(QStringView name)
{
    static const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i) {
        if (name.compare(QLatin1String(kMonths[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    }
    return 0;
}

QDateTime makeUtc(int year, int month, int day, int h, int m, int s)
{
    const QDate date(year, month, day);
    const QTime time(h, m, s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime parseHttpDate(QStringView value)
{
    const QString text = value.trimmed().toString();
    static const QRegularExpression imf(QStringLiteral(
        R"(^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$)"));
    static const QRegularExpression rfc850(QStringLiteral(
        R"(^[A-Za-z]+, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$)"));
    static const QRegularExpression asctime(QStringLiteral(
        R"(^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$)"));
    const auto num = [](const QRegularExpressionMatch &m, int i) {
        return m.capturedView(i).trimmed().toInt();
    };
    if (const auto m = imf.match(text); m.hasMatch()) {
        return makeUtc(num(m, 3), monthNumber(m.capturedView(2)), num(m, 1), num(m, 4), num(m, 5),
                       num(m, 6));
    }
    if (const auto m = rfc850.match(text); m.hasMatch()) {
        // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past
        // century. Relative to now, that is what a 2-digit year from an old server means.
        int year = 2000 + num(m, 3);
        if (year > QDate::currentDate().year() + 50)
            year -= 100;
        return makeUtc(year, monthNumber(m.capturedView(2)), num(m, 1), num(m, 4), num(m, 5),
                       num(m, 6));
    }
    if (const auto m = asctime.match(text); m.hasMatch()) {
        return makeUtc(num(m, 6), monthNumber(m.capturedView(1)), num(m, 2), num(m, 3), num(m, 4),
                       num(m, 5));
    }
    return {};
}

std::optional<RetryAfter> parseRetryAfter(QStringView value)
{
    const QStringView v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool allDigits = true;
    for (QChar c : v)
        allDigits = allDigits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (allDigits) {
        if (v.size() > kMaxDelayDigits)
            return std::nullopt;
        RetryAfter r;
        r.delaySeconds = v.toLongLong();
        return r;
    }
    const QDateTime date = parseHttpDate(v);
    if (!date.isValid())
        return std::nullopt;
    RetryAfter r;
    r.date = date;
    return r;
}

std::optional<qint64> secondsUntilRetry(const RetryAfter &retryAfter, const QDateTime &reference)
{
    if (retryAfter.delaySeconds)
        return *retryAfter.delaySeconds;
    if (!retryAfter.date.isValid() || !reference.isValid())
        return std::nullopt;
    return qMax<qint64>(0, reference.secsTo(retryAfter.date));
}

} // namespace statusscope::diagnose
