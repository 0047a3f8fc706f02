#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The probe's result table: one row per planned check and route, filled in as each check ends,
// so the table is also the progress display (pending, running, done, not run). Columns: the
// check (title and id), the route, the final status (a status link), what happened (interim
// codes, body, timings), the verdict (coloured) with the RFC section (RfcRole) and the guide (a
// status link).

#include "core/probe/probe_types.h"

#include <QAbstractTableModel>
#include <QColor>

#include <optional>

namespace statusscope::ui {

class ProbeResultsModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeResultsModel)

public:
    enum Column { CheckColumn, RouteColumn, StatusColumn, HappenedColumn, VerdictColumn, GuideColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int final status, -1 when none (StatusLinkDelegate)
        GuideRole,                     // QString guide id, empty until the check ran
        CheckIdRole,                   // QString JSON id: "continue_small"
        VerdictRole,                   // QString verdict name, empty until the check ran
        RfcRole,                       // QString "RFC 9110 §10.1.1", empty until the check ran
    };
    enum class RowState { Pending, Running, Done, NotRun };

    explicit ProbeResultsModel(QObject *parent = nullptr);

    // One row per check and route, in the runner's order (direct first), all pending.
    void setPlan(const probe::ProbeOptions &options);
    void setRunning(int row);
    void setResult(int row, const probe::CheckResult &result);
    // After a cancel: every row that did not finish.
    void markUnfinishedNotRun();

    RowState rowState(int row) const;
    const probe::CheckResult *result(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        probe::CheckId id;
        probe::Route via;
        RowState state = RowState::Pending;
        std::optional<probe::CheckResult> result;
    };
    QString happenedText(const Row &row) const;
    QString verdictText(const Row &row) const;

    QList<Row> m_rows;
};

// The verdict as the table shows it, with a mark that does not rely on colour: "✓ conforms".
QString verdictDisplay(probe::Verdict verdict);
// Text colour of a verdict, readable on the light or the dark palette.
QColor verdictColor(probe::Verdict verdict, bool dark);

} // namespace statusscope::ui
