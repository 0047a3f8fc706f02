// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/nginx_server.h"

#include <QDir>

namespace statusscope::test {

bool NginxServer::start()
{
    for (int i = 0; i < 3; ++i) {
        stop();
        if (startOnce())
            return true;
    }
    return false;
}

bool NginxServer::startOnce()
{
    if (!prepare("hello from nginx\n"))
        return false;
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
    client_max_body_size 2g;
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
        location / { root %1/www; }
    }
}
)").arg(d).arg(m_port).toUtf8();
    const QString confPath = d + QStringLiteral("/nginx.conf");
    writeTextFile(confPath, conf);
    return launch(binary(), {QStringLiteral("-c"), confPath, QStringLiteral("-p"), d}, d + QStringLiteral("/error.log"));
}

bool NginxServer::startProxyTo(quint16 originPort)
{
    for (int i = 0; i < 3; ++i) {
        stop();
        if (startProxyOnce(originPort))
            return true;
    }
    return false;
}

bool NginxServer::startProxyOnce(quint16 originPort)
{
    if (!prepare("nginx proxy\n"))
        return false;
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
    server {
        listen 127.0.0.1:%2;
        location / { proxy_pass http://127.0.0.1:%3; }
    }
}
)").arg(d).arg(m_port).arg(originPort).toUtf8();
    const QString confPath = d + QStringLiteral("/nginx.conf");
    writeTextFile(confPath, conf);
    return launch(binary(), {QStringLiteral("-c"), confPath, QStringLiteral("-p"), d}, d + QStringLiteral("/error.log"));
}

} // namespace statusscope::test
