#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// An Exchange on one screen: attempts (linked, expandable, with interim responses and their
// headers) each with a waterfall; phase durations; the event list; the final response with its
// headers and body; the raw wire text.

#include "core/diagnose/finding.h"
#include "core/http/http_types.h"
#include "ui/status/status_activation.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace statusscope::ui {

class BodyViewer;
class FindingsPanel;
class StatusLinkLabel;
class WaterfallHeader;

class TimelineView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    enum Role {
        StatusRole = Qt::UserRole + 1,
        WaterfallRole,
        AttemptRole,
    };
    enum AttemptColumn { AttemptTitleColumn, AttemptStatusColumn, AttemptWaterfallColumn, AttemptTotalColumn, AttemptColumnCount };
    enum EventColumn { EventAttemptColumn, EventTimeColumn, EventStatusColumn, EventTextColumn, EventColumnCount };
    enum PhaseColumn { PhaseNameColumn, PhaseStartColumn, PhaseEndColumn, PhaseDurationColumn, PhaseNoteColumn, PhaseColumnCount };

    explicit TimelineView(QWidget *parent = nullptr);

    void setExchange(const http::Exchange &exchange);
    const http::Exchange &exchange() const { return m_exchange; }
    void clear();
    // A line above the attempts: where this exchange came from (history, a file).
    void setNote(const QString &note);
    void selectAttempt(int index);
    int selectedAttempt() const { return m_selected; }
    // The "Diagnosis" tab: the exchange rules' findings, refreshed with every setExchange().
    FindingsPanel *findingsPanel() const { return m_findings; }
    QPushButton *troubleshootButton() const { return m_troubleshoot; }
    // Asks for the troubleshooting panel as the "Troubleshoot…" button does: for the first
    // finding, or for the final status (or transport failure) when there is none.
    void requestTroubleshooting();

signals:
    void statusActivated(const statusscope::ui::StatusActivation &activation);
    // A finding with an empty rule means "no finding": troubleshoot the final status.
    void troubleshootRequested(const statusscope::diagnose::Finding &finding);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuildAttempts();
    // Title and status columns as wide as their text when the waterfall keeps its minimum;
    // narrower ones elide in the middle (the full text is in each item's tooltip).
    void fitAttemptColumns();
    void rebuildEvents();
    void showAttemptDetails();
    void showRaw();

    http::Exchange m_exchange;
    int m_selected = -1;
    bool m_rawShowAll = false;

    QLabel *m_note = nullptr;
    StatusLinkLabel *m_badge = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_attempts = nullptr;
    WaterfallHeader *m_axis = nullptr;
    QTabWidget *m_details = nullptr;
    QTableWidget *m_phases = nullptr;
    QLabel *m_wait100 = nullptr;
    QTableWidget *m_events = nullptr;
    StatusLinkLabel *m_responseBadge = nullptr;
    QLabel *m_sizes = nullptr;
    QTableWidget *m_headers = nullptr;
    BodyViewer *m_body = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QPushButton *m_rawShowAllButton = nullptr;
    QPushButton *m_troubleshoot = nullptr;
    FindingsPanel *m_findings = nullptr;
    int m_findingsTab = -1;
};

} // namespace statusscope::ui
