// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/files/mapped_region_guard.h"

#include <atomic>
#include <cstdint>
#include <mutex>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace statusscope {

namespace {

// Lock-free because the signal handler reads it: a slot is claimed by a CAS on `end` from 0.
struct Region
{
    std::atomic<std::uintptr_t> begin{0};
    std::atomic<std::uintptr_t> end{0};
    std::atomic<bool> faulted{false};
};
Region g_regions[kMaxGuardedRegions];

#ifdef Q_OS_UNIX
struct sigaction g_previous = {};
std::once_flag g_installed;

void onSigbus(int signal, siginfo_t *info, void *context)
{
    const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (Region &r : g_regions) {
        const std::uintptr_t end = r.end.load(std::memory_order_acquire);
        if (end == 0 || address < r.begin.load(std::memory_order_acquire) || address >= end)
            continue;
        // mmap is async-signal-safe in practice (a plain system call) and the only way to
        // make the faulting load succeed when the handler returns.
        const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
        void *at = reinterpret_cast<void *>(address / page * page);
        if (mmap(at, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
            r.faulted.store(true, std::memory_order_release);
            return;
        }
        break;
    }
    // Not ours: behave as if this handler were not installed.
    if (g_previous.sa_flags & SA_SIGINFO) {
        if (g_previous.sa_sigaction) {
            g_previous.sa_sigaction(signal, info, context);
            return;
        }
    } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
        g_previous.sa_handler(signal);
        return;
    }
    ::signal(signal, SIG_DFL); // the faulting instruction runs again and takes the default action
}

void install()
{
    struct sigaction action = {};
    action.sa_sigaction = onSigbus;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &g_previous);
}
#endif

} // namespace

MappedRegionGuard::MappedRegionGuard(const void *begin, std::size_t bytes)
{
#ifdef Q_OS_UNIX
    if (!begin || bytes == 0)
        return;
    std::call_once(g_installed, install);
    const auto from = reinterpret_cast<std::uintptr_t>(begin);
    for (int i = 0; i < kMaxGuardedRegions; ++i) {
        std::uintptr_t expected = 0;
        // Claim with a placeholder end so the handler ignores the slot until begin is set.
        if (g_regions[i].end.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) {
            g_regions[i].faulted.store(false, std::memory_order_relaxed);
            g_regions[i].begin.store(from, std::memory_order_release);
            g_regions[i].end.store(from + bytes, std::memory_order_release);
            m_slot = i;
            return;
        }
    }
#else
    Q_UNUSED(begin);
    Q_UNUSED(bytes);
#endif
}

MappedRegionGuard::~MappedRegionGuard()
{
    if (m_slot >= 0) {
        g_regions[m_slot].begin.store(0, std::memory_order_release);
        g_regions[m_slot].end.store(0, std::memory_order_release);
    }
}

bool MappedRegionGuard::faulted() const
{
    return m_slot >= 0 && g_regions[m_slot].faulted.load(std::memory_order_acquire);
}

} // namespace statusscope
