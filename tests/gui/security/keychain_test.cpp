// SPDX-License-Identifier: GPL-3.0-or-later
// Log-source passwords in a real keychain: the fixture starts a private D-Bus session bus and
// gnome-keyring's Secret Service in it (what most Linux desktops run; QtKeychain talks to it
// through libsecret), and `secret-tool` is the reference client that reads and writes the
// same entries. A password typed into File › Open Log Source… must land there and nowhere
// else: not in the settings file, not in the history database.

#include "app/app_wiring.h"
#include "tests/gui/endtoend/app_harness.h"
#include "tests/support/test_support.h"
#include "ui/logs/log_source_dialog.h"
#include "ui/logs/source_passwords.h"
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <gtest/gtest.h>

using statusscope::test::AppHarness;
using statusscope::test::ProcessResult;
using statusscope::test::runProcess;
using statusscope::ui::LogSourceDialog;
using statusscope::ui::SourcePasswords;

namespace {

// What QtKeychain files an entry under in the Secret Service: its service as "server", the
// key as "user" (libsecret backend, schema org.qt.keychain).
const QString kService = QStringLiteral("StatusScope log sources");

// One private bus and keyring per test process. They must outlive every D-Bus connection of
// the process: GLib (under libsecret) raises SIGTERM in a process whose session bus goes away.
// So a shell owns them and stops them by PID when its stdin closes, which happens when this
// process has exited; the QProcess is deliberately never destroyed (its destructor would kill
// the shell first).
class SecretService : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_TRUE(s_dir.isValid());
        const QString runtime = s_dir.filePath(QStringLiteral("run"));
        ASSERT_TRUE(QDir().mkpath(runtime));
        QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        ASSERT_TRUE(QDir().mkpath(s_dir.filePath(QStringLiteral("data"))));
        const QString address = QStringLiteral("unix:path=") + s_dir.filePath(QStringLiteral("bus"));
        // Everything this process and its children start from here talks to the private bus and
        // keeps its keyring files in the temporary folder.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address.toUtf8());
        qputenv("XDG_RUNTIME_DIR", runtime.toUtf8());
        qputenv("XDG_DATA_HOME", s_dir.filePath(QStringLiteral("data")).toUtf8());
        auto *owner = new QProcess;
        owner->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // --unlock reads the login keyring's password from stdin and creates the keyring.
        owner->start(QStringLiteral("sh"),
                     {QStringLiteral("-c"),
                      QStringLiteral("dbus-daemon --session --nofork --address=\"$1\" & bus=$!\n"
                                     "until [ -S \"$2\" ]; do sleep 0.05; done\n"
                                     "printf 'keyring password' | gnome-keyring-daemon --foreground --unlock "
                                     "--components=secrets >/dev/null & keyring=$!\n"
                                     "read -r _ || true\n"
                                     "kill $keyring $bus\n"),
                      QStringLiteral("sh"), address, s_dir.filePath(QStringLiteral("bus"))});
        ASSERT_TRUE(owner->waitForStarted(5000)) << owner->errorString().toStdString();
        ASSERT_TRUE(waitForName(QStringLiteral("org.freedesktop.secrets")))
            << "gnome-keyring's Secret Service did not register on the private bus";
    }

    static bool waitForName(const QString &name)
    {
        for (int i = 0; i < 100; ++i) {
            const ProcessResult owner = runProcess(
                QStringLiteral("dbus-send"),
                {QStringLiteral("--session"), QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.DBus"),
                 QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                 QStringLiteral("string:") + name},
                5000);
            if (owner.exitCode == 0 && owner.out.contains("boolean true"))
                return true;
            QThread::msleep(50);
        }
        return false;
    }

    // The reference client's view of an entry: its secret, or empty when there is none.
    static QString lookUp(const QString &key)
    {
        const ProcessResult found = runProcess(QStringLiteral("secret-tool"),
                                               {QStringLiteral("lookup"), QStringLiteral("server"), kService,
                                                QStringLiteral("user"), key},
                                               10000);
        return found.exitCode == 0 ? QString::fromUtf8(found.out) : QString();
    }

    static bool store(const QString &key, const QString &secret)
    {
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"), {QStringLiteral("store"), QStringLiteral("--label=") + key,
                                                   QStringLiteral("server"), kService, QStringLiteral("user"), key,
                                                   QStringLiteral("type"), QStringLiteral("plaintext")});
        if (!tool.waitForStarted(5000))
            return false;
        tool.write(secret.toUtf8());
        tool.closeWriteChannel();
        return tool.waitForFinished(10000) && tool.exitCode() == 0;
    }

    static inline QTemporaryDir s_dir;
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// File › Open Log Source… through the app's wiring, with the dialog filled in and accepted as a
// user would; the server does not exist, so the tab that opens shows its connection error.
TEST_F(SecretService, APasswordTypedInTheDialogIsInTheKeychainAndNotInSettingsOrHistory)
{
    const QString password = QStringLiteral("pw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString url = QStringLiteral("clickhouse://analyst@127.0.0.1:1/web.access");
    QTemporaryDir disk;
    const QString settingsPath = disk.filePath(QStringLiteral("settings.ini"));
    const QString historyPath = disk.filePath(QStringLiteral("history.sqlite"));
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        statusscope::ui::MainWindow window(&settings);
        statusscope::app::AppWiring wiring(&window, AppHarness::catalog(), historyPath);
        window.resize(1280, 800);
        window.show();
        auto *action = window.findChild<QAction *>(QStringLiteral("actionOpenLogSource"));
        ASSERT_NE(action, nullptr);
        bool filled = false;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<LogSourceDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->urlEdit()->setText(url);
            dialog->passwordEdit()->setText(password);
            filled = true;
            dialog->accept();
        });
        action->trigger();
        ASSERT_TRUE(filled) << "the connection dialog did not open";
        EXPECT_EQ(window.documents()->count(), 1) << "the source's tab opened";
        EXPECT_TRUE(SourcePasswords::instance().keychainProblem().isEmpty())
            << SourcePasswords::instance().keychainProblem().toStdString();
        window.close(); // saves the window's state, as quitting does
        settings.sync();
    }
    // The key is the URL without a password: what the dialog finds it by next time.
    EXPECT_EQ(lookUp(url), password) << "secret-tool does not find it in the Secret Service";

    const QByteArray settingsBytes = fileBytes(settingsPath);
    ASSERT_TRUE(settingsBytes.contains("mainWindow")) << "the settings were written at all";
    EXPECT_TRUE(settingsBytes.contains("127.0.0.1:1/web.access")) << "the source is remembered, its password is not";
    EXPECT_FALSE(settingsBytes.contains(password.toUtf8()));
    const QByteArray history = fileBytes(historyPath);
    ASSERT_FALSE(history.isEmpty()) << "the history database exists";
    EXPECT_FALSE(history.contains(password.toUtf8()));
}

// An entry another session (or another tool) put in the keychain fills the dialog: it is read
// from the Secret Service, not from this session's memory.
TEST_F(SecretService, APasswordAlreadyInTheKeychainFillsTheDialog)
{
    const QString url = QStringLiteral("clickhouse://reader@ch.example.internal:8123/logs.requests");
    ASSERT_TRUE(store(url, QStringLiteral("from-the-keychain")));
    LogSourceDialog dialog;
    dialog.urlEdit()->setText(url);
    emit dialog.urlEdit()->editingFinished(); // what leaving the field does
    EXPECT_EQ(dialog.passwordEdit()->text(), QStringLiteral("from-the-keychain"));
    EXPECT_TRUE(SourcePasswords::instance().keychainProblem().isEmpty())
        << SourcePasswords::instance().keychainProblem().toStdString();
}

} // namespace
