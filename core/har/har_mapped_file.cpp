// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_mapped_file.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace statusscope::har_detail {

HarMappedFile::~HarMappedFile()
{
#ifdef Q_OS_UNIX
    if (m_mapping)
        munmap(m_mapping, m_mappingBytes);
#endif
}

bool HarMappedFile::open(const QString &path, QString *error)
{
    if (QFileInfo(path).isDir()) {
        *error = QStringLiteral("is a directory");
        return false;
    }
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a named pipe without a writer would otherwise block forever; the
    // fstat below then rejects it. For a regular file the flag changes nothing.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    struct stat info = {};
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        *error = S_ISREG(info.st_mode) ? QString::fromLocal8Bit(std::strerror(errno))
                                       : QStringLiteral("not a regular file");
        ::close(fd);
        return false;
    }
    const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    const auto size = static_cast<size_t>(info.st_size);
    // Reserve the file's pages plus one zero page, then map the file over the front: the byte
    // after the file is then 0 whether or not the file ends on a page boundary.
    m_mappingBytes = (size + page - 1) / page * page + page;
    void *reservation = mmap(nullptr, m_mappingBytes, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (reservation == MAP_FAILED) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return false;
    }
    m_mapping = reservation;
    if (size > 0) {
        void *mapped = mmap(reservation, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
        if (mapped == MAP_FAILED) {
            *error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return false;
        }
        madvise(mapped, size, MADV_SEQUENTIAL);
    }
    ::close(fd);
    m_data = static_cast<const char *>(reservation);
    m_size = static_cast<qint64>(size);
    return true;
#else
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    m_fallback = file.readAll();
    m_data = m_fallback.constData();
    m_size = m_fallback.size();
    return true;
#endif
}

void HarMappedFile::release(qint64 from, qint64 to) const
{
#ifdef Q_OS_UNIX
    const auto page = static_cast<qint64>(sysconf(_SC_PAGESIZE));
    const qint64 begin = (from + page - 1) / page * page; // a page shared with unread bytes stays
    const qint64 end = std::min(to, m_size) / page * page;
    if (!m_mapping || end <= begin)
        return;
    // Clean file pages: dropping them costs nothing, a later read would fault them back in.
    madvise(static_cast<char *>(m_mapping) + begin, static_cast<size_t>(end - begin), MADV_DONTNEED);
#else
    Q_UNUSED(from);
    Q_UNUSED(to);
#endif
}

} // namespace statusscope::har_detail
