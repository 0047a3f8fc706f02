#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Before a troubleshooting check goes to the network, what the exchange already shows: a retry
// without Expect that already happened answers "resend without Expect"; a request that used no
// proxy makes "resend without the proxy" not apply; a TLS handshake that succeeded and verified
// answers "show the certificate chain"; a DNS answer the engine recorded answers the lookup.
// Plain values in, plain values out: the ui shows the answer instead of sending anything.

#include "core/diagnose/troubleshooting_flow.h"
#include "core/http/http_types.h"

#include <QString>

#include <optional>

namespace statusscope::diagnose {

struct EvidenceAnswer
{
    enum class Kind {
        Answered, // the exchange holds the check's answer
        Skipped,  // the check does not apply to this exchange (reason says why)
    };
    Kind kind = Kind::Answered;
    int attempt = 0;             // 1-based attempt that answered; 0 for a skip
    QString observed;            // one line: "Answered by attempt #2: PUT /files without Expect → 201 Created"
    QString details;             // several lines, may be empty
    std::optional<int> status;   // the answering attempt's final status
    std::optional<bool> passed;  // what the answer suggests; empty for a skip
    http::ErrorKind error = http::ErrorKind::None; // the answering attempt's transport failure
};

// `proxyConfigured`: the request to troubleshoot was set to go through a proxy (the composer's
// option); the exchange's attempts also say whether they went through one.
std::optional<EvidenceAnswer> answerFromExchange(CheckKind kind, const http::Exchange &exchange, bool proxyConfigured);

} // namespace statusscope::diagnose
