// Sample lines of a time range, and the log's own zone read from its head.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/logs/sample_lines.h"
#include "log_test_util.h"

#include <QFile>

#include <zlib.h>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::logs;

namespace {

// 13 May 2024 10:MM:SS +0200; the request path names the line so a sample can be checked.
QByteArray line(int minute, int second, int status, int index)
{
    return "10.0.0.1 - - [13/May/2024:10:" + QByteArray::number(minute).rightJustified(2, '0') + ":"
           + QByteArray::number(second).rightJustified(2, '0') + " +0200] \"GET /line" + QByteArray::number(index)
           + " HTTP/1.1\" " + QByteArray::number(status) + " 5 \"-\" \"ua\"\n";
}

// 10:MM:00 +0200 in UTC milliseconds.
qint64 minuteMs(int minute)
{
    return 1715587200000 + qint64(minute) * 60000;
}

// Minutes 0..4, 10 lines each; a garbage line and an over-long line inside minute 2.
QByteArray sampleLog()
{
    QByteArray text;
    int index = 0;
    for (int m = 0; m < 5; ++m) {
        for (int i = 0; i < 10; ++i) {
            ++index;
            text += line(m, i, m == 2 && i % 2 ? 503 : 200, index);
            if (m == 2 && i == 3) {
                text += "garbage here\n";
                text += QByteArray(9000, 'x') + "\n";
            }
        }
    }
    return text;
}

} // namespace

TEST(LogSamples, ListsTheRangesLinesWithFileAndLineNumbers)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("access.log"), sampleLog());
    const QList<SampleLine> samples = collectSampleLines({path}, {}, minuteMs(2), minuteMs(3) - 1);
    ASSERT_EQ(samples.size(), 10);
    // Minute 2 starts at line 21; lines 25 and 26 are the garbage and the over-long line.
    const QList<qint64> expectedLines{21, 22, 23, 24, 27, 28, 29, 30, 31, 32};
    for (int i = 0; i < samples.size(); ++i) {
        EXPECT_EQ(samples[i].file, path);
        EXPECT_EQ(samples[i].line, expectedLines[i]) << i;
        EXPECT_EQ(samples[i].status, i % 2 ? 503 : 200) << i;
        EXPECT_TRUE(samples[i].text.contains(QStringLiteral("GET /line%1 ").arg(21 + i))) << samples[i].text.toStdString();
        EXPECT_FALSE(samples[i].text.endsWith(QLatin1Char('\n')));
    }
}

TEST(LogSamples, StopsAtTheLimit)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("access.log"), sampleLog());
    const QList<SampleLine> all = collectSampleLines({path}, {}, minuteMs(0), minuteMs(5));
    EXPECT_EQ(all.size(), kMaxSampleLines);
    EXPECT_EQ(all.back().line, 20);
    const QList<SampleLine> three = collectSampleLines({path}, {}, minuteMs(4), minuteMs(5), 3);
    ASSERT_EQ(three.size(), 3);
    EXPECT_EQ(three.front().line, 43);
}

TEST(LogSamples, GzipGivesTheSameSamplesAsPlain)
{
    QTemporaryDir dir;
    const QByteArray text = sampleLog();
    const QString plain = test::writeText(dir, QStringLiteral("access.log"), text);
    const QString gzPath = dir.filePath(QStringLiteral("access.log.gz"));
    gzFile gz = gzopen(QFile::encodeName(gzPath).constData(), "wb");
    ASSERT_NE(gz, nullptr);
    ASSERT_EQ(gzwrite(gz, text.constData(), unsigned(text.size())), text.size());
    gzclose(gz);
    const QList<SampleLine> a = collectSampleLines({plain}, {}, minuteMs(2), minuteMs(3) - 1);
    const QList<SampleLine> b = collectSampleLines({gzPath}, {}, minuteMs(2), minuteMs(3) - 1);
    ASSERT_EQ(a.size(), b.size());
    for (int i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].line, b[i].line);
        EXPECT_EQ(a[i].text, b[i].text);
    }
}

TEST(LogSamples, EmptyRangeAndMissingFileGiveNone)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("access.log"), sampleLog());
    EXPECT_TRUE(collectSampleLines({path}, {}, minuteMs(30), minuteMs(31)).isEmpty());
    EXPECT_TRUE(collectSampleLines({dir.filePath(QStringLiteral("missing.log"))}, {}, minuteMs(0), minuteMs(5)).isEmpty());
}

TEST(LogSamples, FirstTimeZoneIsTheLogsOwn)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("access.log"), "junk\n" + sampleLog());
    EXPECT_EQ(firstTzOffsetMinutes(path, {}), std::optional<int>(120));
    const QString junk = test::writeText(dir, QStringLiteral("junk.log"), "nothing\nto see\n");
    EXPECT_FALSE(firstTzOffsetMinutes(junk, {}).has_value());
}
