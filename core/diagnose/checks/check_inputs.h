#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// What the checks of one troubleshooting run work from: the exchange being diagnosed and, when
// known, the request that produced it.

#include "core/http/http_types.h"

#include <QString>

#include <optional>

namespace statusscope::diagnose {

struct CheckInputs
{
    http::Exchange exchange;
    // The composer's request; otherwise rebuilt from the exchange (resend_spec.h); empty when
    // nothing can be sent.
    std::optional<http::RequestSpec> spec{};
    QString specNote{}; // how the spec was obtained, shown with resend results
    // The status being troubleshot (the flow's), which may differ from the exchange's final one
    // (a 417 retried to a 201); 0: the final status.
    int status = 0;
    // The last resend's exchange: "compare with the previous attempt" compares against it.
    std::optional<http::Exchange> lastResend{};

    // The URL the checks reach: the request's, else the exchange's.
    QUrl url() const { return spec ? spec->url : exchange.url; }
    bool proxyConfigured() const { return spec && !spec->proxy.isEmpty(); }
    int troubleshotStatus() const { return status > 0 ? status : exchange.finalStatus().value_or(0); }
};

} // namespace statusscope::diagnose
