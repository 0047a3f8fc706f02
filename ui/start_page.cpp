// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/start_page.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace statusscope::ui {

namespace {

// Wide enough for three cards side by side, narrow enough to read at 1920.
constexpr int kColumnMaxWidth = 760;
constexpr int kDirectoryMaxWidth = 360;

QString keyText(const QKeySequence &key)
{
    return key.toString(QKeySequence::NativeText);
}

QLabel *dimLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    return label;
}

QCommandLinkButton *card(const QString &title, const QString &description, QStyle::StandardPixmap icon,
                         QWidget *parent)
{
    auto *button = new QCommandLinkButton(title, description, parent);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return button;
}

struct SampleText
{
    QString title;
    QString description;
};

SampleText describe(const BundledSample &sample)
{
    switch (sample.kind) {
    case FileKind::Har:
        return {StartPage::tr("A page load (HAR)"),
                StartPage::tr("One shop page: 401, 404, 429 and a 502 after a 30 s wait.")};
    case FileKind::AccessLog:
        return {StartPage::tr("An access log"),
                StartPage::tr("Two hours of nginx traffic with a burst of 502 and 504 on /api.")};
    case FileKind::ExchangeJson:
        return {StartPage::tr("A 417, retried"),
                StartPage::tr("An upload that waited for 100 Continue, got 417 and was sent again.")};
    case FileKind::Unknown:
        break;
    }
    return {sample.fileName, {}};
}

void clear(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *widget = item->widget())
            widget->deleteLater();
        else if (QLayout *inner = item->layout())
            clear(inner);
        delete item;
    }
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("startPageContent"));
    scroll->setWidget(content);
    scroll->viewport()->setBackgroundRole(QPalette::Window);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto *column = new QWidget(content);
    column->setMaximumWidth(kColumnMaxWidth);
    auto *centre = new QHBoxLayout(content);
    centre->setContentsMargins(24, 24, 24, 24);
    centre->addStretch(1);
    centre->addWidget(column, 100);
    centre->addStretch(1);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(18);

    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(column);
    icon->setPixmap(QIcon(QStringLiteral(":/statusscope/installer/icons/statusscope-64.png")).pixmap(56, 56));
    icon->setAlignment(Qt::AlignTop);
    header->addWidget(icon);
    auto *headline = new QVBoxLayout;
    auto *title = new QLabel(tr("Why did this request get this status?"), column);
    title->setObjectName(QStringLiteral("startTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setWordWrap(true);
    headline->addWidget(title);
    headline->addWidget(dimLabel(tr("Send a request and watch the exchange at wire level, or open a HAR export, "
                                    "an access log or a saved exchange to find out what went wrong."),
                                 column));
    header->addLayout(headline, 1);
    layout->addLayout(header);

    QVBoxLayout *startBody = nullptr;
    layout->addWidget(section(tr("Start"), &startBody));
    auto *startGrid = new QGridLayout;
    startGrid->setHorizontalSpacing(8);
    m_newRequest = card(tr("New request"),
                        tr("%1 — compose one, send it and see every phase.").arg(keyText(QKeySequence::New)),
                        QStyle::SP_FileIcon, column);
    m_newRequest->setObjectName(QStringLiteral("startNewRequest"));
    auto *open = card(tr("Open file…"),
                      tr("%1 — a HAR, an access log (.gz too) or a saved exchange.").arg(keyText(QKeySequence::Open)),
                      QStyle::SP_DialogOpenButton, column);
    open->setObjectName(QStringLiteral("startOpen"));
    m_history = card(tr("History"), tr("The requests you sent, newest first, in the sidebar."),
                     QStyle::SP_FileDialogDetailedView, column);
    m_history->setObjectName(QStringLiteral("startHistory"));
    m_history->setVisible(false);
    startGrid->addWidget(m_newRequest, 0, 0);
    startGrid->addWidget(open, 0, 1);
    startGrid->addWidget(m_history, 0, 2);
    startBody->addLayout(startGrid);
    connect(m_newRequest, &QCommandLinkButton::clicked, this, &StartPage::newRequestRequested);
    connect(open, &QCommandLinkButton::clicked, this, &StartPage::openDialogRequested);
    connect(m_history, &QCommandLinkButton::clicked, this, &StartPage::historyRequested);

    QVBoxLayout *samplesBody = nullptr;
    m_samplesSection = section(tr("Open a sample"), &samplesBody);
    m_sampleGrid = new QGridLayout;
    m_sampleGrid->setHorizontalSpacing(8);
    samplesBody->addLayout(m_sampleGrid);
    layout->addWidget(m_samplesSection);
    m_samplesSection->setVisible(false);

    QVBoxLayout *recentBody = nullptr;
    layout->addWidget(section(tr("Recent files"), &recentBody));
    m_recentHolder = recentBody;

    auto *drop = dimLabel(tr("Or drop HAR files, access logs and saved exchanges anywhere on this window."), column);
    drop->setObjectName(QStringLiteral("startDropHint"));
    layout->addWidget(drop);
    layout->addStretch(1);
    setRecentFiles({});
}

QWidget *StartPage::section(const QString &title, QVBoxLayout **body)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *heading = new QLabel(title, box);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    heading->setFont(font);
    layout->addWidget(heading);
    *body = layout;
    return box;
}

