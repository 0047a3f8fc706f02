// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QAction;

namespace statusscope::ui {

class MainWindow;
class LogView;

// File › Open Log Source…, placed after File › Open: the connection dialog, then the log tab
// (the one files open in) over the source. `wire` connects each new tab (its statusActivated, …) as the app wants.
QAction *installOpenLogSourceAction(MainWindow *window, std::function<void(LogView *)> wire);

} // namespace statusscope::ui
