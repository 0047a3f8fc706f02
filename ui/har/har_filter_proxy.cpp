// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_filter_proxy.h"

#include "ui/har/har_entries_model.h"

namespace statusscope::ui {

HarFilterProxy::HarFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(HarEntriesModel::RawValueRole);
}

void HarFilterProxy::setFilter(const HarEntryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool HarFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const int status = index.data(HarEntriesModel::StatusRole).toInt();
    if (m_filter.errorsOnly && !isErrorStatus(status))
        return false;
    if (!m_filter.classes.isEmpty() && !m_filter.classes.contains(statusClassOf(status)))
        return false;
    if (m_filter.positions && !m_filter.positions->contains(index.data(HarEntriesModel::PositionRole).toInt()))
        return false;
    if (m_filter.timeRange) {
        const auto span = index.data(HarEntriesModel::WaterfallRole).value<HarWaterfallSpan>();
        if (span.endMs() < m_filter.timeRange->first || span.startMs > m_filter.timeRange->second)
            return false;
    }
    if (!m_filter.pageId.isEmpty() && index.data(HarEntriesModel::PageIdRole).toString() != m_filter.pageId)
        return false;
    if (!m_filter.type.isEmpty() && index.data(HarEntriesModel::TypeRole).toString() != m_filter.type)
        return false;
    if (!m_filter.method.isEmpty()
        && sourceModel()->index(sourceRow, HarEntriesModel::MethodColumn, sourceParent).data().toString() != m_filter.method)
        return false;
    if (!m_filter.query.isEmpty()) {
        const auto *entries = qobject_cast<const HarEntriesModel *>(sourceModel());
        const HarEntry *entry = entries ? entries->entryAt(index.data(HarEntriesModel::PositionRole).toInt()) : nullptr;
        if (!entry || !m_filter.query.matches(*entry))
            return false;
    }
    return true;
}

} // namespace statusscope::ui
