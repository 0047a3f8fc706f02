#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the Expect battery: each check one request on a fresh connection (a new HttpEngine),
// no automatic retry (no 417 retry, no stale-connection repeat, no redirects), one after
// another; with a proxy, the whole battery direct and then via the proxy. Asynchronous (the
// engine never blocks), so the GUI drives it on its own thread; runProbe() is the blocking
// form for the CLI and tests.

#include "core/http/clock.h"
#include "core/probe/probe_types.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace statusscope::http {
class HttpEngine;
}

namespace statusscope::probe {

// Generated content of n bytes: a readable repeating line, never user data.
QByteArray generatedBody(qint64 n);

// The request a check sends (the follow-up of check 7 aside): exposed for tests.
http::RequestSpec checkRequest(CheckId id, Route via, const ProbeOptions &options);

class ProbeRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeRunner)

public:
    explicit ProbeRunner(const http::Clock *clock = nullptr, QObject *parent = nullptr);
    ~ProbeRunner() override;

    // Starts the battery (validate() the options first). finished() follows.
    void start(const ProbeOptions &options);
    // Stops the running check at once; finished() reports what was done, cancelled set.
    void cancel();
    bool isRunning() const;
    int totalChecks() const; // 8, or 16 with a proxy
    const ProbeReport &report() const { return m_report; }

signals:
    void checkStarted(int index, int total, statusscope::probe::CheckId id, statusscope::probe::Route via);
    void checkFinished(int index, const statusscope::probe::CheckResult &result);
    void finished();

private:
    void runNext();
    void onExchangeFinished();
    void onWatchDone();
    void onFollowUpFinished();
    void completeCheck();

    const http::Clock *m_clock;
    ProbeOptions m_options;
    ProbeReport m_report;
    QList<QPair<CheckId, Route>> m_plan;
    int m_index = -1;
    bool m_running = false;
    std::unique_ptr<http::HttpEngine> m_engine;
    CheckObservation m_observation;
    qint64 m_responseEndNs = 0;
    QTimer m_watchTimer;
};

ProbeReport runProbe(const ProbeOptions &options,
                     const std::function<void(int index, int total, const CheckResult &)> &progress = {});

} // namespace statusscope::probe
