#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The wire-level HTTP/1.1 client: runs one RequestSpec as an Exchange on a QSslSocket and
// records every step on one monotonic clock. See the top of http_engine.cpp for known limits.
//
// HttpEngine is asynchronous (it never blocks its thread), but its timings are only as good as
// its thread's promptness: a GUI runs it through ExchangeRunner (its own worker thread). Create
// one per exchange, connect eventRecorded() for a live timeline and exchangeFinished() for the
// result, call start(spec), and cancel() whenever the user asks. exchange() is a plain value to copy;
// deriveTimings() gives the phases, exchangeToJson()/exchangeToHar() save it.

#include "core/http/clock.h"
#include "core/http/http_types.h"

#include <QObject>

#include <memory>
#include <optional>

namespace statusscope::http {

// Bodies up to this size stay in memory; beyond it the rest goes to a temporary file, so a
// 1 GiB download keeps the process small.
inline constexpr qint64 kBodyMemoryCapBytes = 8 * 1024 * 1024;
// Upload pacing: read this much from the body file at a time, and keep at most
// kMaxUploadBufferBytes queued in the socket (bounded memory, and the socket never idles).
inline constexpr qint64 kUploadChunkBytes = 256 * 1024;
inline constexpr qint64 kMaxUploadBufferBytes = 1024 * 1024;
// gzip/deflate content is decoded only for bodies in memory, up to this decoded size.
inline constexpr qint64 kMaxDecodedBytes = 32 * 1024 * 1024;

class HttpEngine : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpEngine)

public:
    // `clock` may be null (a SteadyClock is used); it must outlive the engine.
    explicit HttpEngine(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~HttpEngine() override;

    // Starts the exchange; exchangeFinished() follows (possibly before start() returns).
    void start(const RequestSpec &spec);
    // Stops at once; the exchange ends with an error of kind `cancelled`.
    void cancel();

    bool isFinished() const;
    const Exchange &exchange() const;

    // After an exchange run with RequestSpec::keepConnection (how a probe watches a server
    // between requests): whether the connection is still open, the bytes the server sent on it
    // since the response ended (first 4 KiB; a conforming server sends none), and when the
    // server closed it (engine clock). A connection that received bytes or closed is never
    // reused. closeConnection() ends it.
    bool connectionOpen() const;
    QByteArray bytesAfterExchange() const;
    std::optional<qint64> closedAfterExchangeNs() const;
    void closeConnection();

signals:
    void eventRecorded(int attemptIndex, const statusscope::http::Event &event);
    void exchangeFinished();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Runs an exchange to its end in a local event loop. For the CLI, tests and worker threads;
// never call it on the GUI thread (use HttpEngine and its signals there).
Exchange runExchange(const RequestSpec &spec, const Clock *clock = nullptr);

} // namespace statusscope::http
