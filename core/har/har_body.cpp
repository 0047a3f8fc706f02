// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_body.h"

#include <QJsonDocument>
#include <QLocale>

#include <ostream>

namespace statusscope {

QString toString(HarBodyKind kind)
{
    switch (kind) {
    case HarBodyKind::Empty: return QStringLiteral("empty");
    case HarBodyKind::Text: return QStringLiteral("text");
    case HarBodyKind::Json: return QStringLiteral("json");
    case HarBodyKind::Image: return QStringLiteral("image");
    case HarBodyKind::Binary: return QStringLiteral("binary");
    }
    return QStringLiteral("?");
}

void PrintTo(HarBodyKind kind, std::ostream *os)
{
    *os << toString(kind).toStdString();
}

namespace {

bool looksBinary(const QByteArray &bytes)
{
    const qsizetype probe = std::min<qsizetype>(bytes.size(), 4096);
    for (qsizetype i = 0; i < probe; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0 || (c < 0x09))
            return true;
    }
    return false;
}

} // namespace

HarBodyView viewBody(const QByteArray &bytes, const QString &mimeType)
{
    HarBodyView view;
    view.bytes = bytes;
    if (bytes.isEmpty())
        return view;
    const QString mime = mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (mime.startsWith(QLatin1String("image/"))) {
        view.kind = HarBodyKind::Image;
        if (mime.contains(QLatin1String("svg")))
            view.text = QString::fromUtf8(bytes.left(kMaxShownBodyBytes));
        return view;
    }
    if (mime.contains(QLatin1String("json")) || bytes.startsWith('{') || bytes.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        if (error.error == QJsonParseError::NoError) {
            view.kind = HarBodyKind::Json;
            view.text = QString::fromUtf8(document.toJson(QJsonDocument::Indented).left(kMaxShownBodyBytes));
            return view;
        }
    }
    if (looksBinary(bytes)) {
        view.kind = HarBodyKind::Binary;
        view.text = QString::fromLatin1(bytes.left(512).toHex(' '));
        return view;
    }
    view.kind = HarBodyKind::Text;
    view.text = QString::fromUtf8(bytes.left(kMaxShownBodyBytes));
    if (bytes.size() > kMaxShownBodyBytes)
        view.note = QStringLiteral("first %1 bytes of %2 shown").arg(kMaxShownBodyBytes).arg(bytes.size());
    return view;
}

HarBodyView viewResponseBody(const HarContent &content)
{
    if (!content.hasText) {
        HarBodyView view;
        view.note = content.size > 0 ? QStringLiteral("not included in the HAR (%1 bytes)").arg(content.size)
                                     : QString();
        return view;
    }
    HarBodyView view = viewBody(content.decodedText(), content.mimeType);
    if (content.isBase64()) {
        const QString decoded = QStringLiteral("base64, %1 bytes decoded").arg(view.bytes.size());
        view.note = view.note.isEmpty() ? decoded : decoded + QStringLiteral("; ") + view.note;
    }
    return view;
}

HarBodyView viewRequestBody(const HarPostData &postData)
{
    if (postData.text.isEmpty() && !postData.params.isEmpty()) {
        HarBodyView view;
        view.kind = HarBodyKind::Text;
        for (const HarParam &param : postData.params) {
            view.text += param.name + QStringLiteral(" = ")
                + (param.fileName.isEmpty() ? param.value : QStringLiteral("(file %1)").arg(param.fileName))
                + QLatin1Char('\n');
        }
        return view;
    }
    return viewBody(postData.text, postData.mimeType);
}

} // namespace statusscope
