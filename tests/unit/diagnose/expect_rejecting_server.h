#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// A scripted server for the resend checks: 417 to a request that carries Expect: 100-continue
// (before reading its body), 201 to one that does not (after reading the body it announced).

#include "tests/support/scripted_server.h"

#include <QRegularExpression>

namespace statusscope::test {

inline ScriptedServer::Script expectRejectingServer()
{
    return [](ScriptedPeer &peer) {
        while (!peer.stopRequested() && peer.accept(3000)) {
            const QByteArray head = peer.readHead();
            if (head.isEmpty())
                continue;
            static const QRegularExpression lengthRe(QStringLiteral("(?i)\\r\\ncontent-length: *(\\d+)"));
            const QRegularExpressionMatch m = lengthRe.match(QString::fromLatin1(head));
            if (head.toLower().contains("\r\nexpect: 100-continue")) {
                peer.write("HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            } else {
                peer.readBytes(m.hasMatch() ? m.captured(1).toLongLong() : 0);
                peer.write("HTTP/1.1 201 Created\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            }
            peer.close();
        }
    };
}

} // namespace statusscope::test
