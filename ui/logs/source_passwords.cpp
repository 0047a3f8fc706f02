// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/source_passwords.h"

#include <QEventLoop>
#include <QTimer>

#ifdef STATUSSCOPE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace statusscope::ui {

namespace {

#ifdef STATUSSCOPE_HAVE_KEYCHAIN
// The keychain service entries are filed under.
const QString kService = QStringLiteral("StatusScope log sources");
// A keychain daemon that is registered but never answers must not freeze the dialog.
constexpr int kKeychainWaitMs = 5000;

// Runs a keychain job to its end (or the wait limit); its error, or NoError.
QKeychain::Error runJob(QKeychain::Job &job, QString &why)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(kKeychainWaitMs, &loop, &QEventLoop::quit);
    job.start();
    if (!done)
        loop.exec();
    if (!done) {
        why = QStringLiteral("the keychain did not answer");
        return QKeychain::OtherError;
    }
    why = job.error() == QKeychain::NoError ? QString() : job.errorString();
    return job.error();
}
#endif

} // namespace

SourcePasswords &SourcePasswords::instance()
{
    static SourcePasswords passwords;
    return passwords;
}

QString SourcePasswords::find(const QString &key)
{
    if (const auto it = m_session.constFind(key); it != m_session.cend())
        return it.value();
#ifdef STATUSSCOPE_HAVE_KEYCHAIN
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key);
    if (runJob(job, m_keychainProblem) == QKeychain::NoError) {
        m_session.insert(key, job.textData());
        return job.textData();
    }
#else
    m_keychainProblem = QStringLiteral("built without QtKeychain");
#endif
    return {};
}

bool SourcePasswords::remember(const QString &key, const QString &password)
{
    m_session.insert(key, password);
#ifdef STATUSSCOPE_HAVE_KEYCHAIN
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setTextData(password);
    return runJob(job, m_keychainProblem) == QKeychain::NoError;
#else
    m_keychainProblem = QStringLiteral("built without QtKeychain");
    return false;
#endif
}

} // namespace statusscope::ui
