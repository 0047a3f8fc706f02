// SPDX-License-Identifier: GPL-3.0-or-later
// The parser's named limits: hostile inputs stop with a precise error and bounded memory.
#include "core/http/response_parser.h"

#include <gtest/gtest.h>

using namespace statusscope::http;

namespace {

// Feeds in 64 KiB pieces, as a socket would deliver them.
ResponseParser feedAll(const QByteArray &input)
{
    ResponseParser parser;
    for (qsizetype pos = 0; pos < input.size(); pos += 65536) {
        const FeedResult r = parser.feed(QByteArrayView(input).sliced(pos, qMin<qsizetype>(65536, input.size() - pos)));
        parser.takeEvents();
        if (r.status != ParseStatus::NeedMore)
            break;
    }
    return parser;
}

TEST(ParserLimits, TooManyHeaderFields)
{
    QByteArray in = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i <= kMaxHeaderFields; ++i)
        in += "X-" + QByteArray::number(i) + ": v\r\n";
    in += "\r\n";
    const ResponseParser p = feedAll(in);
    EXPECT_EQ(p.status(), ParseStatus::Error);
    EXPECT_TRUE(p.errorMessage().contains(QStringLiteral("more than 1000 header fields"))) << p.errorMessage().toStdString();
}

TEST(ParserLimits, HeaderBlockOverLimitFailsAtTheExactByte)
{
    QByteArray in = "HTTP/1.1 200 OK\r\n";
    while (in.size() < kMaxHeaderBlockBytes + 100)
        in += "X-Filler: " + QByteArray(600, 'a') + "\r\n";
    const ResponseParser p = feedAll(in);
    EXPECT_EQ(p.status(), ParseStatus::Error);
    EXPECT_TRUE(p.errorMessage().contains(QStringLiteral("(byte %1)").arg(kMaxHeaderBlockBytes))) << p.errorMessage().toStdString();
}

TEST(ParserLimits, TenMegabyteHeaderLineIsRefusedEarly)
{
    ResponseParser parser;
    parser.feed("HTTP/1.1 200 OK\r\nX-Huge: ");
    const QByteArray piece(65536, 'x');
    qint64 fed = 0;
    while (fed < 10 * 1024 * 1024 && parser.status() == ParseStatus::NeedMore) {
        parser.feed(piece);
        fed += piece.size();
    }
    EXPECT_EQ(parser.status(), ParseStatus::Error);
    // It stopped long before 10 MB arrived: memory stayed bounded by the limit.
    EXPECT_LE(fed, kMaxHeaderBlockBytes + piece.size());
}

TEST(ParserLimits, InterimFlood)
{
    QByteArray in;
    for (int i = 0; i <= kMaxInterimResponses; ++i)
        in += "HTTP/1.1 102 Processing\r\n\r\n";
    in += "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    const ResponseParser p = feedAll(in);
    EXPECT_EQ(p.status(), ParseStatus::Error);
    EXPECT_TRUE(p.errorMessage().contains(QStringLiteral("more than 100 interim"))) << p.errorMessage().toStdString();
}

TEST(ParserLimits, ExactlyTheMaximumOfInterimsIsFine)
{
    QByteArray in;
    for (int i = 0; i < kMaxInterimResponses; ++i)
        in += "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n";
    in += "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    const ResponseParser p = feedAll(in);
    EXPECT_EQ(p.status(), ParseStatus::Complete);
    EXPECT_EQ(p.interimCount(), kMaxInterimResponses);
}

// A 10 MiB body comes out as it goes in: every 64 KiB fed is handed on as Body events before
// the next is fed, so the parser never holds more than one piece. A parser that kept the body
// until its end would hand on nothing for the first 159 pieces.
TEST(ParserLimits, LargeBodyIsStreamedNotBuffered)
{
    constexpr int kPieces = 160;
    constexpr qsizetype kPiece = 65536;
    ResponseParser parser;
    parser.feed("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(kPieces * kPiece) + "\r\n\r\n");
    parser.takeEvents();
    qint64 bodyBytes = 0;
    for (int i = 0; i < kPieces; ++i) {
        const QByteArray piece(kPiece, char('a' + i % 26));
        parser.feed(piece);
        qint64 handedOn = 0;
        for (const ParseEvent &e : parser.takeEvents()) {
            if (e.type != ParseEventType::Body)
                continue;
            // The bytes of this piece, not a copy of earlier ones.
            EXPECT_EQ(e.data.count(piece.at(0)), e.data.size()) << "piece " << i;
            handedOn += e.data.size();
        }
        ASSERT_EQ(handedOn, kPiece) << "piece " << i << " was held back";
        bodyBytes += handedOn;
        EXPECT_EQ(parser.status() == ParseStatus::Complete, i == kPieces - 1) << "piece " << i;
    }
    EXPECT_EQ(bodyBytes, kPieces * kPiece);
}

TEST(ParseEnums, PrintAndName)
{
    EXPECT_EQ(toString(ParseStatus::Upgraded), QStringLiteral("upgraded"));
    EXPECT_EQ(toString(BodyKind::UntilClose), QStringLiteral("until-close"));
    EXPECT_EQ(::testing::PrintToString(ParseEventType::HeadersComplete), "headers_complete");
}

} // namespace
