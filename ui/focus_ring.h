// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

namespace statusscope::ui {

// A ring in the palette's highlight colour around the widget that has keyboard focus, drawn
// above it so every kind of widget (tables, charts, buttons) shows where Tab went, in light and
// dark alike. It lives on top of one window and follows the widget as splitters, scrolling and
// resizing move it; it takes no input.
class FocusRing : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FocusRing)

public:
    explicit FocusRing(QWidget *window);

    // Rings `widget` (a widget of this window), or hides the ring for nullptr.
    void track(QWidget *widget);
    QWidget *tracked() const { return m_widget; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void place();
    void unwatch();

    QPointer<QWidget> m_widget;
    QList<QPointer<QWidget>> m_watched; // the widget and its ancestors: any of them moving moves it
};

} // namespace statusscope::ui
