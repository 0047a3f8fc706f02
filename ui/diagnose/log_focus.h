#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// "Open the logs at this status" (a troubleshooting step): shows the status being troubleshot
// in an access-log tab, around the time of the exchange, and says plainly what it found. With
// several logs open it asks which one (which server answered is the user's knowledge, not
// ours); with none it offers to open one. Both questions can be replaced, as the consent
// prompt's answer can, so tests answer them without a modal dialog.

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace statusscope::ui {

class LogView;
class MainWindow;

class LogFocus : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFocus)

public:
    // Which of the open logs (their tab names) should show `status`: its index, or -1 for none.
    using LogChooser = std::function<int(const QStringList &names, int status)>;
    // An access log to open when none is open: its path, or empty for none.
    using LogFileChooser = std::function<QString(int status)>;
    using Done = std::function<void(const QString &found)>;

    explicit LogFocus(MainWindow *window, QObject *parent = nullptr);

    // The defaults ask with a list dialog and a file dialog.
    void setLogChooser(LogChooser chooser) { m_chooseLog = std::move(chooser); }
    void setLogFileChooser(LogFileChooser chooser) { m_chooseFile = std::move(chooser); }

    // Shows `status` in a log tab around `at` (when valid) and calls `done` with what it found,
    // in words — after the log has loaded when it had to be opened first. `done` never runs once
    // `context` is gone.
    void focus(int status, const QDateTime &at, QObject *context, Done done);

private:
    int askWhichLog(const QStringList &names, int status) const;
    QString askForLogFile(int status) const;
    void openAndFocus(int status, const QDateTime &at, QObject *context, Done done);
    QString report(LogView *log, int status, const QDateTime &at) const;

    QPointer<MainWindow> m_window;
    LogChooser m_chooseLog;
    LogFileChooser m_chooseFile;
};

} // namespace statusscope::ui
