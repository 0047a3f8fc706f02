#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs HttpEngine exchanges on a worker thread of their own, so that whatever the caller's
// thread is busy with (a window relaying out, a slow slot) cannot delay the socket
// notifications the timings are read from: the engine, its sockets and its timers are created,
// run and destroyed on the worker. What crosses back are queued signals carrying plain values.
// One exchange at a time per runner; a runner may run many in turn (a composer tab keeps one).

#include "core/http/clock.h"
#include "core/http/http_types.h"

#include <QObject>
#include <QThread>

#include <functional>

namespace statusscope::http {

class HttpEngine;

// How far the body in flight has come: the request body while uploading, the response body
// once its headers arrived.
struct TransferProgress
{
    int attemptIndex = -1;
    bool downloading = false;
    qint64 doneBytes = 0;
    qint64 totalBytes = -1; // -1: not known (no Content-Length)
};

class ExchangeRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeRunner)

public:
    // How often progress() and snapshot() are sent while an exchange runs.
    static constexpr int kReportIntervalMs = 100;

    // `clock` as for HttpEngine: null for a SteadyClock; else it must outlive the runner and be
    // readable from the worker thread.
    explicit ExchangeRunner(const Clock *clock = nullptr, QObject *parent = nullptr);
    // Stops a running exchange (its finished() is not delivered) and joins the worker.
    ~ExchangeRunner() override;

    // Starts an exchange on the worker; false (and nothing started) while one is running.
    bool start(const RequestSpec &spec);
    // Ends the running exchange with an error of kind `cancelled`; finished() follows.
    void cancel();
    // From start() until finished() was delivered.
    bool isRunning() const { return m_running; }

signals:
    void eventRecorded(int attemptIndex, const statusscope::http::Event &event);
    // The exchange so far, after new events, at most every kReportIntervalMs.
    void snapshot(const statusscope::http::Exchange &soFar);
    void progress(const statusscope::http::TransferProgress &progress);
    void finished(const statusscope::http::Exchange &exchange);

private:
    struct Worker; // lives on the worker thread and is touched only there
    void post(std::function<void()> onCaller);

    const Clock *m_clock;
    QThread m_thread;
    QObject *m_context; // on the worker thread: the context of everything that runs there
    Worker *m_worker;
    bool m_running = false;
};

} // namespace statusscope::http
