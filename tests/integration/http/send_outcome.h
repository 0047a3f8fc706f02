// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs `statusscope-cli send --json` and reads back what the contract says: per attempt the
// interim statuses, the final status and whether the body was sent.

#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace statusscope::test {

struct SendOutcome
{
    ProcessResult process;
    QJsonObject json;
    QJsonArray attempts;
    QJsonObject last; // the last attempt
    QList<int> interim; // of the last attempt
    int finalStatus = 0;
    bool bodySent = false;
    qint64 bodySentBytes = 0;
    QString errorKind;
};

SendOutcome runSend(const QStringList &args, int timeoutMs = 60000);
// A file of `bytes` pseudo-random bytes in `dir`.
QString makeBodyFile(const QString &dir, qint64 bytes);
// Request header value of an attempt (as sent), or empty.
QString sentHeader(const QJsonObject &attempt, const QString &name);
QStringList eventTypes(const QJsonObject &attempt);

} // namespace statusscope::test
