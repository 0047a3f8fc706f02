// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/python_server.h"

namespace statusscope::test {

namespace {

const QByteArray kScript = R"(# Written by the StatusScope tests: Python's http.server, default protocol_version.
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def _answer(self, text):
        body = text.encode()
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def _read_body(self):
        n = int(self.headers.get('Content-Length') or 0)
        data = self.rfile.read(n) if n > 0 else b''
        self._answer('read %d bytes\n' % len(data))

    do_PUT = _read_body
    do_POST = _read_body

    def do_HEAD(self):
        self._answer('')

    def do_GET(self):
        self._answer('hello from python\n')

    def log_message(self, fmt, *args):
        sys.stderr.write('%s\n' % (fmt % args))


ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()
)";

} // namespace

bool PythonHttpServer::start()
{
    for (int i = 0; i < 3; ++i) {
        stop();
        if (startOnce())
            return true;
    }
    return false;
}

bool PythonHttpServer::startOnce()
{
    if (!prepare("hello from python\n"))
        return false;
    const QString script = m_dir.filePath(QStringLiteral("server.py"));
    if (!writeTextFile(script, kScript)) {
        m_error = QStringLiteral("cannot write %1").arg(script);
        return false;
    }
    return launch(binary(), {QStringLiteral("-u"), script, QString::number(m_port)}, QString());
}

} // namespace statusscope::test
