// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/status/status_link.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStylePainter>

namespace statusscope::ui {

StatusLinkLabel::StatusLinkLabel(QWidget *parent)
    : QAbstractButton(parent)
{
    setObjectName(QStringLiteral("statusLink"));
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_Hover);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(this, &QAbstractButton::clicked, this, [this] {
        if (m_badge.isValid())
            emit statusActivated({m_badge.codeId, {}});
    });
    apply({});
}

void StatusLinkLabel::setStatus(int code)
{
    apply(statusBadgeFor(code));
}

void StatusLinkLabel::setCodeId(const QString &codeId)
{
    apply(statusBadgeFor(codeId));
}

void StatusLinkLabel::apply(const StatusBadge &badge)
{
    m_badge = badge;
    setText(badge.text); // also the accessible name
    setToolTip(badge.toolTip);
    setEnabled(badge.isValid());
    updateGeometry();
    update();
}

QSize StatusLinkLabel::sizeHint() const
{
    return badgeSize(fontMetrics(), m_badge.isValid() ? m_badge.text : QStringLiteral("000"));
}

QSize StatusLinkLabel::minimumSizeHint() const
{
    return sizeHint();
}

void StatusLinkLabel::paintEvent(QPaintEvent *)
{
    if (!m_badge.isValid())
        return;
    QPainter painter(this);
    const QRect box = paintStatusBadge(&painter, rect(), m_badge, palette(), underMouse());
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = box.adjusted(1, 1, -1, -1);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &painter, this);
    }
}

void StatusLinkLabel::keyPressEvent(QKeyEvent *event)
{
    // A link follows Enter as well as the button's Space.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        click();
        return;
    }
    QAbstractButton::keyPressEvent(event);
}

bool StatusLinkLabel::hitButton(const QPoint &pos) const
{
    return badgeRect(rect(), fontMetrics(), m_badge.text).contains(pos);
}

StatusLinkDelegate::StatusLinkDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent), m_role(role)
{}

QRect StatusLinkDelegate::badgeArea(const QStyleOptionViewItem &option, const StatusBadge &badge) const
{
    const QRect inner = option.rect.adjusted(kCellMargin, 1, -kCellMargin, -1);
    return badgeRect(inner, option.fontMetrics, badge.text);
}

void StatusLinkDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const StatusBadge badge = statusBadgeFor(index.data(m_role));
    if (!badge.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the badge replaces the text; selection and focus still drawn by the style
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    painter->save();
    painter->setFont(option.font);
    paintStatusBadge(painter, option.rect.adjusted(kCellMargin, 1, -kCellMargin, -1), badge,
                     option.palette, hovered);
    painter->restore();
}

QSize StatusLinkDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const StatusBadge badge = statusBadgeFor(index.data(m_role));
    if (!badge.isValid())
        return QStyledItemDelegate::sizeHint(option, index);
    return badgeSize(option.fontMetrics, badge.text) + QSize(2 * kCellMargin, 2);
}

bool StatusLinkDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const StatusBadge badge = statusBadgeFor(index.data(m_role));
        if (mouse->button() == Qt::LeftButton && badge.isValid()
            && badgeArea(option, badge).contains(mouse->position().toPoint())) {
            emit statusActivated({badge.codeId, {}});
            return false; // let the view select the row as usual
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

QRect StatusLinkDelegate::badgeRectFor(const QAbstractItemView *view, const QModelIndex &index) const
{
    const StatusBadge badge = statusBadgeFor(index.data(m_role));
    if (!badge.isValid())
        return {};
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.font = view->font();
    option.fontMetrics = QFontMetrics(view->font());
    option.rect = view->visualRect(index);
    return badgeArea(option, badge);
}

void StatusLinkDelegate::attachTo(QAbstractItemView *view)
{
    view->setMouseTracking(true);
    view->viewport()->setAttribute(Qt::WA_Hover);
    view->viewport()->installEventFilter(this);
}

bool StatusLinkDelegate::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseMove || event->type() == QEvent::Leave) {
        auto *viewport = qobject_cast<QWidget *>(watched);
        auto *view = viewport ? qobject_cast<QAbstractItemView *>(viewport->parentWidget()) : nullptr;
        if (view) {
            bool overBadge = false;
            if (event->type() == QEvent::MouseMove) {
                const QPoint pos = static_cast<QMouseEvent *>(event)->position().toPoint();
                const QModelIndex index = view->indexAt(pos);
                overBadge = index.isValid() && view->itemDelegateForIndex(index) == this
                            && badgeRectFor(view, index).contains(pos);
            }
            if (overBadge)
                viewport->setCursor(Qt::PointingHandCursor);
            else
                viewport->unsetCursor();
        }
    }
    return QStyledItemDelegate::eventFilter(watched, event);
}

} // namespace statusscope::ui
