// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A JSON text checked and re-indented, for the composer's JSON body: where the first error is
// (line and column, as an editor counts them) and the same document pretty-printed. The
// pretty text keeps what the user wrote: key order, duplicate keys and number spelling
// (1.50 stays 1.50, big integers stay exact), which a round trip through a DOM would not.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace statusscope {

struct JsonCheck
{
    bool ok = false;
    int line = 0;   // of the error, from 1
    int column = 0; // of the error, from 1, in characters
    QString message;
    QByteArray pretty; // when ok: two-space indented, ending without a newline
};

JsonCheck checkJson(QByteArrayView text);

// True for application/json and the +json types (RFC 6839), parameters ignored.
bool isJsonContentType(const QString &contentType);

} // namespace statusscope
