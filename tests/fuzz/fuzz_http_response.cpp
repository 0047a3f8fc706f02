// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the incremental HTTP/1.x response parser (core/http/response_parser.h), fed the
// same bytes whole, in fuzz-chosen pieces, one byte at a time (short inputs) and through
// feedShared(), for a GET and for a HEAD request.
//
// Input: byte 0 = options (bit 0 lenient, bit 1 connect, bit 2 the peer closes at the end),
// byte 1 = number of cuts (0..15), then one byte per cut (piece length - 1), then the response.
// Invariants: consumed never exceeds a piece and NeedMore consumes all of it; the event log and
// final status are the same for every split; body events carry the input's own bytes at their
// offsets; a HEAD response has no body events; an error has a message and is the last event.
#include "tests/fuzz/http_feed.h"

using namespace statusscope;
using namespace statusscope::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const unsigned char flags = fuzz::takeByte(data, size);
    const int cutCount = fuzz::takeByte(data, size) % 16;
    const QList<qsizetype> cuts = fuzz::cutsFrom(data, size, cutCount);
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const bool eof = flags & 4;

    for (bool head : {false, true}) {
        ParserOptions options;
        options.lenient = flags & 1;
        options.connectRequest = flags & 2;
        options.headRequest = head;

        const fuzz::FeedRun whole = fuzz::feedPieces(input, {}, options, eof, false);
        const fuzz::FeedRun split = fuzz::feedPieces(input, cuts, options, eof, false);
        FUZZ_CHECK(split.log == whole.log,
                   QStringLiteral("split log differs:\n%1\n--- whole:\n%2").arg(split.log, whole.log));
        const fuzz::FeedRun shared = fuzz::feedPieces(input, cuts, options, eof, true);
        FUZZ_CHECK(shared.log == whole.log, QStringLiteral("feedShared log differs"));
        if (input.size() <= 512) {
            QList<qsizetype> bytewise;
            for (qsizetype i = 1; i < input.size(); ++i)
                bytewise.append(i);
            const fuzz::FeedRun bytes = fuzz::feedPieces(input, bytewise, options, eof, false);
            FUZZ_CHECK(bytes.log == whole.log, QStringLiteral("byte-at-a-time log differs"));
        }
        if (head) {
            for (const ParseEvent &e : whole.events)
                FUZZ_CHECK(e.type != ParseEventType::Body && e.type != ParseEventType::ChunkHeader,
                           QStringLiteral("a body in the response to HEAD"));
        }
    }
    return 0;
}
