// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/raw_lines_panel.h"

#include "ui/logs/raw_lines_model.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace statusscope::ui {

namespace {

constexpr int kPollIntervalMs = 150;

} // namespace

RawLinesPanel::RawLinesPanel(QWidget *parent)
    : QWidget(parent)
    , m_done(std::make_shared<std::atomic<qint64>>(0))
    , m_total(std::make_shared<std::atomic<qint64>>(0))
{
    setObjectName(QStringLiteral("rawLinesPanel"));
    m_title = new QLabel(tr("Click a bar, or choose a status and press Raw lines, to see the lines behind it."), this);
    m_title->setObjectName(QStringLiteral("rawLinesTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    auto *copy = new QToolButton(this);
    copy->setObjectName(QStringLiteral("rawLinesCopy"));
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the selected lines as the file has them (Ctrl+C)"));
    auto *head = new QHBoxLayout;
    head->setContentsMargins(0, 0, 0, 0);
    head->addWidget(m_title, 1);
    head->addWidget(m_progress);
    head->addWidget(m_cancel);
    head->addWidget(copy);

    m_model = new RawLinesModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("rawLinesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setVisible(false);
    // Fixed row heights: the view never measures a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(RawLinesModel::WhereColumn, 150);
    m_table->setColumnWidth(RawLinesModel::TimeColumn, 70);
    m_table->setColumnWidth(RawLinesModel::StatusColumn, 50);

    m_contextPane = new QWidget(this);
    m_contextTitle = new QLabel(m_contextPane);
    m_contextTitle->setObjectName(QStringLiteral("rawLinesContextTitle"));
    m_contextTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *closeContext = new QToolButton(m_contextPane);
    closeContext->setText(tr("Close"));
    closeContext->setToolTip(tr("Back to the list (Esc)"));
    m_context = new QPlainTextEdit(m_contextPane);
    m_context->setObjectName(QStringLiteral("rawLinesContext"));
    m_context->setReadOnly(true);
    m_context->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_context->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *contextHead = new QHBoxLayout;
    contextHead->setContentsMargins(0, 0, 0, 0);
    contextHead->addWidget(m_contextTitle, 1);
    contextHead->addWidget(closeContext);
    auto *contextLayout = new QVBoxLayout(m_contextPane);
    contextLayout->setContentsMargins(0, 0, 0, 0);
    contextLayout->addLayout(contextHead);
    contextLayout->addWidget(m_context, 1);
    m_contextPane->setVisible(false);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_contextPane);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(split, 1);

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &RawLinesPanel::pollProgress);
    connect(&m_watcher, &QFutureWatcher<logs::LineHits>::finished, this, &RawLinesPanel::finished);
    connect(m_cancel, &QPushButton::clicked, this, &RawLinesPanel::cancel);
    connect(copy, &QToolButton::clicked, this, &RawLinesPanel::copySelection);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) { jumpTo(index.row()); });
    connect(closeContext, &QToolButton::clicked, this, [this] {
        m_contextPane->setVisible(false);
        m_table->setFocus();
    });
    auto *copyKey = new QShortcut(QKeySequence::Copy, m_table);
    copyKey->setContext(Qt::WidgetShortcut);
    connect(copyKey, &QShortcut::activated, this, &RawLinesPanel::copySelection);
    auto *closeKey = new QShortcut(QKeySequence(Qt::Key_Escape), m_contextPane);
    closeKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(closeKey, &QShortcut::activated, closeContext, &QToolButton::click);
}

RawLinesPanel::~RawLinesPanel()
{
    cancel();
    m_watcher.waitForFinished();
}

void RawLinesPanel::load(const QStringList &paths, const logs::IngestOptions &options, const QString &what,
                         int tzOffsetMinutes)
{
    cancel();
    m_watcher.waitForFinished(); // the last scan stops at its next chunk
    m_what = what;
    m_tzOffsetMinutes = tzOffsetMinutes;
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_done->store(0);
    m_total->store(0);
    m_title->setText(tr("Finding the lines of %1…").arg(what));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_contextPane->setVisible(false);
    auto cancelFlag = m_cancelFlag;
    auto done = m_done;
    auto total = m_total;
    m_watcher.setFuture(QtConcurrent::run([paths, options, cancelFlag, done, total] {
        return logs::collectLineHits(paths, options, logs::kMaxLineHits, cancelFlag.get(),
                                     [done, total](qint64 bytesDone, qint64 bytesTotal) {
                                         done->store(bytesDone);
                                         total->store(bytesTotal);
                                     });
    }));
    m_pollTimer->start();
}

void RawLinesPanel::cancel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void RawLinesPanel::pollProgress()
{
    if (const qint64 total = m_total->load(); total > 0)
        m_progress->setValue(int(1000 * std::min(m_done->load(), total) / total));
}

void RawLinesPanel::finished()
{
    m_pollTimer->stop();
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    logs::LineHits hits = m_watcher.result();
    const QLocale locale;
    QString text;
    if (hits.capped())
        text = tr("Raw lines of %1: the first %2 of %3").arg(m_what, locale.toString(qint64(hits.hits.size())),
                                                             locale.toString(hits.total));
    else
        text = tr("Raw lines of %1: %2").arg(m_what, locale.toString(hits.total));
    if (hits.cancelled)
        text += tr(" (cancelled: the file was not read to its end)");
    m_title->setText(text + tr(" — double-click a line to see it in context"));
    m_model->setHits(std::move(hits), m_tzOffsetMinutes);
    emit loaded();
}

void RawLinesPanel::jumpTo(int row)
{
    const QList<logs::ContextLine> lines = m_model->context(row, kContextLines, kContextLines);
    const qint64 target = m_model->hits().hits[size_t(row)].line;
    const int width = int(QString::number(lines.isEmpty() ? target : lines.back().number).size());
    QStringList text;
    int targetBlock = 0;
    for (const logs::ContextLine &line : lines) {
        if (line.number == target)
            targetBlock = int(text.size());
        text << QStringLiteral("%1%2  %3")
                    .arg(line.number == target ? QStringLiteral("▶") : QStringLiteral(" "))
                    .arg(line.number, width)
                    .arg(line.text);
    }
    m_contextTitle->setText(tr("%1 in context (%2 lines either side)").arg(m_model->where(row, true)).arg(kContextLines));
    m_context->setPlainText(text.join(QLatin1Char('\n')));
    m_contextPane->setVisible(true);
    const QTextBlock block = m_context->document()->findBlockByNumber(targetBlock);
    QTextCursor cursor(block);
    m_context->setTextCursor(cursor);
    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    mark.format.setBackground(palette().color(QPalette::Highlight));
    mark.format.setForeground(palette().color(QPalette::HighlightedText));
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    m_context->setExtraSelections({mark});
    m_context->centerCursor();
}

QString RawLinesPanel::selectedText() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (int row : rows)
        lines << m_model->lineText(row);
    return lines.join(QLatin1Char('\n'));
}

void RawLinesPanel::copySelection() const
{
    if (const QString text = selectedText(); !text.isEmpty())
        QApplication::clipboard()->setText(text + QLatin1Char('\n'));
}

} // namespace statusscope::ui
