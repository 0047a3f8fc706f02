#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Content-Encoding decoding (RFC 9110 §8.4.1) of a body held in memory, with zlib.

#include <QByteArray>
#include <QString>

namespace statusscope::http {

struct DecodeResult
{
    bool ok = false;
    QByteArray data;
    QString error; // empty with ok=false: the coding is not one we decode (e.g. br, identity)
};

// gzip, x-gzip and deflate (zlib-wrapped or raw); stops with an error past maxBytes.
DecodeResult decodeContent(QByteArrayView coding, const QByteArray &body, qint64 maxBytes);

} // namespace statusscope::http
