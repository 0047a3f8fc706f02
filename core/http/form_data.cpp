// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/form_data.h"

#include <QFileInfo>
#include <QRandomGenerator>

#include <utility>

namespace statusscope::http {

namespace {

// curl's table (lib/mime.c), so a part looks the same from both, then a few types curl leaves
// as octet-stream that APIs commonly check.
constexpr std::pair<const char *, const char *> kTypesByExtension[] = {
    {"gif", "image/gif"},         {"jpg", "image/jpeg"},           {"jpeg", "image/jpeg"},
    {"png", "image/png"},         {"svg", "image/svg+xml"},        {"txt", "text/plain"},
    {"htm", "text/html"},         {"html", "text/html"},           {"pdf", "application/pdf"},
    {"xml", "application/xml"},   {"json", "application/json"},    {"csv", "text/csv"},
    {"webp", "image/webp"},       {"zip", "application/zip"},      {"gz", "application/gzip"},
};

} // namespace

QByteArray newFormBoundary()
{
    const quint64 random = QRandomGenerator::system()->generate64();
    return QByteArray(24, '-') + QByteArray::number(random, 16).rightJustified(16, '0');
}

QByteArray formContentType(const QByteArray &boundary)
{
    return "multipart/form-data; boundary=" + boundary;
}

QByteArray quotedFormName(QStringView text)
{
    QByteArray out = text.toUtf8();
    out.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A");
    return '"' + out + '"';
}

QString guessFileContentType(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const auto &[extension, type] : kTypesByExtension) {
        if (suffix == QLatin1String(extension))
            return QLatin1String(type);
    }
    return QStringLiteral("application/octet-stream");
}

QString formFilename(const FormPart &part)
{
    return part.filename.isEmpty() ? QFileInfo(part.file).fileName() : part.filename;
}

QByteArray formPartHead(const QByteArray &boundary, const FormPart &part, bool first)
{
    QByteArray head = first ? QByteArray() : QByteArray("\r\n");
    head += "--" + boundary + "\r\nContent-Disposition: form-data; name=" + quotedFormName(part.name);
    QString type = part.contentType;
    if (part.isFile()) {
        head += "; filename=" + quotedFormName(formFilename(part));
        if (type.isEmpty())
            type = guessFileContentType(formFilename(part));
    }
    head += "\r\n";
    if (!type.isEmpty())
        head += "Content-Type: " + type.toUtf8() + "\r\n";
    return head + "\r\n";
}

QByteArray formTail(const QByteArray &boundary)
{
    return "\r\n--" + boundary + "--\r\n";
}

} // namespace statusscope::http
