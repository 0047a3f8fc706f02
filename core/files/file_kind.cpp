// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/files/file_kind.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <ostream>

namespace statusscope {

namespace {

// Enough to see the top of a HAR (pretty-printed exporters put "entries" within a few KiB)
// and a few dozen log lines, while staying cheap for a multi-gigabyte log.
constexpr qint64 kProbeBytes = 64 * 1024;

bool looksLikeJsonObject(const QByteArray &head)
{
    for (char c : head) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{';
    }
    return false;
}

// One line of a common access-log shape: Common/Combined ("[10/Oct/2000:13:55:36 -0700]"
// then a quoted request line and a status), W3C extended ("#Fields:"), HAProxy, or a JSON
// line carrying a status field.
bool looksLikeAccessLog(const QByteArray &head)
{
    const QString text = QString::fromLatin1(head.left(8192));
    static const QRegularExpression clf(
        QStringLiteral(R"(\[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "[A-Z]+ \S+[^"]*" \d{3} )"));
    static const QRegularExpression w3c(QStringLiteral(R"(^#(Fields|Software|Version):)"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression haproxy(
        QStringLiteral(R"(haproxy\[\d+\]: .*\[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2}\.\d{3}\] )"));
    static const QRegularExpression jsonLine(
        QStringLiteral(R"re(^\{.*"(status|status_code|sc-status)"\s*:\s*"?\d{3})re"),
        QRegularExpression::MultilineOption);
    return clf.match(text).hasMatch() || w3c.match(text).hasMatch()
           || haproxy.match(text).hasMatch() || jsonLine.match(text).hasMatch();
}

} // namespace

QString toString(FileKind kind)
{
    switch (kind) {
    case FileKind::Har:
        return QStringLiteral("HAR file");
    case FileKind::AccessLog:
        return QStringLiteral("access log");
    case FileKind::ExchangeJson:
        return QStringLiteral("saved exchange");
    case FileKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

void PrintTo(FileKind kind, std::ostream *os)
{
    *os << toString(kind).toStdString();
}

FileKind classifyHead(const QByteArray &head, const QString &fileName)
{
    if (looksLikeJsonObject(head)) {
        // A HAR's root object holds "log"; an exchange holds "attempts". JSON-lines logs start
        // with '{' too, so they fall through to the access-log test below.
        static const QRegularExpression harRoot(QStringLiteral(R"(^\s*\{\s*"log"\s*:)"));
        const QString text = QString::fromUtf8(head.left(4096));
        if (harRoot.match(text).hasMatch() || (head.contains("\"log\"") && head.contains("\"entries\"")))
            return FileKind::Har;
        if (head.contains("\"attempts\"") && head.contains("\"final_status\""))
            return FileKind::ExchangeJson;
    }
    if (looksLikeAccessLog(head))
        return FileKind::AccessLog;
    const QString lower = fileName.toLower();
    if (lower.endsWith(QLatin1String(".har")))
        return FileKind::Har;
    return FileKind::Unknown;
}

FileProbe probeFile(const QString &path)
{
    FileProbe probe;
    const QFileInfo info(path);
    if (!info.exists()) {
        probe.error = QStringLiteral("%1: no such file").arg(path);
        return probe;
    }
    if (info.isDir()) {
        probe.error = QStringLiteral("%1: is a directory, not a file").arg(path);
        return probe;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        probe.error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return probe;
    }
    probe.sizeBytes = file.size();
    const QByteArray head = file.read(kProbeBytes);
    probe.compressed = head.startsWith("\x1f\x8b");
    if (probe.compressed) {
        // Compressed files are logs in practice (rotated access.log.2.gz); HAR is never gzipped
        // by exporters. The log reader will verify when it inflates the file.
        probe.kind = FileKind::AccessLog;
        return probe;
    }
    probe.kind = classifyHead(head, info.fileName());
    return probe;
}

} // namespace statusscope
