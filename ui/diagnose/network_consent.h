#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Asks before a troubleshooting check reaches a host that came from a file (a HAR, a saved
// exchange, a log): the user did not type that host, and a file from someone else must not make
// StatusScope upload a body, resolve a name or open a TLS connection on its own. The question
// names the host, what would go out (method, body size) and where the host came from; "remember"
// keeps the answer for that host until the app quits. Requests the user composed never ask.

#include "core/diagnose/checks/outgoing_contact.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

#include <QMessageBox>
class QWidget;

namespace statusscope::ui {

// What the check would send where (core/diagnose/checks/outgoing_contact.h), and which file the
// host came from.
struct NetworkRequestSummary : diagnose::OutgoingContact
{
    QString origin; // "the HAR file page.har"
};

class NetworkConsent : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkConsent)

public:
    enum class Answer { Unknown, Allowed, Refused };

    explicit NetworkConsent(QWidget *dialogParent, QObject *parent = nullptr);
    ~NetworkConsent() override;

    // Calls `done(true)` when the user allows it (now or remembered), `done(false)` otherwise.
    // Never blocks: the question is a window-modal box; `done` runs when it is answered, or never
    // when `context` is destroyed first (a cancelled check).
    void ask(const NetworkRequestSummary &request, QObject *context, std::function<void(bool)> done);
    Answer remembered(const QString &host) const { return m_remembered.value(host.toLower(), Answer::Unknown); }
    void forget() { m_remembered.clear(); }
    // The open question, for tests and the screenshot tool; nullptr when none.
    QMessageBox *pendingQuestion() const { return m_box; }

    // The text of the question (what the box says).
    static QString questionText(const NetworkRequestSummary &request);

signals:
    void asked(const QString &host);

private:
    QPointer<QWidget> m_parent;
    QPointer<QMessageBox> m_box;
    QHash<QString, Answer> m_remembered;
};

} // namespace statusscope::ui
