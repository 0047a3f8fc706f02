// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An in-process HTTP server that does exactly what a test script says, byte by byte, for the
// cases no real server produces: 417 before the body, no 100 at all, 1xx floods, header bombs,
// malformed framing, slow drips, resets, TLS with test certificates. It runs on its own thread
// with blocking sockets, so the client under test may block or run its own event loop.

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

class QTcpServer;
class QSslSocket;

namespace statusscope::test {

struct TlsIdentity
{
    QString certPath;
    QString keyPath;
};

class ScriptedServer;

// The server side of one scripted session, used only inside the script (server thread).
class ScriptedPeer
{
public:
    // Waits for the next client connection (the previous one is closed). False on timeout or
    // when the TLS handshake fails (the client refused our certificate).
    bool accept(int timeoutMs = 5000);
    // Reads up to and including the empty line that ends a request head.
    QByteArray readHead(int timeoutMs = 5000);
    // Reads exactly n bytes, or fewer if the client closes or the time runs out.
    QByteArray readBytes(qint64 n, int timeoutMs = 5000);
    // Reads whatever arrives until the line is quiet for quietMs; returns the byte count.
    qint64 drain(int quietMs = 300, int maxMs = 10000);
    bool write(const QByteArray &bytes);
    void sleepMs(int ms);
    void close();
    // Closes with a TCP RST (SO_LINGER 0) instead of a FIN.
    void reset();
    // True if the client closed its side within timeoutMs.
    bool waitForClientClose(int timeoutMs);
    bool stopRequested() const;

private:
    friend class ScriptedServer;
    ScriptedServer *m_server = nullptr;
    QTcpServer *m_listener = nullptr;
    QSslSocket *m_socket = nullptr;
    QByteArray m_buffer; // read but not yet consumed by the script
    bool fill(int timeoutMs);
};

class ScriptedServer
{
public:
    using Script = std::function<void(ScriptedPeer &)>;

    explicit ScriptedServer(Script script, std::optional<TlsIdentity> tls = std::nullopt);
    ~ScriptedServer(); // asks the script to stop and joins the thread
    ScriptedServer(const ScriptedServer &) = delete;
    ScriptedServer &operator=(const ScriptedServer &) = delete;

    quint16 port() const { return m_port; }
    QString url(const QString &path = QStringLiteral("/"), const QString &host = QStringLiteral("127.0.0.1")) const;
    // Every byte the server read from clients, in order.
    QByteArray received() const;
    int connections() const { return m_connections.load(); }
    // Waits until the script has returned.
    bool waitFinished(int timeoutMs);

private:
    friend class ScriptedPeer;
    void appendReceived(const QByteArray &bytes);

    Script m_script;
    std::optional<TlsIdentity> m_tls;
    std::atomic<quint16> m_port{0};
    std::atomic<int> m_connections{0};
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false};
    mutable QMutex m_mutex;
    QByteArray m_received;
    std::thread m_thread;
};

} // namespace statusscope::test
