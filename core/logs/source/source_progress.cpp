// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/source_progress.h"

#include <QLocale>

#include <algorithm>

namespace statusscope::logs {

namespace {

QString grouped(qint64 n)
{
    // English grouping whatever the user's locale: the line is the same in a log file and on screen.
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(n);
}

} // namespace

int progressPerMille(const SourceProgress &progress)
{
    if (progress.rowsTotal <= 0)
        return -1;
    return int(std::clamp<qint64>(progress.rowsRead * 1000 / progress.rowsTotal, 0, 1000));
}

QString progressText(const SourceProgress &progress)
{
    const QString elapsed = QStringLiteral("%1 s").arg(progress.elapsedSeconds, 0, 'f', 1);
    const int perMille = progressPerMille(progress);
    const QString rows = perMille < 0
                             ? QStringLiteral("%1 %2 read").arg(grouped(progress.rowsRead), progress.unit)
                             : QStringLiteral("%1 of %2 %3 (%4%)")
                                   .arg(grouped(progress.rowsRead), grouped(progress.rowsTotal), progress.unit)
                                   .arg(perMille / 10);
    return QStringLiteral("%1: %2, %3").arg(progress.stage, rows, elapsed);
}

} // namespace statusscope::logs
