// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/har/har_types.h"
#include "ui/har/har_time_scale.h"
#include "ui/har/har_waterfall.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>

namespace statusscope::ui {

// The entries of one HarLog as table rows. Formatting happens only in data(); RawValueRole
// gives what sorting and filtering compare (numbers as numbers).
class HarEntriesModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarEntriesModel)

public:
    // Status right after the method (as in browsers' network panels): it stays in view when
    // the tab is narrow and the URL columns are long.
    enum Column {
        IndexColumn,
        PageColumn,
        MethodColumn,
        StatusColumn,
        HostColumn,
        PathColumn,
        TypeColumn,
        SizeColumn,
        TimeColumn,
        WaterfallColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // sort key of the cell
        WaterfallRole,                   // HarWaterfallSpan
        StatusRole,                      // int
        PositionRole,                    // int: position in HarLog::entries
        PageIdRole,                      // QString pageref
        TypeRole,                        // QString ("script", "image", "json"...)
    };

    explicit HarEntriesModel(QObject *parent = nullptr);

    void setLog(std::shared_ptr<const HarLog> log);
    std::shared_ptr<const HarLog> log() const { return m_log; }
    const HarEntry *entryAt(int position) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QStringList methods() const;
    QStringList types() const;

    // The waterfall's time line: ms from the log's origin (its earliest page or entry start).
    double extentMs() const { return m_extentMs; }
    // From the page's start to its last entry's end; the whole log for an unknown id.
    QPair<double, double> pageRange(const QString &pageId) const;
    QList<HarPageMarker> pageMarkers() const { return m_markers; }

private:
    struct Row
    {
        QString host;
        QString path;
        QString type;
        QString pageTitle; // the whole title, for the tooltip
        QString pageLabel;
        HarWaterfallSpan span;
        qint64 size = -1;
    };

    QVariant display(const HarEntry &entry, const Row &row, int column) const;
    QVariant raw(const HarEntry &entry, const Row &row, int column) const;

    std::shared_ptr<const HarLog> m_log;
    QList<Row> m_rows;
    double m_extentMs = 0;
    QHash<QString, QPair<double, double>> m_pageRanges;
    QList<HarPageMarker> m_markers;
};

// "script", "image", "json"...: Chrome's _resourceType when present, else from the MIME type.
QString entryType(const HarEntry &entry);

// What a page is called in the table and the page list: its title, or the path when the title
// is a whole URL (Chrome writes the URL there), or the host for a site's root.
QString harPageLabel(const HarPage &page);

} // namespace statusscope::ui
