// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Server scripts for ScriptedServer shared by suites that only need a fixed answer.

#include "tests/support/scripted_server.h"

#include <QByteArray>

namespace statusscope::test {

// Answers every request, on every connection, with `reply`, until the server stops. The long
// accept timeout costs nothing (accept() returns at once when the test ends) and lets a TLS
// handshake take its time on a loaded machine.
inline ScriptedServer::Script answerEveryRequest(QByteArray reply)
{
    return [reply = std::move(reply)](ScriptedPeer &peer) {
        while (!peer.stopRequested()) {
            if (!peer.accept(60000))
                continue;
            if (peer.readHead(2000).isEmpty())
                continue;
            peer.write(reply);
            peer.waitForClientClose(2000);
        }
    };
}

} // namespace statusscope::test
