// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/har/har_body.h"
#include "core/har/har_types.h"
#include "ui/status/status_activation.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QToolBar;
class QTreeWidget;

namespace statusscope::ui {

class HarTimingsBar;
class StatusLinkLabel;

// Everything about the selected entry: headers, query, cookies, request and response bodies,
// and the timings with server IP and connection. Entry-level actions (replay, diagnose) are
// added to actions() by whoever owns them.
class HarEntryDetails : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarEntryDetails)

public:
    explicit HarEntryDetails(QWidget *parent = nullptr);

    void setEntry(const HarEntry *entry); // nullptr: nothing selected
    QToolBar *actions() const { return m_actions; }
    QTabWidget *tabs() const { return m_tabs; }
    StatusLinkLabel *statusLink() const { return m_status; }

signals:
    // The status link in the details' header was clicked.
    void statusActivated(const statusscope::ui::StatusActivation &activation);

private:
    void showBody(QStackedWidget *stack, QPlainTextEdit *text, QLabel *image, QLabel *note,
                  const HarBodyView &view);

    StatusLinkLabel *m_status = nullptr;
    QLabel *m_title = nullptr;
    QToolBar *m_actions = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_headers = nullptr;
    QTreeWidget *m_query = nullptr;
    QTreeWidget *m_cookies = nullptr;
    QStackedWidget *m_requestStack = nullptr;
    QPlainTextEdit *m_requestText = nullptr;
    QLabel *m_requestImage = nullptr;
    QLabel *m_requestNote = nullptr;
    QStackedWidget *m_responseStack = nullptr;
    QPlainTextEdit *m_responseText = nullptr;
    QLabel *m_responseImage = nullptr;
    QLabel *m_responseNote = nullptr;
    HarTimingsBar *m_timings = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_started = nullptr;
    QLabel *m_total = nullptr;
};

} // namespace statusscope::ui
