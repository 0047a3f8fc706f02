// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/status/status_badge.h"

#include "core/guides/status_table.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QVariant>

#include <cmath>

namespace statusscope::ui {

namespace {

constexpr int kPaddingX = 6;
constexpr int kPaddingY = 2;
constexpr qreal kRadius = 4.0;
// Sub-pixel text advances round differently when drawn; without slack the text elides.
constexpr int kTextSlack = 2;

QString trText(const char *text)
{
    return QCoreApplication::translate("statusscope::ui::StatusBadge", text);
}

bool paletteIsDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

double relativeLuminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

StatusBadge statusBadgeFor(int code)
{
    StatusBadge badge;
    if (code < 0)
        return badge;
    const StatusInfo info = statusInfo(code);
    badge.codeId = QString::number(code);
    badge.text = badge.codeId + QLatin1Char(' ') + info.reason;
    badge.statusClass = info.hasClass ? info.statusClass : StatusClass::None;
    badge.official = info.known && isOfficial(info.registry);
    QString origin;
    if (!info.known)
        origin = trText("not a registered status");
    else if (!badge.official && info.registry == Registry::Unofficial)
        origin = trText("unofficial, %1").arg(info.definedIn);
    else
        origin = info.definedIn;
    badge.toolTip = trText("%1 — %2 (%3). Click for the troubleshooting guide.")
                        .arg(badge.text, displayName(badge.statusClass), origin);
    return badge;
}

StatusBadge statusBadgeFor(const QString &codeId)
{
    bool numeric = false;
    const int code = codeId.toInt(&numeric);
    if (numeric)
        return statusBadgeFor(code);
    StatusBadge badge;
    const TransportFailureEntry *entry = findTransportFailure(codeId);
    if (!entry)
        return badge;
    badge.codeId = codeId;
    badge.text = QString::fromUtf8(entry->title);
    badge.statusClass = StatusClass::Transport;
    badge.official = false;
    badge.toolTip = trText("%1 — no HTTP status: the request failed before a response. Click "
                           "for the troubleshooting guide.")
                        .arg(badge.text);
    return badge;
}

StatusBadge statusBadgeFor(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    if (value.typeId() == QMetaType::QString)
        return statusBadgeFor(value.toString());
    bool ok = false;
    const int code = value.toInt(&ok);
    return ok ? statusBadgeFor(code) : StatusBadge{};
}

BadgeColors badgeColors(StatusClass statusClass, const QPalette &palette)
{
    struct Pair
    {
        QRgb lightBg, lightText, darkBg, darkText;
    };
    Pair p{};
    switch (statusClass) {
    case StatusClass::Informational: p = {0xe3eaf2, 0x2f4a66, 0x2c3a4a, 0xb8cde3}; break;
    case StatusClass::Success: p = {0xdcf2e1, 0x1a6b2f, 0x1f3d27, 0x9fe0b0}; break;
    case StatusClass::Redirection: p = {0xdbe9fb, 0x1c4f94, 0x1e3352, 0xa9c9f5}; break;
    case StatusClass::ClientError: p = {0xfdebd3, 0x8a4b00, 0x4a3212, 0xffcf8f}; break;
    case StatusClass::ServerError: p = {0xfbdddd, 0xa11d1d, 0x4d1f1f, 0xffb0b0}; break;
    case StatusClass::None: p = {0xe6e6e6, 0x444444, 0x3a3a3a, 0xd0d0d0}; break;
    case StatusClass::Transport: p = {0xece0f7, 0x5b2a86, 0x3b2650, 0xd9b8f5}; break;
    }
    if (paletteIsDark(palette))
        return {QColor::fromRgb(p.darkBg), QColor::fromRgb(p.darkText)};
    return {QColor::fromRgb(p.lightBg), QColor::fromRgb(p.lightText)};
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QSize badgeSize(const QFontMetrics &metrics, const QString &text)
{
    return {metrics.horizontalAdvance(text) + 2 * kPaddingX + kTextSlack, metrics.height() + 2 * kPaddingY};
}

QRect badgeRect(const QRect &rect, const QFontMetrics &metrics, const QString &text)
{
    QSize size = badgeSize(metrics, text);
    size.setWidth(std::min(size.width(), rect.width()));
    size.setHeight(std::min(size.height(), rect.height()));
    return QRect(QPoint(rect.left(), rect.top() + (rect.height() - size.height()) / 2), size);
}

QRect paintStatusBadge(QPainter *painter, const QRect &rect, const StatusBadge &badge,
                       const QPalette &palette, bool hovered)
{
    const QRect box = badgeRect(rect, painter->fontMetrics(), badge.text);
    const BadgeColors colors = badgeColors(badge.statusClass, palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    painter->fillPath(path, colors.background);
    QPen border(colors.text, 1.0, badge.official ? Qt::SolidLine : Qt::DashLine);
    if (!hovered && badge.official)
        border.setColor(colors.background.darker(115));
    painter->setPen(border);
    painter->drawPath(path);
    QFont font = painter->font();
    font.setUnderline(hovered); // the link affordance
    painter->setFont(font);
    painter->setPen(colors.text);
    const QRect textRect = box.adjusted(kPaddingX, 0, -kPaddingX, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(badge.text, Qt::ElideRight, textRect.width()));
    painter->restore();
    return box;
}

} // namespace statusscope::ui
