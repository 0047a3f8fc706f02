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
        if self.path == '/form':
            self._answer(self._form_parts(data))
        else:
            self._answer('read %d bytes\n' % len(data))

    # /form: the parts as Python's own MIME parser reads them, one line each.
    def _form_parts(self, data):
        import hashlib
        from email.parser import BytesParser
        from email.policy import HTTP
        head = b'Content-Type: ' + self.headers.get('Content-Type', '').encode() + b'\r\n\r\n'
        message = BytesParser(policy=HTTP).parsebytes(head + data)
        if not message.is_multipart():
            return 'not multipart\n'
        lines = []
        for part in message.iter_parts():
            payload = part.get_payload(decode=True) or b''
            lines.append('%s|%s|%s|%d|%s' % (part.get_param('name', header='content-disposition'),
                                             part.get_filename(), part.get('Content-Type'), len(payload),
                                             hashlib.sha256(payload).hexdigest()[:16]))
        return '\n'.join(lines) + '\n'

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
