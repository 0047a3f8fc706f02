// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/har/har_summary.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace statusscope::ui {

// Totals by status class, failed requests and the slowest requests; each is a button that
// filters the table to what it counts.
class HarSummaryStrip : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarSummaryStrip)

public:
    explicit HarSummaryStrip(QWidget *parent = nullptr);

    void setSummary(const HarSummary &summary, int skippedEntries);

signals:
    void classClicked(statusscope::HarStatusClass statusClass);
    void failedClicked();
    void slowestClicked(const QList<int> &positions);

private:
    QHBoxLayout *m_buttons = nullptr;
    QLabel *m_totals = nullptr;
};

} // namespace statusscope::ui
