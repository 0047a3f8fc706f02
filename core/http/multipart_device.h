// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A multipart/form-data body as a read-only, seekable QIODevice: the part heads are small
// byte arrays, each file is opened only while its bytes are read, and at most one read's worth
// of a file is in memory at a time.

#include "core/http/form_data.h"

#include <QFile>
#include <QIODevice>
#include <QList>

#include <memory>

namespace statusscope::http {

class MultipartDevice : public QIODevice
{
public:
    MultipartDevice(QByteArray boundary, const QList<FormPart> &parts);

    // Sizes every file now (the device's size() is final from here on); false with
    // errorString() naming a file that is missing or unreadable.
    bool open(OpenMode mode) override;
    qint64 size() const override { return m_size; }
    bool isSequential() const override { return false; }
    bool seek(qint64 pos) override;
    void close() override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    // A run of the body: bytes held here, or `length` bytes of a file from its start.
    struct Segment
    {
        QByteArray bytes;
        QString file;
        qint64 length = 0;
        qint64 start = 0; // offset of the segment in the body
    };
    void append(Segment segment);
    qint64 segmentAt(qint64 pos) const;
    qint64 readFile(const Segment &segment, qint64 offset, char *data, qint64 maxSize);

    QByteArray m_boundary;
    QList<FormPart> m_parts;
    QList<Segment> m_segments;
    qint64 m_size = 0;
    std::unique_ptr<QFile> m_file; // the file being read, kept open between reads
};

} // namespace statusscope::http
