// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/node_server.h"

namespace statusscope::test {

namespace {

const QByteArray kScript = R"(// Written by the StatusScope tests: Node's http server with default settings.
'use strict';
const http = require('http');
const port = Number(process.argv[2]);
const mode = process.argv[3];
const server = http.createServer((req, res) => {
  let n = 0;
  req.on('data', (chunk) => { n += chunk.length; });
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('read ' + n + ' bytes\n');
  });
});
if (mode === 'expectation-417') {
  server.on('checkExpectation', (req, res) => {
    res.writeHead(417, { 'Content-Type': 'text/plain' });
    res.end('cannot meet Expect: ' + req.headers.expect + '\n');
  });
}
server.listen(port, '127.0.0.1');
)";

} // namespace

bool NodeServer::start()
{
    for (int i = 0; i < 3; ++i) {
        stop();
        if (startOnce())
            return true;
    }
    return false;
}

bool NodeServer::startOnce()
{
    if (!prepare("hello from node\n"))
        return false;
    const QString script = m_dir.filePath(QStringLiteral("server.js"));
    if (!writeTextFile(script, kScript)) {
        m_error = QStringLiteral("cannot write %1").arg(script);
        return false;
    }
    return launch(binary(),
                  {script, QString::number(m_port),
                   m_kind == Kind::Answer417ToExpectation ? QStringLiteral("expectation-417") : QStringLiteral("default")},
                  QString());
}

} // namespace statusscope::test
