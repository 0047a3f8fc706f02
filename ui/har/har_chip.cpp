// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_chip.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionFocusRect>
#include <QStylePainter>

namespace statusscope::ui {

namespace {

constexpr int kPaddingX = 9;
constexpr int kPaddingY = 3;

} // namespace

HarChip::HarChip(QWidget *parent) : QToolButton(parent)
{
    setCheckable(true);
    setAttribute(Qt::WA_Hover);
    setFocusPolicy(Qt::StrongFocus);
}

QSize HarChip::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {metrics.horizontalAdvance(text()) + 2 * kPaddingX, metrics.height() + 2 * kPaddingY};
}

QSize HarChip::minimumSizeHint() const
{
    return sizeHint();
}

void HarChip::paintEvent(QPaintEvent *)
{
    QStylePainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette colors = palette();
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = box.height() / 2;
    QPainterPath path;
    path.addRoundedRect(box, radius, radius);
    const bool hovered = underMouse() && isEnabled();
    if (isChecked()) {
        painter.fillPath(path, colors.color(QPalette::Highlight));
        painter.setPen(QPen(colors.color(QPalette::Highlight).darker(hovered ? 130 : 110), 1));
    } else {
        painter.fillPath(path, colors.color(QPalette::Base));
        painter.setPen(QPen(hovered ? colors.color(QPalette::Highlight) : colors.color(QPalette::Mid), 1));
    }
    painter.drawPath(path);
    painter.setPen(colors.color(isEnabled() ? QPalette::Active : QPalette::Disabled,
                                isChecked() ? QPalette::HighlightedText : QPalette::ButtonText));
    painter.drawText(rect(), Qt::AlignCenter, text());
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = rect().adjusted(2, 2, -2, -2);
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, focus);
    }
}

} // namespace statusscope::ui
