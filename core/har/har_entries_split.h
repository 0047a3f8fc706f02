// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads the back half of a large HAR's log.entries array on a second thread while the reading
// thread parses from the start; the two halves are joined where they meet. Internal to
// core/har; readHarFile() drives it.
//
// How it stays exact: the second thread guesses an entry boundary past the middle of the bytes
// (a '}' then ',' then '{"', whose object parses as an entry) and parses entry after entry from
// there up to the array's closing ']'. The guess is only trusted when the reading thread, which
// parses everything before it itself, ends an entry of log.entries at exactly that byte: from
// there on, "the rest of this array" parses the same whichever thread does it. Then the reading
// thread takes the second thread's entries and jumps to the ']'. Any doubt (the reading thread
// passes the point mid-entry, the second thread meets bad JSON or is cancelled) drops the guess,
// and the reading thread simply parses on alone, so errors are always reported by the one
// sequential parse, with their exact offsets and paths.
//
// Deterministic: when the reading thread ends an entry in the searched part before the second
// thread has judged that byte, it waits for the verdict (normally long given: the search takes
// microseconds, the first half a hundred milliseconds), so whether and where a file is joined
// never depends on thread timing.

#include "core/har/har_reader.h"

#include <atomic>
#include <functional>
#include <thread>

namespace statusscope::har_detail {

class HarSaxHandler;

class HarEntriesSplit
{
public:
    // data[size] must be readable and 0 (as for readBuffer). release(from, to): the tail
    // thread will not read [from, to) again.
    HarEntriesSplit(const char *data, qint64 size, const HarReadOptions &options,
                    std::function<void(qint64 from, qint64 to)> release);
    ~HarEntriesSplit(); // stops and joins the tail thread
    HarEntriesSplit(const HarEntriesSplit &) = delete;
    HarEntriesSplit &operator=(const HarEntriesSplit &) = delete;

    // The reading thread ended an entry of log.entries just before byte `offset`. When that is
    // where the tail begins and the tail parsed cleanly, its entries are moved into `handler`
    // and the offset of the array's ']' is returned: parsing continues there. Otherwise -1.
    qint64 entryEnded(qint64 offset, HarSaxHandler &handler);

    // Bytes the tail thread has parsed so far (for progress); 0 once joined into the head.
    qint64 tailBytesParsed() const { return m_spliced ? 0 : m_tailBytes.load(std::memory_order_relaxed); }

    // The byte at which the halves were joined, or -1 (tests and the benchmark report it).
    qint64 joinedAt() const { return m_spliced ? m_boundary.load(std::memory_order_relaxed) : -1; }

private:
    qint64 boundaryFor(qint64 offset);
    void runTail();
    void searched(qint64 upTo);
    bool parseTailFrom(qint64 start, qint64 boundary);
    void stopTail();

    const char *m_data;
    qint64 m_size;
    HarReadOptions m_options;
    std::function<void(qint64, qint64)> m_release;

    std::atomic<qint64> m_boundary{-1}; // where the head must end an entry; set by the tail
    // Every '}' before this byte has been ruled out as the boundary (the search starts in the
    // middle; kSearchDone once the tail has a boundary or gave up).
    std::atomic<qint64> m_searchedTo{0};
    std::atomic<bool> m_abort{false};
    std::atomic<qint64> m_tailBytes{0};
    bool m_decided = false; // head side: joined or gave up
    bool m_spliced = false;

    // Written by the tail thread, read by the head only after join().
    bool m_tailOk = false;
    qint64 m_arrayEnd = -1;
    int m_tailElements = 0;
    HarLog m_tailLog;

    std::thread m_thread;
};

} // namespace statusscope::har_detail
