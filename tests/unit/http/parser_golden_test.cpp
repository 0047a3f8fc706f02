// SPDX-License-Identifier: GPL-3.0-or-later
// Golden tests of the response parser: each fixture (tests/fixtures/http/parser/*.txt) holds raw
// bytes and the expected event log; the input is fed whole, split in two at every position, and
// one byte at a time (llhttp's test/response/*.md and curl's tests/data do the same).
// The test never writes a fixture. To regenerate the expected sections after a deliberate
// change, run tests/regen_golden.sh: it collects what the parser gives now (this test writes
// it to STATUSSCOPE_GOLDEN_OUT when that is set), prints the diff and only then replaces them.
#include "core/http/response_parser.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>

#include <gtest/gtest.h>

using namespace statusscope::http;

namespace {

struct GoldenCase
{
    QString path;
    QString header; // everything before "--- expected"
    ParserOptions options;
    bool eof = false;
    QByteArray input;
    QString expected;
};

QByteArray unescape(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\n')
            continue; // real newlines only make the fixture readable
        if (c != '\\' || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        const char n = text.at(++i);
        switch (n) {
        case 'r': out += '\r'; break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case '\\': out += '\\'; break;
        case 'x':
            out += char(text.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
            break;
        default: out += '\\'; out += n; break;
        }
    }
    return out;
}

GoldenCase loadCase(const QString &path)
{
    GoldenCase c;
    c.path = path;
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    const QByteArray all = f.readAll();
    const qsizetype exp = all.indexOf("--- expected\n");
    const qsizetype in = all.indexOf("--- input\n");
    EXPECT_GE(in, 0) << path.toStdString();
    c.header = QString::fromUtf8(all.left(exp < 0 ? all.size() : exp));
    const qsizetype opt = all.indexOf("--- options\n");
    if (opt >= 0 && opt < in) {
        const QByteArray options = all.mid(opt + 12, in - opt - 12);
        c.options.lenient = options.contains("lenient");
        c.options.headRequest = options.contains("head");
        c.options.connectRequest = options.contains("connect");
        c.eof = options.contains("eof");
    }
    const qsizetype inputEnd = exp < 0 ? all.size() : exp;
    c.input = unescape(all.mid(in + 10, inputEnd - in - 10));
    if (exp >= 0)
        c.expected = QString::fromUtf8(all.mid(exp + 13));
    return c;
}

// Feeds `input` in the pieces given by `cuts`, then EOF if asked; returns log + final status.
QString run(const GoldenCase &c, const QList<qsizetype> &cuts, bool shared = false)
{
    ResponseParser parser(c.options);
    QList<ParseEvent> events;
    qsizetype pos = 0;
    FeedResult result;
    QList<qsizetype> ends = cuts;
    ends.append(c.input.size());
    for (qsizetype end : ends) {
        if (end <= pos)
            continue;
        result = shared ? parser.feedShared(c.input.mid(pos, end - pos))
                        : parser.feed(QByteArrayView(c.input).sliced(pos, end - pos));
        events += parser.takeEvents();
        pos += result.consumed;
        if (result.status != ParseStatus::NeedMore)
            break;
        EXPECT_EQ(pos, end) << "NeedMore must consume everything";
    }
    if (c.eof && result.status == ParseStatus::NeedMore) {
        result = parser.finish();
        events += parser.takeEvents();
    }
    QString log = formatEventLog(events);
    log += QStringLiteral("status=%1").arg(toString(parser.status()));
    if (parser.status() == ParseStatus::Complete || parser.status() == ParseStatus::Upgraded)
        log += QStringLiteral(" leftover=%1").arg(c.input.size() - pos);
    return log + QLatin1Char('\n');
}

QStringList fixtureFiles()
{
    const QDir dir(statusscope::test::fixturePath(QStringLiteral("http/parser")));
    QStringList out;
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        out << dir.filePath(name);
    return out;
}

class ParserGolden : public ::testing::TestWithParam<QString>
{
};

TEST_P(ParserGolden, SameLogAtEverySplit)
{
    const GoldenCase c = loadCase(GetParam());
    const QString whole = run(c, {});
    if (const QString out = qEnvironmentVariable("STATUSSCOPE_GOLDEN_OUT"); !out.isEmpty()) {
        // The file as it would be with the parser's present output, for regen_golden.sh to
        // diff; the assertions below still run, so a mismatch still fails.
        QFile f(QDir(out).filePath(QFileInfo(c.path).fileName()));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << f.fileName().toStdString();
        f.write((c.header + QStringLiteral("--- expected\n") + whole).toUtf8());
    }
    ASSERT_FALSE(c.expected.isEmpty()) << "no expected section in " << c.path.toStdString();
    EXPECT_EQ(whole.toStdString(), c.expected.toStdString()) << "whole input";
    EXPECT_EQ(run(c, {c.input.size() / 2}, true).toStdString(), c.expected.toStdString()) << "feedShared";
    for (qsizetype split = 1; split < c.input.size(); ++split)
        ASSERT_EQ(run(c, {split}).toStdString(), c.expected.toStdString()) << "split at " << split;
    QList<qsizetype> bytewise;
    for (qsizetype i = 1; i < c.input.size(); ++i)
        bytewise.append(i);
    EXPECT_EQ(run(c, bytewise).toStdString(), c.expected.toStdString()) << "one byte at a time";
}

std::string caseName(const ::testing::TestParamInfo<QString> &info)
{
    QString base = QFileInfo(info.param).completeBaseName();
    base.replace(QLatin1Char('-'), QLatin1Char('_'));
    return base.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ParserGolden, ::testing::ValuesIn(fixtureFiles()), caseName);

TEST(ParserGoldenSet, HasFixtures)
{
    EXPECT_GE(fixtureFiles().size(), 20);
}

} // namespace
