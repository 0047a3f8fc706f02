// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace statusscope::ui {

// "system" follows the desktop's palette (dark mode included); "light" and "dark" force a
// Fusion palette for people whose desktop theme does not reach Qt.
inline constexpr const char *kThemeSystem = "system";
inline constexpr const char *kThemeLight = "light";
inline constexpr const char *kThemeDark = "dark";

void applyTheme(const QString &theme);

// True when the current application palette is a dark one (window darker than its text);
// views use it to pick readable accent colours.
bool isDarkPalette();

} // namespace statusscope::ui
