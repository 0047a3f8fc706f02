// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_column_fit.h"

#include <algorithm>

namespace statusscope::ui {

QList<int> fitColumns(const QList<HarColumnNeed> &needs, int available)
{
    QList<int> widths;
    int total = 0;
    int slack = 0;
    for (const HarColumnNeed &need : needs) {
        widths.append(need.natural);
        total += need.natural;
        slack += std::max(0, need.natural - need.minimum);
    }
    const int excess = std::min(total - available, slack);
    if (excess <= 0)
        return widths;
    int given = 0;
    for (qsizetype i = 0; i < needs.size(); ++i) {
        const int room = std::max(0, needs[i].natural - needs[i].minimum);
        // Rounded up, so the columns together give at least the excess.
        const int share = std::min(room, static_cast<int>((static_cast<qint64>(excess) * room + slack - 1) / slack));
        const int take = std::min(share, excess - given);
        widths[i] -= take;
        given += take;
    }
    return widths;
}

} // namespace statusscope::ui
