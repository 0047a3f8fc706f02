// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace statusscope {

// One sent exchange as history keeps it: a summary for the list and search, the exchange in
// the CLI's JSON form (request, timeline, response headers), and the response body up to a cap.
struct HistoryEntry
{
    qint64 id = 0; // assigned by the store
    QDateTime startedAt;
    QString method;
    QString url;
    int finalStatus = -1;    // -1: no final response (a transport error)
    QString errorKind;       // "dns", "connect", … or empty
    double totalMs = -1;     // -1: unknown
    QByteArray exchangeJson; // empty in list() results: load() fetches it
    QByteArray responseBody; // at most kMaxStoredBodyBytes
    bool bodyTruncated = false;
};

// History is a real SQLite database (Qt SQL) in the user's data folder. One store per file;
// each store has its own connection, so tests can open several side by side.
//
// Known limits: bodies are capped (kMaxStoredBodyBytes) so history stays small; search is a
// substring match over method, URL and the statuses, which is enough for a sidebar filter.
class HistoryStore
{
public:
    // Large downloads belong in files, not in the history database.
    static constexpr qint64 kMaxStoredBodyBytes = 1024 * 1024;

    enum class OpenState {
        Ready,          // the file was opened (or created)
        RecoveredFresh, // the file was corrupt: moved aside, a fresh one created
        Unavailable,    // locked or unwritable: history works in memory for this session
    };

    struct OpenResult
    {
        OpenState state = OpenState::Unavailable;
        QString message;         // for the user, when state is not Ready
        QString movedAsidePath;  // where a corrupt file went (never deleted)
    };

    explicit HistoryStore(QString path);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // The platform's data folder: ~/.local/share/StatusScope/history.sqlite on Linux.
    static QString defaultPath();

    OpenResult open();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }

    // Returns the new id, or 0 on failure (lastError says why).
    qint64 add(HistoryEntry entry);
    // Newest first; `search` filters on method, URL and final status, and on every attempt's
    // status, method, host and path (case-insensitive substring): a 417 retried to a 201 is
    // found by "417".
    QList<HistoryEntry> list(const QString &search = {}, int limit = 500) const;
    std::optional<HistoryEntry> load(qint64 id) const;
    bool remove(qint64 id);
    bool clear();
    int count() const;
    // Redacts Authorization, Proxy-Authorization, Cookie and Set-Cookie values and token-like
    // query parameters in every stored exchange (history_secrets.h), in one transaction.
    // Returns the number of values redacted, or -1 on failure (lastError says why).
    int purgeSecrets();

private:
    bool openConnection(const QString &file);
    bool ensureSchema();
    bool backfillAttempts();

    QString m_path;
    QString m_connectionName;
    mutable QString m_lastError;
};

} // namespace statusscope
