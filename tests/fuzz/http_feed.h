// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the HTTP fuzz targets: feeds a response parser in fuzz-chosen pieces and checks the
// invariants that hold for any input and any split.

#include "core/http/response_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <QList>

#include <algorithm>

namespace statusscope::fuzz {

struct FeedRun
{
    QString log; // formatEventLog + final status + leftover
    QList<http::ParseEvent> events;
    http::ParseStatus status = http::ParseStatus::NeedMore;
    qsizetype consumed = 0;
};

// Feeds `input` cut at `cuts` (ascending offsets), then finish() when `eof`; checks the
// per-feed invariants on the way.
inline FeedRun feedPieces(const QByteArray &input, const QList<qsizetype> &cuts,
                          http::ParserOptions options, bool eof, bool shared)
{
    using namespace statusscope::http;
    ResponseParser parser(options);
    FeedRun run;
    QList<qsizetype> ends = cuts;
    ends.append(input.size());
    qsizetype pos = 0;
    FeedResult result;
    for (qsizetype end : ends) {
        end = std::min(end, input.size()); // cuts are fuzz bytes: they may point past the input
        if (end <= pos)
            continue;
        const qsizetype piece = end - pos;
        result = shared ? parser.feedShared(input.mid(pos, piece))
                        : parser.feed(QByteArrayView(input).sliced(pos, piece));
        FUZZ_CHECK(result.consumed >= 0 && result.consumed <= piece,
                   QStringLiteral("consumed %1 of a %2-byte piece").arg(result.consumed).arg(piece));
        run.events += parser.takeEvents();
        pos += result.consumed;
        FUZZ_CHECK(parser.offset() == pos,
                   QStringLiteral("offset %1 != consumed total %2").arg(parser.offset()).arg(pos));
        if (result.status != ParseStatus::NeedMore)
            break;
        FUZZ_CHECK(result.consumed == piece, QStringLiteral("NeedMore must consume everything"));
    }
    if (eof && result.status == ParseStatus::NeedMore) {
        result = parser.finish();
        run.events += parser.takeEvents();
    }
    FUZZ_CHECK(result.status == parser.status(), QStringLiteral("feed status != parser status"));
    if (parser.status() == ParseStatus::Error)
        FUZZ_CHECK(!parser.errorMessage().isEmpty(), QStringLiteral("error without a message"));
    run.status = parser.status();
    run.consumed = pos;

    // Events come in stream order, bodies are the input's own bytes at their offsets, and an
    // Error event is the last event when the parser failed.
    qint64 lastOffset = 0;
    for (qsizetype i = 0; i < run.events.size(); ++i) {
        const ParseEvent &e = run.events.at(i);
        // Findings and errors point back at the element they concern (a line's start), so
        // only the structural events are in strict stream order.
        const bool note = e.type == ParseEventType::Finding || e.type == ParseEventType::Error;
        FUZZ_CHECK(e.offset >= 0 && e.offset <= pos + 1 && (note || e.offset >= lastOffset),
                   QStringLiteral("event %1 offset %2 after %3 (consumed %4)\n%5")
                       .arg(i).arg(e.offset).arg(lastOffset).arg(pos)
                       .arg(formatEventLog(run.events)));
        if (!note)
            lastOffset = e.offset;
        if (e.type == ParseEventType::Body) {
            FUZZ_CHECK(e.length == e.data.size() && e.length > 0,
                       QStringLiteral("body length %1, data %2").arg(e.length).arg(e.data.size()));
            FUZZ_CHECK(e.offset + e.length <= pos,
                       QStringLiteral("body past the consumed bytes"));
            FUZZ_CHECK(QByteArrayView(input).sliced(e.offset, e.length) == QByteArrayView(e.data),
                       QStringLiteral("body bytes differ from the input at %1").arg(e.offset));
        }
        if (e.type == ParseEventType::Error)
            FUZZ_CHECK(i == run.events.size() - 1 && run.status == ParseStatus::Error,
                       QStringLiteral("an Error event that is not the last one"));
    }
    run.log = formatEventLog(run.events)
              + QStringLiteral("status=%1 leftover=%2")
                    .arg(toString(run.status))
                    .arg(input.size() - pos);
    return run;
}

// Piece lengths from fuzz bytes: up to `count` cuts, each 1..256 bytes after the previous one.
inline QList<qsizetype> cutsFrom(const unsigned char *&data, std::size_t &size, int count)
{
    QList<qsizetype> cuts;
    qsizetype at = 0;
    for (int i = 0; i < count; ++i) {
        at += 1 + takeByte(data, size);
        cuts.append(at);
    }
    return cuts;
}

} // namespace statusscope::fuzz
