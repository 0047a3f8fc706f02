// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/json_text.h"

#include "core/har/rapidjson_config.h"

#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>

namespace statusscope {

namespace {

// Numbers go through as written (RawNumber), strings are checked to be valid UTF-8.
constexpr unsigned kFlags = rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseValidateEncodingFlag;

void setPosition(JsonCheck &check, QByteArrayView text, qsizetype offset)
{
    const QByteArrayView before = text.first(qMin(offset, text.size()));
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    check.line = int(before.count('\n')) + 1;
    check.column = int(QString::fromUtf8(before.sliced(lineStart)).size()) + 1;
}

// rapidjson's writer quotes a raw number as a string; written as a raw value it stays a number.
class PrettyHandler : public rapidjson::PrettyWriter<rapidjson::StringBuffer>
{
public:
    using PrettyWriter::PrettyWriter;
    bool RawNumber(const Ch *text, rapidjson::SizeType length, bool)
    {
        return RawValue(text, length, rapidjson::kNumberType);
    }
};

} // namespace

JsonCheck checkJson(QByteArrayView text)
{
    const QByteArray terminated = text.toByteArray(); // the reader's stream stops at a NUL
    rapidjson::StringBuffer buffer;
    PrettyHandler writer(buffer);
    writer.SetIndent(' ', 2);
    rapidjson::StringStream stream(terminated.constData());
    rapidjson::Reader reader;
    JsonCheck check;
    const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, writer);
    if (result.IsError()) {
        setPosition(check, text, qsizetype(result.Offset()));
        check.message = QString::fromUtf8(rapidjson::GetParseError_En(result.Code()));
        if (check.message.endsWith(QLatin1Char('.')))
            check.message.chop(1);
        return check;
    }
    check.ok = true;
    check.pretty = QByteArray(buffer.GetString(), qsizetype(buffer.GetSize()));
    return check;
}

bool isJsonContentType(const QString &contentType)
{
    const QString type = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    return type == QLatin1String("application/json") || type.endsWith(QLatin1String("+json"));
}

} // namespace statusscope
