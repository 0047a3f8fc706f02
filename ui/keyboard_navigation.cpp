// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/keyboard_navigation.h"

#include "ui/focus_ring.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFocusEvent>

namespace statusscope::ui {

KeyboardNavigation::KeyboardNavigation(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_ring(new FocusRing(window))
{
    qApp->installEventFilter(this);
}

KeyboardNavigation::~KeyboardNavigation()
{
    qApp->removeEventFilter(this);
}

bool KeyboardNavigation::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish) {
        // Views are polished once, before they are first shown: the tables of every tab and
        // dialog, including those built long after the window.
        if (auto *view = qobject_cast<QAbstractItemView *>(watched))
            view->setTabKeyNavigation(false);
    } else if (event->type() == QEvent::FocusIn && watched->isWidgetType()) {
        auto *widget = static_cast<QWidget *>(watched);
        if (widget->window() == m_window) {
            switch (static_cast<QFocusEvent *>(event)->reason()) {
            case Qt::TabFocusReason:
            case Qt::BacktabFocusReason:
            case Qt::ShortcutFocusReason:
                m_ring->track(widget);
                break;
            case Qt::MouseFocusReason:
                m_ring->track(nullptr);
                break;
            default:
                // Focus moved by the program (a new tab, a closed popup): the ring follows only
                // if the keyboard was already being used.
                if (m_ring->tracked())
                    m_ring->track(widget);
                break;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace statusscope::ui
