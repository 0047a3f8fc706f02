// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/log_aggregator.h"

#include <algorithm>
#include <utility>

namespace statusscope::logs {

void MinuteCell::add(int status, qint64 count)
{
    total += count;
    for (auto &entry : statuses) {
        if (entry.first == status) {
            entry.second += count;
            return;
        }
    }
    statuses.emplace_back(status, count);
}

LogAggregator::LogAggregator(qint64 fromMs, qint64 toMs, RecordFilter filter)
    : m_fromMs(fromMs)
    , m_toMs(toMs)
    , m_filter(std::move(filter))
    , m_filtering(!m_filter.isEmpty())
{
}

MinuteCell &LogAggregator::cellFor(qint64 minute)
{
    if (minute != m_cachedMinute) {
        m_cachedCell = &m_minutes[minute];
        m_cachedMinute = minute;
    }
    return *m_cachedCell;
}

void LogAggregator::add(const LogRecord &record)
{
    if (record.timeMs < m_fromMs || record.timeMs > m_toMs || (m_filtering && !m_filter.matches(record))) {
        ++m_filtered;
        return;
    }
    ++m_parsed;
    if (m_countsOnly)
        return;
    ++m_statusTotals[static_cast<size_t>(record.status)];
    cellFor(minuteOf(record.timeMs)).add(record.status);
    if (record.timeMs < m_firstMs) {
        m_firstMs = record.timeMs;
        m_firstTzOffset = record.tzOffsetMinutes;
    }
    m_lastMs = std::max(m_lastMs, record.timeMs);
    if (record.durationMs >= 0)
        m_latency.add(record.durationMs);
    if (!record.client.empty())
        m_clients.add(record.status, record.client);
    if (!record.userAgent.empty())
        m_userAgents.add(record.status, record.userAgent);
    if (m_countPaths)
        m_paths.add(record.status, record.path);
    if (record.status >= 400)
        m_errorPaths.add(record.status, record.path);
}

void LogAggregator::merge(const LogAggregator &other)
{
    m_parsed += other.m_parsed;
    m_metaLines += other.m_metaLines;
    m_filtered += other.m_filtered;
    for (size_t i = 0; i < m_skipped.size(); ++i)
        m_skipped[i] += other.m_skipped[i];
    for (size_t i = 0; i < m_deviations.size(); ++i)
        m_deviations[i] += other.m_deviations[i];
    for (size_t i = 0; i < m_statusTotals.size(); ++i)
        m_statusTotals[i] += other.m_statusTotals[i];
    if (other.m_firstMs < m_firstMs) {
        m_firstMs = other.m_firstMs;
        m_firstTzOffset = other.m_firstTzOffset;
    }
    m_lastMs = std::max(m_lastMs, other.m_lastMs);
    for (const auto &[minute, cell] : other.m_minutes) {
        MinuteCell &mine = m_minutes[minute];
        for (const auto &[status, count] : cell.statuses)
            mine.add(status, count);
    }
    m_cachedMinute = std::numeric_limits<qint64>::min();
    m_cachedCell = nullptr;
    m_latency.merge(other.m_latency);
    m_errorPaths.merge(other.m_errorPaths);
    m_clients.merge(other.m_clients);
    m_userAgents.merge(other.m_userAgents);
    m_paths.merge(other.m_paths);
}

qint64 LogAggregator::skippedLines() const
{
    qint64 total = 0;
    for (qint64 n : m_skipped)
        total += n;
    return total;
}

qint64 LogAggregator::statusCount(int status) const
{
    return status >= 0 && status < static_cast<int>(m_statusTotals.size())
               ? m_statusTotals[static_cast<size_t>(status)]
               : 0;
}

std::vector<std::pair<int, qint64>> LogAggregator::statusCounts() const
{
    std::vector<std::pair<int, qint64>> out;
    for (size_t i = 0; i < m_statusTotals.size(); ++i) {
        if (m_statusTotals[i] > 0)
            out.emplace_back(static_cast<int>(i), m_statusTotals[i]);
    }
    return out;
}

MinuteSeries LogAggregator::minuteSeries() const
{
    MinuteSeries out(m_minutes.begin(), m_minutes.end());
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &[minute, cell] : out)
        std::sort(cell.statuses.begin(), cell.statuses.end());
    return out;
}

} // namespace statusscope::logs
