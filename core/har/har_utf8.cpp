// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_utf8.h"

#include <cstring>

namespace statusscope::har_detail {

namespace {

// Length of the valid sequence at p (p < end), or 0 when invalid; *bad then says how many bytes
// form the maximal invalid subpart.
int sequenceLength(const unsigned char *p, const unsigned char *end, int *bad)
{
    const unsigned char c = p[0];
    int need = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte (Unicode Table 3-7)
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;       // no overlong forms
        else if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;       // no overlong forms
        else if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        *bad = 1; // a continuation byte, C0/C1, or F5..FF
        return 0;
    }
    for (int i = 1; i <= need; ++i) {
        const unsigned char min = i == 1 ? lo : 0x80;
        const unsigned char max = i == 1 ? hi : 0xBF;
        if (p + i >= end || p[i] < min || p[i] > max) {
            *bad = i;
            return 0;
        }
    }
    return need + 1;
}

} // namespace

qint64 findInvalidUtf8(const char *data, qint64 from, qint64 to, int *length)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data + from);
    const auto *end = reinterpret_cast<const unsigned char *>(data + to);
    while (p < end) {
        // ASCII fast path, eight bytes at a time: HAR files are mostly ASCII.
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        if (*p < 0x80) {
            ++p;
            continue;
        }
        int bad = 0;
        const int n = sequenceLength(p, end, &bad);
        if (n == 0) {
            if (length)
                *length = bad;
            return reinterpret_cast<const char *>(p) - data;
        }
        p += n;
    }
    return -1;
}

QByteArray repairedUtf8(const QByteArray &bytes)
{
    const char *data = bytes.constData();
    int length = 0;
    qint64 at = findInvalidUtf8(data, 0, bytes.size(), &length);
    if (at < 0)
        return bytes;
    QByteArray out;
    out.reserve(bytes.size() + 8);
    qint64 copied = 0;
    while (at >= 0) {
        out.append(data + copied, at - copied);
        out.append("\xEF\xBF\xBD");
        copied = at + length;
        at = findInvalidUtf8(data, copied, bytes.size(), &length);
    }
    out.append(data + copied, bytes.size() - copied);
    return out;
}

} // namespace statusscope::har_detail
