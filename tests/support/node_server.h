#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// A private Node.js `http` server (/usr/bin/node, Debian's nodejs) on a free loopback port:
// http.createServer() with default settings; every request's body is read to the end and
// answered 200 "read N bytes". Kind::Answer417ToExpectation adds a 'checkExpectation' handler
// that answers 417 itself (Node's documented hook for Expect values other than 100-continue).

#include "tests/support/server_process.h"

namespace statusscope::test {

class NodeServer : public ServerProcess
{
public:
    enum class Kind {
        Default,
        Answer417ToExpectation,
    };
    static QString binary() { return QStringLiteral("/usr/bin/node"); }
    explicit NodeServer(Kind kind = Kind::Default) : m_kind(kind) {}
    bool start();

private:
    bool startOnce();
    Kind m_kind;
};

} // namespace statusscope::test
