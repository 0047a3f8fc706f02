// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real server binary (nginx, Apache httpd) run by a test on a free loopback port with a
// private configuration in a temporary folder; stopped by its PID, never a system service.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace statusscope::test {

// A loopback port nobody listens on right now (bind to 0, read it, release it).
quint16 freeLoopbackPort();
// True once something accepts TCP connections on 127.0.0.1:port, within timeoutMs.
bool waitForPort(quint16 port, int timeoutMs);

class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    bool isRunning() const;
    quint16 port() const { return m_port; }
    QString url(const QString &path) const;
    QString dir() const { return m_dir.path(); }
    QString error() const { return m_error; }
    // The server's own error log, for assertion messages.
    QString errorLog() const;

protected:
    // Starts `program` in the foreground and waits for its port; sets error() on failure.
    bool launch(const QString &program, const QStringList &args, const QString &errorLogPath);
    void stop();
    // Picks the port and lays out the folder every server here uses: www/index.html with
    // `indexText`, htpasswd with user:secret. False (and error()) on failure.
    bool prepare(const QByteArray &indexText);

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QString m_error;
    QString m_errorLogPath;

private:
    std::unique_ptr<QProcess> m_process;
};

// Writes `text` to `path`; false on failure.
bool writeTextFile(const QString &path, const QByteArray &text);
// An htpasswd file with one user (apr1 hash made by /usr/bin/openssl).
bool writeHtpasswd(const QString &path, const QString &user, const QString &password);

} // namespace statusscope::test
