// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/body_sink.h"

#include <QDir>
#include <QTemporaryFile>

namespace statusscope::http {

BodySink::BodySink(QString outputFile, qint64 memoryCapBytes)
    : m_outputFile(std::move(outputFile))
    , m_memoryCap(memoryCapBytes)
{
}

bool BodySink::begin(Response &response, QString *error)
{
    return m_outputFile.isEmpty() || openFile(response, error);
}

bool BodySink::openFile(Response &response, QString *error)
{
    if (!m_outputFile.isEmpty()) {
        m_file = std::make_unique<QFile>(m_outputFile);
        // Unbuffered: our pieces are large already; a second copy in QFile's buffer is waste.
        if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
            *error = QStringLiteral("cannot write %1: %2").arg(m_outputFile, m_file->errorString());
            m_file.reset();
            return false;
        }
    } else {
        auto temp = std::make_unique<QTemporaryFile>(QDir::temp().filePath(QStringLiteral("statusscope-body-XXXXXX")));
        temp->setAutoRemove(false); // the Exchange refers to it; its owner decides its fate
        if (!temp->open()) {
            *error = QStringLiteral("cannot create a temporary file for the body: %1").arg(temp->errorString());
            return false;
        }
        m_file = std::move(temp);
    }
    response.bodyFile = m_file->fileName();
    if (!response.body.isEmpty()) {
        m_file->write(response.body);
        response.body.clear();
    }
    return true;
}

bool BodySink::append(Response &response, const QByteArray &data, QString *error)
{
    response.bodyBytes += data.size();
    if (!m_file && response.body.size() + data.size() > m_memoryCap && !openFile(response, error))
        return false;
    if (!m_file) {
        response.body += data;
        return true;
    }
    if (m_file->write(data) != data.size()) {
        *error = QStringLiteral("writing the body to %1 failed: %2").arg(m_file->fileName(), m_file->errorString());
        return false;
    }
    return true;
}

} // namespace statusscope::http
