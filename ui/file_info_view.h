// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/files/file_kind.h"

#include <QWidget>

namespace statusscope::ui {

// The tab shown for a file no dedicated viewer handles: what the file is, honestly —
// its name, location, detected kind and size, or why it could not be read.
class FileInfoView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileInfoView)

public:
    FileInfoView(const QString &path, const FileProbe &probe, QWidget *parent = nullptr);

    FileKind kind() const { return m_kind; }

private:
    FileKind m_kind;
};

// "1.4 MiB (1,468,006 bytes)": the size people read, then the exact count.
QString formatByteSize(qint64 bytes);

} // namespace statusscope::ui
