// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/log_ingest.h"

#include "core/logs/format_detect.h"
#include "core/logs/line_sink.h"

#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <thread>
#include <vector>

#ifdef Q_OS_WIN
#include <io.h>
#define STATUSSCOPE_DUP _dup
#else
#include <unistd.h>
#define STATUSSCOPE_DUP dup
#endif

namespace statusscope::logs {

namespace {

// What format detection looks at: a few hundred lines of a typical log.
constexpr qint64 kSampleBytes = 64 * 1024;
// The middle and end samples: about a hundred lines each.
constexpr qint64 kTailSampleBytes = 32 * 1024;
// zlib output per block handed to a worker: big enough to amortise the hand-off.
constexpr int kStreamBlockBytes = 4 * 1024 * 1024;
// zlib's own input buffer (its default, 8 KiB, costs many small reads).
constexpr unsigned kGzBufferBytes = 256 * 1024;

struct FileJob
{
    QString path;
    bool isStdin = false;
    bool compressed = false;
    qint64 size = 0;
    FormatGuess guess;
    qint64 firstMs = std::numeric_limits<qint64>::max();
    std::vector<qint64> chunkLines; // lines starting in each chunk, for global line numbers
};

QString gzErrorText(gzFile file)
{
    int code = 0;
    const char *message = gzerror(file, &code);
    return QString::fromUtf8(message ? message : "unknown zlib error");
}

qint64 firstRecordTime(const FormatGuess &guess, std::string_view sample)
{
    if (!guess.parser)
        return std::numeric_limits<qint64>::max();
    std::unique_ptr<LineParser> parser = guess.parser->clone();
    LogRecord record;
    size_t pos = 0;
    while (pos < sample.size()) {
        size_t nl = sample.find('\n', pos);
        if (nl == std::string_view::npos)
            break;
        std::string_view line = sample.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (parser->parse(line, record).outcome == ParseOutcome::Record)
            return record.timeMs;
        pos = nl + 1;
    }
    return std::numeric_limits<qint64>::max();
}

} // namespace

struct LogIngest::Shared
{
    mutable std::mutex mutex;
    std::unordered_map<qint64, MinuteCell> live;
    std::atomic<qint64> bytesDone{0};
    qint64 bytesTotal = 0;
};

LogIngest::LogIngest(IngestOptions options)
    : m_options(std::move(options))
    , m_shared(std::make_unique<Shared>())
{
}

LogIngest::~LogIngest() = default;

MinuteSeries LogIngest::liveMinutes() const
{
    std::lock_guard lock(m_shared->mutex);
    MinuteSeries out(m_shared->live.begin(), m_shared->live.end());
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return out;
}

QByteArray readMaybeCompressed(const QString &path, QString *error)
{
    gzFile file = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!file) {
        if (error)
            *error = QStringLiteral("cannot open %1").arg(path);
        return {};
    }
    QByteArray out;
    char buffer[65536];
    int n = 0;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0)
        out.append(buffer, n);
    if (n < 0 && error)
        *error = QStringLiteral("%1: %2").arg(path, gzErrorText(file));
    gzclose(file);
    return out;
}

namespace {

class Runner
{
public:
    Runner(const IngestOptions &options, std::atomic<bool> &cancelled, LogIngest::Shared &shared,
           const LogIngest::ProgressCallback &progress)
        : m_options(options)
        , m_cancelled(cancelled)
        , m_shared(shared)
        , m_progress(progress)
    {
        const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        m_threads = options.threads > 0 ? options.threads : cores;
        for (int i = 0; i < m_threads; ++i) {
            m_aggregates.emplace_back(options.fromMs, options.toMs, options.filter);
            m_aggregates.back().setCountPaths(options.topPaths);
        }
        m_examples.resize(size_t(m_threads));
    }

