// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/history_store.h"

#include "core/history/attempt_keys.h"
#include "core/history/history_secrets.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace statusscope {

namespace {

// Bumped when the schema changes; older files are migrated in ensureSchema().
// 2: the attempts table, so search finds any attempt's status, method, host and path.
constexpr int kSchemaVersion = 2;

const char *const kCreateTable = R"sql(
CREATE TABLE IF NOT EXISTS exchanges (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at     TEXT    NOT NULL,
    method         TEXT    NOT NULL,
    url            TEXT    NOT NULL,
    final_status   INTEGER NOT NULL,
    error_kind     TEXT    NOT NULL,
    total_ms       REAL    NOT NULL,
    exchange_json  BLOB    NOT NULL,
    response_body  BLOB    NOT NULL,
    body_truncated INTEGER NOT NULL
))sql";

// One row per attempt of each exchange: what search matches beyond the final status.
const char *const kCreateAttempts = R"sql(
CREATE TABLE IF NOT EXISTS attempts (
    exchange_id INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    method      TEXT    NOT NULL,
    host        TEXT    NOT NULL,
    path        TEXT    NOT NULL,
    status      INTEGER NOT NULL
))sql";

bool insertAttempts(QSqlQuery &query, qint64 exchangeId, const QByteArray &exchangeJson)
{
    for (const AttemptKey &key : attemptKeysFromExchangeJson(exchangeJson)) {
        query.prepare(QStringLiteral(
            "INSERT INTO attempts (exchange_id, position, method, host, path, status) VALUES (?, ?, ?, ?, ?, ?)"));
        query.addBindValue(exchangeId);
        query.addBindValue(key.position);
        query.addBindValue(key.method.isNull() ? QStringLiteral("") : key.method);
        query.addBindValue(key.host.isNull() ? QStringLiteral("") : key.host);
        query.addBindValue(key.path.isNull() ? QStringLiteral("") : key.path);
        query.addBindValue(key.status);
        if (!query.exec())
            return false;
    }
    return true;
}

HistoryEntry summaryFrom(const QSqlQuery &query)
{
    HistoryEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.startedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
    entry.method = query.value(2).toString();
    entry.url = query.value(3).toString();
    entry.finalStatus = query.value(4).toInt();
    entry.errorKind = query.value(5).toString();
    entry.totalMs = query.value(6).toDouble();
    return entry;
}

bool isCorruption(const QSqlError &error)
{
    const QString text = error.text().toLower();
    return text.contains(QLatin1String("not a database")) || text.contains(QLatin1String("malformed"))
           || text.contains(QLatin1String("corrupt"));
}

bool isLocked(const QSqlError &error)
{
    const QString text = error.text().toLower();
    return text.contains(QLatin1String("locked")) || text.contains(QLatin1String("busy"));
}

} // namespace

HistoryStore::HistoryStore(QString path)
    : m_path(std::move(path))
    , m_connectionName(QStringLiteral("history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

HistoryStore::~HistoryStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString HistoryStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

bool HistoryStore::openConnection(const QString &file)
{
    {
        QSqlDatabase old = QSqlDatabase::database(m_connectionName, false);
        if (old.isValid() && old.isOpen())
            old.close();
    }
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? QSqlDatabase::database(m_connectionName, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid()) {
        m_lastError = QStringLiteral("the Qt SQLite driver is not installed");
        return false;
    }
    db.setDatabaseName(file);
    // Wait a little for another StatusScope writing the same file before calling it locked.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=1500"));
    if (!db.open()) {
        m_lastError = db.lastError().text();
        return false;
    }
    return true;
}

bool HistoryStore::ensureSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    // quick_check reads every page header: it is what notices a truncated or overwritten file.
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()
        || query.value(0).toString() != QLatin1String("ok")) {
        m_lastError = query.lastError().isValid() ? query.lastError().text()
                                                  : QStringLiteral("integrity check failed: %1")
                                                        .arg(query.value(0).toString());
        return false;
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        m_lastError = query.lastError().text();
        return false;
    }
    const int version = query.value(0).toInt();
    query.finish();
    if (!query.exec(QString::fromUtf8(kCreateTable))
        || !query.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS exchanges_started ON exchanges(started_at)"))
        || !query.exec(QString::fromUtf8(kCreateAttempts))
        || !query.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS attempts_exchange ON attempts(exchange_id)"))) {
        m_lastError = query.lastError().text();
        return false;
    }
    // A history written before the attempts table: index its exchanges once, in one transaction.
    if (version < 2 && !backfillAttempts())
        return false;
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion))) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

