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
    // A pair's text is kept up to this length (it is still counted by its whole text): it
    // bounds the shared text buffer, 20,000 × 8 KiB at worst, and keeps offsets in 32 bits.
    static constexpr size_t kMaxTextBytes = 8192;

    explicit CountedKeys(size_t limit = kDefaultLimit) : m_limit(limit) {}

    void add(int status, std::string_view text, qint64 count = 1);
    void merge(const CountedKeys &other);

    // The n largest entries, all statuses (status < 0) or one; ties by text for stable output.
    std::vector<Entry> top(size_t n, int status = -1) const;
    // The n texts with the largest counts summed over all statuses (status 0 in the result).
    std::vector<Entry> topTexts(size_t n) const;
    bool isApproximate() const { return m_approximate; }
    size_t size() const { return m_entries.size(); }

private:
    // One counted pair as stored: its text lives in m_text, the one buffer all texts share.
    // 24 bytes and no allocation per pair; a std::string per pair cost 48 bytes plus a heap
    // block for any text over 15 bytes (paths and user agents nearly always are).
    struct Stored
    {
        quint32 offset = 0;
        quint32 length = 0;
        int status = 0;
        qint64 count = 0; // what the slot flushed so far
    };
    static_assert(sizeof(Stored) == 24);

    std::string_view textOf(const Stored &stored) const { return {m_text.data() + stored.offset, stored.length}; }
    void insertIndex(quint64 key, quint32 entry);
    void syncCounts();
    static constexpr quint32 kDropped = 0xFFFFFFFFu;
    void rebuildIndex(size_t capacity, const std::vector<quint32> *renumber = nullptr);
    void prune();
    void compactText();

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

    std::vector<Stored> m_entries;
    std::vector<Slot> m_slots;
    std::string m_text;             // every entry's text, back to back; compacted on prune
    size_t m_limit;
    bool m_approximate = false;
};

} // namespace statusscope::logs
