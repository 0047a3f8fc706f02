// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/logs/log_view.h"

#include <QEventLoop>
#include <QTimer>

namespace statusscope::test {

// Runs the event loop until the object's signal comes or the timeout passes; true if it came.
template<typename Object, typename Signal>
bool waitFor(Object &view, Signal signal, int timeoutMs = 60000)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(&view, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

inline bool waitForLoad(ui::LogView &view)
{
    if (!view.isLoading() && view.summary().linesTotal > 0)
        return true;
    return waitFor(view, &ui::LogView::loadFinished);
}

} // namespace statusscope::test
