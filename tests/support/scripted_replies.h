// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Server scripts for ScriptedServer shared by suites that only need a fixed answer.

#include "tests/support/scripted_server.h"

#include <QByteArray>

#include <functional>

namespace statusscope::test {

// Runs `handle` on every connection until the server stops. The long accept timeout costs
// nothing (accept() returns at once when the test ends) and lets a TLS handshake take its time
// on a loaded machine.
inline ScriptedServer::Script forEveryConnection(std::function<void(ScriptedPeer &)> handle)
{
    return [handle = std::move(handle)](ScriptedPeer &peer) {
        while (!peer.stopRequested()) {
            if (peer.accept(60000))
                handle(peer);
        }
    };
}

// Answers every request, on every connection, with `reply`, until the server stops.
inline ScriptedServer::Script answerEveryRequest(QByteArray reply)
{
    return forEveryConnection([reply = std::move(reply)](ScriptedPeer &peer) {
        if (peer.readHead(2000).isEmpty())
            return;
        peer.write(reply);
        peer.waitForClientClose(2000);
    });
}

// Reads each request and never answers, holding the connection until the client gives up.
inline ScriptedServer::Script neverAnswer()
{
    return forEveryConnection([](ScriptedPeer &peer) {
        peer.readHead(2000);
        while (!peer.stopRequested() && !peer.waitForClientClose(100)) {
        }
    });
}

// Reads each request head, then resets the connection (TCP RST) without a byte of response.
inline ScriptedServer::Script resetAfterRequest()
{
    return forEveryConnection([](ScriptedPeer &peer) {
        peer.readHead(2000);
        peer.reset();
    });
}

} // namespace statusscope::test
