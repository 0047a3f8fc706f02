#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The first socket of a process loads the TLS backend (QSslSocket's plugin and OpenSSL), which
// takes tens of milliseconds. Paid before an exchange starts, it never shows up between its
// DNS and connect phases, so a first send is not slower than the next.

namespace statusscope::http {

// Idempotent and cheap after the first call; call it on the thread that will run the engine.
void warmUpNetworking();

} // namespace statusscope::http
