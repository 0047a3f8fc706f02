// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/line_scan.h"

#include "core/logs/format_detect.h"

#include <QFile>

#include <zlib.h>

#include <algorithm>
#include <string>

namespace statusscope::logs {

namespace {

// The sample format detection looks at, as the ingest's.
constexpr unsigned kDetectBytes = 64 * 1024;
// Bytes inflated or read per step: large reads keep a multi-GB re-read near disk speed.
constexpr unsigned kReadBufferBytes = 256 * 1024;

struct GzFile
{
    gzFile file = nullptr;
    explicit GzFile(const QString &path)
        : file(gzopen(QFile::encodeName(path).constData(), "rb"))
    {
    }
    ~GzFile()
    {
        if (file)
            gzclose(file);
    }
    GzFile(const GzFile &) = delete;
    GzFile &operator=(const GzFile &) = delete;
};

} // namespace

bool scanRecords(const QString &path, const IngestOptions &options, const RecordVisitor &visit,
                 const std::atomic<bool> *cancel, const std::function<void(qint64)> &progress)
{
    if (path == QLatin1String("-"))
        return false;
    const GzFile gz(path);
    if (!gz.file)
        return false;
    gzbuffer(gz.file, kReadBufferBytes);
    std::string chunk(std::max(kDetectBytes, kReadBufferBytes), '\0');
    const int headBytes = gzread(gz.file, chunk.data(), kDetectBytes);
    if (headBytes <= 0)
        return false;
    FormatGuess guess = detectFormat(std::string_view(chunk.data(), size_t(headBytes)), options.format,
                                     options.customFormat, options.jsonFields);
    if (!guess.parser || gzrewind(gz.file) != 0)
        return false;

    const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    const size_t maxLine = size_t(options.maxLineBytes);
    LogRecord record;
    LinePosition where;      // of the next line
    qint64 readBytes = 0;    // inflated bytes consumed so far
    std::string carry;       // the start of a line the last chunk cut
    bool overLong = false;   // the carried line passed the limit: too_long for the ingest too
    bool more = true;
    const auto take = [&](std::string_view line, qint64 nextOffset, bool tooLong = false) {
        ++where.number;
        const LinePosition here = where;
        where.offset = nextOffset;
        if (tooLong) // counted, never parsed
            return;
        while (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.size() > maxLine || guess.parser->parse(line, record).outcome != ParseOutcome::Record)
            return;
        more = visit(record, line, here);
    };
    while (more && !cancelled()) {
        const int n = gzread(gz.file, chunk.data(), kReadBufferBytes);
        if (n <= 0) {
            if (overLong)
                take({}, readBytes, true);
            else if (!carry.empty())
                take(carry, readBytes);
            break;
        }
        const qint64 chunkStart = readBytes;
        readBytes += n;
        std::string_view rest(chunk.data(), size_t(n));
        while (more) {
            const size_t nl = rest.find('\n');
            if (nl == std::string_view::npos) {
                if (!overLong)
                    carry.append(rest);
                if (carry.size() > maxLine) {
                    overLong = true;
                    carry.clear();
                }
                break;
            }
            const qint64 next = chunkStart + qint64(rest.data() - chunk.data()) + qint64(nl) + 1;
            if (overLong) {
                overLong = false;
                take({}, next, true);
            } else if (!carry.empty()) {
                carry.append(rest.substr(0, nl));
                take(carry, next);
                carry.clear();
            } else {
                take(rest.substr(0, nl), next);
            }
            rest.remove_prefix(nl + 1);
        }
        if (progress)
            progress(qint64(gzoffset(gz.file)));
    }
    return true;
}

} // namespace statusscope::logs
