#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Where guide ids live on disk: resources/guides/<code>.md and resources/guides/transport/<id>.md.

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QString>

namespace statusscope::test {

inline bool guideExists(const QString &id)
{
    const QString root = QStringLiteral(STATUSSCOPE_SOURCE_DIR "/resources/guides/");
    return QFileInfo::exists(root + id + QStringLiteral(".md"))
           || QFileInfo::exists(root + QStringLiteral("transport/") + id + QStringLiteral(".md"));
}

// The slugs of a guide's Markdown headings, as the Guide dock matches a link's anchor: lower
// case, every run of other characters a hyphen, none at either end. Empty for no such guide.
inline QSet<QString> guideHeadingSlugs(const QString &id)
{
    const QString root = QStringLiteral(STATUSSCOPE_SOURCE_DIR "/resources/guides/");
    QFile file(root + id + QStringLiteral(".md"));
    if (!file.exists())
        file.setFileName(root + QStringLiteral("transport/") + id + QStringLiteral(".md"));
    QSet<QString> slugs;
    if (!file.open(QIODevice::ReadOnly))
        return slugs;
    static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s+(.*)$"), QRegularExpression::MultilineOption);
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    static const QRegularExpression ends(QStringLiteral("^-+|-+$"));
    for (auto it = heading.globalMatch(QString::fromUtf8(file.readAll())); it.hasNext();) {
        QString slug = it.next().captured(1).toLower().trimmed();
        slug.replace(other, QStringLiteral("-"));
        slug.remove(ends);
        slugs.insert(slug);
    }
    return slugs;
}

} // namespace statusscope::test
