#include "core/logs/counted_keys.h"

#include <algorithm>
#include <functional>

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

void CountedKeys::insertIndex(quint64 key, quint32 entry, qint64 count)
{
    const size_t mask = m_slots.size() - 1;
    size_t slot = size_t(key) & mask;
    while (m_slots[slot].key != 0)
        slot = (slot + 1) & mask;
    m_slots[slot] = {key, count, entry};
}

// Copies the counts from the slots into the entries (before the index is rebuilt or read).
void CountedKeys::syncCounts()
{
    for (const Slot &slot : m_slots) {
        if (slot.key != 0)
            m_entries[slot.entry].count = slot.count;
    }
}

void CountedKeys::rebuildIndex(size_t capacity)
{
    syncCounts();
    m_slots.assign(capacity, Slot());
    for (size_t i = 0; i < m_entries.size(); ++i)
        insertIndex(m_keys[i], quint32(i), m_entries[i].count);
}

void CountedKeys::add(int status, std::string_view text, qint64 count)
{
    if (m_slots.empty())
        m_slots.assign(kInitialSlots, Slot());
    const quint64 key = keyOf(status, text);
    const size_t mask = m_slots.size() - 1;
    size_t slot = size_t(key) & mask;
    while (m_slots[slot].key != 0) {
        if (m_slots[slot].key == key) {
            m_slots[slot].count += count;
            return;
        }
        slot = (slot + 1) & mask;
    }
    m_slots[slot] = {key, count, quint32(m_entries.size())};
    m_entries.push_back({std::string(text), status, count});
    m_keys.push_back(key);
    if (m_entries.size() > m_limit)
        prune();
    else if (m_entries.size() * 2 > m_slots.size()) // keep the load under one half
        rebuildIndex(m_slots.size() * 2);
}

qint64 CountedKeys::countOf(size_t entry) const
{
    const quint64 key = m_keys[entry];
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = size_t(key) & mask; m_slots[slot].key != 0; slot = (slot + 1) & mask) {
        if (m_slots[slot].key == key)
            return m_slots[slot].count;
    }
    return 0;
}

void CountedKeys::merge(const CountedKeys &other)
{
    m_approximate = m_approximate || other.m_approximate;
    for (size_t i = 0; i < other.m_entries.size(); ++i)
        add(other.m_entries[i].status, other.m_entries[i].text, other.countOf(i));
}

void CountedKeys::prune()
{
    m_approximate = true;
    syncCounts();
    qint64 floor = 1;
    while (m_entries.size() > m_limit * 3 / 4) {
        size_t kept = 0;
        for (size_t i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].count > floor) {
                if (kept != i) {
                    m_entries[kept] = std::move(m_entries[i]);
                    m_keys[kept] = m_keys[i];
                }
                ++kept;
            }
        }
        m_entries.resize(kept);
        m_keys.resize(kept);
        ++floor;
    }
    const size_t capacity = m_slots.size();
    m_slots.assign(capacity, Slot());
    for (size_t i = 0; i < m_entries.size(); ++i)
        insertIndex(m_keys[i], quint32(i), m_entries[i].count);
}

std::vector<CountedKeys::Entry> CountedKeys::top(size_t n, int status) const
{
    std::vector<Entry> chosen;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (status < 0 || m_entries[i].status == status)
            chosen.push_back({m_entries[i].text, m_entries[i].status, countOf(i)});
    }
    auto order = [](const Entry &a, const Entry &b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.status != b.status)
            return a.status < b.status;
        return a.text < b.text;
    };
    const size_t keep = std::min(n, chosen.size());
    std::partial_sort(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(keep), chosen.end(), order);
    chosen.resize(keep);
    return chosen;
}

} // namespace statusscope::logs
