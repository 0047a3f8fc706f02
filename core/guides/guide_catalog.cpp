// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/guides/guide_catalog.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace statusscope {

namespace {

// Display order: by class group, then by number; transport failures in the order of the table
// (resolve, connect, TLS, wait, proxy), unknown transport ids last by name.
std::tuple<int, int, QString> sortKey(const Guide &guide)
{
    int rank = guide.code;
    if (guide.isTransport()) {
        rank = 1000;
        const auto table = transportFailureTable();
        for (size_t i = 0; i < table.size(); ++i) {
            if (guide.id == QLatin1String(table[i].id))
                rank = int(i);
        }
    }
    return {displayOrder(guide.statusClass), rank, guide.id};
}

} // namespace

QStringList guideWords(QStringView text)
{
    QStringList words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool wordChar = i < text.size() && text.at(i).isLetterOrNumber();
        if (wordChar && start < 0) {
            start = i;
        } else if (!wordChar && start >= 0) {
            words << text.mid(start, i - start).toString().toLower();
            start = -1;
        }
    }
    return words;
}

GuideCatalog GuideCatalog::load(const QString &root)
{
    GuideCatalog catalog;
    const QDir rootDir(root);
    QDirIterator it(root, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort(); // a stable order, so duplicate-id messages name the same file every time
    for (const QString &path : std::as_const(paths)) {
        const QString relative = rootDir.relativeFilePath(path);
        if (relative == QLatin1String("FORMAT.md"))
            continue; // the format description, not a guide
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            catalog.m_errors.append({relative, 0, file.errorString()});
            continue;
        }
        if (file.size() > kMaxGuideBytes) {
            catalog.m_errors.append({relative, 0, QStringLiteral("file is %1 bytes, more than the "
                                                                 "%2-byte limit for a guide")
                                                      .arg(file.size())
                                                      .arg(kMaxGuideBytes)});
            continue;
        }
        const QString text = QString::fromUtf8(file.readAll());
        const QFileInfo info(relative);
        GuideParseResult result = parseGuide(text, relative, info.completeBaseName());
        catalog.m_errors.append(result.errors);
        if (!result.usable)
            continue;
        const bool inTransportDir = info.path() == QLatin1String("transport");
        if (inTransportDir != result.guide.isTransport()) {
            catalog.m_errors.append({relative, 0, inTransportDir
                                                      ? QStringLiteral("a status guide in transport/")
                                                      : QStringLiteral("a transport guide outside "
                                                                       "transport/")});
        }
        if (catalog.m_byId.contains(result.guide.id)) {
            catalog.m_errors.append({relative, 0, QStringLiteral("a second guide for '%1' (ignored)")
                                                      .arg(result.guide.id)});
            continue;
        }
        catalog.m_guides.append(result.guide);
        catalog.m_byId.insert(result.guide.id, catalog.m_guides.size() - 1);
    }
    catalog.rebuildIndex();
    return catalog;
}

void GuideCatalog::addGuide(const Guide &guide)
{
    const auto existing = m_byId.constFind(guide.id);
    if (existing != m_byId.constEnd())
        m_guides[*existing] = guide;
    else
        m_guides.append(guide);
    rebuildIndex();
}

void GuideCatalog::rebuildIndex()
{
    std::stable_sort(m_guides.begin(), m_guides.end(),
                     [](const Guide &a, const Guide &b) { return sortKey(a) < sortKey(b); });
    m_byId.clear();
    m_byAlias.clear();
    m_bodyWords.clear();
    for (qsizetype i = 0; i < m_guides.size(); ++i) {
        const Guide &g = m_guides.at(i);
        m_byId.insert(g.id, i);
        // The first guide to claim an alias keeps it: display order decides, not load order.
        if (!m_byAlias.contains(g.title.toLower()))
            m_byAlias.insert(g.title.toLower(), i);
        for (const QString &alias : g.aliases) {
            if (!m_byAlias.contains(alias.toLower()))
                m_byAlias.insert(alias.toLower(), i);
        }
        QHash<QString, int> counts;
        for (const QString &word : guideWords(g.markdown))
            ++counts[word];
        m_bodyWords.append(counts);
    }
}

QStringList GuideCatalog::ids() const
{
    QStringList out;
    out.reserve(m_guides.size());
    for (const Guide &g : m_guides)
        out << g.id;
    return out;
}

const Guide *GuideCatalog::find(QStringView id) const
{
    const auto it = m_byId.constFind(id.trimmed().toString());
    return it == m_byId.constEnd() ? nullptr : &m_guides.at(*it);
}

const Guide *GuideCatalog::findByCode(int code) const
{
    if (code < 0)
        return nullptr;
    return find(QString::number(code));
}

const Guide *GuideCatalog::findByAlias(QStringView alias) const
{
    const QString key = alias.trimmed().toString().toLower().simplified();
    const auto it = m_byAlias.constFind(key);
    return it == m_byAlias.constEnd() ? nullptr : &m_guides.at(*it);
}

const Guide *GuideCatalog::resolve(QStringView text) const
{
    if (const Guide *g = find(text))
        return g;
    return findByAlias(text);
}

QList<GuideGroup> GuideCatalog::groupedByClass() const
{
    QList<GuideGroup> groups;
    for (const Guide &g : m_guides) {
        if (groups.isEmpty() || groups.last().statusClass != g.statusClass)
            groups.append({g.statusClass, {}});
        groups.last().ids << g.id;
    }
    return groups;
}

} // namespace statusscope
