// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolButton>

namespace statusscope::ui {

// A checkable filter chip drawn from the current palette: checked, it is filled with the
// highlight colour, unchecked it is an outline, so the two differ in every theme (Fusion's
// dark checked tool button is one shade off its unchecked one).
class HarChip : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarChip)

public:
    explicit HarChip(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace statusscope::ui
