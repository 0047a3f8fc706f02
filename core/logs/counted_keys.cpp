// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/counted_keys.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <utility>

namespace statusscope::logs {

namespace {

constexpr size_t kInitialSlots = 1024;

quint64 keyOf(int status, std::string_view text)
{
    // 64-bit hash of the text mixed with the status; a collision (≈ n²/2^65) would merge two
    // pairs' counts, far below the resolution of a top list. 0 marks an empty slot.
    const quint64 key = static_cast<quint64>(std::hash<std::string_view>{}(text))
                        ^ (static_cast<quint64>(status) * 0x9E3779B97F4A7C15ULL);
    return key == 0 ? 1 : key;
}

} // namespace

void CountedKeys::insertIndex(quint64 key, quint32 entry)
{
    const size_t mask = m_slots.size() - 1;
    size_t slot = size_t(key) & mask;
    while (m_slots[slot].key != 0)
        slot = (slot + 1) & mask;
    m_slots[slot] = {key, entry, 0};
}

// Moves the counts from the slots into the entries (before the index is rebuilt or pruned).
void CountedKeys::syncCounts()
{
    for (Slot &slot : m_slots) {
        if (slot.key != 0) {
            m_entries[slot.entry].count += slot.count;
            slot.count = 0;
        }
    }
}

// The keys live only in the slots (a per-entry copy would cost 8 bytes a pair), so a new
// index is built from the old one, entry numbers mapped through `renumber` when given.
void CountedKeys::rebuildIndex(size_t capacity, const std::vector<quint32> *renumber)
{
    syncCounts();
    const std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(capacity));
    for (const Slot &slot : old) {
        if (slot.key == 0)
            continue;
        const quint32 entry = renumber ? (*renumber)[slot.entry] : slot.entry;
        if (entry != kDropped)
            insertIndex(slot.key, entry);
    }
}

namespace {

// Adds to a slot's 32-bit count, flushing into the entry's 64-bit count before it overflows.
inline void addCount(quint32 &slotCount, qint64 &entryCount, qint64 count)
{
    if (quint64(slotCount) + quint64(count) <= 0xFFFFFFFFull) {
        slotCount += quint32(count);
        return;
    }
    entryCount += qint64(slotCount) + count;
    slotCount = 0;
}

} // namespace

void CountedKeys::add(int status, std::string_view text, qint64 count)
{
    if (m_slots.empty())
        m_slots.assign(kInitialSlots, Slot());
    const quint64 key = keyOf(status, text);
    const size_t mask = m_slots.size() - 1;
    size_t slot = size_t(key) & mask;
    while (m_slots[slot].key != 0) {
        if (m_slots[slot].key == key) {
            addCount(m_slots[slot].count, m_entries[m_slots[slot].entry].count, count);
            return;
        }
        slot = (slot + 1) & mask;
    }
    m_slots[slot] = {key, quint32(m_entries.size()), 0};
    // Grown by half, and past half the bound to exactly the bound: doubling would leave up
    // to half the vector unused for good (resident memory times threads times lists).
    if (m_entries.size() == m_entries.capacity()) {
        const size_t grown = std::max<size_t>(64, m_entries.size() + m_entries.size() / 2);
        const size_t capacity = m_entries.size() >= m_limit / 2 ? m_limit + 1 : std::min(grown, m_limit + 1);
        m_entries.reserve(capacity);
    }
    const auto length = quint32(std::min(text.size(), kMaxTextBytes));
    m_entries.push_back({quint32(m_text.size()), length, status, 0});
    m_text.append(text.substr(0, length));
    addCount(m_slots[slot].count, m_entries.back().count, count);
    if (m_entries.size() > m_limit)
        prune();
    else if (m_entries.size() * 4 > m_slots.size() * 3) // keep the load under three quarters
        rebuildIndex(m_slots.size() * 2);
}

void CountedKeys::merge(const CountedKeys &other)
{
    m_approximate = m_approximate || other.m_approximate;
    for (const Slot &slot : other.m_slots) {
        if (slot.key != 0) {
            const Stored &stored = other.m_entries[slot.entry];
            add(stored.status, other.textOf(stored), stored.count + qint64(slot.count));
        }
    }
}

void CountedKeys::prune()
{
    m_approximate = true;
    syncCounts();
    std::vector<quint32> renumber(m_entries.size());
    for (size_t i = 0; i < m_entries.size(); ++i)
        renumber[i] = quint32(i);
    qint64 floor = 1;
    size_t kept = m_entries.size();
    while (kept > m_limit * 3 / 4) {
        kept = 0;
        for (size_t i = 0; i < m_entries.size(); ++i) {
            if (renumber[i] != kDropped && m_entries[i].count > floor)
                ++kept;
            else
                renumber[i] = kDropped;
        }
        ++floor;
    }
    size_t next = 0;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (renumber[i] == kDropped)
            continue;
        m_entries[next] = m_entries[i];
        renumber[i] = quint32(next++);
    }
    m_entries.resize(next);
    rebuildIndex(m_slots.size(), &renumber);
    compactText();
}

// Drops the texts of pruned entries: without it the buffer would grow with every pair ever
// seen, the very thing the bound exists to prevent.
void CountedKeys::compactText()
{
    std::string kept;
    kept.reserve(m_text.size() / 2);
    for (Stored &stored : m_entries) {
        const std::string_view text = textOf(stored);
        stored.offset = quint32(kept.size());
        kept.append(text);
    }
    m_text = std::move(kept);
}

std::vector<CountedKeys::Entry> CountedKeys::top(size_t n, int status) const
{
    // Ranks indices, not copies: only the n chosen texts are copied (called once per status
    // at the end of a read, when the lists are at their largest).
    struct Ranked
    {
        qint64 count;
        quint32 entry;
    };
    std::vector<Ranked> ranked;
    for (const Slot &slot : m_slots) {
        if (slot.key != 0 && (status < 0 || m_entries[slot.entry].status == status))
            ranked.push_back({m_entries[slot.entry].count + qint64(slot.count), slot.entry});
    }
    auto order = [this](const Ranked &a, const Ranked &b) {
        if (a.count != b.count)
            return a.count > b.count;
        const Stored &x = m_entries[a.entry];
        const Stored &y = m_entries[b.entry];
        if (x.status != y.status)
            return x.status < y.status;
        return textOf(x) < textOf(y);
    };
    const size_t keep = std::min(n, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), order);
    std::vector<Entry> chosen;
    chosen.reserve(keep);
    for (size_t i = 0; i < keep; ++i) {
        const Stored &stored = m_entries[ranked[i].entry];
        chosen.push_back({std::string(textOf(stored)), stored.status, ranked[i].count});
    }
    return chosen;
}

std::vector<CountedKeys::Entry> CountedKeys::topTexts(size_t n) const
{
    std::unordered_map<std::string_view, qint64> sums;
    for (const Slot &slot : m_slots) {
        if (slot.key != 0)
            sums[textOf(m_entries[slot.entry])] += m_entries[slot.entry].count + qint64(slot.count);
    }
    std::vector<std::pair<std::string_view, qint64>> ranked(sums.begin(), sums.end());
    const size_t keep = std::min(n, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                      [](const auto &a, const auto &b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    std::vector<Entry> chosen;
    chosen.reserve(keep);
    for (size_t i = 0; i < keep; ++i)
        chosen.push_back({std::string(ranked[i].first), 0, ranked[i].second});
    return chosen;
}

} // namespace statusscope::logs
