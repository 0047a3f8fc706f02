// SPDX-License-Identifier: GPL-3.0-or-later
// History search over every attempt of an exchange, not only its final status: the saved
// 417-then-201 upload is found by "417", a redirect by the host and path it went to.

#include "core/history/attempt_keys.h"
#include "core/history/history_store.h"
#include "tests/support/qt_printers.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(test::fixturePath(QStringLiteral("diagnose/") + QString::fromLatin1(name)));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name;
    return file.readAll();
}

// An exchange redirected from a.example to cdn.example, each attempt with its own status.
QByteArray redirectedJson()
{
    return R"({"url":"http://a.example/old?token=s3cret","final_status":200,"attempts":[
        {"reason":"initial","url":"http://a.example/old?token=s3cret",
         "request":{"method":"GET","target":"/old?token=s3cret"},"response":{"status":301}},
        {"reason":"redirect","url":"http://cdn.example/new/place",
         "request":{"method":"GET","target":"/new/place"},"response":{"status":200}},
        {"reason":"redirect","url":"http://gone.example/x",
         "request":{"method":"HEAD","target":"/x"},"response":null}]})";
}

HistoryEntry entryFor(const QByteArray &json, const char *method, int finalStatus)
{
    HistoryEntry e;
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.method = QString::fromLatin1(method);
    e.url = QJsonDocument::fromJson(json).object().value(QStringLiteral("url")).toString();
    e.finalStatus = finalStatus;
    e.exchangeJson = json;
    return e;
}

class HistoryAttemptSearch : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_EQ(m_store.open().state, HistoryStore::OpenState::Ready) << m_store.lastError().toStdString();
        m_retried = m_store.add(entryFor(fixture("expect-417-retried.json"), "PUT", 201));
        m_redirected = m_store.add(entryFor(redirectedJson(), "GET", 200));
        m_plain = m_store.add(entryFor(fixture("healthy-201.json"), "POST", 201));
        ASSERT_GT(m_retried, 0) << m_store.lastError().toStdString();
        ASSERT_GT(m_redirected, 0);
        ASSERT_GT(m_plain, 0);
    }
    QList<qint64> ids(const char *search) const
    {
        QList<qint64> found;
        for (const HistoryEntry &e : m_store.list(QString::fromLatin1(search)))
            found << e.id;
        std::sort(found.begin(), found.end());
        return found;
    }
    QTemporaryDir m_dir;
    HistoryStore m_store{m_dir.filePath(QStringLiteral("history.sqlite"))};
    qint64 m_retried = 0;
    qint64 m_redirected = 0;
    qint64 m_plain = 0;
};

} // namespace

TEST(AttemptKeys, EachAttemptsMethodHostPathAndStatus)
{
    const QList<AttemptKey> keys = attemptKeysFromExchangeJson(redirectedJson());
    ASSERT_EQ(keys.size(), 3);
    EXPECT_EQ(keys[0].method, QStringLiteral("GET"));
    EXPECT_EQ(keys[0].host, QStringLiteral("a.example"));
    EXPECT_EQ(keys[0].path, QStringLiteral("/old")) << "the query (and its token) is not kept";
    EXPECT_EQ(keys[0].status, 301);
    EXPECT_EQ(keys[1].host, QStringLiteral("cdn.example"));
    EXPECT_EQ(keys[1].path, QStringLiteral("/new/place"));
    EXPECT_EQ(keys[2].method, QStringLiteral("HEAD"));
    EXPECT_EQ(keys[2].status, -1) << "no response";
    EXPECT_TRUE(attemptKeysFromExchangeJson("not json").isEmpty());
}

TEST_F(HistoryAttemptSearch, FirstAttemptsStatusFindsTheExchange)
{
    EXPECT_EQ(ids("417"), QList<qint64>{m_retried}) << "the 417 was the first attempt; the final status is 201";
    EXPECT_EQ(ids("301"), QList<qint64>{m_redirected});
    // Final statuses still match.
    EXPECT_EQ(ids("201"), (QList<qint64>{m_retried, m_plain}));
}

TEST_F(HistoryAttemptSearch, AnyAttemptsMethodHostAndPath)
{
    EXPECT_EQ(ids("cdn.example"), QList<qint64>{m_redirected}) << "host of the redirect target";
    EXPECT_EQ(ids("/new/place"), QList<qint64>{m_redirected}) << "path of the redirect target";
    EXPECT_EQ(ids("head"), QList<qint64>{m_redirected}) << "method of a later attempt, any case";
    EXPECT_EQ(ids("s3cret").size(), 1) << "the exchange URL itself still matches";
    EXPECT_TRUE(ids("nothing-like-this").isEmpty());
}

TEST_F(HistoryAttemptSearch, RemovedExchangesLeaveNoAttempts)
{
    ASSERT_TRUE(m_store.remove(m_retried));
    EXPECT_TRUE(ids("417").isEmpty());
    ASSERT_TRUE(m_store.clear());
    EXPECT_TRUE(ids("cdn.example").isEmpty());
    EXPECT_EQ(m_store.count(), 0);
}

TEST(HistoryAttemptMigration, OlderHistoryIsIndexedOnOpen)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        // A version-1 file, as earlier StatusScope releases wrote it.
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            ASSERT_TRUE(db.open());
            QSqlQuery q(db);
            ASSERT_TRUE(q.exec(QStringLiteral(
                "CREATE TABLE exchanges (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, "
                "method TEXT NOT NULL, url TEXT NOT NULL, final_status INTEGER NOT NULL, error_kind TEXT NOT NULL, "
                "total_ms REAL NOT NULL, exchange_json BLOB NOT NULL, response_body BLOB NOT NULL, "
                "body_truncated INTEGER NOT NULL)")));
            q.prepare(QStringLiteral("INSERT INTO exchanges (started_at, method, url, final_status, error_kind, "
                                     "total_ms, exchange_json, response_body, body_truncated) "
                                     "VALUES ('2026-11-26T10:00:00.000Z', 'PUT', 'http://upload.test:8080/files', "
                                     "201, '', 10, ?, '', 0)"));
            q.addBindValue(fixture("expect-417-retried.json"));
            ASSERT_TRUE(q.exec());
            ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        }
        QSqlDatabase::removeDatabase(name);
    }
    HistoryStore store(path);
    ASSERT_EQ(store.open().state, HistoryStore::OpenState::Ready) << store.lastError().toStdString();
    EXPECT_EQ(store.list(QStringLiteral("417")).size(), 1);
    EXPECT_EQ(store.count(), 1);
}
