// SPDX-License-Identifier: GPL-3.0-or-later
// Content-Encoding decoding with zlib: gzip, zlib-wrapped and raw deflate, limits, corruption.
#include "core/http/content_decoding.h"

#include <zlib.h>

#include <gtest/gtest.h>

using namespace statusscope::http;

namespace {

QByteArray compress(const QByteArray &in, int windowBits)
{
    z_stream zs{};
    deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(in.size()))) + 32, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

const QByteArray kText = QByteArray("status scope ").repeated(1000);

TEST(ContentDecoding, GzipZlibAndRawDeflate)
{
    const DecodeResult gz = decodeContent("gzip", compress(kText, 16 + MAX_WBITS), 1 << 20);
    ASSERT_TRUE(gz.ok) << gz.error.toStdString();
    EXPECT_EQ(gz.data, kText);
    EXPECT_EQ(decodeContent(" Deflate ", compress(kText, MAX_WBITS), 1 << 20).data, kText);
    EXPECT_EQ(decodeContent("deflate", compress(kText, -MAX_WBITS), 1 << 20).data, kText) << "raw deflate, as some servers send";
}

TEST(ContentDecoding, LimitsCorruptionAndUnknownCodings)
{
    const DecodeResult big = decodeContent("gzip", compress(kText, 16 + MAX_WBITS), 100);
    EXPECT_FALSE(big.ok);
    EXPECT_TRUE(big.error.contains(QStringLiteral("exceeds"))) << big.error.toStdString();
    QByteArray truncated = compress(kText, 16 + MAX_WBITS);
    truncated.chop(20);
    const DecodeResult cut = decodeContent("gzip", truncated, 1 << 20);
    EXPECT_FALSE(cut.ok);
    EXPECT_FALSE(cut.error.isEmpty());
    const DecodeResult br = decodeContent("br", "whatever", 1 << 20);
    EXPECT_FALSE(br.ok);
    EXPECT_TRUE(br.error.isEmpty()) << "not ours to decode is not an error";
}

} // namespace
