// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The three server behaviours the composer tests need, as scripts for the shared in-process
// ScriptedServer (tests/support): it runs on its own thread, so the engine runs on the test's
// GUI thread exactly as in the app.

#include "tests/support/scripted_server.h"

#include <QList>
#include <QMutex>

#include <memory>

namespace statusscope::test {

class ComposerServer
{
public:
    enum class Script {
        Continue100,   // Expect → 100 Continue, read the body, 200 with a JSON body; any number of requests
        Reject417,     // Expect → 417 (connection kept); a request without Expect → 103, then 200
        NeverReadBody, // read the head, then never read again (the upload stalls)
    };

    explicit ComposerServer(Script script);
    QString url(const QString &path) const { return m_server->url(path); }
    QList<QByteArray> requestHeads() const;
    qint64 bodyBytesRead() const;

private:
    struct Record
    {
        mutable QMutex mutex;
        QList<QByteArray> heads;
        qint64 bodyBytes = 0;
    };
    std::shared_ptr<Record> m_record = std::make_shared<Record>();
    std::unique_ptr<ScriptedServer> m_server;
};

} // namespace statusscope::test
