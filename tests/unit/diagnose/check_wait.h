#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs an asynchronous check (core/diagnose/checks) to its end with the event loop turning, as
// the GUI does, and hands back its result; empty when it did not finish in time.

#include "core/diagnose/checks/check_handle.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <functional>
#include <optional>

namespace statusscope::test {

inline std::optional<diagnose::CheckResult>
runCheck(const std::function<diagnose::CheckHandle(diagnose::CheckCallback)> &start, int timeoutMs = 15000)
{
    std::optional<diagnose::CheckResult> result;
    const diagnose::CheckHandle handle = start([&result](diagnose::CheckResult r) { result = std::move(r); });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < timeoutMs)
        QEventLoop().processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    // A finished check's sockets and timers go with deleteLater: gone before the next test.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return result;
}

// Turns the event loop for `ms` (a socket connecting, a server reading).
inline void pumpEvents(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QEventLoop().processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
}

} // namespace statusscope::test
