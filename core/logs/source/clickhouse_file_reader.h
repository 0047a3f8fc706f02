// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A log file as the loader reads it: its identity, its inflated first bytes, the samples format
// detection looks at, and its complete lines from a byte offset on (plain or .gz alike).

#include "core/logs/source/log_source.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace statusscope::logs {

// How the load table tells files apart: device and inode where the system has them (a renamed
// file stays the same file, as logrotate renames), else the absolute path.
QString fileIdentity(const QString &path);

// Up to `bytes` of the inflated text from its start (empty when it cannot be read).
QByteArray readInflatedHead(const QString &path, qint64 bytes);

// What detection looks at, as the local reader does: 64 KiB of the start and, for a plain file,
// 32 KiB of its middle and of its end.
struct DetectionSample
{
    QByteArray head;
    QByteArray middle;
    QByteArray end;
    std::vector<std::string_view> views() const;
};
SourceError readDetectionSample(const QString &path, DetectionSample &out);

struct FileLine
{
    std::string_view text; // without its '\n'; for a too-long line, only its start
    qint64 end = 0;        // the offset just after its '\n'
    bool tooLong = false;  // longer than the limit: counted, never parsed
};

// The complete lines of a plain or .gz file from an offset on. A last line without its newline
// is not returned: it may still be being written, and the next run reads it whole.
class FileLines
{
public:
    FileLines(QString path, int maxLineBytes);
    ~FileLines();
    FileLines(const FileLines &) = delete;
    FileLines &operator=(const FileLines &) = delete;

    SourceError open(qint64 offset);
    // The next line (valid until the next call); false at the end of the file or on an error.
    bool next(FileLine &line);
    const SourceError &error() const { return m_error; }

private:
    bool refill();

    QString m_path;
    size_t m_maxLine;
    void *m_file = nullptr; // a gzFile
    std::string m_chunk;
    std::string_view m_rest;
    std::string m_carry;   // the start of a line the last chunk cut
    qint64 m_carryBytes = 0;
    bool m_overLong = false; // the carried line passed the limit: its bytes are counted, not kept
    bool m_carryTaken = false;
    qint64 m_consumed = 0;
    SourceError m_error;
};

} // namespace statusscope::logs
