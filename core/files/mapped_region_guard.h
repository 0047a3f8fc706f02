#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reading a memory-mapped file that someone truncates underneath raises SIGBUS on the first
// touch of a page past the new end (POSIX mmap(2): "references within the address range that
// do not correspond to the file result in SIGBUS"), even for MAP_PRIVATE read-only mappings.
// An inspector opens files that are still being written, rotated or cut, so that must not
// kill the app. While a guard is alive, a SIGBUS inside its range is answered by mapping a
// zero page over the vanished one and returning: the reader sees NUL bytes (which every
// parser here rejects or skips), finishes normally, then asks faulted() and reports that the
// file shrank while it was read. Faults outside every guarded range go to the previous
// handler (or the default action), so real bugs still crash loudly.
//
// Known limits: POSIX only (elsewhere the guard records nothing); at most kMaxGuardedRegions
// regions at once (a further guard is simply not protected; it says so through isActive()).

#include <QtGlobal>

#include <cstddef>

namespace statusscope {

// Readers alive at once: the GUI's HAR and log jobs plus one log window per ingest thread.
inline constexpr int kMaxGuardedRegions = 128;

class MappedRegionGuard
{
public:
    MappedRegionGuard(const void *begin, std::size_t bytes);
    ~MappedRegionGuard();
    Q_DISABLE_COPY_MOVE(MappedRegionGuard)

    bool isActive() const { return m_slot >= 0; }
    // True when a page of the range vanished (the file shrank) while the guard was alive.
    bool faulted() const;

private:
    int m_slot = -1;
};

} // namespace statusscope
