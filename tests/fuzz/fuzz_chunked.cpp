// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the chunked transfer coding inside the response parser (RFC 9112 §7.1). The fuzz
// bytes follow a fixed "Transfer-Encoding: chunked" header block, so every run exercises the
// chunk-size lines, extensions, chunk data, the CRLF after it and the trailer section.
//
// Input: byte 0 = options (bit 0 lenient, bit 1 the peer closes at the end), byte 1 = number
// of cuts (0..15), one byte per cut, then the chunked body.
// Invariants (besides those of http_feed.h): the same log for every split; each chunk's data is
// at most its announced size and starts right after the chunk-size line's LF; the decoded
// length of a complete message is the sum of the chunk sizes; a complete message ends with the
// zero-size chunk.
#include "tests/fuzz/http_feed.h"

using namespace statusscope;
using namespace statusscope::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QByteArray head = QByteArrayLiteral(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
    const unsigned char flags = fuzz::takeByte(data, size);
    const int cutCount = fuzz::takeByte(data, size) % 16;
    QList<qsizetype> cuts = fuzz::cutsFrom(data, size, cutCount);
    for (qsizetype &cut : cuts)
        cut += head.size();
    const QByteArray input = head + QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    ParserOptions options;
    options.lenient = flags & 1;
    const bool eof = flags & 2;

    const fuzz::FeedRun whole = fuzz::feedPieces(input, {}, options, eof, false);
    const fuzz::FeedRun split = fuzz::feedPieces(input, cuts, options, eof, false);
    FUZZ_CHECK(split.log == whole.log,
               QStringLiteral("split log differs:\n%1\n--- whole:\n%2").arg(split.log, whole.log));

    qint64 announced = 0; // sum of chunk sizes
    qint64 decoded = 0;   // sum of body bytes
    qint64 inChunk = 0;   // body bytes of the current chunk
    qint64 chunkSize = -1;
    bool lastChunk = false;
    for (const ParseEvent &e : whole.events) {
        if (e.type == ParseEventType::ChunkHeader) {
            FUZZ_CHECK(e.length >= 0, QStringLiteral("negative chunk size"));
            FUZZ_CHECK(chunkSize < 0 || inChunk == chunkSize,
                       QStringLiteral("a chunk ended after %1 of %2 bytes").arg(inChunk).arg(chunkSize));
            FUZZ_CHECK(!lastChunk, QStringLiteral("a chunk after the last chunk"));
            chunkSize = e.length;
            inChunk = 0;
            announced += e.length;
            lastChunk = e.length == 0;
        } else if (e.type == ParseEventType::Body) {
            FUZZ_CHECK(chunkSize >= 0, QStringLiteral("body before any chunk-size line"));
            if (inChunk == 0)
                FUZZ_CHECK(input.at(e.offset - 1) == '\n',
                           QStringLiteral("chunk data does not follow the size line's LF"));
            inChunk += e.length;
            decoded += e.length;
            FUZZ_CHECK(inChunk <= chunkSize,
                       QStringLiteral("%1 bytes in a %2-byte chunk").arg(inChunk).arg(chunkSize));
        }
    }
    if (whole.status == ParseStatus::Complete) {
        FUZZ_CHECK(lastChunk, QStringLiteral("complete without the last chunk"));
        FUZZ_CHECK(decoded == announced,
                   QStringLiteral("decoded %1 bytes of %2 announced").arg(decoded).arg(announced));
    }
    return 0;
}