bool HistoryStore::backfillAttempts()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery select(db);
    if (!select.exec(QStringLiteral("SELECT id, exchange_json FROM exchanges WHERE id NOT IN "
                                    "(SELECT exchange_id FROM attempts)"))) {
        m_lastError = select.lastError().text();
        return false;
    }
    QList<std::pair<qint64, QByteArray>> rows;
    while (select.next())
        rows.append({select.value(0).toLongLong(), select.value(1).toByteArray()});
    select.finish();
    if (rows.isEmpty())
        return true;
    db.transaction();
    QSqlQuery insert(db);
    for (const auto &[id, json] : std::as_const(rows)) {
        if (!insertAttempts(insert, id, json)) {
            m_lastError = insert.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        return false;
    }
    return true;
}

HistoryStore::OpenResult HistoryStore::open()
{
    OpenResult result;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (openConnection(m_path) && ensureSchema()) {
        result.state = OpenState::Ready;
        return result;
    }

    const QSqlError error = QSqlDatabase::database(m_connectionName, false).lastError();
    const QString reason = m_lastError;
    const bool corrupt = isCorruption(error) || reason.contains(QLatin1String("not a database"))
                         || reason.contains(QLatin1String("malformed"))
                         || reason.contains(QLatin1String("integrity check failed"));
    if (corrupt && !isLocked(error)) {
        QSqlDatabase::database(m_connectionName, false).close();
        const QString aside = m_path + QStringLiteral(".corrupt-")
                              + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (QFile::rename(m_path, aside) && openConnection(m_path) && ensureSchema()) {
            result.state = OpenState::RecoveredFresh;
            result.movedAsidePath = aside;
            result.message = QStringLiteral("The history database %1 was damaged (%2). It was moved to %3 "
                                            "and a new, empty history was started.")
                                 .arg(QDir::toNativeSeparators(m_path), reason, QDir::toNativeSeparators(aside));
            return result;
        }
    }
    // Locked by another process, unreadable, or the move failed: keep the file untouched and
    // keep history in memory so the app still works.
    result.state = OpenState::Unavailable;
    result.message = QStringLiteral("History could not be opened at %1 (%2). This session's history is kept "
                                    "in memory only.")
                         .arg(QDir::toNativeSeparators(m_path), reason);
    if (!openConnection(QStringLiteral(":memory:")) || !ensureSchema())
        result.message += QStringLiteral(" In-memory history failed too: %1").arg(m_lastError);
    return result;
}

bool HistoryStore::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

qint64 HistoryStore::add(HistoryEntry entry)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "INSERT INTO exchanges (started_at, method, url, final_status, error_kind, total_ms, "
        "exchange_json, response_body, body_truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (entry.responseBody.size() > kMaxStoredBodyBytes) {
        entry.responseBody.truncate(kMaxStoredBodyBytes);
        entry.bodyTruncated = true;
    }
    // A null QString or QByteArray binds as SQL NULL; the columns are NOT NULL by design.
    auto text = [](const QString &value) { return value.isNull() ? QStringLiteral("") : value; };
    auto blob = [](const QByteArray &value) { return value.isNull() ? QByteArray("") : value; };
    query.addBindValue(entry.startedAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(text(entry.method));
    query.addBindValue(text(entry.url));
    query.addBindValue(entry.finalStatus);
    query.addBindValue(text(entry.errorKind));
    query.addBindValue(entry.totalMs);
    query.addBindValue(blob(entry.exchangeJson));
    query.addBindValue(blob(entry.responseBody));
    query.addBindValue(entry.bodyTruncated ? 1 : 0);
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction(); // the exchange and its attempts together, or neither
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        db.rollback();
        return 0;
    }
    const qint64 id = query.lastInsertId().toLongLong();
    QSqlQuery attempts(db);
    if (!insertAttempts(attempts, id, entry.exchangeJson)) {
        m_lastError = attempts.lastError().text();
        db.rollback();
        return 0;
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        return 0;
    }
    return id;
}

