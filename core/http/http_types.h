#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The plain value types of the wire-level HTTP/1.1 client: what to send (RequestSpec) and what
// happened (Exchange → Attempt → Event / InterimResponse / Response / Timings / Error).
// They hold no sockets and no Qt objects, so the GUI, the CLI, HAR export and the diagnosis
// rules can copy and inspect them freely. Times are absolute nanoseconds on the engine's
// monotonic clock (see clock.h); offsets and durations are derived, never stored twice.

#include "core/http/form_data.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QtGlobal>

#include <iosfwd>
#include <optional>

namespace statusscope::http {

// One header as on the wire: name and value, order and duplicates preserved.
using Header = QPair<QByteArray, QByteArray>;
using HeaderList = QList<Header>;

// First value of a header, case-insensitive name match (RFC 9110 §5.1), or an empty optional.
std::optional<QByteArray> headerValue(const HeaderList &headers, QByteArrayView name);
bool hasHeader(const HeaderList &headers, QByteArrayView name);
// Every Expect field value joined with ", " (empty when there is none).
QByteArray expectValues(const HeaderList &headers);
// True if the request has Expect and every expectation in it is 100-continue (RFC 9110
// §10.1.1: the only one a client may drop and retry without after a 417).
bool expectsOnlyContinue(const HeaderList &headers);

enum class HttpVersion {
    Http10,
    Http11,
};
QString toString(HttpVersion version);
void PrintTo(HttpVersion version, std::ostream *os);

// When to send `Expect: 100-continue` (RFC 9110 §10.1.1).
enum class ExpectMode {
    Auto,   // bodies of kExpectAutoThresholdBytes or more, or of unknown length (curl ≥ 7.69)
    Always, // every request that has content (never without content: RFC 9110 §10.1.1)
    Never,
};
QString toString(ExpectMode mode);
void PrintTo(ExpectMode mode, std::ostream *os);
std::optional<ExpectMode> expectModeFromString(QStringView text);

// curl's rule: a body of 1 MiB or more is worth a round trip to ask first.
inline constexpr qint64 kExpectAutoThresholdBytes = 1024 * 1024;

// The request to send. Plain data: build it in the composer, the CLI or a test.
struct RequestSpec
{
    QByteArray method = "GET";
    QUrl url;
    // Headers the user added, in order. The engine adds defaults (Host, User-Agent, Accept,
    // Content-Length, Expect) before them unless a header of the same name is present here.
    HeaderList headers;
    // Default headers to leave out (curl's `-H 'Name:'`), lower-case names.
    QList<QByteArray> removedHeaders;

    // The body: from memory, streamed from a file (never loaded whole), or a multipart form
    // streamed part by part (body_source.h). One of the three.
    QByteArray body;
    QString bodyFile;
    QList<FormPart> form;
    QByteArray formBoundary; // set with the form (setForm): a fresh one per request
    bool hasBody() const { return !body.isEmpty() || !bodyFile.isEmpty() || !form.isEmpty(); }
    // The form as the body, with a new boundary; buildRequest adds its Content-Type.
    void setForm(QList<FormPart> parts);

    HttpVersion version = HttpVersion::Http11;
    ExpectMode expectMode = ExpectMode::Auto;
    int expect100TimeoutMs = 1000; // wait this long for 100; then send the body anyway
    bool retryOn417 = true;        // resend once without Expect after 417 (RFC 9110 §15.5.18)
    // A reused connection closed by the server before any response byte: repeat the request
    // once on a new connection (RFC 9112 §9.3.1). Off for probes that must see the close.
    bool reconnectStale = true;
    // Leave a connection that could be reused open after the exchange, for the next start()
    // on the same engine (a probe's follow-up request on the same connection), even after a
    // final status that came before the body. Off: the engine closes every connection when
    // the exchange ends.
    bool keepConnection = false;

    bool followRedirects = false;
    int maxRedirects = 50; // curl's default
    // A redirect from https to http is always recorded: Attempt::httpsDowngrade and a finding.
    // With this set the exchange stops before following it, so a caller can ask the user.
    bool stopOnHttpsDowngrade = false;

    bool verifyTls = true;
    QString caFile; // PEM file of extra trusted CAs

    int connectTimeoutMs = 0; // 0: none; covers DNS, TCP connect and the TLS handshake
    int totalTimeoutMs = 0;   // 0: none; the whole exchange

    QUrl proxy; // http://host:port; absolute-form for http, CONNECT tunnel for https

    QString basicUser; // -u USER:PASSWORD → Authorization: Basic
    QString basicPassword;

    // Download: where the final body goes. Empty: memory up to kBodyMemoryCapBytes, then a
    // temporary file.
    QString outputFile;

