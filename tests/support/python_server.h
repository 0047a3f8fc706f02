#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// A private Python `http.server` (/usr/bin/python3) on a free loopback port: a
// BaseHTTPRequestHandler with the default protocol_version "HTTP/1.0", so it ignores
// Expect: 100-continue (Python only answers it when protocol_version is HTTP/1.1); PUT and POST
// read Content-Length bytes and answer 200 "read N bytes" (POST /form: one line per multipart
// part as Python's email parser reads it, name|filename|Content-Type|size|sha256 prefix),
// HEAD answers 200.

#include "tests/support/server_process.h"

namespace statusscope::test {

class PythonHttpServer : public ServerProcess
{
public:
    static QString binary() { return QStringLiteral("/usr/bin/python3"); }
    bool start();

private:
    bool startOnce();
};

} // namespace statusscope::test
