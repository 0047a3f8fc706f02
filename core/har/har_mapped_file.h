// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A HAR file's bytes in memory without copying them: mapped read-only, with a guaranteed NUL
// right after the last byte (RapidJSON's in-memory stream and its SSE2 scanners stop on it and
// may read up to 15 bytes ahead inside an aligned block, so a readable byte must follow).
// Pages already parsed can be handed back to the OS, so the resident size stays at what the
// records need rather than the file's size. Internal to core/har.

#include <QByteArray>
#include <QString>

#include <functional>

namespace statusscope::har_detail {

class HarMappedFile
{
public:
    HarMappedFile() = default;
    ~HarMappedFile();
    HarMappedFile(const HarMappedFile &) = delete;
    HarMappedFile &operator=(const HarMappedFile &) = delete;

    // false with *error set when the file cannot be opened, read or mapped.
    bool open(const QString &path, QString *error);

    const char *data() const { return m_data; }
    qint64 size() const { return m_size; }

    // The bytes in [from, to) will not be read again: their whole pages may be dropped. Safe
    // to call from several threads for distinct ranges.
    void release(qint64 from, qint64 to) const;

private:
    const char *m_data = nullptr;
    qint64 m_size = 0;
    void *m_mapping = nullptr;   // POSIX: the whole reservation (file + one zero page)
    size_t m_mappingBytes = 0;
    QByteArray m_fallback;       // elsewhere: the file read into memory (NUL-terminated)
};

// One reader's trail through the bytes: hands back what it has passed, a few MiB at a time so
// madvise() stays rare. Each thread of a read keeps its own. `release` may be empty (bytes
// that are not a mapped file).
class ReleaseTrail
{
public:
    ReleaseTrail(std::function<void(qint64 from, qint64 to)> release, qint64 start)
        : m_release(std::move(release)), m_released(start) {}

    // The reader is at `offset` and will not read before it again.
    void passed(qint64 offset)
    {
        if (!m_release || offset - m_released < kStepBytes)
            return;
        m_release(m_released, offset);
        m_released = offset;
    }

private:
    static constexpr qint64 kStepBytes = 4 * 1024 * 1024;
    std::function<void(qint64, qint64)> m_release;
    qint64 m_released;
};

} // namespace statusscope::har_detail
