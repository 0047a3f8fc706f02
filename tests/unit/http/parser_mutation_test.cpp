// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz corpus replayed as an ordinary test (STYLE habit 15): every golden fixture, mutated
// with a fixed seed (bytes flipped, cut, duplicated), fed in random pieces. The parser must
// always end in a defined state, never consume more than it was given, and keep its buffered
// line within the header-block limit.
#include "core/http/response_parser.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace statusscope::http;

namespace {

QList<QByteArray> corpus()
{
    QList<QByteArray> out;
    const QDir dir(statusscope::test::fixturePath(QStringLiteral("http/parser")));
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray text = f.readAll();
        const qsizetype in = text.indexOf("--- input\n");
        const qsizetype exp = text.indexOf("--- expected\n");
        text = text.mid(in + 10, exp - in - 10);
        text.replace("\n", "").replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
        out << text;
    }
    return out;
}

QByteArray mutate(QByteArray bytes, QRandomGenerator &rng)
{
    const int edits = 1 + int(rng.bounded(4));
    for (int i = 0; i < edits && !bytes.isEmpty(); ++i) {
        const qsizetype at = qsizetype(rng.bounded(quint32(bytes.size())));
        switch (rng.bounded(5)) {
        case 0: bytes[at] = char(rng.bounded(256)); break;
        case 1: bytes.remove(at, 1 + qsizetype(rng.bounded(8))); break;
        case 2: bytes.insert(at, bytes.mid(at, 1 + qsizetype(rng.bounded(16)))); break;
        case 3: bytes.insert(at, "\r\n"); break;
        default: bytes.truncate(at); break;
        }
    }
    return bytes;
}

TEST(ParserMutation, AlwaysEndsInADefinedState)
{
    const QList<QByteArray> seeds = corpus();
    ASSERT_FALSE(seeds.isEmpty());
    QRandomGenerator rng(20261126);
    int errors = 0;
    int completes = 0;
    for (int round = 0; round < 4000; ++round) {
        const QByteArray input = mutate(seeds.at(round % seeds.size()), rng);
        ParserOptions options;
        options.lenient = rng.bounded(2) == 1;
        options.headRequest = rng.bounded(8) == 0;
        ResponseParser parser(options);
        qsizetype pos = 0;
        while (pos < input.size() && parser.status() == ParseStatus::NeedMore) {
            const qsizetype n = qMin<qsizetype>(input.size() - pos, 1 + qsizetype(rng.bounded(7)));
            const FeedResult r = parser.feed(QByteArrayView(input).sliced(pos, n));
            ASSERT_LE(r.consumed, n);
            pos += r.consumed;
            for (const ParseEvent &e : parser.takeEvents())
                ASSERT_LE(e.offset, parser.offset());
        }
        if (parser.status() == ParseStatus::NeedMore)
            parser.finish();
        ASSERT_NE(parser.status(), ParseStatus::NeedMore) << "finish() must decide";
        errors += parser.status() == ParseStatus::Error;
        completes += parser.status() == ParseStatus::Complete;
        if (parser.status() == ParseStatus::Error) {
            ASSERT_FALSE(parser.errorMessage().isEmpty());
        }
    }
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    EXPECT_GT(errors, 100);
    EXPECT_GT(completes, 100);
}

} // namespace
