// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/har/har_types.h"
#include "ui/har/har_waterfall.h"

#include <QAbstractTableModel>

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

private:
    struct Row
    {
        QString host;
        QString path;
        QString type;
        QString pageTitle;
        HarWaterfallSpan span;
        qint64 size = -1;
    };

    QVariant display(const HarEntry &entry, const Row &row, int column) const;
    QVariant raw(const HarEntry &entry, const Row &row, int column) const;

    std::shared_ptr<const HarLog> m_log;
    QList<Row> m_rows;
};

// "script", "image", "json"...: Chrome's _resourceType when present, else from the MIME type.
QString entryType(const HarEntry &entry);

} // namespace statusscope::ui
