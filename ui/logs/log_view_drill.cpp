// SPDX-License-Identifier: GPL-3.0-or-later
// LogView's drill-down: a clicked bucket or spike (its statuses, error paths and sample rows),
// the raw lines behind it, and the focus on a status the troubleshooting panel asks for.

#include "ui/logs/log_view.h"

#include "core/logs/log_time.h"
#include "core/logs/source/local_file_source.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_filter_bar.h"
#include "ui/logs/log_tables.h"
#include "ui/logs/raw_lines_panel.h"
#include "ui/logs/source_calls.h"

#include <QProgressBar>
#include <QTabWidget>
#include <QTableWidget>

#include <algorithm>

namespace statusscope::ui {

using namespace statusscope::logs;

namespace {

QString formatClock(qint64 utcMs, int tzOffsetMinutes)
{
    return formatIsoTime(utcMs, tzOffsetMinutes).left(19).replace(QLatin1Char('T'), QLatin1Char(' '));
}

} // namespace

void LogView::showBucket(qint64 startMs, qint64 endMs)
{
    QMap<int, qint64> counts;
    qint64 total = 0;
    for (const SeriesBucket &bucket : m_chart->buckets()) {
        if (bucket.startMs >= startMs && bucket.startMs < endMs) {
            for (auto it = bucket.byStatus.cbegin(); it != bucket.byStatus.cend(); ++it)
                counts[it.key()] += it.value();
            total += bucket.total;
        }
    }
    fillStatusRows(m_bucketTable, counts, total);
    m_bucketStatusRows = m_bucketTable->rowCount();
    hideOtherStatuses(m_bucketTable);
    m_tables->setTabText(m_tables->indexOf(m_bucketTable),
                         tr("Bucket %1").arg(formatIsoTime(startMs, m_summary.tzOffsetMinutes)));
    m_tables->setCurrentWidget(m_bucketTable);
    if (isLoading())
        return;
    // Paths are not kept per bucket (memory would grow with the log): the source is asked for
    // that range, through the filter the chart shows.
    LogQuery query = filteredQuery();
    query.fromMs = std::max(query.fromMs, startMs);
    query.toMs = std::min(query.toMs, endMs - 1);
    loadRawLines(query);
    m_calls->summary(SourceCalls::Details, query, [this](const SourceSummary &answer) {
        setIdle();
        fillBucketPaths(answer);
    });
    requestSamples(query.fromMs, query.toMs + 1);
    m_progress->setRange(0, 0); // busy without a measure until the source reports one
    setIdle();
}

// The first rows of [startMs, endMs) of the chosen status under the filter: a spike's rows are
// rows of the spike's status.
void LogView::requestSamples(qint64 startMs, qint64 endMs)
{
    LogQuery query = filteredQuery();
    query.fromMs = startMs;
    query.toMs = endMs - 1;
    if (m_filterBar->status() > 0)
        query.filter.statuses = {m_filterBar->status()};
    m_calls->samples(query, [this](const SourceSamples &answer) {
        setIdle();
        fillSamples(answer);
    });
}

LogQuery LogView::filteredQuery() const
{
    LogQuery query;
    query.filter = m_filterBar->filter();
    if (m_filterBar->hasRange()) {
        query.fromMs = m_filterBar->fromMs();
        query.toMs = m_filterBar->toMs();
    }
    return query;
}

QString LogView::describeFilter(int status, qint64 fromMs, qint64 toMs) const
{
    QStringList parts;
    if (status > 0)
        parts << tr("status %1").arg(status);
    const LogFilter filter = m_filterBar->filter();
    if (!filter.pathPrefix.isEmpty())
        parts << tr("path %1…").arg(filter.pathPrefix);
    if (!filter.client.isEmpty())
        parts << tr("client %1").arg(filter.client);
    if (!filter.method.isEmpty())
        parts << tr("method %1").arg(filter.method);
    if (!filter.userAgent.isEmpty())
        parts << tr("agent \u201c%1\u201d").arg(filter.userAgent);
    const bool from = fromMs != LogFilterBar::kOpenStart;
    const bool to = toMs != LogFilterBar::kOpenEnd;
    if (from || to)
        parts << QStringLiteral("%1 – %2")
                     .arg(from ? formatClock(fromMs, m_summary.tzOffsetMinutes) : tr("start"),
                          to ? formatClock(toMs, m_summary.tzOffsetMinutes) : tr("end"));
    return parts.isEmpty() ? tr("the whole log") : parts.join(QStringLiteral(", "));
}

void LogView::showRawLines()
{
    loadRawLines(filteredQuery());
}

// The lines of the query's range and filter and of the chosen status, as the files have them.
void LogView::loadRawLines(const LogQuery &query)
{
    if (!m_local)
        return;
    LogFilter filter = query.filter;
    if (m_filterBar->status() > 0)
        filter.statuses = {m_filterBar->status()};
    IngestOptions options = m_local->options;
    options.liveSeries = false;
    options.fromMs = query.fromMs;
    options.toMs = query.toMs;
    options.filter = toRecordFilter(filter);
    m_raw->load(m_local->paths, options, describeFilter(m_filterBar->status(), query.fromMs, query.toMs),
                m_summary.tzOffsetMinutes);
    m_lower->setCurrentWidget(m_raw);
}

LogView::StatusFocus LogView::focusStatus(int code, qint64 aroundMs)
{
    StatusFocus focus;
    focus.total = m_summary.statusCounts.value(code);
    m_tables->setCurrentWidget(m_statusTable);
    m_statusTable->clearSelection();
    for (int r = 0; r < m_statusTable->rowCount(); ++r) {
        const QTableWidgetItem *item = m_statusTable->item(r, 0);
        if (item && item->data(Qt::DisplayRole).toInt() == code) {
            m_statusTable->selectRow(r);
            m_statusTable->scrollToItem(m_statusTable->item(r, 0));
            break;
        }
    }
    if (aroundMs <= 0 || !m_summary.hasTimeRange)
        return focus;
    focus.fromMs = aroundMs - kFocusWindowMs;
    focus.toMs = aroundMs + kFocusWindowMs;
    focus.outsideLog = focus.toMs <= m_summary.firstMs || focus.fromMs > m_summary.lastMs;
    focus.inWindow = 0;
    const qint64 bucketMs = qint64(m_summary.bucketSeconds) * 1000;
    for (const SeriesBucket &bucket : m_summary.buckets) {
        if (bucket.startMs + bucketMs > focus.fromMs && bucket.startMs < focus.toMs)
            focus.inWindow += bucket.byStatus.value(code);
    }
    if (focus.inWindow > 0) {
        // The window's statuses and paths, the troubleshot status selected among them.
        showBucket(focus.fromMs, focus.toMs);
        for (int r = 0; r < m_bucketTable->rowCount(); ++r) {
            const QTableWidgetItem *item = m_bucketTable->item(r, 0);
            if (item && item->data(Qt::DisplayRole).toInt() == code) {
                m_bucketTable->selectRow(r);
                break;
            }
        }
    }
    return focus;
}

QString LogView::formatLogTime(qint64 utcMs) const
{
    return formatIsoTime(utcMs, m_summary.tzOffsetMinutes);
}

} // namespace statusscope::ui
