// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Database passwords of log sources. Kept in the platform keychain through QtKeychain (Secret
// Service, macOS Keychain, Windows Credential Store) when one answers; otherwise only in
// memory for this session, so the connection dialog asks once per session. Never written to
// QSettings or the history database.

#include <QHash>
#include <QString>

namespace statusscope::ui {

class SourcePasswords
{
public:
    static SourcePasswords &instance();

    // The session's password for `key` (a source URL without password), else the keychain's;
    // empty when neither has one. Waits at most a few seconds for the keychain.
    QString find(const QString &key);
    // Keeps it for the session and, where a keychain answers, there too. True when the
    // keychain stored it.
    bool remember(const QString &key, const QString &password);
    // What the last keychain call said: empty when it worked, else why it did not.
    QString keychainProblem() const { return m_keychainProblem; }

private:
    SourcePasswords() = default;
    QHash<QString, QString> m_session;
    QString m_keychainProblem;
};

} // namespace statusscope::ui
