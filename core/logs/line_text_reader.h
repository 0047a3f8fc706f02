// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/log_ingest.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace statusscope::logs {

struct ContextLine
{
    qint64 number = 0; // 1-based
    QString text;
};

// Reads lines back by the offsets a drill-down kept (LineHit), plain or .gz: a view of a
// million hits shows the few dozen on screen without holding the rest. Keeps each file open
// between calls (a .gz seek forward inflates only the gap); one thread at a time.
class LineTextReader
{
public:
    explicit LineTextReader(QStringList files, int maxLineBytes = IngestOptions::kDefaultMaxLineBytes);
    ~LineTextReader();
    LineTextReader(const LineTextReader &) = delete;
    LineTextReader &operator=(const LineTextReader &) = delete;

    // The line that starts at `offset` of file `file`, without its line end; empty when the
    // file cannot be read there.
    QString lineAt(int file, qint64 offset);
    // Up to `before` lines ahead of the line at (offset, number), that line, and up to `after`
    // lines following it: the lines around a hit, as a pager shows them.
    QList<ContextLine> around(int file, qint64 offset, qint64 number, int before, int after);

private:
    void *handle(int file); // a gzFile
    QByteArray readAt(int file, qint64 offset, qint64 bytes);

    QStringList m_files;
    int m_maxLineBytes;
    std::vector<void *> m_handles;
};

} // namespace statusscope::logs