    QString prepare(FileJob &job)
    {
        if (job.isStdin)
            return {};
        // Checked before opening: opening a named pipe without a writer blocks forever, and a
        // pipe or device cannot be read in windows (its size is 0). Stdin streams them.
        const QFileInfo info(job.path);
        if (info.isDir())
            return QStringLiteral("cannot read %1: is a directory").arg(job.path);
        if (info.exists() && !info.isFile())
            return QStringLiteral("cannot read %1: not a regular file (a pipe or a device); "
                                  "stream it through stdin instead: statusscope-cli logs - < %1").arg(job.path);
        QFile file(job.path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot open %1: %2").arg(job.path, file.errorString());
        job.size = file.size();
        QByteArray sample = file.read(kSampleBytes);
        // A plain file the first sample does not cover is also sampled in its middle and at its end, where a config
        // change would show (a .gz can only be sampled from its start without inflating it).
        QByteArray middle;
        QByteArray end;
        if (job.size > kSampleBytes) {
            if (file.seek(job.size / 2))
                middle = file.read(kTailSampleBytes);
            if (file.seek(job.size - kTailSampleBytes))
                end = file.read(kTailSampleBytes);
        }
        job.compressed = sample.size() >= 2 && static_cast<unsigned char>(sample[0]) == 0x1f
                         && static_cast<unsigned char>(sample[1]) == 0x8b;
        if (job.compressed) {
            gzFile gz = gzopen(QFile::encodeName(job.path).constData(), "rb");
            if (!gz)
                return QStringLiteral("cannot open %1").arg(job.path);
            sample.resize(kSampleBytes);
            const int n = gzread(gz, sample.data(), static_cast<unsigned>(kSampleBytes));
            if (n < 0) {
                const QString why = gzErrorText(gz);
                gzclose(gz);
                return QStringLiteral("%1: not a valid gzip file (%2)").arg(job.path, why);
            }
            sample.resize(n);
            gzclose(gz);
        }
        std::vector<std::string_view> samples{std::string_view(sample.constData(), size_t(sample.size()))};
        if (!job.compressed && !middle.isEmpty() && !end.isEmpty()) {
            samples.emplace_back(middle.constData(), size_t(middle.size()));
            samples.emplace_back(end.constData(), size_t(end.size()));
        }
        return detect(job, samples);
    }

    QString detect(FileJob &job, std::string_view sample)
    {
        return detect(job, std::vector<std::string_view>{sample});
    }

    QString detect(FileJob &job, const std::vector<std::string_view> &samples)
    {
        const std::string_view sample = samples.front();
        job.guess = detectFormat(samples, m_options.format, m_options.customFormat, m_options.jsonFields);
        if (!job.guess.error.isEmpty())
            return job.guess.error;
        job.firstMs = firstRecordTime(job.guess, sample);
        return {};
    }

    QString read(FileJob &job, int fileIndex)
    {
        m_fileIndex = fileIndex;
        if (job.isStdin || job.compressed)
            return readStream(job);
        return readWindows(job);
    }

    void finish(std::vector<FileJob> &jobs, LogSummary &summary)
    {
        // Merge into the first worker's aggregate, releasing each other one as it is merged,
        // so the peak holds at most two aggregates' worth of top-list entries.
        LogAggregator &total = m_aggregates.front();
        for (size_t i = 1; i < m_aggregates.size(); ++i) {
            total.merge(m_aggregates[i]);
            m_aggregates[i] = LogAggregator();
        }
        SummaryOptions summaryOptions;
        summaryOptions.bucketSeconds = m_options.bucketSeconds;
        summarize(total, summaryOptions, summary);

        std::vector<PendingExample> all;
        for (auto &list : m_examples)
            std::move(list.begin(), list.end(), std::back_inserter(all));
        std::sort(all.begin(), all.end(), [](const PendingExample &a, const PendingExample &b) {
            if (a.file != b.file)
                return a.file < b.file;
            if (a.chunk != b.chunk)
                return a.chunk < b.chunk;
            return a.lineInChunk < b.lineInChunk;
        });
        std::array<int, kDeviationCount> deviationExamples{};
        for (const PendingExample &example : all) {
            const bool isDeviation = example.deviation >= 0;
            if (isDeviation ? deviationExamples[size_t(example.deviation)] >= kMaxDeviationExamples
                            : summary.skipExamples.size() >= kMaxSkipExamples)
                continue;
            const std::vector<qint64> &counts = jobs[size_t(example.file)].chunkLines;
            qint64 before = 0;
            for (qint64 c = 0; c < example.chunk && c < qint64(counts.size()); ++c)
                before += counts[size_t(c)];
            const QString path = jobs[size_t(example.file)].path;
            const qint64 line = before + example.lineInChunk + 1;
            const QString text = QString::fromUtf8(example.text.data(), qsizetype(example.text.size()));
            if (isDeviation) {
                ++deviationExamples[size_t(example.deviation)];
                summary.deviationExamples.push_back({path, line, Deviation(example.deviation), text});
            } else {
                summary.skipExamples.push_back({path, line, example.reason, text});
            }
        }
        summary.cancelled = m_cancelled.load();
        summary.warnings = m_warnings;
    }

private:
    int threadsFor(const FileJob &job) const { return job.guess.parser->isStateful() ? 1 : m_threads; }

    // What one worker thread needs for one file: its own parser (unless the format keeps
    // state, then all share the file's one parser on a single thread), its sink into the
    // thread's aggregate, and its share of the live series.
    struct Worker
    {
        std::unique_ptr<LineParser> clone;
        std::unordered_map<qint64, MinuteCell> delta;
        LineSink sink;
    };

    std::unique_ptr<Worker> makeWorker(const FileJob &job, int thread)
    {
        auto worker = std::make_unique<Worker>();
        if (!job.guess.parser->isStateful())
            worker->clone = job.guess.parser->clone();
        LineSink &sink = worker->sink;
        sink.parser = worker->clone ? worker->clone.get() : job.guess.parser.get();
        sink.aggregate = &m_aggregates[size_t(thread)];
        sink.examples = &m_examples[size_t(thread)];
        sink.maxLine = m_options.maxLineBytes;
        sink.file = m_fileIndex;
        if (m_options.liveSeries)
            sink.liveDelta = &worker->delta;
        return worker;
    }

    void reportProgress(qint64 bytes)
    {
        const qint64 done = m_shared.bytesDone.fetch_add(bytes) + bytes;
        if (m_progress)
            m_progress(done, m_shared.bytesTotal);
    }

    void publishLive(std::unordered_map<qint64, MinuteCell> &delta)
    {
        if (delta.empty())
            return;
        std::lock_guard lock(m_shared.mutex);
        for (const auto &[minute, cell] : delta) {
            MinuteCell &into = m_shared.live[minute];
            for (const auto &[status, count] : cell.statuses)
                into.add(status, count);
        }
        delta.clear();
    }

    // Parses the lines that start in [start, end) of a window mapped at `base` (file offset
    // baseOffset) that extends to mappedEnd. A line that started before `start` belongs to
    // the previous window; a line that starts before `end` is read to its end even past it.
    qint64 parseWindow(LineSink &sink, const char *base, qint64 baseOffset, qint64 start, qint64 end,
                       qint64 mappedEnd, qint64 fileSize)
    {
        auto at = [&](qint64 offset) { return base + (offset - baseOffset); };
        qint64 pos = start;
        if (start > 0 && *at(start - 1) != '\n') {
            const void *nl = std::memchr(at(start), '\n', size_t(mappedEnd - start));
            if (!nl)
                return 0;
            pos = static_cast<const char *>(nl) - base + baseOffset + 1;
        }
        qint64 lines = 0;
        const qint64 maxScan = qint64(m_options.maxLineBytes) + 2; // the line, a '\r' and its '\n'
        while (pos < end) {
            const qint64 limit = std::min(mappedEnd, pos + maxScan);
            const void *found = std::memchr(at(pos), '\n', size_t(limit - pos));
            if (found) {
                const qint64 nl = static_cast<const char *>(found) - base + baseOffset;
                sink.line(std::string_view(at(pos), size_t(nl - pos)), lines++);
                pos = nl + 1;
            } else if (limit == fileSize) {
                sink.line(std::string_view(at(pos), size_t(fileSize - pos)), lines++);
                pos = fileSize;
            } else {
                // Longer than the limit: count it once and continue after its end, which may
                // lie beyond this window (then the next windows skip the rest of it).
                sink.skip(SkipReason::TooLong, std::string_view(at(pos), size_t(limit - pos)), lines++);
                const void *tail = std::memchr(at(limit), '\n', size_t(mappedEnd - limit));
                if (!tail)
                    break;
                pos = static_cast<const char *>(tail) - base + baseOffset + 1;
            }
        }
        return lines;
    }

    QString readWindows(FileJob &job)
    {
        const qint64 size = job.size;
        if (size == 0)
            return {};
        const qint64 window = std::max<qint64>(m_options.windowBytes, 64 * 1024);
        const qint64 windows = (size + window - 1) / window;
        job.chunkLines.assign(size_t(windows), 0);
        std::atomic<qint64> next{0};
        std::mutex errorMutex;
        QString error;
        const int threads = int(std::min<qint64>(threadsFor(job), windows));
        auto work = [&](int thread) {
            // Unbuffered: each window is one read() straight into the worker's buffer.
            QFile file(job.path);
            if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
                std::lock_guard lock(errorMutex);
                error = QStringLiteral("cannot open %1: %2").arg(job.path, file.errorString());
                return;
            }
            const std::unique_ptr<Worker> worker = makeWorker(job, thread);
            LineSink &sink = worker->sink;
            // Read, not mapped: the buffer is reused window after window, so the file costs
            // each worker one window of memory, and no unmapping stalls the other workers
            // (every munmap of a shared address space interrupts them to flush their TLBs).
            std::vector<char> buffer;
            for (;;) {
                const qint64 k = next.fetch_add(1);
                if (k >= windows || m_cancelled.load())
                    break;
                const qint64 start = k * window;
                const qint64 end = std::min(size, start + window);
                const qint64 readStart = start > 0 ? start - 1 : 0;
                const qint64 readEnd = std::min(size, end + m_options.maxLineBytes + 2);
                buffer.resize(size_t(readEnd - readStart));
                qint64 got = 0;
                if (file.seek(readStart)) {
                    while (got < readEnd - readStart) {
                        const qint64 n = file.read(buffer.data() + got, readEnd - readStart - got);
                        if (n <= 0)
                            break;
                        got += n;
                    }
                }
                if (got < readEnd - readStart) {
                    std::lock_guard lock(errorMutex);
                    error = QFileInfo(job.path).size() < size
                                ? QStringLiteral("%1 shrank while it was read (it had %2 bytes; bytes from %3 on vanished)")
                                      .arg(job.path).arg(size).arg(QFileInfo(job.path).size())
                                : QStringLiteral("cannot read %1 at byte %2: %3").arg(job.path).arg(readStart + got).arg(file.errorString());
                    m_cancelled.store(true);
                    break;
                }
                sink.beginChunk(k);
                job.chunkLines[size_t(k)] = parseWindow(sink, buffer.data(), readStart, start, end, readEnd, size);
                publishLive(worker->delta);
                reportProgress(end - start);
            }
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(work, t);
        work(0);
        for (std::thread &t : pool)
            t.join();
        return error;
    }

    struct Block
    {
        qint64 index = 0;
        std::string data;
        bool startsMidLine = false; // the previous block ended inside an over-long line
        bool final = false;         // the end of the input: may end without a newline
    };

    // Lines of a block that holds whole lines (except around over-long ones).
    qint64 parseBlock(LineSink &sink, const Block &block, bool last)
    {
        std::string_view data(block.data);
        size_t pos = 0;
        if (block.startsMidLine) {
            const size_t nl = data.find('\n');
            if (nl == std::string_view::npos)
                return 0;
            pos = nl + 1;
        }
        qint64 lines = 0;
        while (pos < data.size()) {
            const void *found = std::memchr(data.data() + pos, '\n', data.size() - pos);
            if (!found) {
                std::string_view rest = data.substr(pos);
                if (last)
                    sink.line(rest, lines++);
                else // a block without a newline at its end only happens inside an over-long line
                    sink.skip(SkipReason::TooLong, rest, lines++);
                break;
            }
            const size_t nl = size_t(static_cast<const char *>(found) - data.data());
            sink.line(data.substr(pos, nl - pos), lines++);
            pos = nl + 1;
        }
        return lines;
    }

    QString readStream(FileJob &job)
    {
        gzFile gz = job.isStdin ? gzdopen(STATUSSCOPE_DUP(0), "rb")
                                : gzopen(QFile::encodeName(job.path).constData(), "rb");
        if (!gz)
            return QStringLiteral("cannot open %1").arg(job.path);
        gzbuffer(gz, kGzBufferBytes);

        std::mutex mutex;
        std::condition_variable changed;
        std::deque<Block> queue;
        bool done = false;
        std::mutex countsMutex;
        int threads = 0;
        const size_t capacity = size_t(m_threads) + 2;

        auto work = [&](int thread) {
            const std::unique_ptr<Worker> worker = makeWorker(job, thread);
            LineSink &sink = worker->sink;
            for (;;) {
                Block block;
                {
                    std::unique_lock lock(mutex);
                    changed.wait(lock, [&] { return !queue.empty() || done; });
                    if (queue.empty())
                        return;
                    block = std::move(queue.front());
                    queue.pop_front();
                }
                changed.notify_all();
                if (m_cancelled.load())
                    continue;
                sink.beginChunk(block.index);
                const qint64 lines = parseBlock(sink, block, block.final);
                {
                    std::lock_guard lock(countsMutex);
                    if (job.chunkLines.size() <= size_t(block.index))
                        job.chunkLines.resize(size_t(block.index) + 1, 0);
                    job.chunkLines[size_t(block.index)] = lines;
                }
                publishLive(worker->delta);
            }
        };
        std::vector<std::thread> pool;
        auto push = [&](Block block) {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return queue.size() < capacity; });
            queue.push_back(std::move(block));
            lock.unlock();
            changed.notify_all();
        };

