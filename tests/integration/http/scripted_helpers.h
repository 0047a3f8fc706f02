// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small helpers shared by the scripted-server suites: request specs, event lookups, and the
// usual server scripts.

#include "core/http/http_engine.h"
#include "tests/support/scripted_server.h"

#include <QByteArray>
#include <QString>

namespace statusscope::test {

inline http::RequestSpec post(const QString &url, qint64 bytes)
{
    http::RequestSpec s;
    s.method = "POST";
    s.url = QUrl(url);
    s.body = QByteArray(bytes, 'x');
    return s;
}

inline http::RequestSpec get(const QString &url)
{
    http::RequestSpec s;
    s.url = QUrl(url);
    return s;
}

inline bool hasEvent(const http::Attempt &a, http::EventType type, const QString &detailPart = {})
{
    for (const http::Event &e : a.events) {
        if (e.type == type && (detailPart.isEmpty() || e.detail.contains(detailPart)))
            return true;
    }
    return false;
}

inline qint64 contentLength(const QByteArray &head)
{
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            return line.mid(15).trimmed().toLongLong();
    }
    return 0;
}

inline const QByteArray kOk = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

// The polite server: reads the head, answers `interim` (a 100 by default), reads the body the
// head announced, answers 200.
inline ScriptedServer::Script continueThenOk(QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n")
{
    return [interim = std::move(interim)](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        const QByteArray head = peer.readHead();
        peer.write(interim);
        peer.readBytes(contentLength(head));
        peer.write(kOk);
        peer.waitForClientClose(2000);
    };
}

// One step of a server script: takes the next connection if `accept` (else stays on the
// current one), reads a request head and writes `reply`; false when no client came.
inline bool answerNext(ScriptedPeer &peer, const QByteArray &reply, bool accept = false)
{
    if (accept && !peer.accept())
        return false;
    peer.readHead();
    peer.write(reply);
    return true;
}

// Answers one request with `reply`, then leaves the connection to the client for `waitMs`.
inline ScriptedServer::Script answerThenWait(QByteArray reply, int waitMs = 2000)
{
    return [reply = std::move(reply), waitMs](ScriptedPeer &peer) {
        if (answerNext(peer, reply, true))
            peer.waitForClientClose(waitMs);
    };
}

inline ScriptedServer::Script replyWith(QByteArray reply, bool reset = false)
{
    return [reply = std::move(reply), reset](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write(reply);
        peer.sleepMs(50);
        if (reset)
            peer.reset();
        else
            peer.close();
    };
}

} // namespace statusscope::test
