// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/response_parser.h"
#include "core/text/hex_digit.h"

#include <ostream>

namespace statusscope::http {

QString toString(ParseEventType type)
{
    switch (type) {
    case ParseEventType::Status: return QStringLiteral("status");
    case ParseEventType::Header: return QStringLiteral("header");
    case ParseEventType::HeadersComplete: return QStringLiteral("headers_complete");
    case ParseEventType::ChunkHeader: return QStringLiteral("chunk");
    case ParseEventType::Body: return QStringLiteral("body");
    case ParseEventType::Trailer: return QStringLiteral("trailer");
    case ParseEventType::MessageComplete: return QStringLiteral("message_complete");
    case ParseEventType::Finding: return QStringLiteral("finding");
    case ParseEventType::Error: return QStringLiteral("error");
    }
    return QStringLiteral("?");
}
void PrintTo(ParseEventType type, std::ostream *os) { *os << toString(type).toStdString(); }

QString toString(BodyKind kind)
{
    switch (kind) {
    case BodyKind::None: return QStringLiteral("none");
    case BodyKind::ContentLength: return QStringLiteral("length");
    case BodyKind::Chunked: return QStringLiteral("chunked");
    case BodyKind::UntilClose: return QStringLiteral("until-close");
    }
    return QStringLiteral("?");
}
void PrintTo(BodyKind kind, std::ostream *os) { *os << toString(kind).toStdString(); }

QString toString(ParseStatus status)
{
    switch (status) {
    case ParseStatus::NeedMore: return QStringLiteral("need-more");
    case ParseStatus::Complete: return QStringLiteral("complete");
    case ParseStatus::Upgraded: return QStringLiteral("upgraded");
    case ParseStatus::Error: return QStringLiteral("error");
    }
    return QStringLiteral("?");
}
void PrintTo(ParseStatus status, std::ostream *os) { *os << toString(status).toStdString(); }

namespace {

// RFC 9110 §5.6.2: tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

QString printable(QByteArrayView bytes)
{
    QString out;
    for (char c : bytes.first(qMin<qsizetype>(60, bytes.size()))) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '"' && c != '\\')
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > 60)
        out += QStringLiteral("…");
    return out;
}

// The comma-separated values of every field called `name`, trimmed, in order.
QList<QByteArray> fieldValues(const HeaderList &headers, const char *name)
{
    QList<QByteArray> values;
    for (const Header &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            for (const QByteArray &part : h.second.split(','))
                values.append(part.trimmed());
        }
    }
    return values;
}

} // namespace

ResponseParser::ResponseParser(ParserOptions options)
    : m_options(options)
{
}

QList<ParseEvent> ResponseParser::takeEvents()
{
    QList<ParseEvent> out;
    out.swap(m_events);
    return out;
}

void ResponseParser::emitEvent(ParseEvent event)
{
    m_events.append(std::move(event));
}

void ResponseParser::emitField(bool trailer, const QByteArray &name, const QByteArray &value)
{
    ParseEvent e;
    e.type = trailer ? ParseEventType::Trailer : ParseEventType::Header;
    e.offset = m_lineStart;
    e.name = name;
    e.value = value;
    emitEvent(std::move(e));
}

void ResponseParser::completeMessage()
{
    m_state = State::Done;
    m_status = ParseStatus::Complete;
    ParseEvent done;
    done.type = ParseEventType::MessageComplete;
    done.offset = m_offset;
    emitEvent(std::move(done));
}

void ResponseParser::fail(qint64 offset, const QString &message)
{
    flushFindings();
    m_state = State::Failed;
    m_status = ParseStatus::Error;
    m_errorMessage = QStringLiteral("%1 (byte %2)").arg(message).arg(offset);
    ParseEvent e;
    e.type = ParseEventType::Error;
    e.offset = offset;
    e.message = message;
    emitEvent(std::move(e));
}

void ResponseParser::finding(qint64 offset, const QString &message)
{
    ParseEvent e;
    e.type = ParseEventType::Finding;
    e.offset = offset;
    e.message = message;
    // A finding about a line follows the event of that line, so logs read in stream order.
    if (m_deferFindings)
        m_pendingFindings.append(std::move(e));
    else
        emitEvent(std::move(e));
}

void ResponseParser::flushFindings()
{
    m_deferFindings = false;
    for (ParseEvent &e : m_pendingFindings)
        emitEvent(std::move(e));
    m_pendingFindings.clear();
}

