// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/log_filter_bar.h"

#include "core/logs/log_time.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace statusscope::ui {

namespace {

QLineEdit *filterEdit(const QString &placeholder, const QString &tip, const QString &name, int width, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(tip);
    edit->setClearButtonEnabled(true);
    edit->setMinimumWidth(width);
    return edit;
}

QToolButton *chip(const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    button->setVisible(false);
    return button;
}

QString text(const QLineEdit *edit)
{
    return edit->text().trimmed();
}

} // namespace

LogFilterBar::LogFilterBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("logFilterBar"));
    m_path = filterEdit(tr("Path prefix"), tr("Requests whose path starts with this (/api/)"),
                        QStringLiteral("pathFilter"), 110, this);
    m_client = filterEdit(tr("Client"), tr("Client addresses starting with this (10.0.)"),
                          QStringLiteral("clientFilter"), 90, this);
    m_method = filterEdit(tr("Method"), tr("One request method (GET, POST, …)"), QStringLiteral("methodFilter"), 60, this);
    m_method->setMaximumWidth(90);
    m_userAgent = filterEdit(tr("User agent"), tr("User agents containing this, any case (curl, bot)"),
                             QStringLiteral("userAgentFilter"), 100, this);
    m_from = filterEdit(tr("From"), tr("Start of the time range, in the log's zone (2024-05-13 10:00); "
                                       "or drag across the chart"),
                        QStringLiteral("fromFilter"), 90, this);
    m_to = filterEdit(tr("To"), tr("End of the time range, in the log's zone"), QStringLiteral("toFilter"), 90, this);
    m_rangeChip = chip(QStringLiteral("rangeChip"), this);
    m_rangeChip->setToolTip(tr("Clear the time range"));
    m_statusChip = chip(QStringLiteral("statusChip"), this);
    m_statusChip->setToolTip(tr("Show every status again"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Filter:"), this));
    for (QLineEdit *edit : {m_path, m_client, m_method, m_userAgent})
        layout->addWidget(edit, 2);
    layout->addWidget(m_from, 2);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_to, 2);
    layout->addWidget(m_rangeChip);
    layout->addWidget(m_statusChip);

    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_settle, &QTimer::timeout, this, &LogFilterBar::filterChanged);
    for (QLineEdit *edit : {m_path, m_client, m_method, m_userAgent})
        connect(edit, &QLineEdit::textEdited, m_settle, qOverload<>(&QTimer::start));
    // Clearing with the field's own button is not an edit, but it is a change.
    for (QLineEdit *edit : {m_path, m_client, m_method, m_userAgent}) {
        connect(edit, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (text.isEmpty())
                m_settle->start();
        });
    }
    for (QLineEdit *edit : {m_from, m_to})
        connect(edit, &QLineEdit::editingFinished, this, &LogFilterBar::readTimes);
    connect(m_rangeChip, &QToolButton::clicked, this, [this] {
        clearRange();
        emit filterChanged();
    });
    connect(m_statusChip, &QToolButton::clicked, this, [this] { setStatus(0); });
}

logs::LogFilter LogFilterBar::filter() const
{
    logs::LogFilter filter;
    filter.pathPrefix = text(m_path);
    filter.client = text(m_client);
    filter.method = text(m_method);
    filter.userAgent = text(m_userAgent);
    return filter;
}

void LogFilterBar::setRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = std::min(fromMs, toMs);
    m_toMs = std::max(fromMs, toMs);
    showRange();
}

void LogFilterBar::clearRange()
{
    m_fromMs = kOpenStart;
    m_toMs = kOpenEnd;
    showRange();
}

void LogFilterBar::setStatus(int code)
{
    if (code == m_status)
        return;
    m_status = code;
    m_statusChip->setText(tr("Status %1  ✕").arg(code));
    m_statusChip->setVisible(code > 0);
    emit statusChanged(code);
}

void LogFilterBar::clearAll()
{
    for (QLineEdit *edit : {m_path, m_client, m_method, m_userAgent})
        edit->clear();
    m_settle->stop();
    clearRange();
    setStatus(0);
}

void LogFilterBar::showRange()
{
    const auto text = [this](qint64 ms, qint64 open) {
        if (ms == open)
            return QString();
        // The log's zone is what the fields are typed in, so it is not repeated in them.
        return logs::formatIsoTime(ms, m_tzOffsetMinutes).left(19).replace(QLatin1Char('T'), QLatin1Char(' '));
    };
    m_from->setText(text(m_fromMs, kOpenStart));
    m_to->setText(text(m_toMs, kOpenEnd));
    m_from->setStyleSheet(QString());
    m_to->setStyleSheet(QString());
    m_rangeChip->setVisible(hasRange());
    m_rangeChip->setText(tr("Time range  ✕"));
}

// A field that does not parse keeps its text, marked, and changes nothing.
void LogFilterBar::readTimes()
{
    const auto parse = [this](QLineEdit *edit, qint64 open, qint64 &into) {
        QString text = edit->text().trimmed();
        if (text.size() == 16) // "2024-05-13 10:00": the seconds are optional to type
            text += QStringLiteral(":00");
        if (text.isEmpty()) {
            into = open;
            return true;
        }
        const std::string bytes = text.toStdString();
        qint64 utcMs = 0;
        int offset = 0;
        if (!logs::parseIsoTime(bytes, utcMs, offset, m_tzOffsetMinutes)) {
            edit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #d33; }"));
            edit->setToolTip(tr("Not a time: use 2024-05-13 10:00:00"));
            return false;
        }
        into = utcMs;
        return true;
    };
    qint64 from = m_fromMs;
    qint64 to = m_toMs;
    if (!parse(m_from, kOpenStart, from) || !parse(m_to, kOpenEnd, to))
        return;
    if (from == m_fromMs && to == m_toMs)
        return;
    if (from != kOpenStart && to != kOpenEnd && from > to)
        std::swap(from, to);
    m_fromMs = from;
    m_toMs = to;
    showRange();
    emit filterChanged();
}

} // namespace statusscope::ui
