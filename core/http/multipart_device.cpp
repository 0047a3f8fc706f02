// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/multipart_device.h"

#include <QFileInfo>

#include <algorithm>
#include <utility>

namespace statusscope::http {

MultipartDevice::MultipartDevice(QByteArray boundary, const QList<FormPart> &parts)
    : m_boundary(std::move(boundary)), m_parts(parts)
{
}

void MultipartDevice::append(Segment segment)
{
    segment.start = m_size;
    if (segment.file.isEmpty())
        segment.length = segment.bytes.size();
    m_size += segment.length;
    if (segment.length > 0)
        m_segments.append(std::move(segment));
}

bool MultipartDevice::open(OpenMode mode)
{
    if (mode & WriteOnly) {
        setErrorString(QStringLiteral("a form body is read-only"));
        return false;
    }
    m_segments.clear();
    m_size = 0;
    bool first = true;
    for (const FormPart &part : m_parts) {
        append({formPartHead(m_boundary, part, first), {}, 0, 0});
        first = false;
        if (!part.isFile()) {
            append({part.value.toUtf8(), {}, 0, 0});
            continue;
        }
        const QFileInfo info(part.file);
        if (!info.isFile() || !info.isReadable()) {
            setErrorString(QStringLiteral("cannot read form file %1 (field '%2')").arg(part.file, part.name));
            return false;
        }
        append({{}, part.file, info.size(), 0});
    }
    append({formTail(m_boundary), {}, 0, 0});
    // Unbuffered: the engine reads in large chunks anyway, and readData then always starts at
    // pos(), which seek() below keeps exact.
    return QIODevice::open(mode | Unbuffered);
}

void MultipartDevice::close()
{
    m_file.reset();
    QIODevice::close();
}

bool MultipartDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_size)
        return false;
    return QIODevice::seek(pos);
}

qint64 MultipartDevice::segmentAt(qint64 pos) const
{
    const auto it = std::upper_bound(m_segments.begin(), m_segments.end(), pos,
                                     [](qint64 p, const Segment &s) { return p < s.start; });
    return qint64(it - m_segments.begin()) - 1;
}

qint64 MultipartDevice::readFile(const Segment &segment, qint64 offset, char *data, qint64 maxSize)
{
    if (!m_file || m_file->fileName() != segment.file) {
        m_file = std::make_unique<QFile>(segment.file);
        if (!m_file->open(QIODevice::ReadOnly)) {
            setErrorString(QStringLiteral("cannot read form file %1: %2").arg(segment.file, m_file->errorString()));
            m_file.reset();
            return -1;
        }
    }
    if (m_file->pos() != offset && !m_file->seek(offset)) {
        setErrorString(QStringLiteral("cannot seek in form file %1").arg(segment.file));
        return -1;
    }
    const qint64 n = m_file->read(data, maxSize);
    if (n <= 0) // a file that shrank since open() would leave a body shorter than announced
        setErrorString(QStringLiteral("form file %1 ended early: it changed while being sent").arg(segment.file));
    return n <= 0 ? -1 : n;
}

qint64 MultipartDevice::readData(char *data, qint64 maxSize)
{
    qint64 done = 0;
    qint64 at = pos();
    while (done < maxSize && at < m_size) {
        const Segment &segment = m_segments.at(segmentAt(at));
        const qint64 offset = at - segment.start;
        const qint64 want = std::min(maxSize - done, segment.length - offset);
        qint64 n = want;
        if (segment.file.isEmpty())
            std::copy_n(segment.bytes.constData() + offset, want, data + done);
        else
            n = readFile(segment, offset, data + done, want);
        if (n < 0)
            return done > 0 ? done : -1;
        done += n;
        at += n;
    }
    return done;
}

} // namespace statusscope::http
