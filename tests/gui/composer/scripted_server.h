#pragma once
// A loopback HTTP/1.1 server whose answers are scripted per test, running on the test's own
// event loop (the engine runs there too). It answers the cases a real server cannot be told to
// produce on demand: 100 Continue, 417 then a retry, and an upload it never reads.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace statusscope::test {

class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    enum class Script {
        Continue100,     // Expect → 100 Continue, read the body, 200 with a JSON body
        Reject417,       // Expect → 417 (connection kept); a request without Expect → 200
        NeverReadBody,   // read the head, then stop reading (uploads stall)
    };

    explicit ScriptedServer(Script script, QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path) const;
    QList<QByteArray> requestHeads() const { return m_heads; }
    qint64 bodyBytesRead() const { return m_bodyRead; }

private:
    struct Conn
    {
        QTcpSocket *socket = nullptr;
        QByteArray buffer;
        qint64 bodyLeft = -1; // -1: reading a head
    };
    void onReadyRead(Conn *conn);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
                 const QByteArray &type = "application/json");

    Script m_script;
    QTcpServer m_server;
    QList<QByteArray> m_heads;
    qint64 m_bodyRead = 0;
};

} // namespace statusscope::test
