// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace statusscope::ui {

class FocusRing;

// Keyboard habits for one window, whoever built its widgets: Tab leaves every table and list
// (item views move between cells with the arrows; Tab goes to the next control), and the
// widget that Tab, Shift+Tab or a shortcut focused gets a FocusRing. A mouse click hides the
// ring, as browsers do with :focus-visible.
class KeyboardNavigation : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyboardNavigation)

public:
    // Watches the whole application's events for `window`'s widgets; owned by `window`.
    explicit KeyboardNavigation(QWidget *window);
    ~KeyboardNavigation() override;

    FocusRing *ring() const { return m_ring; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    FocusRing *m_ring;
};

} // namespace statusscope::ui
