// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/files/file_kind.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

} // namespace

TEST(FileKind, HarRootIsRecognisedWhateverTheName)
{
    EXPECT_EQ(classifyHead("{\n  \"log\": {\n    \"version\": \"1.2\",\n \"entries\": []}}", QStringLiteral("x.json")),
              FileKind::Har);
}

TEST(FileKind, SavedExchangeIsNotMistakenForHar)
{
    EXPECT_EQ(classifyHead(R"({"url": "http://a/", "final_status": 200, "attempts": []})",
                           QStringLiteral("exchange.json")),
              FileKind::ExchangeJson);
}

TEST(FileKind, CombinedLogLineIsAnAccessLog)
{
    const QByteArray line = R"(127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08")"
                            "\n";
    EXPECT_EQ(classifyHead(line, QStringLiteral("access.log")), FileKind::AccessLog);
}

TEST(FileKind, W3cHeaderIsAnAccessLog)
{
    EXPECT_EQ(classifyHead("#Software: Microsoft Internet Information Services 7.5\n#Version: 1.0\n"
                           "#Fields: date time s-ip cs-method cs-uri-stem sc-status\n",
                           QStringLiteral("u_ex1.log")),
              FileKind::AccessLog);
}

TEST(FileKind, JsonLinesWithStatusAreAnAccessLog)
{
    EXPECT_EQ(classifyHead(R"({"time":"2026-01-01T00:00:00Z","status":502,"request":"GET / HTTP/1.1"})"
                           "\n",
                           QStringLiteral("access.json")),
              FileKind::AccessLog);
}

TEST(FileKind, ProseIsUnknown)
{
    EXPECT_EQ(classifyHead("Dear diary, today the server was fine.\n", QStringLiteral("notes.txt")),
              FileKind::Unknown);
}

TEST(FileKind, ProbeReportsSizeAndGzip)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("access.log.2.gz"),
                                   QByteArray("\x1f\x8b\x08\x00", 4) + QByteArray(96, '\0'));
    const FileProbe probe = probeFile(path);
    EXPECT_TRUE(probe.error.isEmpty()) << probe.error.toStdString();
    EXPECT_EQ(probe.sizeBytes, 100);
    EXPECT_TRUE(probe.compressed);
    EXPECT_EQ(probe.kind, FileKind::AccessLog);
}

TEST(FileKind, MissingFileAndDirectoryGiveClearErrors)
{
    QTemporaryDir dir;
    const FileProbe missing = probeFile(dir.filePath(QStringLiteral("nope.har")));
    EXPECT_TRUE(missing.error.contains(QStringLiteral("no such file"))) << missing.error.toStdString();
    const FileProbe directory = probeFile(dir.path());
    EXPECT_TRUE(directory.error.contains(QStringLiteral("is a directory"))) << directory.error.toStdString();
}

TEST(FileKind, BundledSamplesAreRecognised)
{
    EXPECT_EQ(probeFile(test::sourcePath(QStringLiteral("resources/samples/sample.har"))).kind, FileKind::Har);
    EXPECT_EQ(probeFile(test::sourcePath(QStringLiteral("resources/samples/access.log"))).kind,
              FileKind::AccessLog);
}
