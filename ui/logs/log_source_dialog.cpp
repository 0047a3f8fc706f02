// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/log_source_dialog.h"

#include "core/logs/source/clickhouse_source.h"
#include "ui/logs/source_passwords.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace statusscope::ui {

using namespace statusscope::logs;

namespace {

// Shown in a column box for "this table has no such column".
QString noneText()
{
    return QObject::tr("(none)");
}

} // namespace

LogSourceDialog::LogSourceDialog(QWidget *parent, QSettings *settings)
    : QDialog(parent)
    , m_recent(settings)
{
    setObjectName(QStringLiteral("logSourceDialog"));
    setWindowTitle(tr("Open Log Source"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("sourceUrl"));
    m_url->setPlaceholderText(QStringLiteral("clickhouse://user@host:8123/database.table"));
    m_url->setToolTip(tr("ClickHouse's HTTP interface: clickhouse://USER@HOST:PORT/DB.TABLE, clickhouses:// for HTTPS"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("sourcePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordNote = new QLabel(this);
    m_passwordNote->setWordWrap(true);
    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Source:"), m_url);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_passwordNote);
    form->addRow(m_test, m_result);

    auto *mapper = new QGroupBox(tr("Columns (guessed from the table; test the connection to choose)"), this);
    auto *mapperForm = new QFormLayout(mapper);
    static const QMap<ColumnRole, QString> kLabels{
        {ColumnRole::Time, tr("Time")},         {ColumnRole::Millis, tr("Milliseconds")},
        {ColumnRole::TzOffset, tr("Time zone offset")}, {ColumnRole::Status, tr("Status")},
        {ColumnRole::Method, tr("Method")},     {ColumnRole::Path, tr("Path")},
        {ColumnRole::Client, tr("Client")},     {ColumnRole::UserAgent, tr("User agent")},
        {ColumnRole::Bytes, tr("Bytes")},       {ColumnRole::Duration, tr("Duration")}};
    for (auto it = kLabels.cbegin(); it != kLabels.cend(); ++it) {
        auto *box = new QComboBox(mapper);
        box->setObjectName(QStringLiteral("column_") + toString(it.key()));
        box->setEnabled(false);
        m_columns.insert(it.key(), box);
        mapperForm->addRow(it.value() + QLatin1Char(':'), box);
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mapper);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LogSourceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LogSourceDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &LogSourceDialog::testConnection);
    connect(m_url, &QLineEdit::editingFinished, this, &LogSourceDialog::urlEdited);
    connect(m_url, &QLineEdit::textEdited, this, [this] { m_mapped = false; });
    connect(&m_testWatcher, &QFutureWatcher<TestAnswer>::finished, this, &LogSourceDialog::testDone);
    m_passwordNote->setText(tr("Kept in the system keychain where one runs, otherwise for this session only."));

    const QStringList recent = m_recent.urls();
    if (!recent.isEmpty()) {
        auto *completer = new QCompleter(recent, m_url);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        m_url->setCompleter(completer);
        m_url->setText(recent.front());
        urlEdited();
    }
}

LogSourceDialog::~LogSourceDialog()
{
    m_testWatcher.waitForFinished();
}

bool LogSourceDialog::endpoint(ClickHouseEndpoint &out, QString &error) const
{
    if (!parseClickHouseUrl(m_url->text().trimmed(), out, &error))
        return false;
    out.password = m_password->text();
    return true;
}

void LogSourceDialog::urlEdited()
{
    ClickHouseEndpoint parsed;
    QString error;
    if (!m_password->text().isEmpty() || !parseClickHouseUrl(m_url->text().trimmed(), parsed, &error))
        return;
    const QString known = SourcePasswords::instance().find(parsed.display());
    if (!known.isEmpty())
        m_password->setText(known);
}

void LogSourceDialog::testConnection()
{
    ClickHouseEndpoint target;
    QString error;
    if (!endpoint(target, error)) {
        m_result->setText(error);
        emit tested(false, error);
        return;
    }
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting to %1…").arg(target.display()));
    m_testWatcher.setFuture(QtConcurrent::run([target] {
        // Always the guess: the boxes then show what the table offers and what was picked.
        ClickHouseSource source(target, {}, 30);
        TestAnswer answer;
        answer.error = source.connect();
        answer.columns = source.tableColumns();
        answer.mapping = source.mapping();
        return answer;
    }));
}

void LogSourceDialog::testDone()
{
    m_test->setEnabled(true);
    const TestAnswer answer = m_testWatcher.result();
    if (answer.error.isError() && answer.columns.isEmpty()) {
        m_result->setText(answer.error.message);
        emit tested(false, answer.error.message);
        return;
    }
    const QMap<ColumnRole, QString> saved = savedColumns();
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        QComboBox *box = it.value();
        box->clear();
        box->addItem(noneText(), QStringLiteral("-"));
        for (const TableColumn &column : answer.columns)
            box->addItem(QStringLiteral("%1 (%2)").arg(column.name, column.type), column.name);
        // What was chosen last time, while the table still has it; else the guess.
        int chosen = saved.contains(it.key()) ? box->findData(saved.value(it.key())) : -1;
        if (chosen < 0)
            chosen = box->findData(answer.mapping.column(it.key()));
        box->setCurrentIndex(chosen >= 0 ? chosen : 0);
        box->setEnabled(true);
    }
    m_mapped = true;
    const QString message = answer.error.isError()
                                ? answer.error.message
                                : tr("Connected: %1 columns; time is %2, status is %3")
                                      .arg(answer.columns.size())
                                      .arg(answer.mapping.column(ColumnRole::Time), answer.mapping.column(ColumnRole::Status));
    m_result->setText(message);
    emit tested(!answer.error.isError(), message);
}

QMap<ColumnRole, QString> LogSourceDialog::savedColumns() const
{
    ClickHouseEndpoint target;
    QString error;
    return endpoint(target, error) ? m_recent.columns(target.display()) : QMap<ColumnRole, QString>{};
}

QMap<ColumnRole, QString> LogSourceDialog::overrides() const
{
    // Untested: what was chosen when this source was last opened, else the guess.
    if (!m_mapped)
        return savedColumns();
    QMap<ColumnRole, QString> out;
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it)
        out.insert(it.key(), it.value()->currentData().toString());
    return out;
}

std::shared_ptr<LogSource> LogSourceDialog::makeSource() const
{
    ClickHouseEndpoint target;
    QString error;
    if (!endpoint(target, error))
        return {};
    return std::make_shared<ClickHouseSource>(target, overrides());
}

void LogSourceDialog::accept()
{
    ClickHouseEndpoint target;
    QString error;
    if (!endpoint(target, error)) {
        m_result->setText(error);
        return;
    }
    if (!target.password.isEmpty() && !SourcePasswords::instance().remember(target.display(), target.password))
        m_passwordNote->setText(tr("Kept for this session only (%1).").arg(SourcePasswords::instance().keychainProblem()));
    m_recent.remember(target.display(), overrides());
    QDialog::accept();
}

} // namespace statusscope::ui
