// SPDX-License-Identifier: GPL-3.0-or-later
#include "log_test_util.h"

#include "tests/support/test_support.h"

#include <QFile>
#include <QJsonDocument>

#include <gtest/gtest.h>

namespace statusscope::test {

GeneratedLog generateLog(const QTemporaryDir &dir, const QString &name, const QStringList &arguments)
{
    GeneratedLog out;
    out.path = dir.filePath(name);
    const QString statsPath = dir.filePath(name + QStringLiteral(".stats.json"));
    const ProcessResult result = runProcess(
        QStringLiteral("python3"),
        QStringList{fixturePath(QStringLiteral("logs/gen_access_log.py"))} + arguments
            + QStringList{QStringLiteral("-o"), out.path, QStringLiteral("--stats"), statsPath},
        120000);
    if (!result.finished || result.exitCode != 0) {
        out.error = QStringLiteral("generator failed: %1").arg(QString::fromUtf8(result.err));
        return out;
    }
    QFile stats(statsPath);
    if (!stats.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("no stats file");
        return out;
    }
    out.stats = QJsonDocument::fromJson(stats.readAll()).object();
    return out;
}

logs::IngestResult ingest(const QStringList &paths, logs::IngestOptions options)
{
    logs::LogIngest reader(std::move(options));
    return reader.run(paths);
}

QString writeText(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    file.write(bytes);
    return path;
}

QJsonObject statusCountsJson(const logs::LogSummary &summary)
{
    QJsonObject out;
    for (auto it = summary.statusCounts.cbegin(); it != summary.statusCounts.cend(); ++it)
        out.insert(QString::number(it.key()), double(it.value()));
    return out;
}

QByteArray combinedLine(int minute, int status)
{
    return "10.0.0.1 - - [13/May/2024:10:" + QByteArray::number(minute).rightJustified(2, '0')
           + ":00 +0000] \"GET /f HTTP/1.1\" " + QByteArray::number(status) + " 5 \"-\" \"ua\"\n";
}

} // namespace statusscope::test