        QString error;
        std::string carry;
        qint64 index = 0;
        bool midLine = false;
        qint64 reportedOffset = 0;
        for (;;) {
            if (m_cancelled.load())
                break;
            std::string buffer = std::move(carry);
            carry.clear();
            const size_t kept = buffer.size();
            buffer.resize(kept + size_t(kStreamBlockBytes));
            const int n = gzread(gz, buffer.data() + kept, unsigned(kStreamBlockBytes));
            if (n < 0) {
                error = QStringLiteral("%1: %2 after %3 bytes").arg(job.path, gzErrorText(gz)).arg(gzoffset(gz));
                break;
            }
            buffer.resize(kept + size_t(n));
            const bool eof = n == 0 || gzeof(gz);
            if (!eof) {
                const size_t lastNewline = buffer.rfind('\n');
                if (lastNewline == std::string::npos) {
                    // No line end in a whole block: an over-long line. Hand it on as such.
                    Block block{index++, std::move(buffer), midLine, false};
                    midLine = true;
                    if (block.index == 0 && !job.guess.parser)
                        error = detect(job, block.data.substr(0, size_t(kSampleBytes)));
                    if (!error.isEmpty())
                        break;
                    startPool(pool, threadsFor(job), threads, work);
                    push(std::move(block));
                    continue;
                }
                carry.assign(buffer, lastNewline + 1, std::string::npos);
                buffer.resize(lastNewline + 1);
            }
            if (index == 0 && !job.guess.parser) {
                error = detect(job, std::string_view(buffer).substr(0, size_t(kSampleBytes)));
                if (!error.isEmpty())
                    break;
            }
            if (buffer.empty() && eof)
                break;
            startPool(pool, threadsFor(job), threads, work);
            push(Block{index++, std::move(buffer), midLine, eof});
            midLine = false;
            if (!job.isStdin) {
                const qint64 offset = gzoffset(gz);
                reportProgress(offset - reportedOffset);
                reportedOffset = offset;
            }
            if (eof)
                break;
        }
        {
            std::lock_guard lock(mutex);
            done = true;
        }
        changed.notify_all();
        for (std::thread &t : pool)
            t.join();
        int code = Z_OK;
        gzerror(gz, &code);
        if (error.isEmpty() && code != Z_OK && !m_cancelled.load())
            m_warnings.push_back(QStringLiteral("%1: %2 after %3 compressed bytes; the lines before it are counted")
                                     .arg(job.path, gzErrorText(gz))
                                     .arg(gzoffset(gz)));
        gzclose(gz);
        if (!job.guess.parser && error.isEmpty()) // empty input: nothing to detect from
            job.guess = detectFormat(std::string_view(), m_options.format, m_options.customFormat, m_options.jsonFields);
        return error;
    }

