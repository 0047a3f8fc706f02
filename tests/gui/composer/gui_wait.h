// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Waiting in GUI tests: run the event loop until a condition holds or the time is up. The test
// thread is the GUI thread, so the engine and the scripted server progress while we wait.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <functional>

namespace statusscope::test {

inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace statusscope::test