    // Parser leniency: off by default (strict). On: bare LF, obs-fold and a missing SP after the
    // status code are accepted, each recorded as a finding.
    bool lenientParsing = false;
};

// The detail of a Finding event on a redirect from https to http starts with this.
inline constexpr char kHttpsDowngradeFinding[] = "insecure-redirect";

// A redirect from https to plain http: leaving TLS is never silent, so the engine records it
// on the attempt that got the redirect, and callers ask or warn from this field.
struct HttpsDowngrade
{
    int status = 0; // the redirect's status
    QUrl from;
    QUrl to;        // the Location, resolved against `from`
};
// "insecure-redirect 302: redirect downgrades https to http: https://a/ → http://a/"
QString describe(const HttpsDowngrade &downgrade);

enum class EventType {
    DnsStart,
    DnsDone,
    ConnectStart,
    ConnectDone,
    TlsStart,
    TlsDone,
    RequestHeadersSent,
    ExpectWaitStart,
    InterimResponse,
    ExpectTimeout,
    BodySendStart,
    BodySent,
    ResponseHeaders,
    ResponseBodyDone,
    ConnectionClosed,
    Error,
    Finding, // a tolerated protocol violation or a notable server behaviour
};
QString toString(EventType type); // the DESIGN.md spelling: "dns_start", …
void PrintTo(EventType type, std::ostream *os);

struct Event
{
    EventType type = EventType::Error;
    qint64 tNs = 0;  // absolute, engine clock
    QString detail;  // human-readable: address, status, message, byte count
    int status = 0;  // InterimResponse / ResponseHeaders
    qint64 bytes = -1; // BodySent / ResponseBodyDone, -1 when not applicable
};

enum class ErrorKind {
    None,
    Dns,
    Connect,
    Tls,
    Timeout,
    Protocol,
    Io, // local file or socket write problems
    Proxy, // the proxy refused or failed the tunnel: the origin never saw the request
    Cancelled,
};
QString toString(ErrorKind kind); // "dns", "connect", …
void PrintTo(ErrorKind kind, std::ostream *os);

// A transport failure. An HTTP status is never an error: a 500 is a successful exchange.
struct Error
{
    ErrorKind kind = ErrorKind::None;
    QString message;
    bool isError() const { return kind != ErrorKind::None; }
};
void PrintTo(const Error &error, std::ostream *os);

struct InterimResponse
{
    int status = 0;
    QByteArray reason;
    HeaderList headers;
    qint64 tNs = 0; // when its header block was complete
};

struct Response
{
    int status = 0;
    QByteArray reason;
    HttpVersion version = HttpVersion::Http11;
    HeaderList headers;
    HeaderList trailers;
    qint64 firstByteNs = 0; // first byte of the status line
    qint64 tNs = 0;         // header block complete
    qint64 bodyBytes = 0;   // as received (after de-chunking, before content decoding)
    QByteArray body;        // when it fit in memory
    QString bodyFile;       // otherwise: the file holding it (the -o file or a temp file)
    QByteArray decodedBody; // gzip/deflate content decoded, when the body is in memory
    bool bodyComplete = false;
};

struct TlsInfo
{
    QString version;
    QString cipher;
    QString peerSubject;
    QString peerIssuer;
    QDateTime peerExpiry;
    bool verified = false;
    QStringList verificationErrors;
};

struct ConnectionInfo
{
    QString remote; // "address:port" of the peer that accepted the TCP connection
    bool reused = false;
    bool viaProxy = false;
    std::optional<TlsInfo> tls;
};

enum class AttemptReason {
    Initial,
    RetryWithoutExpect,
    Redirect,
};
QString toString(AttemptReason reason); // "initial", "retry-without-expect", "redirect"
void PrintTo(AttemptReason reason, std::ostream *os);

// The request exactly as put on the wire.
struct SentRequest
{
    QByteArray method;
    QByteArray target;
    HttpVersion version = HttpVersion::Http11;
    HeaderList headers;
    qint64 bodyBytes = 0;     // -1: unknown length
    qint64 bodySentBytes = 0;
    bool expectSent = false; // the request carried Expect: 100-continue
};

// Durations in milliseconds; empty when the phase did not happen (never a made-up 0).
struct Timings
{
    std::optional<double> dns;
    std::optional<double> connect;
    std::optional<double> tls;
    std::optional<double> sendHeaders;
    std::optional<double> wait100;
    std::optional<double> upload;
    std::optional<double> ttfb;
    std::optional<double> download;
    std::optional<double> total;
};

// One request/response round: the initial one, a retry without Expect, or a redirect hop.
struct Attempt
{
    AttemptReason reason = AttemptReason::Initial;
    QUrl url;
    SentRequest request;
    ConnectionInfo connection;
    QList<Event> events;
    QList<InterimResponse> interim;
    std::optional<Response> response;
    Error error;
    std::optional<HttpsDowngrade> httpsDowngrade; // the response redirects from https to http
    // When the attempt began: the first one with the exchange, so its total counts everything
    // before the first event too (setting up the socket). Empty in files older than the field.
    std::optional<qint64> beganNs;
    bool bodySent() const { return request.bodySentBytes > 0; }
    qint64 startNs() const { return beganNs ? *beganNs : events.isEmpty() ? 0 : events.first().tNs; }
    qint64 endNs() const { return events.isEmpty() ? 0 : events.last().tNs; }
};

struct Exchange
{
    QUrl url;
    QDateTime startedAt; // wall clock, UTC, for display only
    qint64 startNs = 0;  // the engine clock at the start: all offsets are from here
    QList<Attempt> attempts;
    // TLS certificate verification was switched off (-k / "Insecure"): saved with the exchange
    // and shown with it, so an answer obtained that way is never mistaken for a verified one.
    bool insecure = false;

    // The final response's status, or empty when no attempt got one.
    std::optional<int> finalStatus() const;
    // The error of the last attempt (transport failure of the exchange as a whole).
    Error error() const;
    double msFromStart(qint64 tNs) const { return double(tNs - startNs) / 1e6; }
};

// Phase durations of one attempt, derived from its events (see timings.cpp for the rules).
Timings deriveTimings(const Attempt &attempt);

} // namespace statusscope::http
