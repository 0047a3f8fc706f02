// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/sample_lines.h"

#include "core/logs/format_detect.h"

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
// Bytes inflated or read per step: large reads keep a multi-GB re-read near disk speed.
constexpr unsigned kReadBufferBytes = 256 * 1024;

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
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    for (const QString &path : paths) {
        if (out.size() >= maxLines || cancelled())
            break;
        if (path == QLatin1String("-"))
            continue;
        gzFile file = gzopen(QFile::encodeName(path).constData(), "rb");
        if (!file)
            continue;
        const GzCloser closer(file);
        gzbuffer(file, kReadBufferBytes);
        std::string head;
        FormatGuess guess = detectHead(file, options, head);
        if (!guess.parser || gzrewind(file) != 0)
            continue;
        LogRecord record;
        qint64 lineNumber = 0;
        std::string carry; // the start of a line the last chunk cut
        bool overLong = false; // the carried line passed the limit: too_long for the ingest too
        std::string chunk(kReadBufferBytes, '\0');
        bool done = false;
        const auto take = [&](std::string_view line) {
            ++lineNumber;
            while (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (guess.parser->parse(line, record).outcome != ParseOutcome::Record || record.timeMs < fromMs
                || record.timeMs > toMs)
                return;
            out.push_back({path, lineNumber, record.status,
                           QString::fromUtf8(line.data(), qsizetype(std::min<size_t>(line.size(), kSampleLineChars)))});
            done = out.size() >= maxLines;
        };
        while (!done && !cancelled()) {
            const int n = gzread(file, chunk.data(), kReadBufferBytes);
            if (n <= 0) {
                if (!carry.empty() || overLong) {
                    if (overLong)
                        ++lineNumber;
                    else
                        take(carry);
                }
                break;
            }
            std::string_view rest(chunk.data(), size_t(n));
            while (!done) {
                const size_t nl = rest.find('\n');
                if (nl == std::string_view::npos) {
                    if (!overLong)
                        carry.append(rest);
                    if (carry.size() > size_t(options.maxLineBytes)) {
                        overLong = true;
                        carry.clear();
                    }
                    break;
                }
                if (overLong) {
                    ++lineNumber;
                    overLong = false;
                } else if (!carry.empty()) {
                    carry.append(rest.substr(0, nl));
                    if (carry.size() > size_t(options.maxLineBytes))
                        ++lineNumber;
                    else
                        take(carry);
                    carry.clear();
                } else if (nl > size_t(options.maxLineBytes)) {
                    ++lineNumber;
                } else {
                    take(rest.substr(0, nl));
                }
                rest.remove_prefix(nl + 1);
            }
        }
    }
    return out;
}

} // namespace statusscope::logs
