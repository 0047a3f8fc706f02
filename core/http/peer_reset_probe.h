#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Tells a TCP reset from an orderly close after the fact. Qt turns ECONNRESET into the same
// RemoteHostClosedError as a FIN and closes its descriptor before it signals, so by then the
// socket's own state is gone. The probe holds a duplicate of the descriptor: the kernel socket
// outlives Qt's close, and its TCP state still says how the peer ended (CLOSE after a reset,
// CLOSE_WAIT after a FIN). While the probe lives the connection stays open on our side, so its
// owner must drop it whenever it closes the Qt socket.
//
// Linux only (TCP_INFO); elsewhere wasReset() is always false, as before.

#include <QtGlobal>

namespace statusscope::http {

class PeerResetProbe
{
public:
    explicit PeerResetProbe(qintptr descriptor);
    ~PeerResetProbe();
    PeerResetProbe(const PeerResetProbe &) = delete;
    PeerResetProbe &operator=(const PeerResetProbe &) = delete;

    // True if the peer ended the connection with a RST (read it before dropping the probe).
    bool wasReset() const;

private:
    int m_fd = -1;
};

} // namespace statusscope::http
