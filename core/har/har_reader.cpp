#include "core/har/har_reader.h"

#include "core/har/har_input_stream.h"
#include "core/har/har_sax_handler.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <ostream>

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

// Line and column of a byte offset, by reading the bytes before it again (only on error).
void locate(QIODevice &device, HarReadError &error)
{
    if (error.byteOffset < 0 || !device.seek(0))
        return;
    int line = 1;
    qint64 lineStart = 0;
    qint64 position = 0;
    char chunk[64 * 1024];
    while (position < error.byteOffset) {
        const qint64 want = std::min<qint64>(sizeof chunk, error.byteOffset - position);
        const qint64 got = device.read(chunk, want);
        if (got <= 0)
            break;
        for (qint64 i = 0; i < got; ++i) {
            if (chunk[i] == '\n') {
                ++line;
                lineStart = position + i + 1;
            }
        }
        position += got;
    }
    error.line = line;
    error.column = static_cast<int>(error.byteOffset - lineStart) + 1;
}

HarReadResult readDevice(QIODevice &device, qint64 size, const HarReadOptions &options)
{
    HarReadResult result;
    har_detail::HarInputStream stream(&device, size, options.progress, options.cancel);
    har_detail::HarSaxHandler handler(options, [&stream] { return static_cast<qint64>(stream.Tell()); });
    rapidjson::Reader reader;
    // Iterative: a hostile nesting depth costs heap, never the stack.
    const rapidjson::ParseResult parsed =
        reader.Parse<rapidjson::kParseIterativeFlag>(stream, handler);

    if (stream.cancelled() || handler.error().status == HarReadStatus::Cancelled) {
        result.error = {HarReadStatus::Cancelled, QStringLiteral("cancelled"), {}, -1, -1, -1};
        return result;
    }
    if (stream.ioError()) {
        result.error = {HarReadStatus::FileError, device.errorString(), {}, static_cast<qint64>(stream.Tell()), -1, -1};
        return result;
    }
    if (handler.hasError()) {
        result.error = handler.error();
    } else if (parsed.IsError()) {
        result.error.status = HarReadStatus::NotJson;
        result.error.message = QString::fromLatin1(rapidjson::GetParseError_En(parsed.Code()));
        if (result.error.message.endsWith(QLatin1Char('.')))
            result.error.message.chop(1);
        result.error.byteOffset = static_cast<qint64>(parsed.Offset());
    } else {
        result.log = handler.takeLog();
        stream.reportDone();
        return result;
    }
    locate(device, result.error);
    return result;
}

} // namespace

HarReadResult readHarFile(const QString &path, const HarReadOptions &options)
{
    QFile file(path);
    // Unbuffered: the stream has its own chunk buffer; QFile's would be a second copy.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        HarReadResult result;
        result.error = {HarReadStatus::FileError, file.errorString(), {}, -1, -1, -1};
        return result;
    }
    if (QFileInfo(path).isDir()) {
        HarReadResult result;
        result.error = {HarReadStatus::FileError, QStringLiteral("is a directory"), {}, -1, -1, -1};
        return result;
    }
    return readDevice(file, file.size(), options);
}

HarReadResult readHarData(const QByteArray &json, const HarReadOptions &options)
{
    QByteArray copy = json; // shared, not copied: QBuffer only reads it
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return readDevice(buffer, json.size(), options);
}

} // namespace statusscope