bool ResponseParser::takeLine(QByteArrayView data, qsizetype &pos, qint64 limit, const char *what)
{
    if (m_line.isEmpty())
        m_lineStart = m_offset;
    const qsizetype lf = data.indexOf('\n', pos);
    const qsizetype end = lf < 0 ? data.size() : lf + 1;
    const qint64 room = limit - m_blockBytes - m_line.size();
    if (end - pos > room) {
        // Fail at the exact byte that crosses the limit, so the offset does not depend on how
        // the input was split.
        fail(m_lineStart + m_line.size() + room,
             QStringLiteral("%1 exceeds the limit of %2 bytes").arg(QLatin1String(what)).arg(limit));
        return false;
    }
    m_line.append(data.sliced(pos, end - pos));
    m_offset += end - pos;
    pos = end;
    return lf >= 0;
}

bool ResponseParser::stripLineEnd()
{
    // RFC 9112 §2.2: lines end in CRLF; a recipient MAY accept a bare LF.
    if (m_line.endsWith("\r\n")) {
        m_line.chop(2);
    } else {
        if (!m_options.lenient) {
            fail(m_lineStart + m_line.size() - 1,
                 QStringLiteral("bare LF line ending (RFC 9112 §2.2 requires CRLF)"));
            return false;
        }
        finding(m_lineStart + m_line.size() - 1, QStringLiteral("bare LF line ending tolerated"));
        m_line.chop(1);
    }
    // RFC 9112 §2.2: a bare CR elsewhere is invalid.
    const qsizetype cr = m_line.indexOf('\r');
    if (cr >= 0) {
        fail(m_lineStart + cr, QStringLiteral("bare CR inside a line"));
        return false;
    }
    return true;
}

bool ResponseParser::handleStatusLine()
{
    // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]
    const QByteArray &l = m_line;
    if (l.size() < 12 || !l.startsWith("HTTP/") || l.at(6) != '.' || l.at(8) != ' ') {
        fail(m_lineStart, QStringLiteral("malformed status line \"%1\"").arg(printable(l)));
        return false;
    }
    const char major = l.at(5);
    const char minor = l.at(7);
    if (major != '1' || minor < '0' || minor > '9') {
        fail(m_lineStart + 5, QStringLiteral("unsupported HTTP version \"%1\"").arg(printable(l.left(8))));
        return false;
    }
    m_version = minor == '0' ? HttpVersion::Http10 : HttpVersion::Http11;
    if (minor > '1')
        finding(m_lineStart + 7, QStringLiteral("unknown HTTP/1.%1 treated as HTTP/1.1").arg(QLatin1Char(minor)));
    int code = 0;
    for (int i = 9; i < 12; ++i) {
        const char c = l.at(i);
        if (c < '0' || c > '9') {
            fail(m_lineStart + i, QStringLiteral("status code is not three digits"));
            return false;
        }
        code = code * 10 + (c - '0');
    }
    if (code < 100 || code > 599) {
        fail(m_lineStart + 9, QStringLiteral("status code %1 out of range 100-599").arg(code));
        return false;
    }
    QByteArray reason;
    if (l.size() == 12) {
        if (!m_options.lenient) {
            fail(m_lineStart + 12, QStringLiteral("missing SP after status code (RFC 9112 §4)"));
            return false;
        }
        finding(m_lineStart + 12, QStringLiteral("missing SP after status code tolerated"));
    } else if (l.at(12) != ' ') {
        fail(m_lineStart + 12, QStringLiteral("status code is not three digits"));
        return false;
    } else {
        reason = l.mid(13);
    }
    m_statusCode = code;
    ParseEvent e;
    e.type = ParseEventType::Status;
    e.offset = m_lineStart;
    e.status = code;
    e.version = m_version;
    e.name = reason;
    emitEvent(std::move(e));
    return true;
}

