// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/peer_reset_probe.h"

#if defined(__linux__)
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace statusscope::http {

PeerResetProbe::PeerResetProbe(qintptr descriptor)
{
#if defined(__linux__)
    if (descriptor >= 0)
        m_fd = ::fcntl(int(descriptor), F_DUPFD_CLOEXEC, 0);
#else
    Q_UNUSED(descriptor);
#endif
}

PeerResetProbe::~PeerResetProbe()
{
#if defined(__linux__)
    if (m_fd >= 0)
        ::close(m_fd);
#endif
}

bool PeerResetProbe::wasReset() const
{
#if defined(__linux__)
    if (m_fd < 0)
        return false;
    tcp_info info{};
    socklen_t length = sizeof info;
    if (::getsockopt(m_fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
        return false;
    // We have not closed our side (this descriptor keeps it open), so CLOSE can only come
    // from a reset; an orderly FIN leaves CLOSE_WAIT.
    return info.tcpi_state == TCP_CLOSE;
#else
    return false;
#endif
}

} // namespace statusscope::http
