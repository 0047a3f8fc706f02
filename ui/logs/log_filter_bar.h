// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/source/log_source.h"

#include <QWidget>

#include <limits>

class QLineEdit;
class QTimer;
class QToolButton;

namespace statusscope::ui {

// The drill-down filters above a log's chart and tables: path prefix, client, method, user
// agent, a time range (typed, or dragged on the chart) and the chosen status, each removable
// on its own. Typing settles for a moment before filterChanged, so a word costs one recount.
class LogFilterBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterBar)

public:
    explicit LogFilterBar(QWidget *parent = nullptr);

    // The source filter (status excluded: the status narrows the tables, not the recount).
    logs::LogFilter filter() const;
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    bool hasRange() const { return m_fromMs != kOpenStart || m_toMs != kOpenEnd; }
    // Path, client, method, agent or range set: the counts need a filtered read.
    bool needsRecount() const { return !filter().isEmpty() || hasRange(); }
    int status() const { return m_status; }

    // Times are typed and shown in the log's own zone.
    void setTzOffsetMinutes(int minutes) { m_tzOffsetMinutes = minutes; }
    // [fromMs, toMs] UTC, inclusive; shown in the from/to fields.
    void setRange(qint64 fromMs, qint64 toMs);
    void clearRange();
    void setStatus(int code); // 0 clears it
    void clearAll();

    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *clientEdit() const { return m_client; }
    QLineEdit *methodEdit() const { return m_method; }
    QLineEdit *userAgentEdit() const { return m_userAgent; }
    QLineEdit *fromEdit() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }
    QToolButton *statusChip() const { return m_statusChip; }
    QToolButton *rangeChip() const { return m_rangeChip; }

    static constexpr qint64 kOpenStart = std::numeric_limits<qint64>::min();
    static constexpr qint64 kOpenEnd = std::numeric_limits<qint64>::max();
    // How long typing must pause before the recount starts.
    static constexpr int kSettleMs = 300;

signals:
    // Path, client, method, agent or range changed (after typing settled).
    void filterChanged();
    void statusChanged(int code);

private:
    void readTimes();
    void showRange();

    QLineEdit *m_path = nullptr;
    QLineEdit *m_client = nullptr;
    QLineEdit *m_method = nullptr;
    QLineEdit *m_userAgent = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QToolButton *m_rangeChip = nullptr;
    QToolButton *m_statusChip = nullptr;
    QTimer *m_settle = nullptr;
    qint64 m_fromMs = kOpenStart;
    qint64 m_toMs = kOpenEnd;
    int m_status = 0;
    int m_tzOffsetMinutes = 0;
};

} // namespace statusscope::ui
