// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/guides/cli_scenarios/cli_scenarios.h"

#include "tests/support/full_backlog_listener.h"
#include "tests/support/nginx_server.h"
#include "tests/support/scripted_replies.h"
#include "tests/support/scripted_server.h"
#include "tests/support/server_process.h"
#include "tests/support/test_certificates.h"

#include <QDir>
#include <QFile>

namespace statusscope::test {

namespace {

// Keeps `server` alive for the situation and takes its port.
template <typename Server>
Situation serving(std::shared_ptr<Server> server, QString error = {})
{
    Situation s;
    s.port = server->port();
    s.error = std::move(error);
    s.alive.push_back(std::move(server));
    return s;
}

Situation nothing(const QString &)
{
    return {};
}

Situation closedPort(const QString &)
{
    Situation s;
    s.port = freeLoopbackPort();
    return s;
}

Situation fullBacklog(const QString &)
{
    auto listener = std::make_shared<FullBacklogListener>();
    return serving(listener, listener->error());
}

Situation scripted(ScriptedServer::Script script)
{
    return serving(std::make_shared<ScriptedServer>(std::move(script)));
}

Situation silentServer(const QString &)
{
    return scripted(neverAnswer());
}

Situation resettingServer(const QString &)
{
    return scripted(resetAfterRequest());
}

// A forward proxy whose policy refuses the tunnel, as Squid's `http_access deny CONNECT` does.
Situation refusingProxy(const QString &)
{
    return scripted(answerEveryRequest("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 22\r\n"
                                       "Connection: close\r\n\r\nCONNECT not permitted\n"));
}

Situation plainNginx(const QString &)
{
    auto nginx = std::make_shared<NginxServer>();
    return serving(nginx, nginx->start() ? QString() : nginx->error());
}

// nginx serving one certificate of the fixed test set over TLS. withCa: the reader's copy of
// the test CA is in the folder as ca.pem, for --cacert.
Situation tlsNginx(const QString &workDir, TestCertificate TestPki::*served, bool withCa)
{
    const TestPki pki = makeTestPki(QDir(workDir).filePath(QStringLiteral("pki")));
    if (!pki.error.isEmpty())
        return {0, QStringLiteral("test certificates: ") + pki.error, {}};
    if (withCa && !QFile::copy(pki.rootCa.certPath, QDir(workDir).filePath(QStringLiteral("ca.pem"))))
        return {0, QStringLiteral("cannot copy the test CA to ca.pem"), {}};
    auto nginx = std::make_shared<NginxServer>();
    const TestCertificate &cert = pki.*served;
    return serving(nginx, nginx->startTls(cert.certPath, cert.keyPath) ? QString() : nginx->error());
}

} // namespace

const std::vector<CliScenario> &cliScenarios()
{
    static const std::vector<CliScenario> all{
        {"send-dns-failure", "nothing: the block's host is under .invalid (RFC 6761), which never resolves", nothing},
        {"send-connection-refused", "a loopback port nobody listens on", closedPort},
        {"send-connect-timeout", "a loopback listener with a full accept queue: SYNs are dropped", fullBacklog},
        {"send-read-timeout", "a scripted server that reads the request and never answers", silentServer},
        {"send-reset-after-request", "a scripted server that reads the request head, then resets (SO_LINGER 0)", resettingServer},
        {"send-empty-reply", "nginx; /drop is `return 444` (closes without a response)", plainNginx},
        {"send-expect-417", "nginx; /gate answers 417 to any Expect and otherwise reads the body", plainNginx},
        {"send-proxy-errors", "a scripted forward proxy that answers CONNECT with 403 Forbidden", refusingProxy},
        {"send-tls-plain-http-port", "nginx speaking plain HTTP", plainNginx},
        {"send-cert-expired", "nginx over TLS with a Test Root CA certificate for localhost that expired 2025-02-01; ca.pem is the CA",
         [](const QString &d) { return tlsNginx(d, &TestPki::expired, true); }},
        {"send-cert-self-signed", "nginx over TLS with a self-signed certificate for localhost",
         [](const QString &d) { return tlsNginx(d, &TestPki::selfSigned, false); }},
        {"send-cert-unknown-issuer", "nginx over TLS with a localhost certificate from Test Root CA, which the client does not have",
         [](const QString &d) { return tlsNginx(d, &TestPki::localhost, false); }},
        {"send-cert-hostname-mismatch", "nginx over TLS with a Test Root CA certificate for www.example.com only; ca.pem is the CA",
         [](const QString &d) { return tlsNginx(d, &TestPki::otherHost, true); }},
    };
    return all;
}

const CliScenario *findCliScenario(const QString &name)
{
    for (const CliScenario &s : cliScenarios()) {
        if (name == QLatin1String(s.name))
            return &s;
    }
    return nullptr;
}

} // namespace statusscope::test
