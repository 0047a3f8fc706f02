// SPDX-License-Identifier: GPL-3.0-or-later
// LogView's tables: what the summary, a bucket's details and its sample rows put in them, and
// how a chosen status narrows them.

#include "ui/logs/log_view.h"

#include "core/logs/log_summary_json.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_filter_bar.h"
#include "ui/logs/log_tables.h"
#include "ui/logs/raw_lines_panel.h"

#include <QFile>
#include <QFileInfo>
#include <QTabWidget>
#include <QTableWidget>

namespace statusscope::ui {

using namespace statusscope::logs;

namespace {

// A top list: the count, then the text (cut in the middle, whole in the tooltip); with
// `statusColumn` the status first.
void fillTopRows(QTableWidget *table, const QList<TopEntry> &entries, bool statusColumn)
{
    table->setRowCount(int(entries.size()));
    const int text = statusColumn ? 2 : 1;
    for (int row = 0; row < entries.size(); ++row) {
        const TopEntry &entry = entries[row];
        if (statusColumn)
            table->setItem(row, 0, countItem(entry.status));
        table->setItem(row, text - 1, countItem(entry.count));
        auto *item = new QTableWidgetItem(entry.text);
        item->setToolTip(entry.text);
        table->setItem(row, text, item);
    }
}

} // namespace

void LogView::makeTables()
{
    m_tables = new QTabWidget(this);
    m_statusTable = makeLogTable({tr("Status"), tr("Requests"), tr("Share")}, QStringLiteral("statusTable"), m_tables);
    m_skipTable = makeLogTable({tr("File"), tr("Line"), tr("Reason"), tr("Text")}, QStringLiteral("skipTable"), m_tables);
    m_bucketTable = makeLogTable({tr("Status"), tr("Requests"), tr("Path")}, QStringLiteral("bucketTable"), m_tables);
    // A file's rows say where they are (file:line); a database's, when (the time of day).
    m_sampleTable = makeLogTable({tr("Status"), m_local ? tr("Line") : tr("Time"), tr("Text")},
                                 QStringLiteral("sampleTable"), m_tables);
    // A request line reads from its start (method, path): cut its end, not its path.
    m_sampleTable->setTextElideMode(Qt::ElideRight);
    // Lenient in reading, exact in reporting: what was read although it deviated, by type.
    m_deviationTable = makeLogTable({tr("Deviation"), tr("Lines"), tr("Where"), tr("Text")},
                                    QStringLiteral("deviationTable"), m_tables);
    m_tables->addTab(m_statusTable, tr("Statuses"));
    m_tables->addTab(m_skipTable, tr("Skipped lines"));
    m_tables->addTab(m_bucketTable, tr("Selected bucket"));
    m_tables->addTab(m_sampleTable, tr("Sample lines"));
    m_tables->addTab(m_deviationTable, tr("Deviations"));

    // Under the chart, full width: paths and user agents are long, and raw lines longer.
    m_lower = new QTabWidget(this);
    m_lower->setObjectName(QStringLiteral("logLowerTabs"));
    m_raw = new RawLinesPanel(m_lower);
    m_topPathTable = makeLogTable({tr("Requests"), tr("Path")}, QStringLiteral("topPathTable"), m_lower);
    m_pathTable = makeLogTable({tr("Status"), tr("Requests"), tr("Path")}, QStringLiteral("pathTable"), m_lower);
    m_topClientTable = makeLogTable({tr("Requests"), tr("Client")}, QStringLiteral("topClientTable"), m_lower);
    m_topAgentTable = makeLogTable({tr("Requests"), tr("User agent")}, QStringLiteral("topAgentTable"), m_lower);
    m_lower->addTab(m_topPathTable, tr("Top paths"));
    m_lower->addTab(m_pathTable, tr("Top error paths"));
    m_lower->addTab(m_topClientTable, tr("Top clients"));
    m_lower->addTab(m_topAgentTable, tr("Top user agents"));
    // Raw lines with their context are read from the files: a database has none.
    if (m_local)
        m_lower->addTab(m_raw, tr("Raw lines"));
    else
        m_raw->hide();
    for (QTableWidget *table : {m_topPathTable, m_topClientTable, m_topAgentTable})
        table->setColumnWidth(0, 90);
}

void LogView::fillTables()
{
    fillStatusRows(m_statusTable, m_summary.statusCounts, m_summary.linesParsed);
    // Badge and count as wide as they need, so Share stays in view in the narrow side panel.
    m_statusTable->resizeColumnToContents(0);
    m_statusTable->resizeColumnToContents(1);
    applyStatus(m_filterBar->status());
    m_skipTable->setRowCount(int(m_summary.skipExamples.size()));
    for (int row = 0; row < m_summary.skipExamples.size(); ++row) {
        const SkipExample &example = m_summary.skipExamples[row];
        m_skipTable->setItem(row, 0, new QTableWidgetItem(QFileInfo(example.file).fileName()));
        m_skipTable->setItem(row, 1, countItem(example.line));
        m_skipTable->setItem(row, 2, new QTableWidgetItem(toString(example.reason)));
        m_skipTable->setItem(row, 3, new QTableWidgetItem(example.text));
    }
    QStringList reasons;
    for (int i = 0; i < kSkipReasonCount; ++i) {
        if (m_summary.skippedByReason[size_t(i)] > 0)
            reasons << QStringLiteral("%1 %2").arg(toString(SkipReason(i))).arg(m_summary.skippedByReason[size_t(i)]);
    }
    m_tables->setTabText(m_tables->indexOf(m_skipTable), tr("Skipped lines (%1)").arg(m_summary.linesSkipped));
    m_skipTable->setToolTip(reasons.join(QStringLiteral(", ")));
    fillDeviations();
}

// One row per deviation type that occurred (its count), each followed by its first examples.
void LogView::fillDeviations()
{
    m_deviationTable->setRowCount(0);
    qint64 total = 0;
    for (int i = 0; i < kDeviationCount; ++i) {
        const qint64 count = m_summary.deviationsByType[size_t(i)];
        if (count == 0)
            continue;
        total += count;
        const Deviation type = Deviation(i);
        int row = m_deviationTable->rowCount();
        m_deviationTable->insertRow(row);
        auto *name = new QTableWidgetItem(toString(type));
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        m_deviationTable->setItem(row, 0, name);
        m_deviationTable->setItem(row, 1, countItem(count));
        for (const DeviationExample &example : m_summary.deviationExamples) {
            if (example.type != type)
                continue;
            row = m_deviationTable->rowCount();
            m_deviationTable->insertRow(row);
            m_deviationTable->setItem(row, 0, new QTableWidgetItem(QString()));
            m_deviationTable->setItem(row, 2, new QTableWidgetItem(QStringLiteral("%1:%2")
                                                                        .arg(QFileInfo(example.file).fileName())
                                                                        .arg(example.line)));
            m_deviationTable->setItem(row, 3, new QTableWidgetItem(example.text));
        }
    }
    m_tables->setTabText(m_tables->indexOf(m_deviationTable), tr("Deviations (%1)").arg(total));
}

// Statuses stay in the rows showBucket() filled; the range's top error paths go below them.
void LogView::fillBucketPaths(const SourceSummary &answer)
{
    if (answer.error.isError()) {
        showError(answer.error);
        return;
    }
    m_bucketTable->setSortingEnabled(false);
    int row = m_bucketStatusRows;
    m_bucketTable->setRowCount(row + int(answer.summary.topErrorPaths.size()));
    for (const TopEntry &entry : answer.summary.topErrorPaths) {
        m_bucketTable->setItem(row, 0, countItem(entry.status));
        m_bucketTable->setItem(row, 1, countItem(entry.count));
        auto *path = new QTableWidgetItem(entry.text);
        path->setToolTip(entry.text);
        m_bucketTable->setItem(row, 2, path);
        ++row;
    }
    hideOtherStatuses(m_bucketTable);
    emit bucketDetailsReady();
}

void LogView::fillSamples(const SourceSamples &answer)
{
    if (answer.error.isError()) {
        showError(answer.error);
        return;
    }
    const QList<SampleLine> &samples = answer.lines;
    m_sampleTable->setSortingEnabled(false);
    m_sampleTable->setRowCount(int(samples.size()));
    for (int row = 0; row < samples.size(); ++row) {
        const SampleLine &sample = samples[row];
        m_sampleTable->setItem(row, 0, countItem(sample.status));
        QTableWidgetItem *where = nullptr;
        QString text = sample.text;
        if (sample.line > 0) {
            where = new QTableWidgetItem(QStringLiteral("%1:%2").arg(QFileInfo(sample.file).fileName()).arg(sample.line));
            where->setToolTip(QStringLiteral("%1:%2").arg(sample.file).arg(sample.line));
        } else {
            // A database row starts with its time: a bar's rows share their day, so the time of
            // day tells them apart ("2024-05-13T09:10:04.123+00:00", without ".123" on a second).
            const QString time = text.section(QLatin1Char(' '), 0, 0);
            where = new QTableWidgetItem(time.mid(11, time.size() >= 29 ? 12 : 8));
            where->setToolTip(time);
            text = text.section(QLatin1Char(' '), 1);
        }
        m_sampleTable->setItem(row, 1, where);
        auto *item = new QTableWidgetItem(text);
        item->setToolTip(text);
        m_sampleTable->setItem(row, 2, item);
    }
    hideOtherStatuses(m_sampleTable);
    m_tables->setTabText(m_tables->indexOf(m_sampleTable), tr("Sample lines (%1)").arg(samples.size()));
    emit bucketSamplesReady();
}

void LogView::selectStatus(int code)
{
    m_filterBar->setStatus(code);
}

// The tables narrow to the chosen status from the counts already there: top lists are kept per
// status, buckets list theirs. The chart is asked to highlight the status's bars.
void LogView::applyStatus(int code)
{
    m_chart->highlightStatus(code);
    m_statusTable->clearSelection();
    for (int row = 0; row < m_statusTable->rowCount(); ++row) {
        if (code > 0 && m_statusTable->item(row, 0)->data(Qt::DisplayRole).toInt() == code) {
            m_statusTable->selectRow(row);
            m_statusTable->scrollToItem(m_statusTable->item(row, 0));
        }
    }
    hideOtherStatuses(m_bucketTable);
    hideOtherStatuses(m_sampleTable); // rows asked for before the status was chosen
    fillTopTables();
    emit statusFilterChanged(code);
}

// The bucket table's status rows stay (they are how another status is chosen); its path
// rows and the samples narrow to the chosen status.
void LogView::hideOtherStatuses(QTableWidget *table) const
{
    const int code = m_filterBar->status();
    const int first = table == m_bucketTable ? m_bucketStatusRows : 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *item = table->item(row, 0);
        table->setRowHidden(row, row >= first && code > 0 && item && item->data(Qt::DisplayRole).toInt() != code);
    }
}

