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

QString harPageLabel(const HarPage &page)
{
    if (page.title.isEmpty())
        return page.id;
    const QUrl url(page.title, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.scheme().startsWith(QLatin1String("http")))
        return page.title;
    const QString path = url.path();
    if (path.isEmpty() || path == QLatin1String("/"))
        return url.host();
    return url.hasQuery() ? path + QLatin1Char('?') + url.query() : path;
}

void HarEntriesModel::setLog(std::shared_ptr<const HarLog> log)
{
    beginResetModel();
    m_log = std::move(log);
    m_rows.clear();
    m_pageRanges.clear();
    m_markers.clear();
    m_extentMs = 0;
    if (m_log) {
        // One time line for the whole log, from its earliest start: bars of different pages
        // keep their real distance, and the overview strip and a dragged range use the same ms.
        qint64 originMs = HarEntry::kNoTime;
        auto earliest = [&originMs](qint64 ms) {
            if (ms != HarEntry::kNoTime && (originMs == HarEntry::kNoTime || ms < originMs))
                originMs = ms;
        };
        for (const HarPage &page : m_log->pages)
            earliest(page.startedMs);
        for (const HarEntry &entry : m_log->entries)
            earliest(entry.startedMs);
        QHash<QString, QString> titles;
        for (const HarPage &page : m_log->pages) {
            titles.insert(page.id, page.title.isEmpty() ? page.id : page.title);
            if (page.startedMs == HarEntry::kNoTime || originMs == HarEntry::kNoTime)
                continue;
            const double pageStart = static_cast<double>(page.startedMs - originMs);
            m_pageRanges.insert(page.id, {pageStart, pageStart});
            if (page.onContentLoad >= 0)
                m_markers.append({pageStart + page.onContentLoad, HarPageMarker::Kind::ContentLoaded});
            if (page.onLoad >= 0)
                m_markers.append({pageStart + page.onLoad, HarPageMarker::Kind::Load});
        }
        QHash<QString, QString> labels;
        for (const HarPage &page : m_log->pages)
            labels.insert(page.id, harPageLabel(page));
        m_rows.reserve(m_log->entries.size());
        for (const HarEntry &entry : m_log->entries) {
            const QUrl url(entry.request.url);
            Row row;
            row.host = url.host();
            row.path = url.path(QUrl::FullyEncoded);
            if (url.hasQuery())
                row.path += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
            if (row.host.isEmpty())
                row.path = entry.request.url.left(200); // data: URLs and the like
            row.type = entryType(entry);
            row.pageTitle = titles.value(entry.pageref, entry.pageref);
            row.pageLabel = labels.value(entry.pageref, entry.pageref);
            row.span = HarWaterfallSpan::fromEntry(entry, originMs);
            row.size = entry.response.bodySize >= 0 ? entry.response.bodySize : entry.response.content.size;
            m_extentMs = std::max(m_extentMs, row.span.endMs());
            if (!entry.pageref.isEmpty()) {
                auto range = m_pageRanges.find(entry.pageref);
                if (range == m_pageRanges.end())
                    range = m_pageRanges.insert(entry.pageref, {row.span.startMs, row.span.startMs});
                range->first = std::min(range->first, row.span.startMs);
                range->second = std::max(range->second, row.span.endMs());
            }
            m_rows.append(row);
        }
        for (const HarPageMarker &marker : std::as_const(m_markers))
            m_extentMs = std::max(m_extentMs, marker.ms);
    }
    endResetModel();
}

QPair<double, double> HarEntriesModel::pageRange(const QString &pageId) const
{
    return m_pageRanges.value(pageId, {0.0, m_extentMs});
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
        if (index.column() == WaterfallColumn)
            return describeWaterfall(row.span);
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
    case PageColumn: return row.pageLabel;
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
    if (orientation != Qt::Horizontal)
        return {};
    // The waterfall's title sits on the first line, the time axis on the second.
    if (role == Qt::TextAlignmentRole && section == WaterfallColumn)
        return QVariant(Qt::AlignHCenter | Qt::AlignTop);
    if (role != Qt::DisplayRole)
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
