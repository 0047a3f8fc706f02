// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A private Apache httpd (/usr/sbin/apache2, prefork MPM, modules from
// /usr/lib/apache2/modules) for integration tests. Same paths as NginxServer: /upload reads
// the body (a CGI script that consumes stdin, so Apache sends 100 Continue when it reads),
// /small has LimitRequestBody 1024 (413), /private needs basic auth user:secret (401),
// /gate answers 417 to any Expect (a gateway refusing expectations) and otherwise reads the
// body, /index.html is a static file. Apache answers an unknown Expect value with 417.

#include "tests/support/server_process.h"

namespace statusscope::test {

class ApacheServer : public ServerProcess
{
public:
    static QString binary() { return QStringLiteral("/usr/sbin/apache2"); }
    // Tries up to three free ports: another process may take one between probe and bind.
    bool start();

private:
    bool startOnce();
};

} // namespace statusscope::test
