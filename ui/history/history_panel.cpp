// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/history/history_panel.h"

#include "core/history/history_store.h"
#include "ui/status/status_link.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statusscope::ui {

HistoryPanel::HistoryPanel(HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("historyPanel"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search method, URL, status"));
    m_search->setClearButtonEnabled(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Method"), tr("URL"), tr("Status"), tr("Time")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setTextElideMode(Qt::ElideMiddle); // the path tells entries apart, not the scheme
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_list->setColumnWidth(MethodColumn, 56);
    m_list->setColumnWidth(StatusColumn, 70);
    m_list->setColumnWidth(TimeColumn, 64);
    auto *delegate = new StatusLinkDelegate(StatusRole, m_list);
    delegate->attachTo(m_list);
    m_list->setItemDelegateForColumn(StatusColumn, delegate);
    connect(delegate, &StatusLinkDelegate::statusActivated, this, &HistoryPanel::statusActivated);

    m_open = new QToolButton(this);
    m_open->setText(tr("Open"));
    m_open->setObjectName(QStringLiteral("historyOpen"));
    m_open->setToolTip(tr("Show this exchange in a new tab"));
    m_resend = new QToolButton(this);
    m_resend->setText(tr("Re-send"));
    m_resend->setObjectName(QStringLiteral("historyResend"));
    m_delete = new QToolButton(this);
    m_delete->setText(tr("Delete"));
    m_delete->setObjectName(QStringLiteral("historyDelete"));
    m_clear = new QToolButton(this);
    m_clear->setText(tr("Clear"));
    m_clear->setObjectName(QStringLiteral("historyClear"));
    m_purge = new QToolButton(this);
    m_purge->setText(tr("Remove Secrets"));
    m_purge->setObjectName(QStringLiteral("historyRemoveSecrets"));
    m_purge->setToolTip(tr("Remove Secrets from History: redact credentials, cookies and tokens in every saved exchange"));
    // Two rows, so the sidebar stays narrow and the document keeps the width.
    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(2);
    auto *entryButtons = new QHBoxLayout;
    auto *historyButtons = new QHBoxLayout;
    for (QToolButton *b : {m_open, m_resend, m_delete})
        entryButtons->addWidget(b);
    for (QToolButton *b : {m_clear, m_purge})
        historyButtons->addWidget(b);
    entryButtons->addStretch(1);
    historyButtons->addStretch(1);
    buttons->addLayout(entryButtons);
    buttons->addLayout(historyButtons);

    // An empty history is one sentence, not a search field and five buttons that do nothing.
    m_emptyNote = new QLabel(tr("No requests yet. Every request you send is kept here, newest first, "
                                "to open again or re-send."),
                             this);
    m_emptyNote->setObjectName(QStringLiteral("historyEmpty"));
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_emptyNote->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyNote);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &HistoryPanel::refresh);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] {
        if (currentId() > 0)
            emit openRequested(currentId());
    });
    connect(m_open, &QToolButton::clicked, this, [this] {
        if (currentId() > 0)
            emit openRequested(currentId());
    });
    connect(m_resend, &QToolButton::clicked, this, [this] {
        if (currentId() > 0)
            emit resendRequested(currentId());
    });
    connect(m_delete, &QToolButton::clicked, this, &HistoryPanel::deleteCurrent);
    connect(m_clear, &QToolButton::clicked, this, &HistoryPanel::clearAll);
    connect(m_purge, &QToolButton::clicked, this, &HistoryPanel::confirmRemoveSecrets);
    refresh();
}

qint64 HistoryPanel::currentId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, IdRole).toLongLong() : 0;
}

void HistoryPanel::refresh()
{
    const qint64 keep = currentId();
    m_list->clear();
    const QList<HistoryEntry> entries = m_store->list(m_search->text().trimmed());
    for (const HistoryEntry &e : entries) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, IdRole, e.id);
        item->setText(MethodColumn, e.method);
        item->setText(UrlColumn, e.url);
        item->setToolTip(UrlColumn, e.url);
        if (e.finalStatus > 0) {
            item->setText(StatusColumn, QString::number(e.finalStatus));
            item->setData(StatusColumn, StatusRole, e.finalStatus);
        } else {
            item->setText(StatusColumn, e.errorKind.isEmpty() ? tr("—") : e.errorKind);
        }
        const QDateTime local = e.startedAt.toLocalTime();
        item->setText(TimeColumn, local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm:ss"))
                                                                       : local.toString(QStringLiteral("yyyy-MM-dd")));
        item->setToolTip(TimeColumn, local.toString(Qt::ISODate));
        if (e.id == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    const bool any = m_list->topLevelItemCount() > 0;
    for (QToolButton *b : {m_open, m_resend, m_delete})
        b->setEnabled(any);
    const bool stored = m_store->count() > 0;
    m_clear->setEnabled(stored);
    m_purge->setEnabled(stored);
    m_emptyNote->setVisible(!stored);
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_list, m_open, m_resend, m_delete, m_clear, m_purge})
        w->setVisible(stored);
}

void HistoryPanel::deleteCurrent()
{
    const qint64 id = currentId();
    if (id > 0 && m_store->remove(id))
        refresh();
}

int HistoryPanel::removeSecrets()
{
    const int redacted = m_store->purgeSecrets();
    refresh();
    return redacted;
}

void HistoryPanel::confirmRemoveSecrets()
{
    if (QMessageBox::question(this, tr("Remove Secrets from History"),
                              tr("Replace Authorization, Proxy-Authorization, Cookie and Set-Cookie values and "
                                 "token-like URL parameters in all saved exchanges with REDACTED? This cannot be undone."))
        != QMessageBox::Yes)
        return;
    const int redacted = removeSecrets();
    if (redacted < 0)
        QMessageBox::warning(this, tr("Remove Secrets from History"), tr("Could not update the history: %1").arg(m_store->lastError()));
    else
        QMessageBox::information(this, tr("Remove Secrets from History"), tr("%n value(s) redacted.", nullptr, redacted));
}

void HistoryPanel::clearAll()
{
    if (QMessageBox::question(this, tr("Clear History"),
                              tr("Delete all %n saved exchange(s)? This cannot be undone.", nullptr, m_store->count()))
        != QMessageBox::Yes)
        return;
    m_store->clear();
    refresh();
}

} // namespace statusscope::ui
