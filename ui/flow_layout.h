#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Lays widgets out left to right and wraps onto another row when the width runs out, like words
// in a paragraph. For tool rows (the HAR filter bar) that would otherwise hold a tab at the width
// of all their controls and squeeze the docks beside it on a laptop screen.

#include <QLayout>
#include <QList>

namespace statusscope::ui {

class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;
    Q_DISABLE_COPY_MOVE(FlowLayout)

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    // One row when there is room for it; at least the widest control.
    QSize sizeHint() const override;
    QSize minimumSize() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Places the items in `rect` (when apply) and returns the height they need.
    int arrange(const QRect &rect, bool apply) const;
    int gap(Qt::Orientation orientation) const;

    QList<QLayoutItem *> m_items;
};

} // namespace statusscope::ui
