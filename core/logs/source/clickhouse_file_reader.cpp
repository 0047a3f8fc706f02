// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_file_reader.h"

#include "core/logs/line_sink.h"

#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace statusscope::logs {

namespace {

constexpr qint64 kSampleBytes = 64 * 1024;
constexpr qint64 kTailSampleBytes = 32 * 1024;
constexpr unsigned kReadBytes = 1024 * 1024;

gzFile openGz(const QString &path)
{
    gzFile file = gzopen(QFile::encodeName(path).constData(), "rb");
    if (file)
        gzbuffer(file, kReadBytes);
    return file;
}

} // namespace

QString fileIdentity(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return QStringLiteral("%1:%2").arg(quint64(st.st_dev)).arg(quint64(st.st_ino));
#endif
    return QFileInfo(path).absoluteFilePath();
}

QByteArray readInflatedHead(const QString &path, qint64 bytes)
{
    gzFile file = openGz(path);
    if (!file)
        return {};
    QByteArray out(bytes, '\0');
    const int n = gzread(file, out.data(), unsigned(bytes));
    gzclose(file);
    out.resize(std::max(0, n));
    return out;
}

std::vector<std::string_view> DetectionSample::views() const
{
    std::vector<std::string_view> out{std::string_view(head.constData(), size_t(head.size()))};
    if (!middle.isEmpty() && !end.isEmpty()) {
        out.emplace_back(middle.constData(), size_t(middle.size()));
        out.emplace_back(end.constData(), size_t(end.size()));
    }
    return out;
}

SourceError readDetectionSample(const QString &path, DetectionSample &out)
{
    out.head = readInflatedHead(path, kSampleBytes);
    QFile raw(path);
    if (!raw.open(QIODevice::ReadOnly))
        return {SourceErrorKind::File, QStringLiteral("cannot open %1: %2").arg(path, raw.errorString())};
    const QByteArray magic = raw.peek(2);
    const bool gz = magic.size() == 2 && uchar(magic[0]) == 0x1f && uchar(magic[1]) == 0x8b;
    // A .gz cannot be entered in the middle; its start is the sample.
    if (gz || raw.size() <= kSampleBytes)
        return {};
    if (raw.seek(raw.size() / 2))
        out.middle = raw.read(kTailSampleBytes);
    if (raw.seek(raw.size() - kTailSampleBytes))
        out.end = raw.read(kTailSampleBytes);
    return {};
}

FileLines::FileLines(QString path, int maxLineBytes)
    : m_path(std::move(path))
    , m_maxLine(size_t(maxLineBytes))
{
}

FileLines::~FileLines()
{
    if (m_file)
        gzclose(static_cast<gzFile>(m_file));
}

SourceError FileLines::open(qint64 offset)
{
    gzFile file = openGz(m_path);
    m_file = file;
    if (!file)
        m_error = {SourceErrorKind::File, QStringLiteral("cannot open %1").arg(m_path)};
    else if (offset > 0 && gzseek(file, z_off_t(offset), SEEK_SET) != z_off_t(offset))
        m_error = {SourceErrorKind::File, QStringLiteral("%1: cannot seek to byte %2").arg(m_path).arg(offset)};
    m_consumed = offset;
    m_chunk.resize(kReadBytes);
    return m_error;
}

bool FileLines::refill()
{
    const int n = gzread(static_cast<gzFile>(m_file), m_chunk.data(), kReadBytes);
    if (n < 0) {
        int code = 0;
        const char *why = gzerror(static_cast<gzFile>(m_file), &code);
        m_error = {SourceErrorKind::File, QStringLiteral("%1: %2").arg(m_path, QString::fromUtf8(why ? why : "read error"))};
    }
    m_rest = n > 0 ? std::string_view(m_chunk.data(), size_t(n)) : std::string_view();
    return n > 0;
}

bool FileLines::next(FileLine &line)
{
    if (m_carryTaken) {
        m_carry.clear();
        m_carryBytes = 0;
        m_overLong = false;
        m_carryTaken = false;
    }
    for (;;) {
        if (m_rest.empty() && !refill())
            return false;
        const size_t nl = m_rest.find('\n');
        if (nl == std::string_view::npos) {
            m_carryBytes += qint64(m_rest.size());
            if (!m_overLong)
                m_carry.append(m_rest);
            // One byte over the limit is allowed for the '\r' the sink drops.
            if (m_carry.size() > m_maxLine + 1) {
                if (!m_overLong)
                    m_carry.resize(size_t(kSkipExampleBytes));
                m_overLong = true;
            }
            m_rest = {};
            continue;
        }
        const std::string_view piece = m_rest.substr(0, nl);
        m_rest.remove_prefix(nl + 1);
        m_consumed += m_carryBytes + qint64(nl) + 1;
        line.end = m_consumed;
        line.tooLong = m_overLong;
        if (m_overLong || !m_carry.empty()) {
            if (!m_overLong)
                m_carry.append(piece);
            line.text = m_carry;
            m_carryTaken = true;
        } else {
            line.text = piece;
        }
        return true;
    }
}

} // namespace statusscope::logs
