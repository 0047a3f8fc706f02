// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probe/verdict_delegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace statusscope::ui {

namespace {

constexpr int kFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

QFont boldOf(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

} // namespace

VerdictDelegate::VerdictDelegate(int rfcRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_rfcRole(rfcRole)
{}

void VerdictDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString verdict = opt.text;
    opt.text.clear(); // background, selection and focus from the style; the text drawn below
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QString rfc = index.data(m_rfcRole).toString();
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QVariant colour = index.data(Qt::ForegroundRole);
    const QRect area = option.rect.adjusted(kMargin, 0, -kMargin, 0);
    const QFont bold = boldOf(option.font);
    const QRect verdictBox = QFontMetrics(bold).boundingRect(area, kFlags, verdict);
    const QRect rfcBox = option.fontMetrics.boundingRect(area, kFlags, rfc);
    const int top = area.top() + std::max(0, (area.height() - verdictBox.height() - rfcBox.height()) / 2);

    painter->save();
    painter->setFont(bold);
    painter->setPen(selected || !colour.canConvert<QColor>() ? text : colour.value<QColor>());
    painter->drawText(QRect(area.left(), top, area.width(), verdictBox.height()), kFlags, verdict);
    painter->setFont(option.font);
    painter->setPen(text);
    painter->drawText(QRect(area.left(), top + verdictBox.height(), area.width(), rfcBox.height()), kFlags, rfc);
    painter->restore();
}

QSize VerdictDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics boldMetrics(boldOf(option.font));
    const QString verdict = index.data(Qt::DisplayRole).toString();
    const QString rfc = index.data(m_rfcRole).toString();
    // As wide as the verdict or the RFC's first word pair ("RFC 9110"); the section wraps.
    const QString head = rfc.section(QLatin1Char(' '), 0, 1);
    const int width = std::max(boldMetrics.horizontalAdvance(verdict), option.fontMetrics.horizontalAdvance(head));
    const QRect rfcBox = option.fontMetrics.boundingRect(QRect(0, 0, width, 10000), kFlags, rfc);
    return {width + 2 * kMargin, boldMetrics.height() + rfcBox.height() + 2 * kMargin};
}

} // namespace statusscope::ui
