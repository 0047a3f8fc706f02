// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/content_decoding.h"

#include <zlib.h>

namespace statusscope::http {

namespace {

DecodeResult inflateWith(const QByteArray &body, int windowBits, qint64 maxBytes)
{
    DecodeResult r;
    z_stream zs{};
    if (inflateInit2(&zs, windowBits) != Z_OK) {
        r.error = QStringLiteral("zlib init failed");
        return r;
    }
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    zs.avail_in = uInt(body.size());
    char buffer[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        r.data.append(buffer, qsizetype(sizeof buffer - zs.avail_out));
        if (r.data.size() > maxBytes) {
            inflateEnd(&zs);
            r.data.clear();
            r.error = QStringLiteral("decoded size exceeds %1 bytes").arg(maxBytes);
            return r;
        }
        if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)
            break; // truncated input
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) {
        r.data.clear();
        r.error = QStringLiteral("corrupt or truncated compressed data (zlib %1)").arg(rc);
        return r;
    }
    r.ok = true;
    return r;
}

} // namespace

DecodeResult decodeContent(QByteArrayView coding, const QByteArray &body, qint64 maxBytes)
{
    const QByteArray c = coding.toByteArray().trimmed().toLower();
    if (c == "gzip" || c == "x-gzip")
        return inflateWith(body, 16 + MAX_WBITS, maxBytes);
    if (c == "deflate") {
        // RFC 9110 §8.4.1.2 says zlib-wrapped; some servers send raw deflate.
        DecodeResult r = inflateWith(body, MAX_WBITS, maxBytes);
        return r.ok ? r : inflateWith(body, -MAX_WBITS, maxBytes);
    }
    return {};
}

} // namespace statusscope::http
