// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/har/har_filter_query.h"
#include "core/har/har_summary.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace statusscope::ui {

// What the filter bar and the summary strip ask for. Empty/default members do not filter.
struct HarEntryFilter
{
    HarFilterQuery query;               // the typed DevTools-style filter
    QSet<HarStatusClass> classes;       // empty: every class
    QString method;
    QString type;
    QString pageId;                     // empty: every page
    bool errorsOnly = false;            // status 0, 4xx, 5xx
    std::optional<QSet<int>> positions; // only these entries (the "slowest" click)
    // Only entries running at some moment of [from, to], ms from the log's origin (a range
    // dragged on the overview strip).
    std::optional<QPair<double, double>> timeRange;

    bool operator==(const HarEntryFilter &) const = default;
};

// Sorts on HarEntriesModel::RawValueRole and keeps the rows HarEntryFilter lets through.
class HarFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarFilterProxy)

public:
    explicit HarFilterProxy(QObject *parent = nullptr);

    void setFilter(const HarEntryFilter &filter);
    const HarEntryFilter &filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    HarEntryFilter m_filter;
};

} // namespace statusscope::ui
