// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/sample_lines.h"

#include "core/logs/format_detect.h"
#include "core/logs/line_scan.h"

#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace statusscope::logs {

namespace {

// The sample format detection looks at, as the ingest's.
constexpr unsigned kDetectBytes = 64 * 1024;

class GzCloser
{
public:
    explicit GzCloser(gzFile file)
        : m_file(file)
    {
    }
    ~GzCloser()
    {
        if (m_file)
            gzclose(m_file);
    }
    GzCloser(const GzCloser &) = delete;
    GzCloser &operator=(const GzCloser &) = delete;

private:
    gzFile m_file;
};

// The file's first kDetectBytes (inflated) and the parser they call for.
FormatGuess detectHead(gzFile file, const IngestOptions &options, std::string &head)
{
    head.assign(kDetectBytes, '\0');
    const int headBytes = gzread(file, head.data(), kDetectBytes);
    head.resize(size_t(std::max(0, headBytes)));
    if (head.empty())
        return {};
    return detectFormat(std::string_view(head), options.format, options.customFormat, options.jsonFields);
}

} // namespace

std::optional<int> firstTzOffsetMinutes(const QString &path, const IngestOptions &options)
{
    // Only regular files: opening a named pipe or device here would block the caller (the GUI
    // thread) until a writer appears.
    if (path == QLatin1String("-") || !QFileInfo(path).isFile())
        return std::nullopt;
    gzFile file = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!file)
        return std::nullopt;
    const GzCloser closer(file);
    std::string head;
    FormatGuess guess = detectHead(file, options, head);
    if (!guess.parser)
        return std::nullopt;
    std::string_view rest(head);
    LogRecord record;
    // Only complete lines: the last one may be cut by the head's end.
    for (size_t nl = rest.find('\n'); nl != std::string_view::npos; nl = rest.find('\n')) {
        std::string_view line = rest.substr(0, nl);
        rest.remove_prefix(nl + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (guess.parser->parse(line, record).outcome == ParseOutcome::Record)
            return record.tzOffsetMinutes;
    }
    return std::nullopt;
}

QList<SampleLine> collectSampleLines(const QStringList &paths, const IngestOptions &options, qint64 fromMs,
                                     qint64 toMs, int maxLines, const std::atomic<bool> *cancel)
{
    QList<SampleLine> out;
    for (const QString &path : paths) {
        if (out.size() >= maxLines || (cancel && cancel->load()))
            break;
        scanRecords(
            path, options,
            [&](const LogRecord &record, std::string_view line, LinePosition where) {
                if (record.timeMs < fromMs || record.timeMs > toMs
                    || (!options.filter.isEmpty() && !options.filter.matches(record)))
                    return true;
                out.push_back({path, where.number, record.status,
                               QString::fromUtf8(line.data(), qsizetype(std::min<size_t>(line.size(), kSampleLineChars)))});
                return out.size() < maxLines;
            },
            cancel);
    }
    return out;
}

} // namespace statusscope::logs
