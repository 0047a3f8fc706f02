// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <iosfwd>

namespace statusscope {

// What a file on disk most likely holds, decided from its first bytes and its name.
// The GUI uses it to pick a viewer; the CLI to give a clear error for the wrong input.
enum class FileKind {
    Har,          // HAR 1.1/1.2 JSON: {"log": {"entries": [...]}}
    AccessLog,    // a web-server access log (plain or .gz)
    ExchangeJson, // an exchange saved by `statusscope-cli send --json` or the GUI
    Unknown,
};

QString toString(FileKind kind);
void PrintTo(FileKind kind, std::ostream *os);

struct FileProbe
{
    FileKind kind = FileKind::Unknown;
    qint64 sizeBytes = -1;
    bool compressed = false; // gzip magic seen
    QString error;           // empty on success; otherwise why the file could not be read
};

// Reads at most the first 64 KiB of the file; never the whole file.
FileProbe probeFile(const QString &path);

// The classification on its own, for bytes already in memory.
FileKind classifyHead(const QByteArray &head, const QString &fileName);

} // namespace statusscope
