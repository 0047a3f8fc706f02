// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer_server.h"

namespace statusscope::test {

namespace {

qint64 contentLength(const QByteArray &head)
{
    const QByteArray lower = head.toLower();
    const qsizetype at = lower.indexOf("\r\ncontent-length:");
    if (at < 0)
        return 0;
    const qsizetype end = lower.indexOf("\r\n", at + 2);
    return lower.mid(at + 17, end - at - 17).trimmed().toLongLong();
}

QByteArray response(int status, const QByteArray &reason, const QByteArray &body, const QByteArray &type)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
           + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

ComposerServer::ComposerServer(Script script)
{
    auto record = m_record;
    m_server = std::make_unique<ScriptedServer>([script, record](ScriptedPeer &peer) {
        while (!peer.stopRequested()) {
            if (!peer.accept(200))
                continue;
            for (;;) { // requests on this connection until the client closes it
                const QByteArray head = peer.readHead(10000);
                if (head.isEmpty())
                    break;
                {
                    const QMutexLocker lock(&record->mutex);
                    record->heads << head;
                }
                if (script == Script::NeverReadBody) {
                    while (!peer.stopRequested() && !peer.waitForClientClose(50)) {
                    }
                    break;
                }
                const bool expect = head.toLower().contains("\r\nexpect: 100-continue");
                if (expect && script == Script::Reject417) {
                    // RFC 9110 §15.5.18: the expectation cannot be met; the body is not read.
                    peer.write(response(417, "Expectation Failed", {}, "text/plain"));
                    continue;
                }
                if (expect)
                    peer.write("HTTP/1.1 100 Continue\r\n\r\n");
                if (script == Script::Reject417)
                    peer.write("HTTP/1.1 103 Early Hints\r\nLink: </app.css>; rel=preload; as=style\r\n\r\n");
                const QByteArray body = peer.readBytes(contentLength(head), 10000);
                qint64 total = 0;
                {
                    const QMutexLocker lock(&record->mutex);
                    record->bodyBytes += body.size();
                    total = record->bodyBytes;
                }
                peer.write(response(200, "OK", R"({"ok":true,"received":)" + QByteArray::number(total) + '}',
                                    "application/json"));
            }
        }
    });
}

QList<QByteArray> ComposerServer::requestHeads() const
{
    const QMutexLocker lock(&m_record->mutex);
    return m_record->heads;
}

qint64 ComposerServer::bodyBytesRead() const
{
    const QMutexLocker lock(&m_record->mutex);
    return m_record->bodyBytes;
}

} // namespace statusscope::test
