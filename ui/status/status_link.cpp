// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/status/status_link.h"

#include "ui/theme.h"

#include <QMouseEvent>
#include <QPainter>

namespace statusscope::ui {

QString statusReasonPhrase(int code)
{
    // RFC 9110 §15 plus 103 (RFC 8297) and 429 (RFC 6585); the guides catalog owns the rest.
    switch (code) {
    case 100: return QStringLiteral("Continue");
    case 101: return QStringLiteral("Switching Protocols");
    case 103: return QStringLiteral("Early Hints");
    case 200: return QStringLiteral("OK");
    case 201: return QStringLiteral("Created");
    case 202: return QStringLiteral("Accepted");
    case 204: return QStringLiteral("No Content");
    case 206: return QStringLiteral("Partial Content");
    case 301: return QStringLiteral("Moved Permanently");
    case 302: return QStringLiteral("Found");
    case 303: return QStringLiteral("See Other");
    case 304: return QStringLiteral("Not Modified");
    case 307: return QStringLiteral("Temporary Redirect");
    case 308: return QStringLiteral("Permanent Redirect");
    case 400: return QStringLiteral("Bad Request");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not Found");
    case 405: return QStringLiteral("Method Not Allowed");
    case 408: return QStringLiteral("Request Timeout");
    case 409: return QStringLiteral("Conflict");
    case 411: return QStringLiteral("Length Required");
    case 413: return QStringLiteral("Content Too Large");
    case 415: return QStringLiteral("Unsupported Media Type");
    case 417: return QStringLiteral("Expectation Failed");
    case 429: return QStringLiteral("Too Many Requests");
    case 500: return QStringLiteral("Internal Server Error");
    case 501: return QStringLiteral("Not Implemented");
    case 502: return QStringLiteral("Bad Gateway");
    case 503: return QStringLiteral("Service Unavailable");
    case 504: return QStringLiteral("Gateway Timeout");
    default: return {};
    }
}

QString statusClassName(int code)
{
    switch (code / 100) {
    case 1: return QStringLiteral("1xx Informational");
    case 2: return QStringLiteral("2xx Successful");
    case 3: return QStringLiteral("3xx Redirection");
    case 4: return QStringLiteral("4xx Client Error");
    case 5: return QStringLiteral("5xx Server Error");
    default: return QStringLiteral("unknown class");
    }
}

QColor statusClassColor(int code)
{
    const bool dark = isDarkPalette();
    switch (code / 100) {
    case 1: return dark ? QColor(0x8a, 0x9b, 0xb0) : QColor(0x5a, 0x6b, 0x80);
    case 2: return dark ? QColor(0x4c, 0xaf, 0x50) : QColor(0x2e, 0x7d, 0x32);
    case 3: return dark ? QColor(0x42, 0xa5, 0xf5) : QColor(0x15, 0x65, 0xc0);
    case 4: return dark ? QColor(0xff, 0xa7, 0x26) : QColor(0xc6, 0x62, 0x00);
    case 5: return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    default: return QColor(0x75, 0x75, 0x75);
    }
}

namespace {

QString codeId(int code)
{
    return QString::number(code);
}

} // namespace

StatusLinkLabel::StatusLinkLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("statusLink"));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setCursor(Qt::PointingHandCursor);
    connect(this, &QLabel::linkActivated, this, [this](const QString &link) {
        emit statusActivated(link.mid(int(qstrlen("status:"))));
    });
}

void StatusLinkLabel::setStatus(int code, const QString &reason)
{
    m_code = code;
    if (code <= 0) {
        setText(tr("no response"));
        setToolTip({});
        return;
    }
    const QString phrase = reason.isEmpty() ? statusReasonPhrase(code) : reason;
    const QColor colour = statusClassColor(code);
    // A badge: the code on its class colour, then the phrase as the link text.
    setText(QStringLiteral("<a href=\"status:%1\" style=\"text-decoration:none\">"
                           "<span style=\"background-color:%2; color:white; font-weight:bold\">"
                           "&nbsp;%1&nbsp;</span></a> %3")
                .arg(code)
                .arg(colour.name(), phrase.toHtmlEscaped()));
    setToolTip(tr("%1 %2 — %3. Click for its guide.").arg(code).arg(phrase, statusClassName(code)));
}

StatusLinkDelegate::StatusLinkDelegate(int statusRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(statusRole)
{
}

void StatusLinkDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const int code = index.data(m_statusRole).toInt();
    if (code <= 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const QString number = QString::number(code);
    const QRect area = opt.rect.adjusted(4, 2, -4, -2);
    QRect badge(area.left(), area.top(), fm.horizontalAdvance(number) + 8, area.height());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(statusClassColor(code));
    painter->drawRoundedRect(badge, 3, 3);
    painter->setPen(Qt::white);
    painter->setFont(bold);
    painter->drawText(badge, Qt::AlignCenter, number);
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                           : QPalette::Link));
    const QString rest = text.startsWith(number) ? text.mid(number.size()).trimmed() : text;
    const QRect textRect = area.adjusted(badge.width() + 6, 0, 0, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      opt.fontMetrics.elidedText(rest, Qt::ElideRight, textRect.width()));
    painter->restore();
}

bool StatusLinkDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const int code = index.data(m_statusRole).toInt();
    if (code > 0 && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && option.rect.contains(mouse->position().toPoint())) {
            emit statusActivated(codeId(code));
            return false; // selection still follows the click
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace statusscope::ui
