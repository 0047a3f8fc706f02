#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Where guide ids live on disk: resources/guides/<code>.md and resources/guides/transport/<id>.md.

#include <QFileInfo>
#include <QString>

namespace statusscope::test {

inline bool guideExists(const QString &id)
{
    const QString root = QStringLiteral(STATUSSCOPE_SOURCE_DIR "/resources/guides/");
    return QFileInfo::exists(root + id + QStringLiteral(".md"))
           || QFileInfo::exists(root + QStringLiteral("transport/") + id + QStringLiteral(".md"));
}

} // namespace statusscope::test
