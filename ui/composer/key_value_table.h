#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// An editable list of name/value rows with an on/off box per row: query parameters, headers,
// form fields. Duplicate names are kept (HTTP allows repeated headers, RFC 9110 §5.3).
// The multipart flavour adds a Text/File choice and a Content-Type per row.

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
    enum class Kind {
        Pairs,
        FormParts,
    };
    explicit KeyValueTable(const QStringList &nameCompletions, QWidget *parent = nullptr, Kind kind = Kind::Pairs);

    QList<KeyValueRow> rows() const;
    void setRows(const QList<KeyValueRow> &rows);
    void addRow(const KeyValueRow &row = {});
    void removeSelectedRows();
    QTableWidget *table() const { return m_table; }

signals:
    void rowsEdited();

private:
    enum Column { Name, Value, PartKind, PartType };
    void addFileRows();

    Kind m_kind = Kind::Pairs;
    QTableWidget *m_table = nullptr;
    bool m_updating = false;
};

// Header names people type most (RFC 9110, RFC 9111, Fetch), for completion.
QStringList commonHeaderNames();

} // namespace statusscope::ui
