// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/exchange_runner.h"

#include "core/http/http_engine.h"
#include "core/http/network_warmup.h"

#include <QTimer>

namespace statusscope::http {

namespace {

TransferProgress progressOf(const Exchange &exchange)
{
    TransferProgress p;
    if (exchange.attempts.isEmpty())
        return p;
    const Attempt &a = exchange.attempts.last();
    p.attemptIndex = int(exchange.attempts.size() - 1);
    p.downloading = a.response.has_value();
    if (p.downloading) {
        p.doneBytes = a.response->bodyBytes;
        if (const auto length = headerValue(a.response->headers, "Content-Length")) {
            bool ok = false;
            const qint64 n = length->trimmed().toLongLong(&ok);
            p.totalBytes = ok ? n : -1;
        }
    } else {
        p.doneBytes = a.request.bodySentBytes;
        p.totalBytes = a.request.bodyBytes > 0 ? a.request.bodyBytes : -1;
    }
    return p;
}

} // namespace

struct ExchangeRunner::Worker
{
    HttpEngine *engine = nullptr;
    QTimer *tick = nullptr;
    bool changed = false; // events since the last snapshot
};

ExchangeRunner::ExchangeRunner(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_context(new QObject)
    , m_worker(new Worker)
{
    m_thread.setObjectName(QStringLiteral("statusscope-http"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_context, [this] {
        m_worker->tick = new QTimer(m_context);
        m_worker->tick->setInterval(kReportIntervalMs);
        QObject::connect(m_worker->tick, &QTimer::timeout, m_context, [this] {
            if (!m_worker->engine)
                return;
            const Exchange &x = m_worker->engine->exchange();
            if (m_worker->changed) {
                m_worker->changed = false;
                post([this, x] { emit snapshot(x); });
            }
            post([this, p = progressOf(x)] { emit progress(p); });
        });
        warmUpNetworking();
    });
}

ExchangeRunner::~ExchangeRunner()
{
    // Everything the worker made is deleted on the worker (sockets and timers belong to their
    // thread); then the thread ends. Results still queued for this object die with it.
    QMetaObject::invokeMethod(m_context, [this] {
        if (m_worker->engine) {
            m_worker->engine->disconnect(m_context);
            m_worker->engine->cancel();
        }
        delete m_context;
        m_context = nullptr;
        QThread::currentThread()->quit();
    });
    m_thread.wait();
    delete m_worker;
}

void ExchangeRunner::post(std::function<void()> onCaller)
{
    QMetaObject::invokeMethod(this, std::move(onCaller), Qt::QueuedConnection);
}

bool ExchangeRunner::start(const RequestSpec &spec)
{
    if (m_running)
        return false;
    m_running = true;
    QMetaObject::invokeMethod(m_context, [this, spec] {
        delete m_worker->engine; // the previous exchange's, finished
        m_worker->engine = new HttpEngine(m_clock, m_context);
        HttpEngine *engine = m_worker->engine;
        m_worker->changed = false;
        QObject::connect(engine, &HttpEngine::eventRecorded, m_context, [this](int attempt, const Event &e) {
            m_worker->changed = true;
            post([this, attempt, e] { emit eventRecorded(attempt, e); });
        });
        // Queued: the engine may finish inside start().
        QObject::connect(engine, &HttpEngine::exchangeFinished, m_context, [this, engine] {
            if (engine != m_worker->engine)
                return;
            m_worker->tick->stop();
            post([this, x = engine->exchange()] {
                m_running = false;
                emit finished(x);
            });
        }, Qt::QueuedConnection);
        m_worker->tick->start();
        engine->start(spec);
    });
    return true;
}

void ExchangeRunner::cancel()
{
    if (!m_running)
        return;
    QMetaObject::invokeMethod(m_context, [this] {
        if (m_worker->engine)
            m_worker->engine->cancel();
    });
}

} // namespace statusscope::http
