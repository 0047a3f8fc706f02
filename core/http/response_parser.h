#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Incremental HTTP/1.x response parser (RFC 9112): feed it bytes as they arrive, in pieces of
// any size, and it emits the same events with the same stream offsets whatever the split
// (tests/unit/http replays every golden fixture at every split point, as llhttp does).
// It never buffers more than one line (bounded by kMaxHeaderBlockBytes) and never a body.
//
// Strict by default. With `lenient`, bare LF line ends, obs-fold and a status line without
// the SP before an empty reason are accepted and each is reported as a Finding event.
// Some things are tolerated even when strict, always with a Finding: identical duplicate
// Content-Length values (RFC 9110 §8.6), Transfer-Encoding together with Content-Length
// (RFC 9112 §6.3: Transfer-Encoding wins), an unknown HTTP/1.x minor version.

#include "core/http/http_types.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace statusscope::http {

// Limits, each with its reason. Beyond them the parser stops with an error instead of growing.
// A whole header block (status line + fields); generous next to nginx (8 KiB buffers) and
// Apache (8 KiB per line, 100 fields), small enough that a hostile server cannot exhaust memory.
inline constexpr qint64 kMaxHeaderBlockBytes = 256 * 1024;
// Header fields per block: far above real responses (tens), below what makes lookups slow.
inline constexpr int kMaxHeaderFields = 1000;
// 1xx responses before the final one: real servers send one or two; more is a flood.
inline constexpr int kMaxInterimResponses = 100;
// A chunk-size line with its extensions: sizes are ≤ 16 hex digits, extensions are rare.
inline constexpr qint64 kMaxChunkLineBytes = 4096;
// Hex digits of a chunk size: 15 keep the value below 2^60, so it cannot overflow qint64.
inline constexpr int kMaxChunkSizeDigits = 15;

enum class ParseEventType {
    Status,          // a status line: version, status, reason
    Header,          // one field of the header block
    HeadersComplete, // end of a header block: status; for a final response, how the body ends
    ChunkHeader,     // a chunk-size line: length
    Body,            // body bytes (data, length)
    Trailer,         // one trailer field after the last chunk
    MessageComplete, // the final response is complete
    Finding,         // a tolerated violation or notable fact (message)
    Error,           // the parser stopped (message)
};
QString toString(ParseEventType type);
void PrintTo(ParseEventType type, std::ostream *os);

enum class BodyKind {
    None,           // HEAD, 1xx, 204, 304, or an upgrade
    ContentLength,
    Chunked,
    UntilClose,     // close-delimited (RFC 9112 §6.3 item 8)
};
QString toString(BodyKind kind);
void PrintTo(BodyKind kind, std::ostream *os);

struct ParseEvent
{
    ParseEventType type = ParseEventType::Error;
    qint64 offset = 0; // stream offset where the element starts (see parser for each type)
    int status = 0;
    HttpVersion version = HttpVersion::Http11;
    QByteArray name;   // Header/Trailer name; Status reason
    QByteArray value;  // Header/Trailer value
    qint64 length = 0; // Body/ChunkHeader byte count; HeadersComplete: content length or -1
    BodyKind bodyKind = BodyKind::None;
    QByteArray data;   // Body bytes
    QString message;   // Finding/Error
};

enum class ParseStatus {
    NeedMore, // all input consumed, the final response is not complete yet
    Complete, // the final response is complete; bytes after `consumed` belong to what follows
    Upgraded, // 101 or a 2xx to CONNECT: the header block ended, the bytes after are not HTTP
    Error,
};
QString toString(ParseStatus status);
void PrintTo(ParseStatus status, std::ostream *os);

struct FeedResult
{
    ParseStatus status = ParseStatus::NeedMore;
    qsizetype consumed = 0;
};

struct ParserOptions
{
    bool lenient = false;
    bool headRequest = false;    // the request was HEAD: no body whatever the headers say
    bool connectRequest = false; // the request was CONNECT: a 2xx ends at its header block
};

class ResponseParser
{
public:
    explicit ResponseParser(ParserOptions options = {});

    FeedResult feed(QByteArrayView data);
    // As feed(); body events share `data` instead of copying it when a piece is all body.
    FeedResult feedShared(const QByteArray &data);
    // The peer closed the connection: completes a close-delimited body, else an error.
    FeedResult finish();
    // Events since the last call, in order.
    QList<ParseEvent> takeEvents();

    ParseStatus status() const { return m_status; }
    qint64 offset() const { return m_offset; }
    // Bytes of the current final response seen so far (0: nothing of it yet).
    bool startedResponse() const { return m_offset > 0; }
    int interimCount() const { return m_interimCount; }
    // In a close-delimited body: only the peer's close (a FIN, not a reset) can end it.
    bool readingUntilClose() const { return m_state == State::UntilClose; }
    QString errorMessage() const { return m_errorMessage; }

private:
    enum class State {
        StatusLine,  // waiting for "HTTP/1.1 200 OK" CRLF → HeaderLine
        HeaderLine,  // a field line, or the empty line → body state / StatusLine after a 1xx
        BodyLength,  // m_remaining bytes of a Content-Length body → Done
        ChunkSize,   // a chunk-size line → ChunkData, or Trailer after the last chunk
        ChunkData,   // m_remaining bytes of chunk data → ChunkDataEnd
        ChunkDataEnd, // the CRLF after chunk data → ChunkSize
        Trailer,     // a trailer field line, or the empty line → Done
        UntilClose,  // everything up to EOF is body
        Done,
        Failed,
    };

    // Takes bytes up to and including LF into m_line; false while the line is incomplete.
    // On overflow of `limit` (counting m_blockBytes) it fails at the exact offending byte.
    bool takeLine(QByteArrayView data, qsizetype &pos, qint64 limit, const char *what);
    // Strips CRLF (or, lenient, a bare LF) from m_line; false (and failed) when not allowed.
    bool stripLineEnd();
    void fail(qint64 offset, const QString &message);
    void finding(qint64 offset, const QString &message);
    void flushFindings();
    void emitEvent(ParseEvent event);
    // A Header or Trailer event for one field line.
    void emitField(bool trailer, const QByteArray &name, const QByteArray &value);
    // The message ended at m_offset: state Done, status Complete, a MessageComplete event.
    void completeMessage();

    bool handleStatusLine();
    bool handleHeaderLine(bool trailer);
    void headersComplete();
    std::optional<BodyKind> bodyFraming(qint64 at);
    std::optional<qint64> contentLength(const QList<QByteArray> &values, qint64 at);
    bool handleChunkSize();

    ParserOptions m_options;
    State m_state = State::StatusLine;
    ParseStatus m_status = ParseStatus::NeedMore;
    qint64 m_offset = 0;    // stream bytes consumed so far
    qint64 m_lineStart = 0; // stream offset of m_line's first byte
    QByteArray m_line;
    qint64 m_blockBytes = 0; // bytes of the current header/trailer block
    int m_fieldCount = 0;
    int m_interimCount = 0;
    int m_statusCode = 0;
    HttpVersion m_version = HttpVersion::Http11;
    HeaderList m_headers; // of the current block, for the body-length decision
    qint64 m_remaining = 0;
    QString m_errorMessage;
    QList<ParseEvent> m_events;
    const QByteArray *m_shared = nullptr; // the input of feedShared(), if any
    bool m_deferFindings = false;
    QList<ParseEvent> m_pendingFindings;
};

// The golden-test log of events: one line per event, consecutive Body events merged.
QString formatEventLog(const QList<ParseEvent> &events);

} // namespace statusscope::http
