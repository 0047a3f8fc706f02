#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Where a response body goes: memory up to a cap, then the rest spills to a temporary file; or
// straight into the user's output file (-o). Memory stays bounded whatever the body's size.

#include "core/http/http_types.h"

#include <QFile>

#include <memory>

namespace statusscope::http {

class BodySink
{
public:
    // outputFile empty: memory first, then a temporary file (kept: the Response names it).
    BodySink(QString outputFile, qint64 memoryCapBytes);

    // Opens the output file now, so -o exists even for an empty body. No-op without -o.
    bool begin(Response &response, QString *error);
    // Appends body bytes to `response` (its body or its bodyFile); false with *error on failure.
    bool append(Response &response, const QByteArray &data, QString *error);
    void close() { m_file.reset(); }

private:
    bool openFile(Response &response, QString *error);

    QString m_outputFile;
    qint64 m_memoryCap;
    std::unique_ptr<QFile> m_file;
};

} // namespace statusscope::http
