#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The DNS step of a troubleshooting flow: resolve a host name with the system resolver
// (QHostInfo, asynchronous) and say where it points and how long it took.

#include "core/diagnose/checks/check_handle.h"

namespace statusscope::diagnose {

// Ok with the addresses, DnsFailure with the resolver's words, NotPossible without a name.
CheckHandle lookUpHost(const QString &host, CheckCallback done);

} // namespace statusscope::diagnose