bool ResponseParser::handleHeaderLine(bool trailer)
{
    if (m_line.startsWith(' ') || m_line.startsWith('\t')) {
        // RFC 9112 §5.2: obs-fold; a user agent MAY replace it with SP.
        if (!m_options.lenient || m_headers.isEmpty()) {
            fail(m_lineStart, QStringLiteral("obsolete line folding (RFC 9112 §5.2)"));
            return false;
        }
        finding(m_lineStart, QStringLiteral("obs-fold line folding tolerated"));
        m_headers.last().second += ' ' + m_line.trimmed();
        // Re-announce the unfolded field so consumers see the full value.
        emitField(trailer, m_headers.last().first, m_headers.last().second);
        return true;
    }
    const qsizetype colon = m_line.indexOf(':');
    if (colon <= 0) {
        fail(m_lineStart, QStringLiteral("header line without a name and colon \"%1\"").arg(printable(m_line)));
        return false;
    }
    const QByteArray name = m_line.left(colon);
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!isTokenChar(name.at(i))) {
            // RFC 9112 §5.1: no whitespace between field name and colon.
            fail(m_lineStart + i, QStringLiteral("invalid character in header name \"%1\"").arg(printable(name)));
            return false;
        }
    }
    const QByteArray value = m_line.mid(colon + 1).trimmed();
    for (qsizetype i = 0; i < value.size(); ++i) {
        const auto u = static_cast<unsigned char>(value.at(i));
        if (u == 0) {
            fail(m_lineStart + colon + 1 + i, QStringLiteral("NUL in header value"));
            return false;
        }
    }
    if (++m_fieldCount > kMaxHeaderFields) {
        fail(m_lineStart, QStringLiteral("more than %1 header fields").arg(kMaxHeaderFields));
        return false;
    }
    m_headers.append({name, value});
    emitField(trailer, name, value);
    return true;
}

// RFC 9112 §6.3: how the body ends, in order of precedence. Sets m_remaining for a
// Content-Length body; nullopt when the framing is invalid (the parser has failed).
std::optional<BodyKind> ResponseParser::bodyFraming(qint64 at)
{
    const QList<QByteArray> lengths = fieldValues(m_headers, "content-length");
    if (m_options.headRequest || m_statusCode == 204 || m_statusCode == 304)
        return BodyKind::None;
    if (headerValue(m_headers, "transfer-encoding")) {
        const QList<QByteArray> codings = fieldValues(m_headers, "transfer-encoding");
        if (!lengths.isEmpty())
            finding(at, QStringLiteral("both Transfer-Encoding and Content-Length; Content-Length ignored (RFC 9112 §6.3)"));
        if (!codings.isEmpty() && codings.last().toLower() == "chunked")
            return BodyKind::Chunked;
        // RFC 9112 §6.3 item 4: for a response, read until the connection closes.
        finding(at, QStringLiteral("Transfer-Encoding without final chunked; body ends at close"));
        return BodyKind::UntilClose;
    }
    if (lengths.isEmpty())
        return BodyKind::UntilClose;
    const std::optional<qint64> length = contentLength(lengths, at);
    if (!length)
        return std::nullopt;
    m_remaining = *length;
    return BodyKind::ContentLength;
}

// One length from every Content-Length value: all digits, and all the same.
std::optional<qint64> ResponseParser::contentLength(const QList<QByteArray> &values, qint64 at)
{
    qint64 length = -1;
    for (const QByteArray &text : values) {
        bool ok = !text.isEmpty() && text.size() <= 18;
        for (char c : text)
            ok = ok && c >= '0' && c <= '9';
        if (!ok) {
            fail(at, QStringLiteral("invalid Content-Length \"%1\"").arg(printable(text)));
            return std::nullopt;
        }
        const qint64 v = text.toLongLong();
        if (length >= 0 && v != length) {
            fail(at, QStringLiteral("conflicting Content-Length values %1 and %2 (RFC 9112 §6.3)").arg(length).arg(v));
            return std::nullopt;
        }
        length = v;
    }
    if (values.size() > 1)
        finding(at, QStringLiteral("repeated identical Content-Length tolerated (RFC 9110 §8.6)"));
    return length;
}

