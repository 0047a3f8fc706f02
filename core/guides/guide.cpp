// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/guides/guide.h"

namespace statusscope {

QString Guide::section(QStringView wanted) const
{
    for (const GuideSection &s : sections) {
        if (s.title == wanted)
            return s.text;
    }
    return {};
}

} // namespace statusscope
