// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/guides/status_class.h"

#include <QColor>
#include <QString>

class QPainter;
class QPalette;
class QRect;
class QFontMetrics;
class QSize;
class QVariant;

namespace statusscope::ui {

// What a status badge shows: "417 Expectation Failed", coloured by class. Built from core's
// status table, so every status has a badge whether or not its guide exists.
struct StatusBadge
{
    QString codeId; // "417", "dns-failure"; empty: nothing to show
    QString text;   // "417 Expectation Failed"
    QString toolTip;
    StatusClass statusClass = StatusClass::None;
    bool official = true;

    bool isValid() const { return !codeId.isEmpty(); }
};

StatusBadge statusBadgeFor(int code);
// A number ("417") or a transport id ("dns-failure").
StatusBadge statusBadgeFor(const QString &codeId);
// What a model role may hold: an int status (negative: none) or a code id string.
StatusBadge statusBadgeFor(const QVariant &value);

struct BadgeColors
{
    QColor background;
    QColor text;
};
// Tinted background and dark text on a light palette, dark background and light text on a
// dark one; WCAG contrast ≥ 4.5:1 in both (the test checks every class).
BadgeColors badgeColors(StatusClass statusClass, const QPalette &palette);
double contrastRatio(const QColor &a, const QColor &b); // WCAG 2.x

QSize badgeSize(const QFontMetrics &metrics, const QString &text);
// Draws the badge at the left of rect, vertically centred; returns the badge's rectangle
// (what a click must hit). Unofficial codes get a dashed border.
QRect paintStatusBadge(QPainter *painter, const QRect &rect, const StatusBadge &badge,
                       const QPalette &palette, bool hovered);
QRect badgeRect(const QRect &rect, const QFontMetrics &metrics, const QString &text);

} // namespace statusscope::ui
