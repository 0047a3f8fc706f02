// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File › Open Log Source…: where the logs are (a clickhouse:// URL), the password, a "Test
// connection" that reads the table's columns, and a column mapper (which column is the time,
// the status, the method, …) prefilled with the guess from names and types.

#include "core/logs/source/clickhouse_columns.h"
#include "core/logs/source/clickhouse_endpoint.h"
#include "core/logs/source/log_source.h"
#include "ui/logs/recent_sources.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QMap>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSettings;
class QPushButton;

namespace statusscope::ui {

class LogSourceDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogSourceDialog)

public:
    // With settings, the dialog opens on the last source (its kept password and column
    // choices), offers the recent ones as completions, and remembers what is opened.
    explicit LogSourceDialog(QWidget *parent = nullptr, QSettings *settings = nullptr);
    ~LogSourceDialog() override;

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResult() const { return m_result; }
    QComboBox *columnBox(logs::ColumnRole role) const { return m_columns.value(role); }

    // Reads the table's columns in the background; tested() says how it went.
    void testConnection();
    // The source the dialog describes (valid URL required), with the mapper's choices.
    std::shared_ptr<logs::LogSource> makeSource() const;

    void accept() override;
    // The mapper's choices (role → column, "-" for none) once tested; before that, what was
    // chosen when this source was last opened; empty: the source guesses.
    QMap<logs::ColumnRole, QString> overrides() const;

signals:
    void tested(bool ok, const QString &message);

private:
    struct TestAnswer
    {
        logs::SourceError error;
        QList<logs::TableColumn> columns;
        logs::ColumnMapping mapping;
    };

    bool endpoint(logs::ClickHouseEndpoint &out, QString &error) const;
    void urlEdited();
    void testDone();
    // The columns chosen when the URL's source was last opened; empty when it is new.
    QMap<logs::ColumnRole, QString> savedColumns() const;

    QLineEdit *m_url = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordNote = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    QMap<logs::ColumnRole, QComboBox *> m_columns;
    QDialogButtonBox *m_buttons = nullptr;
    QFutureWatcher<TestAnswer> m_testWatcher;
    bool m_mapped = false; // the combo boxes hold a tested table's columns
    RecentSources m_recent;
};

} // namespace statusscope::ui
