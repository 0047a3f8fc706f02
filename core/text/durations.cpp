// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/durations.h"

namespace statusscope::text {

QString readableMs(double ms)
{
    if (ms >= 999.5) // would print as "1000 ms"
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', ms >= 10000.0 ? 1 : 2);
    if (ms < 0.01)
        return QStringLiteral("< 0.01 ms");
    QString number = QString::number(ms, 'f', ms < 1.0 ? 2 : ms < 10.0 ? 1 : 0);
    if (ms < 1.0 && number.endsWith(QLatin1Char('0')))
        number.chop(1); // 0.40 → 0.4
    return number + QStringLiteral(" ms");
}

QString exactMs(double ms, int decimals)
{
    return QStringLiteral("%1 ms").arg(ms, 0, 'f', decimals);
}

} // namespace statusscope::text
