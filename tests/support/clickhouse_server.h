// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A private ClickHouse (Debian's clickhouse-server, /usr/sbin/clickhouse-server) for the
// integration tests and the benchmark: its own config, users, data, tmp and log folders in a
// temporary folder, every port (HTTP, native TCP, interserver) a free loopback port, stopped
// by its PID. The `default` user has a password, so the wrong-password case is real.

#include "tests/support/server_process.h"

#include <QByteArray>
#include <QList>

namespace statusscope::test {

class ClickHouseServer : public ServerProcess
{
public:
    static QString binary() { return QStringLiteral("/usr/sbin/clickhouse-server"); }
    static QString user() { return QStringLiteral("default"); }
    static QString password() { return QStringLiteral("secret"); }
    // The cluster name the two-server variant writes into remote_servers.
    static QString clusterName() { return QStringLiteral("statusscope_pair"); }
    // The password as `--password-file` reads it, written into `folder`; its path, or empty.
    static QString writePasswordFile(const QString &folder);

    // Tries up to three port sets. `shardTcpPorts`, when given, become one shard each of the
    // cluster clusterName() (the native ports of the servers that form it, this one included:
    // pass tcpPort() of each after reservePorts()).
    bool start(const QList<quint16> &shardTcpPorts = {});
    // Picks the ports start() will use, so a cluster's servers can name each other first.
    void reservePorts();
    quint16 httpPort() const { return m_port; }
    quint16 tcpPort() const { return m_tcpPort; }
    // "clickhouse://default@127.0.0.1:PORT/DB.TABLE", what `logs --source/--to` take.
    QString sourceUrl(const QString &dbTable) const;
    // Runs one statement over HTTP as the default user; the body on success, empty and
    // error() set otherwise.
    QByteArray query(const QString &sql, bool *ok = nullptr);
    // `name`: a view over a MergeTree table of `rows` generated requests (ts one every 50th of a
    // second from 2024-05-13 10:00 UTC, status 200..500, path, client) that sleeps
    // `secondsPerBlock` for each block it reads. A query over it runs for seconds, in steps the
    // server counts, with a known row estimate: what progress and cancel are tested on.
    bool createSlowTable(const QString &name, qint64 rows, double secondsPerBlock);
    // Queries of StatusScope (their ids start "statusscope-") the server is running now.
    qint64 runningStatusScopeQueries();
    // The same once the queries just stopped have left the server's process list (it drops an
    // entry a moment after the answer went out): polls until none is left or `settleMs` passed,
    // and returns the last count. A query that keeps running is still counted.
    qint64 statusScopeQueriesLeftAfter(int settleMs = 1000);
    // Stops the server now (SIGTERM to its PID), as an outage in the middle of a query would.
    void shutDown() { stop(); }

private:
    bool startOnce(const QList<quint16> &shardTcpPorts);
    bool waitForPing(int timeoutMs);

    quint16 m_tcpPort = 0;
    quint16 m_interserverPort = 0;
};

// Two servers forming the cluster clusterName() with one shard each: a Distributed table on
// either spreads its rows over both.
class ClickHouseCluster
{
public:
    bool start();
    ClickHouseServer &first() { return m_servers[0]; }
    ClickHouseServer &second() { return m_servers[1]; }
    QString error() const { return m_error; }

private:
    ClickHouseServer m_servers[2];
    QString m_error;
};

} // namespace statusscope::test
