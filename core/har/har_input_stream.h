#pragma once

// A RapidJSON input stream over a QIODevice read in fixed chunks (the shape of RapidJSON's
// FileReadStream): the parser sees one chunk at a time, so memory stays flat whatever the size
// of the file. Internal to core/har.

#include <QIODevice>

#include <atomic>
#include <functional>
#include <vector>

namespace statusscope::har_detail {

class HarInputStream
{
public:
    using Ch = char; // RapidJSON stream concept

    // Big enough that read() calls are rare, small enough to stay in L2.
    static constexpr qint64 kChunkBytes = 256 * 1024;
    // Progress is reported at most this often: ~100 updates for a 400 MB file.
    static constexpr qint64 kProgressStepBytes = 4 * 1024 * 1024;

    HarInputStream(QIODevice *device, qint64 totalBytes,
                   std::function<void(qint64, qint64)> progress,
                   const std::atomic<bool> *cancel)
        : m_device(device), m_total(totalBytes), m_progress(std::move(progress)), m_cancel(cancel),
          m_buffer(static_cast<size_t>(kChunkBytes) + 1)
    {
        m_current = m_last = m_buffer.data();
        fill();
        // A UTF-8 byte-order mark (Fiddler, some Windows tools) is not JSON; offsets still
        // count it so they match the file.
        if (static_cast<unsigned char>(Peek()) == 0xEF) {
            Take();
            if (static_cast<unsigned char>(Peek()) == 0xBB)
                Take();
            if (static_cast<unsigned char>(Peek()) == 0xBF)
                Take();
        }
    }

    Ch Peek() const { return *m_current; }
    Ch Take()
    {
        const Ch c = *m_current;
        advance();
        return c;
    }
    size_t Tell() const { return static_cast<size_t>(m_count + (m_current - m_buffer.data())); }

    // Output half of the concept: never used for reading.
    void Put(Ch) {}
    void Flush() {}
    Ch *PutBegin() { return nullptr; }
    size_t PutEnd(Ch *) { return 0; }

    bool ioError() const { return m_ioError; }
    bool cancelled() const { return m_cancelled; }
    void reportDone()
    {
        if (m_progress)
            m_progress(m_count + m_readCount, m_total);
    }

private:
    void advance()
    {
        if (m_current < m_last)
            ++m_current;
        else if (!m_eof) {
            m_count += m_readCount;
            fill();
        }
    }

    void fill()
    {
        if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
            m_cancelled = true;
            endOfInput(0);
            return;
        }
        const qint64 got = m_device->read(m_buffer.data(), kChunkBytes);
        if (got < 0)
            m_ioError = true;
        if (got < kChunkBytes) {
            endOfInput(got < 0 ? 0 : got);
        } else {
            m_readCount = got;
            m_last = m_buffer.data() + got - 1;
            m_current = m_buffer.data();
        }
        if (m_progress && m_count + m_readCount - m_lastProgress >= kProgressStepBytes) {
            m_lastProgress = m_count + m_readCount;
            m_progress(m_lastProgress, m_total);
        }
    }

    // RapidJSON sees a NUL after the last byte, as with its own FileReadStream.
    void endOfInput(qint64 got)
    {
        m_buffer[static_cast<size_t>(got)] = '\0';
        m_readCount = got;
        m_last = m_buffer.data() + got;
        m_current = m_buffer.data();
        m_eof = true;
    }

    QIODevice *m_device;
    qint64 m_total;
    std::function<void(qint64, qint64)> m_progress;
    const std::atomic<bool> *m_cancel;
    std::vector<char> m_buffer;
    char *m_current = nullptr;
    char *m_last = nullptr;
    qint64 m_count = 0;     // bytes before the current chunk
    qint64 m_readCount = 0; // bytes in the current chunk
    qint64 m_lastProgress = 0;
    bool m_eof = false;
    bool m_ioError = false;
    bool m_cancelled = false;
};

} // namespace statusscope::har_detail
