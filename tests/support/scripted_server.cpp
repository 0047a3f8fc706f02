// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/scripted_server.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>

#include <future>
#include <unistd.h>
#include <sys/socket.h>

namespace statusscope::test {

bool ScriptedPeer::stopRequested() const
{
    return m_server->m_stop.load();
}

bool ScriptedPeer::accept(int timeoutMs)
{
    close();
    QDeadlineTimer deadline(timeoutMs);
    while (!m_listener->hasPendingConnections()) {
        if (deadline.hasExpired() || stopRequested())
            return false;
        m_listener->waitForNewConnection(50);
    }
    QTcpSocket *plain = m_listener->nextPendingConnection();
    const qintptr fd = plain->socketDescriptor();
    plain->setParent(nullptr);
    // Take the descriptor over into a QSslSocket (plain TCP unless TLS is configured).
    auto *socket = new QSslSocket;
    const qintptr dupFd = ::dup(int(fd));
    delete plain;
    socket->setSocketDescriptor(dupFd);
    m_socket = socket;
    m_buffer.clear();
    ++m_server->m_connections;
    if (m_server->m_tls) {
        QFile certFile(m_server->m_tls->certPath);
        QFile keyFile(m_server->m_tls->keyPath);
        certFile.open(QIODevice::ReadOnly);
        keyFile.open(QIODevice::ReadOnly);
        socket->setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        socket->setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        socket->startServerEncryption();
        if (!socket->waitForEncrypted(deadline.remainingTime() > 0 ? int(deadline.remainingTime()) : 2000))
            return false;
    }
    return true;
}

bool ScriptedPeer::fill(int timeoutMs)
{
    if (!m_socket)
        return false;
    if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(timeoutMs))
        return false;
    const QByteArray data = m_socket->readAll();
    m_server->appendReceived(data);
    m_buffer += data;
    return !data.isEmpty();
}

QByteArray ScriptedPeer::readHead(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_buffer.contains("\r\n\r\n") && !deadline.hasExpired() && !stopRequested()) {
        if (!fill(qMin<int>(100, int(qMax<qint64>(1, deadline.remainingTime())))) && m_socket
            && m_socket->state() != QAbstractSocket::ConnectedState)
            break;
    }
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return {};
    const QByteArray head = m_buffer.left(end + 4);
    m_buffer.remove(0, end + 4);
    return head;
}

QByteArray ScriptedPeer::readBytes(qint64 n, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_buffer.size() < n && !deadline.hasExpired() && !stopRequested()) {
        if (!fill(qMin<int>(100, int(qMax<qint64>(1, deadline.remainingTime())))) && m_socket
            && m_socket->state() != QAbstractSocket::ConnectedState)
            break;
    }
    const QByteArray out = m_buffer.left(n);
    m_buffer.remove(0, out.size());
    return out;
}

qint64 ScriptedPeer::drain(int quietMs, int maxMs)
{
    qint64 total = m_buffer.size();
    m_buffer.clear();
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < maxMs && !stopRequested() && m_socket) {
        if (!fill(quietMs))
            break;
        total += m_buffer.size();
        m_buffer.clear();
    }
    return total;
}

bool ScriptedPeer::write(const QByteArray &bytes)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    m_socket->write(bytes);
    while (m_socket->bytesToWrite() > 0) {
        if (!m_socket->waitForBytesWritten(2000))
            return false;
    }
    return true;
}

void ScriptedPeer::sleepMs(int ms)
{
    QThread::msleep(ulong(ms));
}

void ScriptedPeer::close()
{
    if (!m_socket)
        return;
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->disconnectFromHost();
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->waitForDisconnected(1000);
    }
    delete m_socket;
    m_socket = nullptr;
}

void ScriptedPeer::reset()
{
    if (!m_socket)
        return;
    const linger hard{1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    m_socket->abort();
    delete m_socket;
    m_socket = nullptr;
}

bool ScriptedPeer::waitForClientClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket && m_socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        fill(50);
    }
    return !m_socket || m_socket->state() != QAbstractSocket::ConnectedState;
}

ScriptedServer::ScriptedServer(Script script, std::optional<TlsIdentity> tls)
    : m_script(std::move(script))
    , m_tls(std::move(tls))
{
    std::promise<quint16> ready;
    std::future<quint16> port = ready.get_future();
    m_thread = std::thread([this, &ready] {
        QTcpServer listener;
        listener.listen(QHostAddress::LocalHost, 0);
        ready.set_value(listener.serverPort());
        ScriptedPeer peer;
        peer.m_server = this;
        peer.m_listener = &listener;
        m_script(peer);
        peer.close();
        m_finished = true;
    });
    m_port = port.get();
}

ScriptedServer::~ScriptedServer()
{
    m_stop = true;
    m_thread.join();
}

QString ScriptedServer::url(const QString &path, const QString &host) const
{
    return QStringLiteral("%1://%2:%3%4").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), host).arg(m_port.load()).arg(path);
}

QByteArray ScriptedServer::received() const
{
    QMutexLocker lock(&m_mutex);
    return m_received;
}

void ScriptedServer::appendReceived(const QByteArray &bytes)
{
    QMutexLocker lock(&m_mutex);
    m_received += bytes;
}

bool ScriptedServer::waitFinished(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_finished && !deadline.hasExpired())
        QThread::msleep(10);
    return m_finished;
}

} // namespace statusscope::test
