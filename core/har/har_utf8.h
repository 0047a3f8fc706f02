#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// UTF-8 validation for the HAR reader (RFC 8259 §8.1: JSON text is UTF-8). RapidJSON copies
// string bytes as they are, so the reader checks each stretch of the file it has parsed, while
// those bytes are still in cache, and reports every invalid sequence by its byte offset; the
// text fields then hold U+FFFD in its place. Strict as Python's decoder is: no overlong forms,
// no surrogates, nothing above U+10FFFF. Internal to core/har.

#include <QByteArray>
#include <QtGlobal>

namespace statusscope::har_detail {

// Offset of the first invalid sequence in [from, to), or -1. *length (if given) is the length
// of that maximal invalid subpart (1 to 3 bytes; Unicode §3.9 "U+FFFD substitution").
qint64 findInvalidUtf8(const char *data, qint64 from, qint64 to, int *length = nullptr);

// `bytes` with each invalid sequence replaced by U+FFFD (unchanged when valid).
QByteArray repairedUtf8(const QByteArray &bytes);

} // namespace statusscope::har_detail
