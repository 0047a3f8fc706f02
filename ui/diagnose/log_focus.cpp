// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/log_focus.h"

#include "ui/logs/log_view.h"
#include "ui/main_window.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QTabWidget>

namespace statusscope::ui {

LogFocus::LogFocus(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
}

int LogFocus::askWhichLog(const QStringList &names, int status) const
{
    if (m_chooseLog)
        return m_chooseLog(names, status);
    bool ok = false;
    const QString name = QInputDialog::getItem(m_window, tr("Open the Logs"),
                                               tr("Several logs are open. Which one should show status %1?").arg(status),
                                               names, 0, false, &ok);
    return ok ? int(names.indexOf(name)) : -1;
}

QString LogFocus::askForLogFile(int status) const
{
    if (m_chooseFile)
        return m_chooseFile(status);
    return QFileDialog::getOpenFileName(m_window, tr("Open the server's access log to look for status %1").arg(status),
                                        QString(), tr("Access logs (*.log *.log.* *.gz *.txt);;All files (*)"));
}

void LogFocus::focus(int status, const QDateTime &at, QObject *context, Done done)
{
    QTabWidget *tabs = m_window ? m_window->documents() : nullptr;
    QList<LogView *> logs;
    QStringList names;
    for (int i = 0; tabs && i < tabs->count(); ++i) {
        if (auto *log = qobject_cast<LogView *>(tabs->widget(i))) {
            logs << log;
            names << tabs->tabText(i);
        }
    }
    if (logs.isEmpty()) {
        openAndFocus(status, at, context, std::move(done));
        return;
    }
    const int chosen = logs.size() == 1 ? 0 : askWhichLog(names, status);
    if (chosen < 0 || chosen >= logs.size()) {
        done(tr("Logs: no log was chosen"));
        return;
    }
    tabs->setCurrentWidget(logs.at(chosen));
    done(report(logs.at(chosen), status, at));
}

void LogFocus::openAndFocus(int status, const QDateTime &at, QObject *context, Done done)
{
    const QString path = m_window ? askForLogFile(status) : QString();
    if (path.isEmpty()) {
        done(tr("Logs: no access log is open; open the server's log (File → Open) and run this again"));
        return;
    }
    auto *log = qobject_cast<LogView *>(m_window->openFile(path));
    if (!log) {
        done(tr("Logs: %1 did not open as an access log").arg(QFileInfo(path).fileName()));
        return;
    }
    // A new log tab reads its file in the background and reports the end through the event
    // loop (even when the reading itself is already done): the counts are right only after it.
    QPointer<QObject> guard(context);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(log, &LogView::loadFinished, this, [this, log, status, at, guard, connection, done] {
        disconnect(*connection);
        if (guard)
            done(report(log, status, at));
    });
}

QString LogFocus::report(LogView *log, int status, const QDateTime &at) const
{
    QTabWidget *tabs = m_window->documents();
    const QString name = tabs->tabText(tabs->indexOf(log));
    const LogView::StatusFocus focus = log->focusStatus(status, at.isValid() ? at.toMSecsSinceEpoch() : 0);
    if (focus.total == 0)
        return tr("Logs: %1 has no request with status %2 at all — this may not be the log of the server "
                  "that answered")
            .arg(name)
            .arg(status);
    if (focus.inWindow < 0)
        return tr("Logs: %n request(s) with status %1 in %2, selected in its Statuses table", nullptr, int(focus.total))
            .arg(status)
            .arg(name);
    const QString from = log->formatLogTime(focus.fromMs);
    const QString to = log->formatLogTime(focus.toMs);
    if (focus.outsideLog)
        return tr("Logs: %1 covers %2 to %3, but the exchange was at %4, outside it; it has %n request(s) with "
                  "status %5 at other times",
                  nullptr, int(focus.total))
            .arg(name, log->formatLogTime(log->summary().firstMs), log->formatLogTime(log->summary().lastMs),
                 log->formatLogTime(at.toMSecsSinceEpoch()))
            .arg(status);
    if (focus.inWindow == 0)
        return tr("Logs: %1 has no request with status %2 between %3 and %4 (%n at other times)", nullptr,
                  int(focus.total))
            .arg(name)
            .arg(status)
            .arg(from, to);
    return tr("Logs: %n request(s) with status %1 in %2 between %3 and %4, listed in its bucket table", nullptr,
              int(focus.inWindow))
        .arg(status)
        .arg(name)
        .arg(from, to);
}

} // namespace statusscope::ui
