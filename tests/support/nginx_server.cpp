// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/nginx_server.h"

#include <QDir>

namespace statusscope::test {

bool NginxServer::startWithRetries(const std::function<bool()> &startOnce)
{
    for (int i = 0; i < 3; ++i) {
        stop();
        if (startOnce())
            return true;
    }
    return false;
}

bool NginxServer::launchWith(const QString &serverBlocks)
{
    const QString d = m_dir.path();
    QDir(d).mkpath(QStringLiteral("tmp"));
    const QByteArray conf = QStringLiteral(R"(daemon off;
master_process off;
worker_processes 1;
pid %1/nginx.pid;
error_log %1/error.log info;
events { worker_connections 128; }
http {
    access_log %1/access.log;
    client_body_temp_path %1/tmp/body;
    proxy_temp_path %1/tmp/proxy;
    fastcgi_temp_path %1/tmp/fastcgi;
    uwsgi_temp_path %1/tmp/uwsgi;
    scgi_temp_path %1/tmp/scgi;
%2}
)").arg(d, serverBlocks).toUtf8();
    const QString confPath = d + QStringLiteral("/nginx.conf");
    writeTextFile(confPath, conf);
    return launch(binary(), {QStringLiteral("-c"), confPath, QStringLiteral("-p"), d}, d + QStringLiteral("/error.log"));
}

bool NginxServer::start()
{
    return startWithRetries([this] { return startOnce(); });
}

bool NginxServer::startOnce()
{
    if (!prepare("hello from nginx\n"))
        return false;
    return launchWith(QStringLiteral(R"(    client_max_body_size 2g;
    server {
        listen 127.0.0.1:%2;
        location = /sink { return 200 "ok\n"; }
        location = /upload { proxy_pass http://127.0.0.1:%2/sink; proxy_request_buffering on; }
        location = /small { client_max_body_size 1k; proxy_pass http://127.0.0.1:%2/sink; }
        location = /private {
            auth_basic "private";
            auth_basic_user_file %1/htpasswd;
            proxy_pass http://127.0.0.1:%2/sink;
        }
        location = /ret { return 200 "ret\n"; }
        location = /gate { if ($http_expect) { return 417; } proxy_pass http://127.0.0.1:%2/sink; }
        location = /drop { return 444; }
        location / { root %1/www; }
    }
)").arg(m_dir.path()).arg(m_port));
}

bool NginxServer::startProxyTo(quint16 originPort)
{
    return startWithRetries([this, originPort] { return startProxyOnce(originPort); });
}

bool NginxServer::startProxyOnce(quint16 originPort)
{
    if (!prepare("nginx proxy\n"))
        return false;
    return launchWith(QStringLiteral(R"(    server {
        listen 127.0.0.1:%1;
        location / { proxy_pass http://127.0.0.1:%2; }
    }
)").arg(m_port).arg(originPort));
}

bool NginxServer::startTls(const QString &certPath, const QString &keyPath)
{
    return startWithRetries([this, certPath, keyPath] {
        if (!prepare("hello from nginx over TLS\n"))
            return false;
        return launchWith(QStringLiteral(R"(    server {
        listen 127.0.0.1:%1 ssl;
        ssl_certificate %2;
        ssl_certificate_key %3;
        location / { root %4/www; }
    }
)").arg(m_port).arg(certPath, keyPath, m_dir.path()));
    });
}

} // namespace statusscope::test
