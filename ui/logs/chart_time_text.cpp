// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/chart_time_text.h"

#include "core/logs/log_time.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace statusscope::ui {

QString timeWindowText(qint64 fromMs, qint64 toMs, int tzOffsetMinutes)
{
    const QTimeZone zone(tzOffsetMinutes * 60);
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, zone);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs, zone);
    const QString end = from.date() == to.date() ? to.toString(QStringLiteral("HH:mm:ss"))
                                                 : logs::formatIsoTime(toMs, tzOffsetMinutes);
    return QStringLiteral("%1 – %2").arg(logs::formatIsoTime(fromMs, tzOffsetMinutes), end);
}

QString durationText(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    if (minutes < 1)
        return QCoreApplication::translate("LogChart", "%1 s").arg(ms / 1000);
    if (minutes < 120)
        return QCoreApplication::translate("LogChart", "%n min", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return QCoreApplication::translate("LogChart", "%1 h").arg(double(minutes) / 60.0, 0, 'f', minutes % 60 == 0 ? 0 : 1);
    return QCoreApplication::translate("LogChart", "%1 days").arg(double(minutes) / 1440.0, 0, 'f', 1);
}

} // namespace statusscope::ui
