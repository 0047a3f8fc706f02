// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A request or response body made ready to show: base64 decoded, JSON pretty-printed, images
// recognised. Lives in core because it parses bytes; the details pane only displays it.

#include "core/har/har_types.h"

#include <QByteArray>
#include <QString>

#include <iosfwd>

namespace statusscope {

enum class HarBodyKind { Empty, Text, Json, Image, Binary };
QString toString(HarBodyKind kind);
void PrintTo(HarBodyKind kind, std::ostream *os);

struct HarBodyView
{
    HarBodyKind kind = HarBodyKind::Empty;
    QString text;     // Text, Json (pretty): what to show; Binary: a hex preview
    QByteArray bytes; // the decoded bytes (Image: what to decode for the preview)
    QString note;     // "base64, 3.2 KiB decoded", "not included in the HAR"...
};

// Bodies shown as text are cut at this size: a 50 MB minified bundle is not read by scrolling.
constexpr qsizetype kMaxShownBodyBytes = 2 * 1024 * 1024;

HarBodyView viewResponseBody(const HarContent &content);
HarBodyView viewRequestBody(const HarPostData &postData);
HarBodyView viewBody(const QByteArray &bytes, const QString &mimeType);

} // namespace statusscope
