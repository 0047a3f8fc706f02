// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A private nginx (Debian nginx-light, /usr/sbin/nginx) for integration tests and benchmarks.
// Paths: /upload reads the body (proxied to /sink, so nginx really consumes it and answers
// 100 Continue), /small refuses bodies over 1 KiB (413), /private needs basic auth user:secret
// (401), /ret answers 200 without reading anything, /gate answers 417 to any Expect (as a
// gateway that refuses expectations does) and otherwise reads the body, /drop closes the
// connection without a response (`return 444`), /index.html is a static file.

#include "tests/support/server_process.h"

#include <functional>

namespace statusscope::test {

class NginxServer : public ServerProcess
{
public:
    static QString binary() { return QStringLiteral("/usr/sbin/nginx"); }
    // Tries up to three free ports: another process may take one between probe and bind.
    bool start();
    // nginx as the hop in front of another server: every request (origin-form or the
    // absolute-form a client sends to a proxy) goes to 127.0.0.1:originPort with nginx's
    // defaults (request buffering on; the client's Expect is answered by nginx, not passed on).
    bool startProxyTo(quint16 originPort);
    // HTTPS on 127.0.0.1 with this certificate (PEM, leaf first) and key; / is the static
    // index. Any certificate, valid or not: what a client makes of it is the test's business.
    bool startTls(const QString &certPath, const QString &keyPath);

private:
    bool startWithRetries(const std::function<bool()> &startOnce);
    // Writes nginx.conf (private pid, logs and temp paths around `serverBlocks`) and runs it.
    bool launchWith(const QString &serverBlocks);
    bool startOnce();
    bool startProxyOnce(quint16 originPort);
};

} // namespace statusscope::test
