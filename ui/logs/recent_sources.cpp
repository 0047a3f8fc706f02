// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/recent_sources.h"

#include <QSettings>

namespace statusscope::ui {

using logs::ColumnRole;

namespace {

const QString kGroup = QStringLiteral("logSources");
const QString kUrl = QStringLiteral("url");
const QString kColumns = QStringLiteral("columns"); // "role=column" pairs

} // namespace

RecentSources::RecentSources(QSettings *settings)
    : m_settings(settings)
{
}

QList<RecentSources::Entry> RecentSources::read() const
{
    QList<Entry> out;
    if (!m_settings)
        return out;
    const int count = m_settings->beginReadArray(kGroup);
    for (int i = 0; i < count && out.size() < kMaxSources; ++i) {
        m_settings->setArrayIndex(i);
        Entry entry{m_settings->value(kUrl).toString(), {}};
        if (entry.url.isEmpty())
            continue;
        // A role or pair this version does not know (settings of a newer one) is left out.
        const QStringList pairs = m_settings->value(kColumns).toStringList();
        for (const QString &pair : pairs) {
            ColumnRole role;
            const QString name = pair.section(QLatin1Char('='), 0, 0);
            if (pair.contains(QLatin1Char('=')) && logs::columnRoleFromString(name, role))
                entry.columns.insert(role, pair.section(QLatin1Char('='), 1));
        }
        out << entry;
    }
    m_settings->endArray();
    return out;
}

QStringList RecentSources::urls() const
{
    QStringList out;
    for (const Entry &entry : read())
        out << entry.url;
    return out;
}

QMap<ColumnRole, QString> RecentSources::columns(const QString &url) const
{
    for (const Entry &entry : read()) {
        if (entry.url == url)
            return entry.columns;
    }
    return {};
}

void RecentSources::remember(const QString &url, const QMap<ColumnRole, QString> &columns)
{
    if (!m_settings || url.isEmpty())
        return;
    QList<Entry> entries = read();
    entries.removeIf([&](const Entry &entry) { return entry.url == url; });
    entries.prepend({url, columns});
    while (entries.size() > kMaxSources)
        entries.removeLast();
    m_settings->beginWriteArray(kGroup, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(kUrl, entries.at(i).url);
        QStringList pairs;
        for (auto it = entries.at(i).columns.cbegin(); it != entries.at(i).columns.cend(); ++it)
            pairs << logs::toString(it.key()) + QLatin1Char('=') + it.value();
        m_settings->setValue(kColumns, pairs);
    }
    m_settings->endArray();
}

} // namespace statusscope::ui
