// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_entries_model.h"

#include "core/har/har_summary.h"
#include "core/text/durations.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QUrl>

namespace statusscope::ui {

QString entryType(const HarEntry &entry)
{
    for (const HarCustomField &field : entry.custom) {
        if (field.name == QLatin1String("_resourceType") && field.json.startsWith('"'))
            return QString::fromUtf8(field.json.mid(1, field.json.size() - 2));
    }
    const QString mime = entry.response.content.mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (mime.isEmpty())
        return QStringLiteral("other");
    if (mime.contains(QLatin1String("json")))
        return QStringLiteral("json");
    if (mime.contains(QLatin1String("html")))
        return QStringLiteral("document");
    if (mime.contains(QLatin1String("css")))
        return QStringLiteral("stylesheet");
    if (mime.contains(QLatin1String("javascript")) || mime.contains(QLatin1String("ecmascript")))
        return QStringLiteral("script");
    if (mime.startsWith(QLatin1String("image/")))
        return QStringLiteral("image");
    if (mime.startsWith(QLatin1String("font/")) || mime.contains(QLatin1String("font")))
        return QStringLiteral("font");
    if (mime.startsWith(QLatin1String("video/")) || mime.startsWith(QLatin1String("audio/")))
        return QStringLiteral("media");
    return mime.section(QLatin1Char('/'), 1);
}

HarEntriesModel::HarEntriesModel(QObject *parent) : QAbstractTableModel(parent) {}

void HarEntriesModel::setLog(std::shared_ptr<const HarLog> log)
{
    beginResetModel();
    m_log = std::move(log);
    m_rows.clear();
    if (m_log) {
        // Each page's waterfall starts at the page's start (or its first entry) and spans to
        // its last end, so bars of one page line up with each other.
        struct PageExtent
        {
            qint64 originMs = HarEntry::kNoTime;
            double endMs = 0;
            QString title;
        };
        QHash<QString, PageExtent> pages;
        for (const HarPage &page : m_log->pages)
            pages[page.id] = {page.startedMs, 0, page.title.isEmpty() ? page.id : page.title};
        for (const HarEntry &entry : m_log->entries) {
            PageExtent &extent = pages[entry.pageref];
            if (entry.startedMs != HarEntry::kNoTime
                && (extent.originMs == HarEntry::kNoTime || entry.startedMs < extent.originMs))
                extent.originMs = entry.startedMs;
        }
        for (const HarEntry &entry : m_log->entries) {
            PageExtent &extent = pages[entry.pageref];
            const double start = entry.startedMs == HarEntry::kNoTime || extent.originMs == HarEntry::kNoTime
                ? 0
                : static_cast<double>(entry.startedMs - extent.originMs);
            extent.endMs = std::max(extent.endMs, start + std::max(0.0, entry.time));
        }
        m_rows.reserve(m_log->entries.size());
        for (const HarEntry &entry : m_log->entries) {
            const PageExtent &extent = pages[entry.pageref];
            const QUrl url(entry.request.url);
            Row row;
            row.host = url.host();
            row.path = url.path(QUrl::FullyEncoded);
            if (url.hasQuery())
                row.path += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
            if (row.host.isEmpty())
                row.path = entry.request.url.left(200); // data: URLs and the like
            row.type = entryType(entry);
            row.pageTitle = extent.title;
            row.span = HarWaterfallSpan::fromEntry(entry, extent.originMs, extent.endMs);
            row.size = entry.response.bodySize >= 0 ? entry.response.bodySize : entry.response.content.size;
            m_rows.append(row);
        }
    }
    endResetModel();
}

const HarEntry *HarEntriesModel::entryAt(int position) const
{
    if (!m_log || position < 0 || position >= m_log->entries.size())
        return nullptr;
    return &m_log->entries[position];
}

int HarEntriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HarEntriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HarEntriesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_log || index.row() >= m_rows.size())
        return {};
    const HarEntry &entry = m_log->entries[index.row()];
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole: return display(entry, row, index.column());
    case RawValueRole: return raw(entry, row, index.column());
    case WaterfallRole: return QVariant::fromValue(row.span);
    case StatusRole: return entry.response.status;
    case PositionRole: return index.row();
    case PageIdRole: return entry.pageref;
    case TypeRole: return row.type;
    case Qt::TextAlignmentRole:
        if (index.column() == IndexColumn || index.column() == SizeColumn || index.column() == TimeColumn
            || index.column() == StatusColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            switch (statusClassOf(entry.response.status)) {
            case HarStatusClass::Failed:
            case HarStatusClass::ServerError: return QBrush(QColor(0xc6, 0x28, 0x28));
            case HarStatusClass::ClientError: return QBrush(QColor(0xd2, 0x6a, 0x00));
            case HarStatusClass::Redirection: return QBrush(QColor(0x1e, 0x63, 0xb8));
            default: return {};
            }
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == PathColumn || index.column() == HostColumn)
            return entry.request.url.left(2000);
        if (index.column() == PageColumn)
            return row.pageTitle;
        if (index.column() == StatusColumn)
            return tr("Select the row to open the guide for %1").arg(entry.response.status);
        return {};
    default: return {};
    }
}

QVariant HarEntriesModel::display(const HarEntry &entry, const Row &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case StatusColumn:
        return entry.response.status == 0 ? tr("(failed)") : QString::number(entry.response.status);
    case SizeColumn:
        return row.size < 0 ? QStringLiteral("–") : locale.formattedDataSize(row.size, 1, QLocale::DataSizeTraditionalFormat);
    case TimeColumn: return entry.time < 0 ? QStringLiteral("–") : text::exactMs(entry.time, 1);
    case WaterfallColumn: return {}; // painted by HarWaterfallDelegate
    default: return raw(entry, row, column); // text columns show what they sort by
    }
}

QVariant HarEntriesModel::raw(const HarEntry &entry, const Row &row, int column) const
{
    switch (column) {
    case IndexColumn: return entry.index;
    case PageColumn: return row.pageTitle;
    case MethodColumn: return entry.request.method;
    case HostColumn: return row.host;
    case PathColumn: return row.path;
    case StatusColumn: return entry.response.status;
    case TypeColumn: return row.type;
    case SizeColumn: return row.size;
    case TimeColumn: return entry.time;
    case WaterfallColumn: return row.span.startMs;
    default: return {};
    }
}

QVariant HarEntriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndexColumn: return tr("#");
    case PageColumn: return tr("Page");
    case MethodColumn: return tr("Method");
    case HostColumn: return tr("Host");
    case PathColumn: return tr("Path");
    case StatusColumn: return tr("Status");
    case TypeColumn: return tr("Type");
    case SizeColumn: return tr("Size");
    case TimeColumn: return tr("Time");
    case WaterfallColumn: return tr("Waterfall");
    default: return {};
    }
}

QStringList HarEntriesModel::methods() const
{
    QSet<QString> set;
    if (m_log)
        for (const HarEntry &entry : m_log->entries)
            set.insert(entry.request.method);
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

QStringList HarEntriesModel::types() const
{
    QSet<QString> set;
    for (const Row &row : m_rows)
        set.insert(row.type);
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

} // namespace statusscope::ui
