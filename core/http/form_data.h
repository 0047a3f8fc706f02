// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// multipart/form-data (RFC 7578) as plain data and as the bytes of each part's head. The body
// itself is never assembled here: body_source.h streams it, file parts read from disk as they
// go out, so a form with a 4 GiB file costs a few hundred KiB of memory.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

namespace statusscope::http {

// One part: a text field, or a file streamed from disk.
struct FormPart
{
    QString name;
    QString value;       // a text field's value (sent as UTF-8)
    QString file;        // a file part's path; empty for a text field
    QString filename;    // the filename parameter; empty: the file's own name
    QString contentType; // empty: none for a text field, guessed from the name for a file
    bool isFile() const { return !file.isEmpty(); }
    bool operator==(const FormPart &) const = default;
};

// curl's shape, so servers see what they see from curl: 24 dashes and 16 random hex digits.
// A fresh one per request; 64 random bits make a clash with the content improbable enough
// that, like curl and browsers, nothing scans the files for it.
QByteArray newFormBoundary();

// "multipart/form-data; boundary=…", the request's Content-Type.
QByteArray formContentType(const QByteArray &boundary);

// A name or filename as a quoted-string parameter value: '"', CR and LF percent-encoded, the
// HTML form rule RFC 7578 §4.2 defers to (and what curl ≥ 7.81 and browsers send).
QByteArray quotedFormName(QStringView text);

// The Content-Type for a file part: from its name's extension, else application/octet-stream.
QString guessFileContentType(const QString &fileName);

// The filename parameter a file part carries.
QString formFilename(const FormPart &part);

// The bytes before a part's content: delimiter, Content-Disposition, Content-Type, blank line.
// `first` leaves out the CR LF that ends the previous part's content.
QByteArray formPartHead(const QByteArray &boundary, const FormPart &part, bool first);

// The bytes after the last part: CR LF, close delimiter, CR LF.
QByteArray formTail(const QByteArray &boundary);

} // namespace statusscope::http
