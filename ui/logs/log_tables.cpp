// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/log_tables.h"

#include "ui/status/status_link.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>

namespace statusscope::ui {

QTableWidget *makeLogTable(const QStringList &headers, const QString &objectName, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setTextElideMode(Qt::ElideMiddle);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSortingEnabled(false);
    return table;
}

QTableWidgetItem *countItem(qint64 value)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void attachStatusColumn(QTableWidget *table, const std::function<void(int)> &onStatus)
{
    auto *links = new StatusLinkDelegate(Qt::DisplayRole, table);
    table->setItemDelegateForColumn(0, links);
    links->attachTo(table);
    table->setColumnWidth(0, 190);
    const auto rowStatus = [table, onStatus](int row) {
        if (const QTableWidgetItem *item = table->item(row, 0); item && item->data(Qt::DisplayRole).toInt() >= 100)
            onStatus(item->data(Qt::DisplayRole).toInt());
    };
    QObject::connect(table, &QTableWidget::cellClicked, table, [rowStatus](int row, int) { rowStatus(row); });
    QObject::connect(table, &QAbstractItemView::activated, table,
                     [rowStatus](const QModelIndex &index) { rowStatus(index.row()); });
}

void fillStatusRows(QTableWidget *table, const QMap<int, qint64> &counts, qint64 total)
{
    table->setSortingEnabled(false);
    table->setRowCount(int(counts.size()));
    int row = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it, ++row) {
        auto *status = countItem(it.key());
        status->setData(Qt::UserRole, it.key());
        status->setToolTip(QObject::tr("Click to show only %1 and open its guide").arg(it.key()));
        table->setItem(row, 0, status);
        table->setItem(row, 1, countItem(it.value()));
        table->setItem(row, 2, new QTableWidgetItem(
                                   QStringLiteral("%1%").arg(total > 0 ? 100.0 * double(it.value()) / double(total) : 0.0, 0, 'f', 2)));
    }
    table->setSortingEnabled(true);
}

QComboBox *makeBucketCombo(QWidget *parent)
{
    auto *bucket = new QComboBox(parent);
    bucket->addItem(QObject::tr("Auto buckets"), 0);
    bucket->addItem(QObject::tr("1 minute"), 60);
    bucket->addItem(QObject::tr("5 minutes"), 300);
    bucket->addItem(QObject::tr("1 hour"), 3600);
    return bucket;
}

QSplitter *makeChartSplitter(QWidget *chart, QTabWidget *tables, QWidget *parent)
{
    auto *splitter = new QSplitter(Qt::Horizontal, parent);
    splitter->addWidget(chart);
    splitter->addWidget(tables);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    tables->setMinimumWidth(340);
    splitter->setSizes({2800, 1300});
    return splitter;
}

} // namespace statusscope::ui
