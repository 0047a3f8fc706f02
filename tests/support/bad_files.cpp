// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/bad_files.h"

#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace statusscope::test {

QString cutSourceHar()
{
    return fixturePath(QStringLiteral("har/google-com.har"));
}

QString writeCutHar(const QString &dir, const QString &source, int percent)
{
    QFile in(source);
    in.open(QIODevice::ReadOnly);
    const QByteArray all = in.readAll();
    const QString path = QDir(dir).filePath(QStringLiteral("cut-%1.har").arg(percent, 2, 10, QLatin1Char('0')));
    QFile out(path);
    out.open(QIODevice::WriteOnly | QIODevice::Truncate);
    out.write(all.left(all.size() * percent / 100));
    return path;
}

GarbageLog writeGarbageLog(const QString &path, qint64 bytes)
{
    QFile out(path);
    out.open(QIODevice::WriteOnly | QIODevice::Truncate);
    GarbageLog counts;
    QByteArray block;
    qint64 written = 0;
    static const int statuses[] = {200, 200, 200, 304, 404, 500, 503};
    for (qint64 i = 0; written < bytes; ++i) {
        QByteArray line;
        if (i % 10 < 3) {
            // Garbage of the kinds found in real logs: a cut line, binary noise, a stack trace.
            switch (i % 3) {
            case 0:
                line = "127.0.0.1 - - [26/Nov/2026:10:";
                break;
            case 1:
                line = "\x01\x02\xff\xfe garbage " + QByteArray::number(i);
                break;
            default:
                line = "    at com.example.Handler.run(Handler.java:" + QByteArray::number(i % 997) + ")";
                break;
            }
            ++counts.garbage;
        } else {
            const qint64 second = i / 50;
            line = "10.0." + QByteArray::number(i % 250) + ".7 - - [26/Nov/2026:"
                   + QByteArray::number(10 + second / 3600 % 12).rightJustified(2, '0') + ':'
                   + QByteArray::number(second / 60 % 60).rightJustified(2, '0') + ':'
                   + QByteArray::number(second % 60).rightJustified(2, '0') + " +0000] \"GET /item/"
                   + QByteArray::number(i) + " HTTP/1.1\" " + QByteArray::number(statuses[i % 7]) + ' '
                   + QByteArray::number(100 + i % 5000) + " \"-\" \"curl/8.5.0\"";
            ++counts.valid;
        }
        line += '\n';
        block += line;
        written += line.size();
        if (block.size() > 1 << 20) {
            out.write(block);
            block.clear();
        }
    }
    out.write(block);
    return counts;
}

QString unreadablePath(const QString &dir, QString *why)
{
    if (geteuid() != 0) {
        const QString path = QDir(dir).filePath(QStringLiteral("unreadable.har"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write("{}");
        f.close();
        QFile::setPermissions(path, QFileDevice::Permissions());
        *why = QStringLiteral("chmod 000");
        return path;
    }
    // Root reads through chmod 000, but not through a path whose parent is a regular file.
    const QString notADir = QDir(dir).filePath(QStringLiteral("plain-file"));
    QFile f(notADir);
    f.open(QIODevice::WriteOnly);
    f.write("x");
    *why = QStringLiteral("running as root: a path below a regular file (ENOTDIR)");
    return notADir + QStringLiteral("/unreadable.har");
}

} // namespace statusscope::test
