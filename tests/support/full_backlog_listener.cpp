// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/full_backlog_listener.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace statusscope::test {

namespace {

sockaddr_in loopback(quint16 port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

} // namespace

FullBacklogListener::FullBacklogListener()
{
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0
        || ::listen(m_listener, 0) != 0 || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&a), &len) != 0) {
        m_error = QStringLiteral("cannot listen on loopback: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_port = ntohs(a.sin_port);
    // The queue holds backlog + 1 connections on Linux; fill until one no longer completes
    // (a bound keeps a kernel with a different rule from looping for ever).
    for (int i = 0; i < 16; ++i) {
        if (!connectFiller(500))
            return;
    }
    m_error = QStringLiteral("the accept queue of port %1 did not fill up").arg(m_port);
}

FullBacklogListener::~FullBacklogListener()
{
    for (const int fd : m_fillers)
        ::close(fd);
    if (m_listener >= 0)
        ::close(m_listener);
}

bool FullBacklogListener::connectFiller(int timeoutMs)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return false;
    m_fillers.push_back(fd);
    const sockaddr_in a = loopback(m_port);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a) == 0)
        return true;
    if (errno != EINPROGRESS)
        return false;
    pollfd p{fd, POLLOUT, 0};
    int error = 0;
    socklen_t len = sizeof error;
    return ::poll(&p, 1, timeoutMs) == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0;
}

} // namespace statusscope::test
