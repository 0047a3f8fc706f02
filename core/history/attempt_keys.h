#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// What history search matches besides the final status: each attempt's method, host, path and
// status, taken from the saved exchange JSON (the `send --json` shape). A 417 that was retried
// to a 201 is found by "417", a redirect by the host it went to.

#include <QByteArray>
#include <QList>
#include <QString>

namespace statusscope {

struct AttemptKey
{
    int position = 0;
    QString method;
    QString host;
    // The path only: the query string can hold tokens, which Remove Secrets must not leave behind.
    QString path;
    int status = -1; // -1: the attempt got no response
};

// Attempts of an exchange JSON document; empty when the document has none or is not JSON.
QList<AttemptKey> attemptKeysFromExchangeJson(const QByteArray &exchangeJson);

} // namespace statusscope
