// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A loopback listener whose accept queue is full: it listens with a backlog of 0, never
// accepts, and holds the connections that filled the queue. Linux drops further SYNs (as it
// does for a real overloaded server), so a client's connect neither completes nor is refused
// until its own timeout.

#include <QString>
#include <QtGlobal>

#include <vector>

namespace statusscope::test {

class FullBacklogListener
{
public:
    FullBacklogListener();
    ~FullBacklogListener();
    FullBacklogListener(const FullBacklogListener &) = delete;
    FullBacklogListener &operator=(const FullBacklogListener &) = delete;

    quint16 port() const { return m_port; }
    QString error() const { return m_error; }

private:
    // Non-blocking connect to the listener; true if it completed within timeoutMs.
    bool connectFiller(int timeoutMs);

    int m_listener = -1;
    quint16 m_port = 0;
    QString m_error;
    std::vector<int> m_fillers;
};

} // namespace statusscope::test
