// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/raw_lines_model.h"

#include "core/logs/log_time.h"

#include <QFileInfo>
#include <QFontDatabase>

namespace statusscope::ui {

RawLinesModel::RawLinesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RawLinesModel::~RawLinesModel() = default;

void RawLinesModel::setHits(logs::LineHits hits, int tzOffsetMinutes)
{
    beginResetModel();
    m_hits = std::move(hits);
    m_tzOffsetMinutes = tzOffsetMinutes;
    m_reader = std::make_unique<logs::LineTextReader>(m_hits.files);
    m_texts.clear();
    endResetModel();
}

QString RawLinesModel::lineText(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    if (const QString *cached = m_texts.object(row))
        return *cached;
    const logs::LineHit &hit = m_hits.hits[size_t(row)];
    auto *text = new QString(m_reader->lineAt(hit.file, hit.offset));
    const QString copy = *text;
    m_texts.insert(row, text);
    return copy;
}

QString RawLinesModel::where(int row, bool fullPath) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const logs::LineHit &hit = m_hits.hits[size_t(row)];
    const QString &path = m_hits.files.value(hit.file);
    return QStringLiteral("%1:%2").arg(fullPath ? path : QFileInfo(path).fileName()).arg(hit.line);
}

QList<logs::ContextLine> RawLinesModel::context(int row, int before, int after) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const logs::LineHit &hit = m_hits.hits[size_t(row)];
    return m_reader->around(hit.file, hit.offset, hit.line, before, after);
}

int RawLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.hits.size());
}

int RawLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RawLinesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const logs::LineHit &hit = m_hits.hits[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhereColumn:
            return where(index.row());
        case TimeColumn:
            return logs::formatIsoTime(hit.timeMs, m_tzOffsetMinutes).mid(11, 8);
        case StatusColumn:
            return hit.status;
        case TextColumn:
            return lineText(index.row());
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == WhereColumn)
            return where(index.row(), true);
        if (index.column() == TimeColumn)
            return logs::formatIsoTime(hit.timeMs, m_tzOffsetMinutes);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (index.column() == TextColumn) // columns of a log line align as in a terminal
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    }
    return {};
}

QVariant RawLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhereColumn:
        return tr("File:line");
    case TimeColumn:
        return tr("Time");
    case StatusColumn:
        return tr("Status");
    case TextColumn:
        return tr("Line");
    }
    return {};
}

} // namespace statusscope::ui
