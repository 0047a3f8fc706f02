// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/clickhouse_server.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>
#include <QUrl>

namespace statusscope::test {

namespace {

// One HTTP request to a local server, blocking; the status code and body.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QString transportError;
};

HttpAnswer httpPost(quint16 port, const QString &path, const QByteArray &body, int timeoutMs)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setRawHeader("X-ClickHouse-User", ClickHouseServer::user().toUtf8());
    request.setRawHeader("X-ClickHouse-Key", ClickHouseServer::password().toUtf8());
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = body.isNull() ? manager.get(request) : manager.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && answer.status == 0)
        answer.transportError = reply->errorString();
    reply->deleteLater();
    return answer;
}

} // namespace

void ClickHouseServer::reservePorts()
{
    m_port = freeLoopbackPort();
    m_tcpPort = freeLoopbackPort();
    m_interserverPort = freeLoopbackPort();
}

QString ClickHouseServer::writePasswordFile(const QString &folder)
{
    const QString path = QDir(folder).filePath(QStringLiteral("password"));
    return writeTextFile(path, password().toUtf8() + '\n') ? path : QString();
}

QString ClickHouseServer::sourceUrl(const QString &dbTable) const
{
    return QStringLiteral("clickhouse://%1@127.0.0.1:%2/%3").arg(user()).arg(m_port).arg(dbTable);
}

bool ClickHouseServer::start(const QList<quint16> &shardTcpPorts)
{
    for (int i = 0; i < 3; ++i) {
        stop();
        if (startOnce(shardTcpPorts))
            return true;
        // A cluster's ports were fixed beforehand: retrying with new ones would break it.
        if (!shardTcpPorts.isEmpty())
            return false;
        m_port = 0;
    }
    return false;
}

bool ClickHouseServer::startOnce(const QList<quint16> &shardTcpPorts)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    if (m_port == 0)
        reservePorts();
    const QString d = m_dir.path();
    for (const char *sub : {"data", "tmp", "log", "user_files", "format_schemas"})
        QDir(d).mkpath(QString::fromLatin1(sub));
    QString cluster;
    if (!shardTcpPorts.isEmpty()) {
        cluster = QStringLiteral("<remote_servers><%1>").arg(clusterName());
        for (quint16 port : shardTcpPorts)
            cluster += QStringLiteral("<shard><replica><host>127.0.0.1</host><port>%1</port><user>%2</user>"
                                      "<password>%3</password></replica></shard>")
                           .arg(port)
                           .arg(user(), password());
        cluster += QStringLiteral("</%1></remote_servers>").arg(clusterName());
    }
    // What 18.16 needs and no more; every path under the temporary folder. The server's
    // time zone is not UTC on purpose: StatusScope must not depend on it.
    const QByteArray config = QStringLiteral(R"(<?xml version="1.0"?>
<yandex>
    <logger><level>warning</level><log>%1/log/server.log</log><errorlog>%1/log/error.log</errorlog><console>0</console></logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>%2</http_port>
    <tcp_port>%3</tcp_port>
    <interserver_http_port>%4</interserver_http_port>
    <interserver_http_host>127.0.0.1</interserver_http_host>
    <path>%1/data/</path>
    <tmp_path>%1/tmp/</tmp_path>
    <user_files_path>%1/user_files/</user_files_path>
    <format_schema_path>%1/format_schemas/</format_schema_path>
    <users_config>%1/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>5368709</mark_cache_size>
    <max_concurrent_queries>20</max_concurrent_queries>
    <timezone>Europe/Berlin</timezone>
    %5
</yandex>
)")
                                  .arg(d)
                                  .arg(m_port)
                                  .arg(m_tcpPort)
                                  .arg(m_interserverPort)
                                  .arg(cluster)
                                  .toUtf8();
    const QByteArray users = QStringLiteral(R"(<?xml version="1.0"?>
<yandex>
    <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
    <users>
        <%1>
            <password>%2</password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </%1>
    </users>
    <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
        <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
)")
                                 .arg(user(), password())
                                 .toUtf8();
    const QString configPath = d + QStringLiteral("/config.xml");
    if (!writeTextFile(configPath, config) || !writeTextFile(d + QStringLiteral("/users.xml"), users)) {
        m_error = QStringLiteral("cannot write the ClickHouse config in %1").arg(d);
        return false;
    }
    if (!launch(binary(), {QStringLiteral("--config-file=%1").arg(configPath)}, d + QStringLiteral("/log/error.log")))
        return false;
    return waitForPing(30000);
}

bool ClickHouseServer::waitForPing(int timeoutMs)
{
    // The HTTP port opens before the tables are loaded; /ping answering "Ok." is the server's
    // own word that it takes queries.
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (httpPost(m_port, QStringLiteral("/ping"), QByteArray(), 2000).body == "Ok.\n")
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("clickhouse-server on port %1 never answered /ping: %2").arg(m_port).arg(errorLog());
    return false;
}

QByteArray ClickHouseServer::query(const QString &sql, bool *ok)
{
    const HttpAnswer answer = httpPost(m_port, QStringLiteral("/"), sql.toUtf8(), 60000);
    const bool good = answer.status == 200;
    if (ok)
        *ok = good;
    if (!good) {
        m_error = QStringLiteral("%1 → HTTP %2 %3 %4").arg(sql).arg(answer.status).arg(answer.transportError,
                                                                                      QString::fromUtf8(answer.body));
        return {};
    }
    return answer.body;
}

bool ClickHouseServer::createSlowTable(const QString &name, qint64 rows, double secondsPerBlock)
{
    const QStringList statements{
        QStringLiteral("CREATE TABLE %1_rows (ts DateTime, status UInt16, path String, client String) "
                       "ENGINE = MergeTree PARTITION BY toDate(ts) ORDER BY (ts, status)")
            .arg(name),
        QStringLiteral("INSERT INTO %1_rows SELECT toDateTime(1715594400 + intDiv(number, 50)), "
                       "toUInt16(200 + 100 * (number % 4)), concat('/p/', toString(number % 97)), '10.0.0.1' "
                       "FROM numbers(%2)")
            .arg(name)
            .arg(rows),
        QStringLiteral("CREATE VIEW %1 AS SELECT * FROM %1_rows WHERE sleep(%2) = 0").arg(name).arg(secondsPerBlock)};
    for (const QString &statement : statements) {
        bool ok = false;
        query(statement, &ok);
        if (!ok)
            return false;
    }
    return true;
}

qint64 ClickHouseServer::runningStatusScopeQueries()
{
    bool ok = false;
    const QByteArray body =
        query(QStringLiteral("SELECT count() FROM system.processes WHERE query_id LIKE 'statusscope-%'"), &ok);
    return ok ? body.trimmed().toLongLong() : -1;
}

qint64 ClickHouseServer::statusScopeQueriesLeftAfter(int settleMs)
{
    QElapsedTimer clock;
    clock.start();
    qint64 left = runningStatusScopeQueries();
    while (left != 0 && clock.elapsed() < settleMs) {
        QThread::msleep(50);
        left = runningStatusScopeQueries();
    }
    return left;
}

bool ClickHouseCluster::start()
{
    m_servers[0].reservePorts();
    m_servers[1].reservePorts();
    const QList<quint16> shards{m_servers[0].tcpPort(), m_servers[1].tcpPort()};
    for (ClickHouseServer &server : m_servers) {
        if (!server.start(shards)) {
            m_error = server.error();
            return false;
        }
    }
    return true;
}

} // namespace statusscope::test
