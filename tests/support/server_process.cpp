// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/server_process.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace statusscope::test {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

bool waitForPort(quint16 port, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    return false;
}

bool writeTextFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

bool writeHtpasswd(const QString &path, const QString &user, const QString &password)
{
    QProcess openssl;
    openssl.start(QStringLiteral("/usr/bin/openssl"), {QStringLiteral("passwd"), QStringLiteral("-apr1"), password});
    if (!openssl.waitForFinished(10000) || openssl.exitCode() != 0)
        return false;
    return writeTextFile(path, user.toUtf8() + ':' + openssl.readAllStandardOutput().trimmed() + '\n');
}

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString ServerProcess::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

QString ServerProcess::errorLog() const
{
    QFile f(m_errorLogPath);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(4000)) : QString();
}

bool ServerProcess::launch(const QString &program, const QStringList &args, const QString &errorLogPath)
{
    m_errorLogPath = errorLogPath;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // Its own session: Apache's prefork parent signals its whole process group on shutdown,
    // which would otherwise include the test runner.
    m_process->setChildProcessModifier([] { ::setsid(); });
    m_process->start(program, args);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process->errorString());
        return false;
    }
    if (!waitForPort(m_port, 10000)) {
        m_error = QStringLiteral("%1 did not listen on port %2: %3 %4").arg(program).arg(m_port)
                      .arg(QString::fromUtf8(m_process->readAll()), errorLog());
        return false;
    }
    return true;
}

bool ServerProcess::prepare(const QByteArray &indexText)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    m_port = freeLoopbackPort();
    QDir(m_dir.path()).mkpath(QStringLiteral("www"));
    writeTextFile(m_dir.filePath(QStringLiteral("www/index.html")), indexText);
    if (!writeHtpasswd(m_dir.filePath(QStringLiteral("htpasswd")), QStringLiteral("user"), QStringLiteral("secret"))) {
        m_error = QStringLiteral("cannot write htpasswd with /usr/bin/openssl");
        return false;
    }
    return true;
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM to the PID we started: both servers exit cleanly on it
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

} // namespace statusscope::test