QList<HistoryEntry> HistoryStore::list(const QString &search, int limit) const
{
    QList<HistoryEntry> entries;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString sql = QStringLiteral("SELECT id, started_at, method, url, final_status, error_kind, total_ms "
                                 "FROM exchanges");
    const QString needle = search.trimmed();
    if (!needle.isEmpty())
        sql += QStringLiteral(" WHERE method LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\' "
                              "OR CAST(final_status AS TEXT) LIKE ? ESCAPE '\\' "
                              "OR EXISTS (SELECT 1 FROM attempts a WHERE a.exchange_id = exchanges.id AND "
                              "(a.method LIKE ? ESCAPE '\\' OR a.host LIKE ? ESCAPE '\\' "
                              "OR a.path LIKE ? ESCAPE '\\' OR CAST(a.status AS TEXT) LIKE ? ESCAPE '\\'))");
    sql += QStringLiteral(" ORDER BY started_at DESC, id DESC LIMIT ?");
    query.prepare(sql);
    if (!needle.isEmpty()) {
        QString escaped = needle;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        const QString pattern = QLatin1Char('%') + escaped + QLatin1Char('%');
        for (int i = 0; i < 7; ++i)
            query.addBindValue(pattern);
    }
    query.addBindValue(limit);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return entries;
    }
    while (query.next())
        entries << summaryFrom(query);
    return entries;
}

std::optional<HistoryEntry> HistoryStore::load(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT id, started_at, method, url, final_status, error_kind, total_ms, "
                                 "exchange_json, response_body, body_truncated FROM exchanges WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().isValid() ? query.lastError().text()
                                                  : QStringLiteral("no history entry %1").arg(id);
        return std::nullopt;
    }
    HistoryEntry entry = summaryFrom(query);
    entry.exchangeJson = query.value(7).toByteArray();
    entry.responseBody = query.value(8).toByteArray();
    entry.bodyTruncated = query.value(9).toInt() != 0;
    return entry;
}

bool HistoryStore::remove(qint64 id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QSqlQuery attempts(QSqlDatabase::database(m_connectionName, false));
    attempts.prepare(QStringLiteral("DELETE FROM attempts WHERE exchange_id = ?"));
    attempts.addBindValue(id);
    if (!attempts.exec()) {
        m_lastError = attempts.lastError().text();
        return false;
    }
    query.prepare(QStringLiteral("DELETE FROM exchanges WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 1;
}

bool HistoryStore::clear()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("DELETE FROM attempts")) || !query.exec(QStringLiteral("DELETE FROM exchanges"))) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

int HistoryStore::purgeSecrets()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery select(db);
    if (!select.exec(QStringLiteral("SELECT id, url, exchange_json FROM exchanges"))) {
        m_lastError = select.lastError().text();
        return -1;
    }
    struct Change
    {
        qint64 id;
        QString url;
        QByteArray json;
    };
    QList<Change> changes;
    int total = 0;
    while (select.next()) {
        const RedactedExchangeJson redacted = redactExchangeJson(select.value(2).toByteArray());
        if (redacted.redactions == 0)
            continue;
        total += redacted.redactions;
        const QString url = QJsonDocument::fromJson(redacted.json).object().value(QStringLiteral("url")).toString();
        changes.append({select.value(0).toLongLong(), url.isEmpty() ? select.value(1).toString() : url, redacted.json});
    }
    select.finish();
    if (changes.isEmpty())
        return 0;
    db.transaction();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE exchanges SET url = ?, exchange_json = ? WHERE id = ?"));
    for (const Change &c : std::as_const(changes)) {
        update.addBindValue(c.url);
        update.addBindValue(c.json);
        update.addBindValue(c.id);
        if (!update.exec()) {
            m_lastError = update.lastError().text();
            db.rollback();
            return -1;
        }
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        return -1;
    }
    return total;
}

int HistoryStore::count() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM exchanges")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace statusscope
