// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/focus_ring.h"

#include <QEvent>
#include <QPainter>

namespace statusscope::ui {

namespace {

constexpr int kRingWidth = 2;

} // namespace

FocusRing::FocusRing(QWidget *window)
    : QWidget(window)
{
    setObjectName(QStringLiteral("focusRing"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
}

void FocusRing::track(QWidget *widget)
{
    if (widget == this || (widget && widget->window() != parentWidget()))
        widget = nullptr;
    unwatch();
    m_widget = widget;
    for (QWidget *w = widget; w && w != parentWidget(); w = w->parentWidget()) {
        w->installEventFilter(this);
        m_watched.append(w);
    }
    place();
}

void FocusRing::unwatch()
{
    for (const QPointer<QWidget> &w : std::as_const(m_watched)) {
        if (w)
            w->removeEventFilter(this);
    }
    m_watched.clear();
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
        place();
        break;
    case QEvent::Destroy:
        if (watched == m_widget)
            track(nullptr);
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::place()
{
    if (!m_widget || !m_widget->isVisible()) {
        hide();
        return;
    }
    // Only the part of the widget its scroll areas and splitters let through.
    QWidget *window = parentWidget();
    QRect visible(m_widget->mapTo(window, QPoint(0, 0)), m_widget->size());
    for (QWidget *a = m_widget->parentWidget(); a && a != window; a = a->parentWidget())
        visible &= QRect(a->mapTo(window, QPoint(0, 0)), a->size());
    if (visible.width() < 2 * kRingWidth || visible.height() < 2 * kRingWidth) {
        hide();
        return;
    }
    setGeometry(visible);
    raise();
    show();
    update();
}

void FocusRing::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(palette().color(QPalette::Active, QPalette::Highlight), kRingWidth);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const qreal inset = kRingWidth / 2.0;
    painter.drawRoundedRect(QRectF(rect()).adjusted(inset, inset, -inset, -inset), 3, 3);
}

} // namespace statusscope::ui
