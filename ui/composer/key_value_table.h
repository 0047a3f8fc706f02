#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// An editable list of name/value rows with an on/off box per row: query parameters, headers,
// form fields. Duplicate names are kept (HTTP allows repeated headers, RFC 9110 §5.3).

#include "ui/composer/composer_state.h"

#include <QWidget>

class QTableWidget;

namespace statusscope::ui {

class KeyValueTable : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValueTable)

public:
    // nameCompletions: offered while typing a name (common header names for headers).
    explicit KeyValueTable(const QStringList &nameCompletions, QWidget *parent = nullptr);

    QList<KeyValueRow> rows() const;
    void setRows(const QList<KeyValueRow> &rows);
    void addRow(const KeyValueRow &row = {});
    void removeSelectedRows();
    QTableWidget *table() const { return m_table; }

signals:
    void rowsEdited();

private:
    QTableWidget *m_table = nullptr;
    bool m_updating = false;
};

// Header names people type most (RFC 9110, RFC 9111, Fetch), for completion.
QStringList commonHeaderNames();

} // namespace statusscope::ui
