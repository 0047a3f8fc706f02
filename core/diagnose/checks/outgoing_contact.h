#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// What a check would send where, before it runs: the consent question names the host, the
// method and the body size (a file from someone else must not make the app contact a host
// unasked).

#include "core/diagnose/checks/check_inputs.h"
#include "core/diagnose/troubleshooting_flow.h"

#include <optional>

namespace statusscope::diagnose {

struct OutgoingContact
{
    QString host;   // what a consent answer is remembered for
    QString action; // "send PUT /files to", "look up the address of", …
    QString method; // empty for a lookup or a handshake
    qint64 bodyBytes = 0;
};

// Empty for a check that reaches no host (a header comparison, the logs) or has none to reach.
std::optional<OutgoingContact> outgoingContact(CheckKind kind, const CheckInputs &inputs);

} // namespace statusscope::diagnose