    template<typename Work>
    void startPool(std::vector<std::thread> &pool, int wanted, int &started, Work &work)
    {
        while (started < wanted) {
            pool.emplace_back(work, started);
            ++started;
        }
    }

    const IngestOptions &m_options;
    std::atomic<bool> &m_cancelled;
    LogIngest::Shared &m_shared;
    const LogIngest::ProgressCallback &m_progress;
    int m_threads = 1;
    int m_fileIndex = 0;
    std::vector<LogAggregator> m_aggregates;
    std::vector<std::vector<PendingExample>> m_examples;
    QStringList m_warnings;
};

} // namespace

IngestResult LogIngest::run(const QStringList &paths)
{
    IngestResult result;
    m_shared->bytesDone.store(0);
    m_shared->bytesTotal = 0;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->live.clear();
    }
    Runner runner(m_options, m_cancelled, *m_shared, m_progress);
    std::vector<FileJob> jobs;
    for (const QString &path : paths) {
        FileJob job;
        job.path = path;
        job.isStdin = path == QLatin1String("-");
        const QString error = runner.prepare(job);
        if (!error.isEmpty()) {
            result.error = error;
            return result;
        }
        m_shared->bytesTotal += job.size;
        jobs.push_back(std::move(job));
    }
    // A rotated series is read oldest first, whatever order the shell listed it in.
    std::stable_sort(jobs.begin(), jobs.end(), [](const FileJob &a, const FileJob &b) { return a.firstMs < b.firstMs; });
    for (size_t i = 0; i < jobs.size(); ++i) {
        const QString error = runner.read(jobs[i], int(i));
        if (!error.isEmpty()) {
            result.error = error;
            return result;
        }
        if (m_cancelled.load())
            break;
    }
    LogSummary &summary = result.summary;
    for (const FileJob &job : jobs) {
        summary.files.push_back(job.path);
        FileFormat format;
        format.file = job.path;
        format.format = job.guess.name;
        format.confidence = job.guess.confidence;
        format.wrapper = job.guess.wrapper;
        format.alsoFormats = job.guess.alsoFormats;
        format.candidates = job.guess.candidates;
        format.sampleLines = job.guess.sampleLines;
        format.suggestion = job.guess.suggestion;
        summary.formats.push_back(format);
    }
    summary.format = jobs.empty() ? QString() : jobs.front().guess.name;
    runner.finish(jobs, summary);
    for (const FileFormat &format : summary.formats) {
        if (!format.suggestion.isEmpty())
            summary.warnings.push_back(QStringLiteral("%1: %2").arg(format.file, format.suggestion));
    }
    return result;
}

} // namespace statusscope::logs
