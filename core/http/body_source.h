// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the engine reads a request body from when it is not a QByteArray in the spec: the file
// itself, or a multipart form read part by part. Either way a QIODevice whose size() is known
// before the first byte goes out (Content-Length, and Expect: 100-continue for large bodies)
// and that seek(0) rewinds for a resend (the retry without Expect, a redirect that keeps the
// body, a stale connection).

#include "core/http/http_types.h"

#include <QIODevice>

#include <memory>

namespace statusscope::http {

// The body device of `spec`, opened; nullptr when the body is spec.body (or there is none).
// On failure nullptr with *error saying which file could not be read.
std::unique_ptr<QIODevice> openBodySource(const RequestSpec &spec, QString *error);

// The size openBodySource's device will have, without opening the files: -1 when a file
// cannot be read (sizes shown before sending, outgoing-contact summaries).
qint64 bodySourceSize(const RequestSpec &spec);

} // namespace statusscope::http
