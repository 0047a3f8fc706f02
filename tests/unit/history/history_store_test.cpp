// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/history_store.h"
#include "tests/support/qt_printers.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

HistoryEntry entry(const char *method, const char *url, int status, const char *when)
{
    HistoryEntry e;
    e.startedAt = QDateTime::fromString(QString::fromLatin1(when), Qt::ISODate);
    e.method = QString::fromLatin1(method);
    e.url = QString::fromLatin1(url);
    e.finalStatus = status;
    e.totalMs = 12.5;
    e.exchangeJson = QByteArray("{\"url\":\"") + url + "\"}";
    e.responseBody = "hello";
    return e;
}

class HistoryStoreTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString dbPath() const { return m_dir.filePath(QStringLiteral("data/history.sqlite")); }
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(HistoryStoreTest, AddListLoadNewestFirst)
{
    HistoryStore store(dbPath());
    ASSERT_EQ(store.open().state, HistoryStore::OpenState::Ready);
    const qint64 a = store.add(entry("GET", "http://a.example/", 200, "2026-11-26T10:00:00Z"));
    const qint64 b = store.add(entry("POST", "http://b.example/upload", 417, "2026-11-26T10:05:00Z"));
    ASSERT_GT(a, 0) << store.lastError().toStdString();
    ASSERT_GT(b, a);

    const QList<HistoryEntry> all = store.list();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all.at(0).id, b);
    EXPECT_EQ(all.at(0).finalStatus, 417);
    EXPECT_TRUE(all.at(0).exchangeJson.isEmpty()) << "list() carries summaries only";

    const auto loaded = store.load(b);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->exchangeJson, QByteArray("{\"url\":\"http://b.example/upload\"}"));
    EXPECT_EQ(loaded->responseBody, QByteArray("hello"));
    EXPECT_EQ(loaded->startedAt, QDateTime::fromString(QStringLiteral("2026-11-26T10:05:00Z"), Qt::ISODate));
}

TEST_F(HistoryStoreTest, SearchMatchesMethodUrlAndStatusLiterally)
{
    HistoryStore store(dbPath());
    ASSERT_EQ(store.open().state, HistoryStore::OpenState::Ready);
    store.add(entry("GET", "http://a.example/100%_done", 200, "2026-11-26T10:00:00Z"));
    store.add(entry("POST", "http://b.example/upload", 417, "2026-11-26T10:05:00Z"));
    store.add(entry("GET", "http://c.example/", 502, "2026-11-26T10:06:00Z"));
    EXPECT_EQ(store.list(QStringLiteral("upload")).size(), 1);
    EXPECT_EQ(store.list(QStringLiteral("post")).size(), 1) << "case-insensitive";
    EXPECT_EQ(store.list(QStringLiteral("417")).size(), 1);
    EXPECT_EQ(store.list(QStringLiteral("100%_")).size(), 1) << "% and _ are not wildcards";
    EXPECT_EQ(store.list(QStringLiteral("%")).size(), 1);
    EXPECT_EQ(store.list(QStringLiteral("example")).size(), 3);
}

TEST_F(HistoryStoreTest, SurvivesReopening)
{
    {
        HistoryStore store(dbPath());
        ASSERT_EQ(store.open().state, HistoryStore::OpenState::Ready);
        store.add(entry("GET", "http://a.example/", 200, "2026-11-26T10:00:00Z"));
    }
    HistoryStore again(dbPath());
    ASSERT_EQ(again.open().state, HistoryStore::OpenState::Ready);
    EXPECT_EQ(again.count(), 1);
}

TEST_F(HistoryStoreTest, RemoveAndClear)
{
    HistoryStore store(dbPath());
    ASSERT_EQ(store.open().state, HistoryStore::OpenState::Ready);
    const qint64 a = store.add(entry("GET", "http://a.example/", 200, "2026-11-26T10:00:00Z"));
    store.add(entry("GET", "http://b.example/", 200, "2026-11-26T10:01:00Z"));
    EXPECT_TRUE(store.remove(a));
    EXPECT_FALSE(store.remove(a)) << "already gone";
    EXPECT_EQ(store.count(), 1);
    EXPECT_TRUE(store.clear());
    EXPECT_EQ(store.count(), 0);
}

TEST_F(HistoryStoreTest, BodiesAreCapped)
{
    HistoryStore store(dbPath());
    ASSERT_EQ(store.open().state, HistoryStore::OpenState::Ready);
    HistoryEntry big = entry("GET", "http://a.example/big", 200, "2026-11-26T10:00:00Z");
    big.responseBody = QByteArray(HistoryStore::kMaxStoredBodyBytes + 10, 'x');
    const auto loaded = store.load(store.add(big));
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->responseBody.size(), HistoryStore::kMaxStoredBodyBytes);
    EXPECT_TRUE(loaded->bodyTruncated);
}

TEST_F(HistoryStoreTest, CorruptFileIsMovedAsideNeverDeleted)
{
    QDir().mkpath(QFileInfo(dbPath()).absolutePath());
    QFile garbage(dbPath());
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    const QByteArray junk = QByteArray("this is not an SQLite file, it was overwritten by mistake\n").repeated(200);
    garbage.write(junk);
    garbage.close();

    HistoryStore store(dbPath());
    const HistoryStore::OpenResult result = store.open();
    ASSERT_EQ(result.state, HistoryStore::OpenState::RecoveredFresh) << result.message.toStdString();
    EXPECT_TRUE(result.message.contains(QStringLiteral("moved to"))) << result.message.toStdString();
    QFile aside(result.movedAsidePath);
    ASSERT_TRUE(aside.open(QIODevice::ReadOnly)) << "the damaged file is kept";
    EXPECT_EQ(aside.readAll(), junk);
    EXPECT_GT(store.add(entry("GET", "http://a.example/", 200, "2026-11-26T10:00:00Z")), 0)
        << "the fresh history works";
}

TEST_F(HistoryStoreTest, LockedFileFallsBackToMemoryAndIsLeftAlone)
{
    {
        HistoryStore first(dbPath());
        ASSERT_EQ(first.open().state, HistoryStore::OpenState::Ready);
        first.add(entry("GET", "http://a.example/", 200, "2026-11-26T10:00:00Z"));
    }
    // Another process holds an exclusive lock, as a second StatusScope in a long write would.
    QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
    locker.setDatabaseName(dbPath());
    ASSERT_TRUE(locker.open());
    {
        QSqlQuery lock(locker);
        ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));

        HistoryStore store(dbPath());
        const HistoryStore::OpenResult result = store.open();
        EXPECT_EQ(result.state, HistoryStore::OpenState::Unavailable) << result.message.toStdString();
        EXPECT_TRUE(result.message.contains(QStringLiteral("in memory"))) << result.message.toStdString();
        EXPECT_GT(store.add(entry("GET", "http://b.example/", 200, "2026-11-26T10:01:00Z")), 0);
        EXPECT_EQ(store.count(), 1) << "the in-memory history only";
        lock.exec(QStringLiteral("ROLLBACK"));
    }
    locker.close();
    locker = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));

    HistoryStore after(dbPath());
    ASSERT_EQ(after.open().state, HistoryStore::OpenState::Ready);
    EXPECT_EQ(after.count(), 1) << "the locked file was not touched";
}
