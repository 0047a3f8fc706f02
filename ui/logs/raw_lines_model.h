// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_hits.h"
#include "core/logs/line_text_reader.h"

#include <QAbstractTableModel>
#include <QCache>

#include <memory>

namespace statusscope::ui {

// The lines of a drill-down as a table (file:line, time, status, the line), read back from the
// files by their offsets as rows come into view: a million hits cost their offsets, not their
// text.
class RawLinesModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawLinesModel)

public:
    enum Column { WhereColumn, TimeColumn, StatusColumn, TextColumn, ColumnCount };

    explicit RawLinesModel(QObject *parent = nullptr);
    ~RawLinesModel() override;

    void setHits(logs::LineHits hits, int tzOffsetMinutes);
    const logs::LineHits &hits() const { return m_hits; }
    // The row's original line, exactly as the file has it (without its line end).
    QString lineText(int row) const;
    // "access.log:1234" (the full path with fullPath).
    QString where(int row, bool fullPath = false) const;
    // The lines around a row's line in its file: a pager's view of it.
    QList<logs::ContextLine> context(int row, int before, int after) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    logs::LineHits m_hits;
    int m_tzOffsetMinutes = 0;
    std::unique_ptr<logs::LineTextReader> m_reader;
    // Texts of rows shown lately: scrolling back and forth reads each line once.
    mutable QCache<int, QString> m_texts{4096};
};

} // namespace statusscope::ui
