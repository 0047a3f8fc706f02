// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/line_text_reader.h"

#include <QFile>

#include <zlib.h>

#include <algorithm>
#include <utility>

namespace statusscope::logs {

namespace {

QString lineText(QByteArrayView bytes)
{
    while (!bytes.isEmpty() && (bytes.back() == '\r' || bytes.back() == '\n'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

} // namespace

LineTextReader::LineTextReader(QStringList files, int maxLineBytes)
    : m_files(std::move(files))
    , m_maxLineBytes(maxLineBytes)
    , m_handles(size_t(m_files.size()), nullptr)
{
}

LineTextReader::~LineTextReader()
{
    for (void *file : m_handles) {
        if (file)
            gzclose(static_cast<gzFile>(file));
    }
}

void *LineTextReader::handle(int file)
{
    if (file < 0 || file >= m_files.size())
        return nullptr;
    void *&slot = m_handles[size_t(file)];
    if (!slot)
        slot = gzopen(QFile::encodeName(m_files[file]).constData(), "rb");
    return slot;
}

QByteArray LineTextReader::readAt(int file, qint64 offset, qint64 bytes)
{
    auto *gz = static_cast<gzFile>(handle(file));
    if (!gz || bytes <= 0 || gzseek(gz, z_off_t(offset), SEEK_SET) < 0) {
        if (gz)
            gzclearerr(gz);
        return {};
    }
    QByteArray out(bytes, Qt::Uninitialized);
    const int n = gzread(gz, out.data(), unsigned(bytes));
    out.resize(std::max(0, n));
    if (n < bytes)
        gzclearerr(gz); // the end of the file: the handle stays usable for the next seek
    return out;
}

QString LineTextReader::lineAt(int file, qint64 offset)
{
    const QByteArray bytes = readAt(file, offset, qint64(m_maxLineBytes) + 2);
    const qsizetype nl = bytes.indexOf('\n');
    return lineText(QByteArrayView(bytes).first(nl < 0 ? bytes.size() : nl));
}

QList<ContextLine> LineTextReader::around(int file, qint64 offset, qint64 number, int before, int after)
{
    QList<ContextLine> out;
    const qint64 perLine = qint64(m_maxLineBytes) + 2;
    const qint64 start = std::max<qint64>(0, offset - perLine * before);
    const QByteArray ahead = readAt(file, start, offset - start);
    QList<QByteArrayView> lines;
    for (qsizetype from = 0; from < ahead.size();) {
        qsizetype nl = ahead.indexOf('\n', from);
        if (nl < 0)
            nl = ahead.size();
        lines.push_back(QByteArrayView(ahead).sliced(from, nl - from));
        from = nl + 1;
    }
    // A window that starts mid-file starts mid-line: that first piece is not a line.
    if (start > 0 && !lines.isEmpty())
        lines.removeFirst();
    const qsizetype skip = std::max<qsizetype>(0, lines.size() - before);
    for (qsizetype i = skip; i < lines.size(); ++i)
        out.push_back({number - (lines.size() - i), lineText(lines[i])});

    const QByteArray following = readAt(file, offset, perLine * (after + 1));
    qint64 current = number;
    for (qsizetype from = 0; from < following.size() && current <= number + after; ++current) {
        qsizetype nl = following.indexOf('\n', from);
        if (nl < 0) {
            if (current > number && following.size() == perLine * (after + 1))
                break; // cut by the window: not the file's last line
            nl = following.size();
        }
        out.push_back({current, lineText(QByteArrayView(following).sliced(from, nl - from))});
        from = nl + 1;
    }
    return out;
}

} // namespace statusscope::logs