void StartPage::setSamples(const QList<BundledSample> &samples)
{
    clear(m_sampleGrid);
    int column = 0;
    for (const BundledSample &sample : samples) {
        if (sample.path.isEmpty())
            continue;
        const SampleText text = describe(sample);
        QCommandLinkButton *button = card(text.title, text.description, QStyle::SP_FileDialogContentsView,
                                          m_samplesSection);
        button->setObjectName(QStringLiteral("startSample_") + sample.fileName);
        button->setToolTip(QDir::toNativeSeparators(sample.path));
        const QString path = sample.path;
        connect(button, &QCommandLinkButton::clicked, this, [this, path] { emit openRequested(path); });
        m_sampleGrid->addWidget(button, 0, column++);
    }
    m_samplesSection->setVisible(column > 0);
}

void StartPage::setRecentFiles(const QStringList &paths)
{
    // A new list replaces the old one whole, shown at once (its widgets with it).
    if (m_recentList) {
        m_recentList->hide();
        m_recentList->setParent(nullptr); // may be the button whose click this is
        m_recentList->deleteLater();
    }
    m_recentList = new QWidget;
    m_recentList->setObjectName(QStringLiteral("recentList"));
    auto *rows = new QVBoxLayout(m_recentList);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(0);
    QWidget *list = m_recentList;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const bool missing = !info.exists();
        auto *row = new QHBoxLayout;
        row->setSpacing(8);
        auto *open = new QToolButton(list);
        open->setObjectName(QStringLiteral("recentFile"));
        open->setAutoRaise(true);
        open->setText(info.fileName());
        open->setToolTip(QDir::toNativeSeparators(path));
        open->setProperty("path", path);
        open->setEnabled(!missing);
        connect(open, &QToolButton::clicked, this, [this, path] { emit openRequested(path); });
        row->addWidget(open);
        auto *where = dimLabel({}, list);
        where->setWordWrap(false);
        where->setText(where->fontMetrics().elidedText(QDir::toNativeSeparators(info.absolutePath()), Qt::ElideMiddle,
                                                       kDirectoryMaxWidth));
        where->setToolTip(QDir::toNativeSeparators(path));
        row->addWidget(where);
        row->addStretch(1);
        if (missing) {
            auto *note = new QLabel(tr("missing"), list);
            note->setObjectName(QStringLiteral("recentMissing"));
            note->setForegroundRole(QPalette::BrightText);
            row->addWidget(note);
            auto *remove = new QToolButton(list);
            remove->setObjectName(QStringLiteral("recentRemove"));
            remove->setText(tr("Remove"));
            remove->setToolTip(tr("Remove %1 from the recent files").arg(info.fileName()));
            remove->setProperty("path", path);
            connect(remove, &QToolButton::clicked, this, [this, path] { emit removeRecentRequested(path); });
            row->addWidget(remove);
        }
        rows->addLayout(row);
    }
    if (paths.isEmpty()) {
        auto *none = dimLabel(tr("None yet: the files you open will be listed here."), list);
        none->setObjectName(QStringLiteral("recentNone"));
        rows->addWidget(none);
    } else {
        auto *clearAll = new QToolButton(list);
        clearAll->setObjectName(QStringLiteral("recentClear"));
        clearAll->setText(tr("Clear recent files"));
        clearAll->setAutoRaise(true);
        connect(clearAll, &QToolButton::clicked, this, &StartPage::clearRecentRequested);
        auto *row = new QHBoxLayout;
        row->addWidget(clearAll);
        row->addStretch(1);
        rows->addLayout(row);
    }
    m_recentHolder->addWidget(m_recentList);
    m_recentList->show();
}

void StartPage::setNewRequestAvailable(bool available)
{
    m_newRequest->setEnabled(available);
}

void StartPage::setHistoryAvailable(bool available)
{
    m_history->setVisible(available);
}

} // namespace statusscope::ui
