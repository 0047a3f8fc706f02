// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document_keys.h"

#include <QAbstractButton>
#include <QAction>
#include <QLineEdit>
#include <QVariant>
#include <QWidget>

namespace statusscope::ui {

namespace {

constexpr auto kKeyProperty = "statusscopeDocumentKey";

bool reachable(const QWidget *widget, const QWidget *document)
{
    return widget->isEnabled() && (widget == document || widget->isVisibleTo(document));
}

// An action counts when it is enabled and the widget it belongs to is reachable: for an action
// in a drop-down menu, the button that opens the menu (the menu itself is a hidden popup).
bool reachable(const QAction *action, const QWidget *document)
{
    if (!action->isEnabled() || !action->isVisible())
        return false;
    const QObject *owner = action->parent();
    while (owner && (!owner->isWidgetType() || static_cast<const QWidget *>(owner)->isWindow()))
        owner = owner->parent();
    return owner && reachable(static_cast<const QWidget *>(owner), document);
}

bool act(QObject *target, QWidget *document)
{
    if (auto *action = qobject_cast<QAction *>(target)) {
        if (!reachable(action, document))
            return false;
        action->trigger();
        return true;
    }
    auto *widget = qobject_cast<QWidget *>(target);
    if (!widget || !reachable(widget, document))
        return false;
    if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
        button->click();
        return true;
    }
    widget->setFocus(Qt::ShortcutFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(widget))
        edit->selectAll();
    return true;
}

} // namespace

void setDocumentKeyTarget(QObject *target, DocumentKey key)
{
    target->setProperty(kKeyProperty, static_cast<int>(key));
}

bool triggerDocumentKey(QWidget *document, DocumentKey key)
{
    if (!document)
        return false;
    const QVariant wanted = static_cast<int>(key);
    if (document->property(kKeyProperty) == wanted && act(document, document))
        return true;
    for (QObject *child : document->findChildren<QObject *>()) {
        if (child->property(kKeyProperty) == wanted && act(child, document))
            return true;
    }
    return false;
}

} // namespace statusscope::ui
