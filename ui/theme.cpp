// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace statusscope::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabledText(0x80, 0x84, 0x8a);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x92, 0xf0));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4b));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

// The platform style, with one change: a checked button (a filter chip, a legend toggle,
// Follow) is filled with the highlight colour. Fusion only darkens it a little, which in the
// dark palette cannot be told from an unchecked one.
class ThemeStyle : public QProxyStyle
{
public:
    explicit ThemeStyle(QStyle *base)
        : QProxyStyle(base)
    {
    }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        const bool checked = option->state.testFlag(State_On) && option->state.testFlag(State_Enabled);
        if (checked && (element == PE_PanelButtonTool || element == PE_PanelButtonCommand)) {
            const QColor highlight = option->palette.color(QPalette::Active, QPalette::Highlight);
            QColor fill = highlight;
            fill.setAlpha(isDarkPalette() ? 150 : 70);
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(QPen(highlight, 1));
            painter->setBrush(fill);
            painter->drawRoundedRect(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
            painter->restore();
            return;
        }
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
};

QPalette &systemPalette()
{
    // Captured once, before any override, so "system" can always go back to it.
    static QPalette palette = QApplication::palette();
    return palette;
}

QString &systemStyleName()
{
    static QString name = QApplication::style()->name();
    return name;
}

} // namespace

void applyTheme(const QString &theme)
{
    systemPalette();
    systemStyleName();
    if (theme == QLatin1String(kThemeDark)) {
        QApplication::setStyle(new ThemeStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(darkPalette());
    } else if (theme == QLatin1String(kThemeLight)) {
        QApplication::setStyle(new ThemeStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setStyle(new ThemeStyle(QStyleFactory::create(systemStyleName())));
        QApplication::setPalette(systemPalette());
    }
}

bool isDarkPalette()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

} // namespace statusscope::ui