void LogView::fillTopTables()
{
    const int code = m_filterBar->status();
    QList<TopEntry> errorPaths;
    for (const TopEntry &entry : m_summary.topErrorPaths) {
        if (code == 0 || entry.status == code)
            errorPaths << entry;
    }
    fillTopRows(m_pathTable, errorPaths, true);
    fillTopRows(m_topPathTable, code > 0 ? m_summary.topPathsByStatus.value(code) : m_summary.topPaths, false);
    fillTopRows(m_topClientTable, code > 0 ? m_summary.topClients.value(code) : m_summary.topClientsAll, false);
    fillTopRows(m_topAgentTable, code > 0 ? m_summary.topUserAgents.value(code) : m_summary.topUserAgentsAll, false);
    const QString suffix = code > 0 ? QStringLiteral(" (%1)").arg(code) : QString();
    m_lower->setTabText(m_lower->indexOf(m_topPathTable), tr("Top paths") + suffix);
    m_lower->setTabText(m_lower->indexOf(m_pathTable), tr("Top error paths") + suffix);
    m_lower->setTabText(m_lower->indexOf(m_topClientTable), tr("Top clients") + suffix);
    m_lower->setTabText(m_lower->indexOf(m_topAgentTable), tr("Top user agents") + suffix);
}

bool LogView::exportPng(const QString &path)
{
    if (m_chart->savePng(path))
        return true;
    m_lastError = tr("Could not write %1").arg(path);
    return false;
}

bool LogView::exportPdf(const QString &path)
{
    if (m_chart->savePdf(path))
        return true;
    m_lastError = tr("Could not write %1").arg(path);
    return false;
}

bool LogView::exportCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(seriesToCsv(m_summary, m_chart->buckets())) < 0) {
        m_lastError = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace statusscope::ui
