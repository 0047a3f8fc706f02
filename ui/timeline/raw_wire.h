#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The exchange as curl --trace-ascii shows it ("=> Send header, N bytes", "<= Recv header").
// The engine records heads as header lists, not raw bytes: request heads are re-serialised by
// core's serializeHead (the very function the engine sent them with), response heads are
// rebuilt from the parsed status line and headers, and bodies are shown from what was kept.

#include "core/http/http_types.h"

#include <QString>

namespace statusscope::ui {

// Bodies longer than this are elided unless showAll is set.
inline constexpr qsizetype kRawBodyPreviewBytes = 4096;

struct RawWireText
{
    QString text;
    bool elided = false; // some body was cut; "show all" gives everything
};

RawWireText rawWireText(const http::Exchange &exchange, bool showAll);

} // namespace statusscope::ui
