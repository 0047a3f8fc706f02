#include "scripted_server.h"

#include <QTcpSocket>

namespace statusscope::test {

ScriptedServer::ScriptedServer(Script script, QObject *parent)
    : QObject(parent)
    , m_script(script)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto *conn = new Conn{socket, {}, -1};
            connect(socket, &QTcpSocket::readyRead, this, [this, conn] { onReadyRead(conn); });
            connect(socket, &QTcpSocket::disconnected, socket, [socket, conn] {
                socket->deleteLater();
                delete conn;
            });
        }
    });
}

QString ScriptedServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void ScriptedServer::respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
                             const QByteArray &type)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
                  + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

void ScriptedServer::onReadyRead(Conn *conn)
{
    if (m_script == Script::NeverReadBody && !m_heads.isEmpty())
        return; // leave the upload in the kernel buffers: the client's writes stall
    conn->buffer += conn->socket->readAll();
    for (;;) {
        if (conn->bodyLeft < 0) {
            const qsizetype end = conn->buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = conn->buffer.left(end + 4);
            conn->buffer.remove(0, end + 4);
            m_heads << head;
            const QByteArray lower = head.toLower();
            qint64 length = 0;
            const qsizetype cl = lower.indexOf("\r\ncontent-length:");
            if (cl >= 0)
                length = lower.mid(cl + 17, lower.indexOf("\r\n", cl + 2) - cl - 17).trimmed().toLongLong();
            const bool expect = lower.contains("\r\nexpect: 100-continue");
            if (m_script == Script::NeverReadBody)
                return;
            if (expect && m_script == Script::Reject417) {
                // RFC 9110 §15.5.18: the server will not meet the expectation; the body is not sent.
                respond(conn->socket, 417, "Expectation Failed", QByteArray(), "text/plain");
                continue;
            }
            if (expect)
                conn->socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            conn->bodyLeft = length;
        }
        const qint64 take = qMin<qint64>(conn->bodyLeft, conn->buffer.size());
        conn->buffer.remove(0, take);
        conn->bodyLeft -= take;
        m_bodyRead += take;
        if (conn->bodyLeft > 0)
            return;
        conn->bodyLeft = -1;
        respond(conn->socket, 200, "OK", QByteArray(R"({"ok":true,"received":)") + QByteArray::number(m_bodyRead) + '}');
    }
}

} // namespace statusscope::test
