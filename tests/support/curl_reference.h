// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// curl (/usr/bin/curl) as the reference client: runs it with --trace-ascii and reads from the
// trace which statuses arrived (interim and final) and how many body bytes it sent.

#include <QList>
#include <QString>
#include <QStringList>

namespace statusscope::test {

struct CurlOutcome
{
    bool ran = false;
    int exitCode = -1;
    QList<int> interimStatuses;
    int finalStatus = 0;
    qint64 bodySentBytes = 0;
    bool bodySent() const { return bodySentBytes > 0; }
    QString trace; // for assertion messages
    // What curl sent, as --trace-ascii shows it: the request line and header lines, and the
    // body with CR LF left out and other bytes outside 0x20-0x7f shown as '.'.
    QByteArray requestLine;
    QList<QByteArray> sentHeaders;
    QByteArray sentBody;
};

// `bytes` as --trace-ascii renders sent data, to compare a body with CurlOutcome::sentBody.
QByteArray traceAsciiRendering(const QByteArray &bytes);

// `args` are curl options (same spelling as statusscope-cli send) followed by the URL.
CurlOutcome runCurl(const QStringList &args, int timeoutMs = 60000);
// The parsing alone, for a trace already on disk or in memory.
CurlOutcome parseCurlTrace(const QByteArray &trace);

} // namespace statusscope::test