void ResponseParser::headersComplete()
{
    const qint64 at = m_offset;
    ParseEvent e;
    e.type = ParseEventType::HeadersComplete;
    e.offset = at;
    e.status = m_statusCode;
    e.version = m_version;
    e.length = -1;

    const auto resetForNext = [this] {
        m_blockBytes = 0;
        m_fieldCount = 0;
        m_headers.clear();
    };

    // RFC 9110 §15.2: 1xx are interim; the final response follows. 101 switches protocols.
    if (m_statusCode < 200 && m_statusCode != 101) {
        emitEvent(std::move(e));
        resetForNext();
        if (++m_interimCount > kMaxInterimResponses) {
            fail(at, QStringLiteral("more than %1 interim (1xx) responses").arg(kMaxInterimResponses));
            return;
        }
        m_state = State::StatusLine;
        return;
    }
    if (m_statusCode == 101 || (m_options.connectRequest && m_statusCode / 100 == 2)) {
        emitEvent(std::move(e));
        m_state = State::Done;
        m_status = ParseStatus::Upgraded;
        return;
    }

    const std::optional<BodyKind> kind = bodyFraming(at);
    if (!kind)
        return;
    e.bodyKind = *kind;
    if (*kind == BodyKind::ContentLength)
        e.length = m_remaining;
    emitEvent(std::move(e));
    resetForNext();

    switch (*kind) {
    case BodyKind::None:
        m_state = State::Done;
        break;
    case BodyKind::ContentLength:
        m_state = m_remaining == 0 ? State::Done : State::BodyLength;
        break;
    case BodyKind::Chunked:
        m_state = State::ChunkSize;
        break;
    case BodyKind::UntilClose:
        m_state = State::UntilClose;
        break;
    }
    if (m_state == State::Done)
        completeMessage();
}

bool ResponseParser::handleChunkSize()
{
    // RFC 9112 §7.1: chunk-size [ chunk-ext ] CRLF; extensions are ignored (§7.1.1).
    qint64 size = 0;
    int digits = 0;
    qsizetype i = 0;
    for (; i < m_line.size(); ++i) {
        const int v = text::hexDigitValue(static_cast<unsigned char>(m_line.at(i)));
        if (v < 0)
            break;
        if (++digits > kMaxChunkSizeDigits) {
            fail(m_lineStart + i, QStringLiteral("chunk size has more than %1 hex digits").arg(kMaxChunkSizeDigits));
            return false;
        }
        size = size * 16 + v;
    }
    if (digits == 0) {
        fail(m_lineStart, QStringLiteral("invalid chunk size \"%1\"").arg(printable(m_line)));
        return false;
    }
    qsizetype j = i;
    while (j < m_line.size() && (m_line.at(j) == ' ' || m_line.at(j) == '\t'))
        ++j;
    if (j < m_line.size() && m_line.at(j) != ';') {
        fail(m_lineStart + i, QStringLiteral("invalid chunk size \"%1\"").arg(printable(m_line)));
        return false;
    }
    ParseEvent e;
    e.type = ParseEventType::ChunkHeader;
    e.offset = m_lineStart;
    e.length = size;
    emitEvent(std::move(e));
    if (size == 0) {
        m_state = State::Trailer;
        m_blockBytes = 0;
        m_fieldCount = 0;
    } else {
        m_remaining = size;
        m_state = State::ChunkData;
    }
    return true;
}

FeedResult ResponseParser::feedShared(const QByteArray &data)
{
    m_shared = &data;
    const FeedResult r = feed(QByteArrayView(data));
    m_shared = nullptr;
    return r;
}

