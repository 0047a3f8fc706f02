#pragma once

#include "ui/status/status_activation.h"
// SPDX-License-Identifier: GPL-3.0-or-later
// The sidebar list of sent exchanges, newest first: method, URL, status (a status link), time.
// Search filters as you type; open, re-send, delete and clear act on the store.

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QTreeWidget;

namespace statusscope {
class HistoryStore;
}

namespace statusscope::ui {

class HistoryPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    enum Column { MethodColumn, UrlColumn, StatusColumn, TimeColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole };

    // The store must outlive the panel.
    explicit HistoryPanel(HistoryStore *store, QWidget *parent = nullptr);

    void refresh();
    QTreeWidget *list() const { return m_list; }
    qint64 currentId() const;
    // History › Remove Secrets from History, without the confirmation: redacts credentials,
    // cookies and token-like parameters in every saved exchange (HistoryStore::purgeSecrets).
    // Returns the number of values redacted, or -1 on failure.
    int removeSecrets();

signals:
    void openRequested(qint64 id);
    void resendRequested(qint64 id);
    void statusActivated(const statusscope::ui::StatusActivation &activation);

private:
    void deleteCurrent();
    void clearAll();
    void confirmRemoveSecrets();

    HistoryStore *m_store;
    QLineEdit *m_search = nullptr;
    QTreeWidget *m_list = nullptr;
    QToolButton *m_open = nullptr;
    QToolButton *m_resend = nullptr;
    QToolButton *m_delete = nullptr;
    QToolButton *m_clear = nullptr;
    QToolButton *m_purge = nullptr;
    QLabel *m_emptyNote = nullptr;
};

} // namespace statusscope::ui
