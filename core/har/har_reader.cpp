// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_reader.h"

#include "core/har/har_entries_split.h"
#include "core/har/har_mapped_file.h"
#include "core/har/har_sax_handler.h"
#include "core/har/rapidjson_config.h"

#include "core/files/mapped_region_guard.h"

#include <QFileInfo>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <ostream>
#include <thread>

namespace statusscope {

QString toString(HarReadStatus status)
{
    switch (status) {
    case HarReadStatus::Ok: return QStringLiteral("ok");
    case HarReadStatus::FileError: return QStringLiteral("file-error");
    case HarReadStatus::NotJson: return QStringLiteral("not-json");
    case HarReadStatus::NotHar: return QStringLiteral("not-har");
    case HarReadStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("?");
}

void PrintTo(HarReadStatus status, std::ostream *os)
{
    *os << toString(status).toStdString();
}

QString HarReadError::describe() const
{
    QString text;
    if (!jsonPath.isEmpty())
        text = jsonPath + QStringLiteral(": ");
    text += message;
    if (byteOffset >= 0) {
        text += QStringLiteral(" (byte %1").arg(byteOffset);
        if (line > 0)
            text += QStringLiteral(", line %1, column %2").arg(line).arg(column);
        text += QLatin1Char(')');
    }
    return text;
}

namespace {

// Progress is reported at most this often: ~40 updates for a
// 150 MB file.
constexpr qint64 kProgressStepBytes = 4 * 1024 * 1024;

// Line and column of a byte offset (only computed on error).
void locate(const char *data, qint64 size, HarReadError &error)
{
    if (error.byteOffset < 0 || error.byteOffset > size)
        return;
    int line = 1;
    qint64 lineStart = 0;
    for (qint64 i = 0; i < error.byteOffset; ++i) {
        if (data[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    error.line = line;
    error.column = static_cast<int>(error.byteOffset - lineStart) + 1;
}

// Parses `size` bytes at `data`; data[size] must be readable and 0 (RapidJSON's in-memory
// stream stops there and its SSE2 scanners rely on it). release(from, to): those bytes will not
// be read again (may be called from a second thread for another range).
HarReadResult readBuffer(const char *data, qint64 size, const HarReadOptions &options,
                         const std::function<void(qint64, qint64)> &release)
{
    HarReadResult result;
    // A UTF-8 byte-order mark (Fiddler, some Windows tools) is not JSON; offsets still count
    // it so they match the file.
    const qint64 bom = size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    rapidjson::StringStream stream(data);
    stream.src_ = data + bom; // Tell() is then the offset in the file
    auto tell = [&stream] { return static_cast<qint64>(stream.Tell()); };

    std::optional<har_detail::HarEntriesSplit> split;
    if (options.splitMinBytes > 0 && size >= options.splitMinBytes && std::thread::hardware_concurrency() > 1)
        split.emplace(data, size, options, release);

    har_detail::HarSaxHandler *handlerRef = nullptr;
    qint64 nextReport = kProgressStepBytes;
    har_detail::ReleaseTrail trail(release, 0);
    auto entryDone = [&] {
        qint64 offset = tell();
        if (split) {
            const qint64 arrayEnd = split->entryEnded(offset, *handlerRef);
            if (arrayEnd >= 0) { // the second thread read up to the ']': go on from there
                stream.src_ = data + arrayEnd;
                offset = arrayEnd;
            }
        }
        trail.passed(offset);
        if (offset >= nextReport) {
            nextReport = offset + kProgressStepBytes;
            if (options.progress)
                options.progress(std::min(size, offset + (split ? split->tailBytesParsed() : 0)), size);
        }
        return !(options.cancel && options.cancel->load(std::memory_order_relaxed));
    };
    har_detail::HarSaxHandler handler(options, data, tell, entryDone);
    handlerRef = &handler;
    if (bom)
        handler.noteBom();
    rapidjson::Reader reader;
    // Recursive descent (about 1.6x faster than RapidJSON's iterative mode here); the handler
    // stops at kMaxNestingDepth, so a hostile nesting cannot exhaust the stack. Numbers are
    // converted exactly by the handler: a time written back and read again is the same double.
    const rapidjson::ParseResult parsed = reader.Parse<har_detail::HarSaxHandler::kParseFlags>(stream, handler);
    if (split)
        result.joinedAt = split->joinedAt();
    split.reset(); // the second thread has stopped before anything below is decided

    if (handler.error().status == HarReadStatus::Cancelled) {
        result.error = {HarReadStatus::Cancelled, QStringLiteral("cancelled"), {}, -1, -1, -1};
        return result;
    }
    if (handler.hasError()) {
        result.error = handler.error();
    } else if (parsed.IsError()) {
        result.error.status = HarReadStatus::NotJson;
        result.error.byteOffset = static_cast<qint64>(parsed.Offset());
        if (result.error.byteOffset < size && data[result.error.byteOffset] == '\0')
            result.error.message = QStringLiteral("a NUL byte, which JSON does not allow");
        else
            result.error.message = QString::fromLatin1(rapidjson::GetParseError_En(parsed.Code()));
        if (result.error.message.endsWith(QLatin1Char('.')))
            result.error.message.chop(1);
    } else {
        handler.validateUpTo(size);
        result.log = handler.takeLog();
        if (options.progress)
            options.progress(size, size);
        return result;
    }
    locate(data, size, result.error);
    return result;
}

} // namespace

HarReadResult readHarFile(const QString &path, const HarReadOptions &options)
{
    har_detail::HarMappedFile file;
    QString error;
    if (!file.open(path, &error)) {
        HarReadResult result;
        result.error = {HarReadStatus::FileError, error, {}, -1, -1, -1};
        return result;
    }
    // A file cut while we read it must give an error, not SIGBUS (see mapped_region_guard.h).
    const MappedRegionGuard guard(file.data(), static_cast<std::size_t>(file.size()));
    HarReadResult result = readBuffer(file.data(), file.size(), options,
                                      [&file](qint64 from, qint64 to) { file.release(from, to); });
    // A cut inside a page leaves that page's tail as zeros without any fault: the size tells.
    if (guard.faulted() || QFileInfo(path).size() < file.size()) {
        result.log = {};
        result.error = {HarReadStatus::FileError,
                        QStringLiteral("the file shrank while it was read (it had %1 bytes when opened)").arg(file.size()),
                        {}, -1, -1, -1};
    }
    return result;
}

HarReadResult readHarData(const QByteArray &json, const HarReadOptions &options)
{
    // QByteArray's data is always followed by a NUL.
    return readBuffer(json.constData(), json.size(), options, {});
}

} // namespace statusscope
