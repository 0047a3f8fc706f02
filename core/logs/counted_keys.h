// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <string>
#include <string_view>
#include <vector>

namespace statusscope::logs {

// Counts of (status, text) pairs — clients, user agents or paths per status — with a bound
// on the number of distinct pairs so that a log full of unique scanner URLs cannot grow
// memory without limit. Past the bound the rarest pairs are dropped (counts of 1, then 2, …)
// and the result is marked approximate; heavy hitters, the ones a top list shows, survive.
//
// Called for every line, so the index is an open-addressing table of 64-bit hashes (one
// cache line per lookup) rather than a node-based map.
class CountedKeys
{
public:
    struct Entry
    {
        std::string text;
        int status = 0;
        qint64 count = 0;
    };

    // The bound: 20,000 pairs (≈ 100 bytes each with the index) stay near 2 MiB per map per
    // thread, and a top-20 list needs far fewer.
    static constexpr size_t kDefaultLimit = 20000;

    explicit CountedKeys(size_t limit = kDefaultLimit) : m_limit(limit) {}

    void add(int status, std::string_view text, qint64 count = 1);
    void merge(const CountedKeys &other);

    // The n largest entries, all statuses (status < 0) or one; ties by text for stable output.
    std::vector<Entry> top(size_t n, int status = -1) const;
    qint64 countOf(size_t entry) const;
    bool isApproximate() const { return m_approximate; }
    size_t size() const { return m_entries.size(); }

private:
    void insertIndex(quint64 key, quint32 entry);
    void syncCounts();
    void rebuildIndex(size_t capacity);
    void prune();

    // One slot holds the key and the count, so a hit touches one cache line. 16 bytes, not
    // 24: the slot counts up to 2^32 - 1 and then flushes into its entry's 64-bit count (the
    // slots are most of the lists' memory, and each worker thread has three lists).
    struct Slot
    {
        quint64 key = 0; // 0: empty
        quint32 entry = 0;
        quint32 count = 0; // added to m_entries[entry].count for the pair's total
    };
    static_assert(sizeof(Slot) == 16);

    std::vector<Entry> m_entries;   // text and status; count: what the slot flushed so far
    std::vector<quint64> m_keys;    // per entry, parallel to m_entries
    std::vector<Slot> m_slots;
    size_t m_limit;
    bool m_approximate = false;
};

} // namespace statusscope::logs
