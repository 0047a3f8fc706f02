// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_entries_split.h"

#include "core/har/har_mapped_file.h"
#include "core/har/har_sax_handler.h"
#include "core/har/rapidjson_config.h"

#include <rapidjson/reader.h>

#include <cstring>
#include <limits>
#include <optional>
#include <system_error>

namespace statusscope::har_detail {

namespace {

// Candidates tried before giving up: a wrong one is usually a header or cookie object inside an
// entry (also "},{"), so the right one is rarely more than a few dozen objects further.
constexpr int kMaxCandidates = 4096;

constexpr qint64 kSearchDone = std::numeric_limits<qint64>::max();

// RapidJSON parses the tail the way it parses the head: same flags, one value at a time.
constexpr unsigned kTailParseFlags = HarSaxHandler::kParseFlags | rapidjson::kParseStopWhenDoneFlag;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

qint64 skipSpace(const char *data, qint64 at)
{
    while (isJsonSpace(data[at])) // data[size] is 0: the loop always stops
        ++at;
    return at;
}

} // namespace

HarEntriesSplit::HarEntriesSplit(const char *data, qint64 size, const HarReadOptions &options,
                                 std::function<void(qint64, qint64)> release)
    : m_data(data), m_size(size), m_options(options), m_release(std::move(release))
{
    m_searchedTo.store(size / 2, std::memory_order_relaxed);
    // Progress is the head's to report; the tail only counts its bytes.
    m_options.progress = nullptr;
    try {
        m_thread = std::thread(&HarEntriesSplit::runTail, this);
    } catch (const std::system_error &) {
        // No thread to be had: the head reads everything, as for a small file.
        m_decided = true;
    }
}

HarEntriesSplit::~HarEntriesSplit()
{
    stopTail();
}

void HarEntriesSplit::stopTail()
{
    m_abort.store(true, std::memory_order_relaxed);
    if (m_thread.joinable())
        m_thread.join();
}

qint64 HarEntriesSplit::entryEnded(qint64 offset, HarSaxHandler &handler)
{
    if (m_decided)
        return -1;
    const qint64 boundary = boundaryFor(offset);
    if (boundary < 0 || offset < boundary)
        return -1;
    m_decided = true;
    if (offset > boundary) { // the guess was inside an entry, or in another array
        stopTail();
        return -1;
    }
    if (m_thread.joinable())
        m_thread.join();
    if (!m_tailOk || !handler.spliceEntries(std::move(m_tailLog), m_tailElements, m_arrayEnd))
        return -1;
    m_spliced = true;
    return m_arrayEnd;
}

// The tail's boundary, or -1 when it has none (yet) and has ruled out the '}' at offset - 1.
qint64 HarEntriesSplit::boundaryFor(qint64 offset)
{
    for (;;) {
        const qint64 boundary = m_boundary.load(std::memory_order_acquire);
        if (boundary >= 0)
            return boundary;
        const qint64 searchedTo = m_searchedTo.load(std::memory_order_acquire);
        if (searchedTo >= offset) {
            if (searchedTo == kSearchDone && m_boundary.load(std::memory_order_acquire) < 0)
                m_decided = true; // the tail gave up: one thread reads everything
            // The boundary is stored before the search is marked done: read it again.
            return m_boundary.load(std::memory_order_acquire);
        }
        m_searchedTo.wait(searchedTo, std::memory_order_acquire);
    }
}

void HarEntriesSplit::searched(qint64 upTo)
{
    m_searchedTo.store(upTo, std::memory_order_release);
    m_searchedTo.notify_all();
}

void HarEntriesSplit::runTail()
{
    struct Done
    {
        HarEntriesSplit *split;
        ~Done() { split->searched(kSearchDone); } // found, gave up or stopped: never leave the head waiting
    } done{this};

    // Search the third quarter: a boundary found later would leave the tail too little to do.
    const qint64 limit = m_size - m_size / 4;
    qint64 at = m_size / 2;
    int candidates = 0;
    while (at < limit && !m_abort.load(std::memory_order_relaxed)) {
        const void *found = std::memchr(m_data + at, '}', static_cast<size_t>(limit - at));
        if (!found)
            return;
        const qint64 close = static_cast<const char *>(found) - m_data;
        at = close + 1;
        qint64 next = skipSpace(m_data, close + 1);
        if (m_data[next] != ',')
            continue;
        next = skipSpace(m_data, next + 1);
        if (m_data[next] != '{' || m_data[skipSpace(m_data, next + 1)] != '"')
            continue;
        if (++candidates > kMaxCandidates)
            return;
        searched(close); // everything before this candidate is ruled out
        if (parseTailFrom(next, close + 1) || m_boundary.load(std::memory_order_relaxed) >= 0)
            return; // joined, or committed to a boundary whose tail then failed
        searched(close + 1);
    }
}

// Parses the array's elements from `start` (a '{') to its ']'. false before the boundary is
// published means "not an entry boundary, try the next candidate".
bool HarEntriesSplit::parseTailFrom(qint64 start, qint64 boundary)
{
    rapidjson::StringStream stream(m_data); // Tell() is then the offset in the file
    stream.src_ = m_data + start;
    ReleaseTrail trail(m_release, start);
    auto tell = [&stream] { return static_cast<qint64>(stream.Tell()); };
    auto entryDone = [&] {
        const qint64 offset = tell();
        m_tailBytes.store(offset - start, std::memory_order_relaxed);
        trail.passed(offset);
        return !m_abort.load(std::memory_order_relaxed)
            && !(m_options.cancel && m_options.cancel->load(std::memory_order_relaxed));
    };
    HarSaxHandler handler(m_options, m_data, tell, entryDone, HarSaxHandler::Start::InsideEntries);
    rapidjson::Reader reader;
    for (bool first = true;; first = false) {
        const rapidjson::ParseResult parsed = reader.Parse<kTailParseFlags>(stream, handler);
        if (parsed.IsError() || handler.hasError())
            return false;
        if (first) {
            // Only a well-formed entry proves we are at the entries level; a header or cookie
            // object would be "skipped" for lacking request and response.
            if (handler.entryCount() != 1 || handler.skippedCount() != 0)
                return false;
            m_boundary.store(boundary, std::memory_order_release);
            searched(kSearchDone);
        }
        const qint64 after = skipSpace(m_data, tell());
        if (m_data[after] == ']') {
            m_arrayEnd = after;
            handler.validateUpTo(after);
            m_tailElements = handler.entriesElementCount();
            m_tailLog = handler.takeLog();
            m_tailOk = true;
            return true;
        }
        if (m_data[after] != ',')
            return false;
        stream.src_ = m_data + after + 1;
    }
}

} // namespace statusscope::har_detail
