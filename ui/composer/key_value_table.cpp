// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composer/key_value_table.h"

#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace statusscope::ui {

namespace {

class NameDelegate : public QStyledItemDelegate
{
public:
    NameDelegate(QStringList names, QObject *parent) : QStyledItemDelegate(parent), m_names(std::move(names)) {}
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *edit = new QLineEdit(parent);
        if (!m_names.isEmpty()) {
            auto *completer = new QCompleter(m_names, edit);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            edit->setCompleter(completer);
        }
        return edit;
    }

private:
    QStringList m_names;
};

} // namespace

QStringList commonHeaderNames()
{
    return {QStringLiteral("Accept"), QStringLiteral("Accept-Encoding"), QStringLiteral("Accept-Language"),
            QStringLiteral("Authorization"), QStringLiteral("Cache-Control"), QStringLiteral("Connection"),
            QStringLiteral("Content-Encoding"), QStringLiteral("Content-Length"), QStringLiteral("Content-Type"),
            QStringLiteral("Cookie"), QStringLiteral("Expect"), QStringLiteral("Forwarded"), QStringLiteral("Host"),
            QStringLiteral("If-Match"), QStringLiteral("If-Modified-Since"), QStringLiteral("If-None-Match"),
            QStringLiteral("Origin"), QStringLiteral("Pragma"), QStringLiteral("Range"), QStringLiteral("Referer"),
            QStringLiteral("TE"), QStringLiteral("Transfer-Encoding"), QStringLiteral("Upgrade"),
            QStringLiteral("User-Agent"), QStringLiteral("X-Forwarded-For"), QStringLiteral("X-Request-ID")};
}

KeyValueTable::KeyValueTable(const QStringList &nameCompletions, QWidget *parent, Kind kind)
    : QWidget(parent), m_kind(kind)
{
    const bool parts = kind == Kind::FormParts;
    m_table = new QTableWidget(0, parts ? 4 : 2, this);
    if (parts) {
        m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value or file"), tr("Kind"), tr("Content-Type")});
        // Value stretches; kind and type keep the width their content needs.
        m_table->horizontalHeader()->setSectionResizeMode(Value, QHeaderView::Stretch);
        m_table->setColumnWidth(PartKind, 90);
        m_table->setColumnWidth(PartType, 160);
        // A path's end (the file's name) is what tells rows apart; rows stay one line high.
        m_table->setTextElideMode(Qt::ElideMiddle);
        m_table->setWordWrap(false);
    } else {
        m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
        m_table->horizontalHeader()->setStretchLastSection(true);
    }
    m_table->setColumnWidth(0, parts ? 160 : 220);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(0, new NameDelegate(nameCompletions, m_table));
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_updating)
            emit rowsEdited();
    });
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addRow"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeRow"));
    connect(add, &QPushButton::clicked, this, [this] {
        addRow();
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, &KeyValueTable::removeSelectedRows);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    if (parts) {
        add->setText(tr("Add field"));
        auto *addFile = new QPushButton(tr("Add files…"), this);
        addFile->setObjectName(QStringLiteral("addFileRows"));
        addFile->setToolTip(tr("Each file becomes a part, streamed from disk when the request is sent."));
        connect(addFile, &QPushButton::clicked, this, &KeyValueTable::addFileRows);
        buttons->addWidget(addFile);
    }
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

QList<KeyValueRow> KeyValueTable::rows() const
{
    QList<KeyValueRow> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QTableWidgetItem *name = m_table->item(r, 0);
        const QTableWidgetItem *value = m_table->item(r, 1);
        KeyValueRow row{name ? name->text() : QString(), value ? value->text() : QString(),
                        !name || name->checkState() == Qt::Checked};
        if (m_kind == Kind::FormParts) {
            const auto *kind = qobject_cast<const QComboBox *>(m_table->cellWidget(r, PartKind));
            const QTableWidgetItem *type = m_table->item(r, PartType);
            row.file = kind && kind->currentIndex() == 1;
            row.contentType = type ? type->text().trimmed() : QString();
        }
        if (!row.name.isEmpty() || !row.value.isEmpty())
            out << row;
    }
    return out;
}

void KeyValueTable::setRows(const QList<KeyValueRow> &rows)
{
    m_updating = true;
    m_table->setRowCount(0);
    for (const KeyValueRow &row : rows)
        addRow(row);
    m_updating = false;
}

void KeyValueTable::addRow(const KeyValueRow &row)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const int r = m_table->rowCount();
    m_table->insertRow(r);
    auto *name = new QTableWidgetItem(row.name);
    name->setFlags(name->flags() | Qt::ItemIsUserCheckable);
    name->setCheckState(row.enabled ? Qt::Checked : Qt::Unchecked);
    name->setToolTip(tr("Untick to keep the row but leave it out of the request."));
    m_table->setItem(r, 0, name);
    auto *value = new QTableWidgetItem(row.value);
    if (row.file)
        value->setToolTip(row.value);
    m_table->setItem(r, 1, value);
    if (m_kind == Kind::FormParts) {
        auto *kind = new QComboBox(m_table);
        kind->addItems({tr("Text"), tr("File")});
        kind->setCurrentIndex(row.file ? 1 : 0);
        kind->setToolTip(tr("Text: the value is sent as typed. File: the value is a path; the file is streamed."));
        connect(kind, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating)
                emit rowsEdited();
        });
        m_table->setCellWidget(r, PartKind, kind);
        auto *type = new QTableWidgetItem(row.contentType);
        type->setToolTip(tr("Empty: none for text, guessed from the file name for files."));
        m_table->setItem(r, PartType, type);
    }
    m_updating = wasUpdating;
    if (!m_updating)
        emit rowsEdited();
}

void KeyValueTable::addFileRows()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Files to send as form parts"));
    for (const QString &path : paths)
        addRow({QStringLiteral("file"), path, true, true, {}});
}

void KeyValueTable::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
        rows << index.row();
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows << m_table->currentRow();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int r : rows)
        m_table->removeRow(r);
    if (!rows.isEmpty())
        emit rowsEdited();
}

} // namespace statusscope::ui