FeedResult ResponseParser::feed(QByteArrayView data)
{
    qsizetype pos = 0;
    const auto emitBody = [this, &data, &pos](qsizetype n) {
        ParseEvent e;
        e.type = ParseEventType::Body;
        e.offset = m_offset;
        e.length = n;
        // A body span that is the whole input shares it instead of copying (large downloads).
        if (m_shared && pos == 0 && n == m_shared->size())
            e.data = *m_shared;
        else
            e.data = data.sliced(pos, n).toByteArray();
        emitEvent(std::move(e));
        pos += n;
        m_offset += n;
    };
    while (pos < data.size() && m_state != State::Done && m_state != State::Failed) {
        switch (m_state) {
        case State::StatusLine:
        case State::HeaderLine:
        case State::Trailer: {
            const bool trailer = m_state == State::Trailer;
            if (!takeLine(data, pos, kMaxHeaderBlockBytes, trailer ? "trailer block" : "header block"))
                break;
            m_blockBytes += m_line.size();
            m_deferFindings = true;
            if (!stripLineEnd())
                break;
            if (m_state == State::StatusLine) {
                if (handleStatusLine())
                    m_state = State::HeaderLine;
                flushFindings();
            } else if (m_line.isEmpty()) {
                flushFindings();
                if (trailer)
                    completeMessage();
                else
                    headersComplete();
            } else {
                handleHeaderLine(trailer);
                flushFindings();
            }
            m_line.clear();
            break;
        }
        case State::ChunkSize:
            if (!takeLine(data, pos, kMaxChunkLineBytes, "chunk-size line"))
                break;
            if (stripLineEnd())
                handleChunkSize();
            m_line.clear();
            break;
        case State::BodyLength:
        case State::ChunkData: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, data.size() - pos));
            emitBody(n);
            m_remaining -= n;
            if (m_remaining == 0) {
                if (m_state == State::ChunkData)
                    m_state = State::ChunkDataEnd;
                else
                    completeMessage();
            }
            break;
        }
        case State::ChunkDataEnd: {
            // RFC 9112 §7.1: chunk-data is followed by exactly CRLF (a bare LF when lenient).
            const char c = data.at(pos);
            if (c == '\r' && m_line.isEmpty()) {
                m_lineStart = m_offset;
                m_line += c;
            } else if (c == '\n') {
                if (m_line.isEmpty()) {
                    if (!m_options.lenient) {
                        fail(m_offset, QStringLiteral("bare LF after chunk data (RFC 9112 §2.2 requires CRLF)"));
                        break;
                    }
                    finding(m_offset, QStringLiteral("bare LF line ending tolerated"));
                }
                m_line.clear();
                m_state = State::ChunkSize;
            } else {
                fail(m_offset, QStringLiteral("chunk data not followed by CRLF"));
                break;
            }
            ++pos;
            ++m_offset;
            break;
        }
        case State::UntilClose:
            emitBody(data.size() - pos);
            break;
        case State::Done:
        case State::Failed:
            break;
        }
    }
    return {m_status, pos};
}

FeedResult ResponseParser::finish()
{
    switch (m_state) {
    case State::UntilClose: {
        completeMessage();
        break;
    }
    case State::Done:
    case State::Failed:
        break;
    case State::StatusLine:
        if (m_offset == 0 && m_line.isEmpty())
            fail(m_offset, QStringLiteral("connection closed before any response"));
        else
            fail(m_offset, QStringLiteral("connection closed inside a status line"));
        break;
    case State::HeaderLine:
        fail(m_offset, QStringLiteral("connection closed inside the header block"));
        break;
    case State::BodyLength:
        fail(m_offset, QStringLiteral("connection closed with %1 body bytes still expected").arg(m_remaining));
        break;
    case State::ChunkSize:
    case State::ChunkData:
    case State::ChunkDataEnd:
        fail(m_offset, QStringLiteral("connection closed before the last chunk"));
        break;
    case State::Trailer:
        fail(m_offset, QStringLiteral("connection closed inside the trailer block"));
        break;
    }
    return {m_status, 0};
}

QString formatEventLog(const QList<ParseEvent> &events)
{
    QString out;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const ParseEvent &e = events.at(i);
        QString line = QStringLiteral("off=%1 %2").arg(e.offset).arg(toString(e.type));
        switch (e.type) {
        case ParseEventType::Status:
            line += QStringLiteral(" %1 %2 \"%3\"").arg(toString(e.version)).arg(e.status).arg(printable(e.name));
            break;
        case ParseEventType::Header:
        case ParseEventType::Trailer:
            line += QStringLiteral(" \"%1\" \"%2\"").arg(printable(e.name), printable(e.value));
            break;
        case ParseEventType::HeadersComplete:
            line += QStringLiteral(" status=%1").arg(e.status);
            if (e.status >= 200 || e.status == 101)
                line += QStringLiteral(" body=%1").arg(toString(e.bodyKind));
            if (e.length >= 0)
                line += QStringLiteral(" length=%1").arg(e.length);
            break;
        case ParseEventType::ChunkHeader:
            line += QStringLiteral(" size=%1").arg(e.length);
            break;
        case ParseEventType::Body: {
            qint64 total = e.length;
            while (i + 1 < events.size() && events.at(i + 1).type == ParseEventType::Body)
                total += events.at(++i).length;
            line += QStringLiteral(" len=%1").arg(total);
            break;
        }
        case ParseEventType::Finding:
        case ParseEventType::Error:
            line += QStringLiteral(" \"%1\"").arg(e.message);
            break;
        case ParseEventType::MessageComplete:
            break;
        }
        out += line + QLatin1Char('\n');
    }
    return out;
}

} // namespace statusscope::http
