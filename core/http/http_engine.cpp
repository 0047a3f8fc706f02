// SPDX-License-Identifier: GPL-3.0-or-later
//
// Known limits:
//  - HTTP/1.x only; one request at a time per connection (no pipelining), one connection kept
//    for reuse (by the 417 retry and by redirects to the same origin).
//  - A reused connection that the server closes before any response byte is retried once on a
//    new connection (as a new attempt with the same reason), not more.
//  - Proxy: plain HTTP proxies only (absolute-form, CONNECT for https), no proxy auth.
//  - Content decoding (gzip/deflate) only for bodies kept in memory (≤ kBodyMemoryCapBytes).
//  - DNS goes through QHostInfo (the system resolver); every address is tried in its order.
//  - A 101 or CONNECT tunnel is recorded and the exchange stops there.
//  - A TCP reset is told apart from an orderly close on Linux only (PeerResetProbe); elsewhere
//    a reset that ends a close-delimited body still reads as the end of the body.
#include "core/http/http_engine.h"

#include "core/http/body_sink.h"
#include "core/http/body_source.h"
#include "core/http/content_decoding.h"
#include "core/http/network_warmup.h"
#include "core/http/peer_reset_probe.h"
#include "core/http/request_builder.h"
#include "core/http/response_parser.h"
#include "core/http/tls_info.h"

#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QHostInfo>
#include <QSslConfiguration>
#include <QSslSocket>

namespace statusscope::http {

namespace {

// Where an attempt stands. The phase is the engine's state; beside it Private holds only facts
// that outlive a phase (ExchangeFacts, AttemptFacts, Route and whether the open connection may
// be kept), never a second way to say which phase we are in.
enum class Phase {
    Idle,             // nothing started yet
    Resolving,        // host lookup in flight (QHostInfo); the connect timer runs from here
    Connecting,       // TCP connect to addresses[addressIndex]; a failure tries the next one
    ProxyConnect,     // CONNECT sent to the proxy for an https:// URL, waiting for its 2xx
    TlsHandshake,     // TLS with the origin (through the proxy tunnel when there is one)
    SendingHeaders,   // request line and headers queued, not yet all written
    WaitingFor100,    // headers written with Expect: 100-continue, body held back until a
                      // 100, a final status, or the expect timer
    SendingBody,      // body being written in kUploadChunkBytes pieces (paced by bytesWritten)
    AwaitingResponse, // request fully sent (or body withheld after an early final status),
                      // reading interim and final responses
    Done,             // finished: a final response, an error, or cancelled
};

// What an exchange carries from one attempt to the next; set up by start().
struct ExchangeFacts
{
    QByteArray method;             // the spec's, or GET after a 303 (and after 301/302 for POST)
    bool withBody = true;          // false once a redirect turned the request into a GET
    bool withoutExpect = false;    // the 417 retry leaves Expect out
    bool retried417 = false;       // the one retry without Expect was made
    bool staleReconnected = false; // the one repeat after a reused connection closed was made
    int redirects = 0;             // redirects followed so far
};

// What one attempt has done on the wire; reset when its request is sent.
struct AttemptFacts
{
    qint64 headBytes = 0;
    qint64 queued = 0;              // bytes handed to the socket (head + body)
    qint64 written = 0;             // bytes the socket reported written
    bool bodyStartRecorded = false; // body_send_start is recorded when a body byte really left
    bool bodyStopped = false;       // a final status came first: no more body is sent
    bool mustClose = false;         // the connection cannot carry another request (stray bytes,
                                    // or a body the server may still be reading)
    bool retryPending = false;      // a 417 to 100-continue: repeat without Expect after this
};

// Where an attempt connects: the origin, or the proxy in front of it.
struct Route
{
    QString host;
    quint16 port = 0;
    bool tls = false;      // https:// (through a CONNECT tunnel when via a proxy)
    bool viaProxy = false;
};

Route routeFor(const QUrl &url, const QUrl &proxy)
{
    Route r;
    r.tls = url.scheme().toLower() == QLatin1String("https");
    r.viaProxy = proxy.isValid() && !proxy.host().isEmpty();
    r.host = r.viaProxy ? proxy.host() : url.host();
    r.port = quint16(r.viaProxy ? proxy.port(8080) : url.port(r.tls ? 443 : 80));
    return r;
}

constexpr qint64 kMaxIdleBytes = 4096;

// The first line of unexpected bytes, for a finding: printable ASCII, the rest escaped.
QString printablePreview(const QByteArray &bytes)
{
    QString out;
    for (const char c : bytes.left(64)) {
        if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c >= 0x20 && c < 0x7f)
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(uchar(c), 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > 64)
        out += QStringLiteral("…");
    return out;
}

QString addressText(const QHostAddress &a, quint16 port)
{
    if (a.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(a.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(a.toString()).arg(port);
}

} // namespace

struct HttpEngine::Private
{
    HttpEngine *q;
    SteadyClock ownClock;
    const Clock *clock;
    RequestSpec spec;
    Exchange exchange;
    Phase phase = Phase::Idle;

    // Connection
    QSslSocket *socket = nullptr;
    std::unique_ptr<PeerResetProbe> resetProbe; // lives exactly as long as `socket` is connected
    QString connKey; // host:port:tls[:proxy] of the open connection
    bool keepAlive = false; // the open connection may carry the next request
    QList<QHostAddress> addresses;
    int addressIndex = 0;
    QStringList connectFailures;
    int lookupId = -1;

    // Beside the phase, the only state: facts that outlive a phase, grouped by how long they
    // hold (see ExchangeFacts, AttemptFacts, Route).
    ExchangeFacts run;
    AttemptFacts progress;
    Route route;

    // Request
    QUrl url;
    qint64 bodyTotal = 0;
    std::unique_ptr<QIODevice> bodyFile; // a body file or a form (body_source.h); else spec.body

    // Response
    std::unique_ptr<ResponseParser> parser;
    HeaderList blockHeaders;
    int blockStatus = 0;
    QByteArray blockReason;
    HttpVersion blockVersion = HttpVersion::Http11;
    qint64 blockFirstByteNs = 0;
    // spec.keepConnection: what the server did on the open connection after the exchange.
    QByteArray idleBytes;   // bytes received while no request was outstanding (first 4 KiB)
    qint64 idleClosedNs = 0; // when the server closed it, 0 while open
    BodySink sink{QString(), kBodyMemoryCapBytes};

    // On the engine's clock, so that a test's ManualClock fires them without sleeping.
    std::unique_ptr<ClockTimer> expectTimer;  // the wait for 100 Continue
    std::unique_ptr<ClockTimer> connectTimer; // resolve + connect + proxy CONNECT + TLS
    std::unique_ptr<ClockTimer> totalTimer;   // the whole exchange (-m)

    explicit Private(HttpEngine *engine, const Clock *c)
        : q(engine)
        , clock(c ? c : &ownClock)
        , expectTimer(clock->createTimer([this] { onExpectTimeout(); }))
        , connectTimer(clock->createTimer([this] { onConnectTimeout(); }))
        , totalTimer(clock->createTimer([this] {
            fail(ErrorKind::Timeout, QStringLiteral("exchange not complete within %1 ms (maximum time)").arg(spec.totalTimeoutMs));
        }))
    {
    }

    void onConnectTimeout()
    {
        if (phase == Phase::Resolving || phase == Phase::Connecting || phase == Phase::TlsHandshake
            || phase == Phase::ProxyConnect)
            fail(ErrorKind::Timeout, QStringLiteral("connection not established within %1 ms").arg(spec.connectTimeoutMs));
    }

    Attempt &attempt() { return exchange.attempts.last(); }
    qint64 now() const { return clock->nowNs(); }

    void record(EventType type, const QString &detail = {}, int status = 0, qint64 bytes = -1)
    {
        Event e;
        e.type = type;
        e.tNs = now();
        e.detail = detail;
        e.status = status;
        e.bytes = bytes;
        attempt().events.append(e);
        emit q->eventRecorded(int(exchange.attempts.size() - 1), e);
    }

    // ---- lifecycle -------------------------------------------------------------------------

    void start(const RequestSpec &s)
    {
        spec = s;
        exchange = Exchange{};
        exchange.url = s.url;
        exchange.startedAt = QDateTime::currentDateTimeUtc();
        exchange.startNs = now();
        exchange.insecure = !s.verifyTls;
        // One engine may run several exchanges (spec.keepConnection): nothing carries over
        // but the open connection.
        run = ExchangeFacts{};
        run.method = s.method;
        bodyFile.reset();
        if (!idleBytes.isEmpty() || idleClosedNs != 0)
            keepAlive = false; // not reusable: stray bytes would be read as our next response
        idleBytes.clear();
        idleClosedNs = 0;
        QString bodyError;
        bodyFile = openBodySource(s, &bodyError);
        if (!bodyError.isEmpty()) {
            beginAttemptRecord(AttemptReason::Initial, s.url);
            fail(ErrorKind::Io, bodyError);
            return;
        }
        bodyTotal = bodyFile ? bodyFile->size() : s.body.size();
        run.withBody = s.hasBody();
        if (s.totalTimeoutMs > 0) {
            totalTimer->start(s.totalTimeoutMs);
        }
        beginAttempt(AttemptReason::Initial, s.url);
    }

    void beginAttemptRecord(AttemptReason reason, const QUrl &u)
    {
        Attempt a;
        a.reason = reason;
        a.url = u;
        a.beganNs = exchange.attempts.isEmpty() ? exchange.startNs : now();
        exchange.attempts.append(a);
    }

    void beginAttempt(AttemptReason reason, const QUrl &u)
    {
        url = u;
        beginAttemptRecord(reason, u);
        const QString scheme = u.scheme().toLower();
        if ((scheme != QLatin1String("http") && scheme != QLatin1String("https")) || u.host().isEmpty()) {
            fail(ErrorKind::Protocol, QStringLiteral("unsupported URL %1 (http:// or https:// with a host)").arg(u.toString()));
            return;
        }
        route = routeFor(u, spec.proxy);
        const QString key = QStringLiteral("%1:%2:%3:%4").arg(u.host()).arg(u.port(route.tls ? 443 : 80)).arg(route.tls).arg(spec.proxy.toString());
        attempt().connection.viaProxy = route.viaProxy;
        if (socket && keepAlive && key == connKey && socket->state() == QAbstractSocket::ConnectedState) {
            attempt().connection.reused = true;
            attempt().connection.remote = addressText(socket->peerAddress(), socket->peerPort());
            if (route.tls)
                attempt().connection.tls = tlsInfo();
            sendRequest();
            return;
        }
        closeSocket(false);
        connKey = key;
        if (spec.connectTimeoutMs > 0)
            connectTimer->start(spec.connectTimeoutMs);
        resolve();
    }

    void finishExchange()
    {
        phase = Phase::Done;
        expectTimer->stop();
        connectTimer->stop();
        totalTimer->stop();
        if (lookupId >= 0) {
            QHostInfo::abortHostLookup(lookupId);
            lookupId = -1;
        }
        sink.close();
        bodyFile.reset();
        if (!(spec.keepConnection && keepAlive && socket && socket->state() == QAbstractSocket::ConnectedState))
            closeSocket(false);
        emit q->exchangeFinished();
    }

    void fail(ErrorKind kind, const QString &message)
    {
        if (phase == Phase::Done)
            return;
        attempt().error = Error{kind, message};
        record(EventType::Error, toString(kind) + QStringLiteral(": ") + message);
        if (socket) {
            socket->disconnect(q);
            socket->abort();
            resetProbe.reset();
            record(EventType::ConnectionClosed, QStringLiteral("closed by us after the error"));
        }
        finishExchange();
    }

    void closeSocket(bool recordIt)
    {
        keepAlive = false;
        if (!socket)
            return;
        socket->disconnect(q);
        if (recordIt)
            record(EventType::ConnectionClosed, QStringLiteral("closed by us"));
        socket->abort();
        resetProbe.reset(); // the duplicate descriptor would keep the connection open
        socket->deleteLater();
        socket = nullptr;
    }

    // ---- DNS and connect -------------------------------------------------------------------

    void resolve()
    {
        phase = Phase::Resolving;
        addresses.clear();
        addressIndex = 0;
        connectFailures.clear();
        QHostAddress literal;
        if (literal.setAddress(route.host)) {
            addresses << literal; // an IP literal: no DNS phase at all
            connectNext();
            return;
        }
        record(EventType::DnsStart, route.host);
        lookupId = QHostInfo::lookupHost(route.host, q, [this](const QHostInfo &info) {
            lookupId = -1;
            if (phase != Phase::Resolving)
                return;
            if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
                fail(ErrorKind::Dns, QStringLiteral("could not resolve host %1: %2").arg(route.host, info.errorString()));
                return;
            }
            addresses = info.addresses();
            QStringList names;
            for (const QHostAddress &a : std::as_const(addresses))
                names << a.toString();
            record(EventType::DnsDone, names.join(QStringLiteral(", ")));
            connectNext();
        });
    }

    void connectNext()
    {
        if (addressIndex >= addresses.size()) {
            // Each failure names its address (a name may resolve to several); a host that is
            // its one address is named once: "could not connect to 127.0.0.1 port 8089:
            // Connection refused", not "…8089: 127.0.0.1:8089: Connection refused".
            QString why = connectFailures.join(QStringLiteral("; "));
            if (connectFailures.size() == 1 && addresses.size() == 1 && addresses.first().toString() == route.host)
                why = connectFailures.first().section(QStringLiteral(": "), 1);
            fail(ErrorKind::Connect, QStringLiteral("could not connect to %1 port %2: %3").arg(route.host).arg(route.port).arg(why));
            return;
        }
        phase = Phase::Connecting;
        closeSocket(false);
        socket = new QSslSocket(q);
        socket->setReadBufferSize(0);
        QObject::connect(socket, &QSslSocket::connected, q, [this] { onConnected(); });
        QObject::connect(socket, &QSslSocket::readyRead, q, [this] { onReadyRead(); });
        QObject::connect(socket, &QSslSocket::bytesWritten, q, [this](qint64 n) { onBytesWritten(n); });
        QObject::connect(socket, &QSslSocket::errorOccurred, q, [this](QAbstractSocket::SocketError e) { onSocketError(e); });
        QObject::connect(socket, &QSslSocket::encrypted, q, [this] { onEncrypted(); });
        QObject::connect(socket, &QSslSocket::sslErrors, q, [this](const QList<QSslError> &errors) { onSslErrors(errors); });
        const QHostAddress address = addresses.at(addressIndex++);
        record(EventType::ConnectStart, addressText(address, route.port));
        socket->connectToHost(address, route.port);
    }

    void onConnected()
    {
        if (phase != Phase::Connecting)
            return;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        resetProbe = std::make_unique<PeerResetProbe>(socket->socketDescriptor());
        attempt().connection.remote = addressText(socket->peerAddress(), socket->peerPort());
        record(EventType::ConnectDone, attempt().connection.remote);
        if (route.viaProxy && route.tls) {
            sendProxyConnect();
            return;
        }
        if (route.tls) {
            startTls();
            return;
        }
        connectTimer->stop();
        sendRequest();
    }

    void sendProxyConnect()
    {
        // RFC 9110 §9.3.6: CONNECT host:port, then TLS through the tunnel.
        phase = Phase::ProxyConnect;
        const QByteArray authority = url.host(QUrl::FullyEncoded).toLatin1() + ':' + QByteArray::number(url.port(443));
        const QByteArray head = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n";
        // Recorded as this attempt's request until the tunnel is up: if the proxy refuses it,
        // the CONNECT is all that was sent.
        SentRequest connect;
        connect.method = "CONNECT";
        connect.target = authority;
        connect.headers = {{"Host", authority}};
        attempt().request = connect;
        ParserOptions opts;
        opts.connectRequest = true;
        opts.lenient = spec.lenientParsing;
        parser = std::make_unique<ResponseParser>(opts);
        socket->write(head);
    }

    void startTls()
    {
        phase = Phase::TlsHandshake;
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        if (!spec.caFile.isEmpty()) {
            const QList<QSslCertificate> extra = QSslCertificate::fromPath(spec.caFile, QSsl::Pem);
            if (extra.isEmpty()) {
                fail(ErrorKind::Tls, QStringLiteral("no PEM certificate in CA file %1").arg(spec.caFile));
                return;
            }
            QList<QSslCertificate> cas = conf.caCertificates();
            cas += extra;
            conf.setCaCertificates(cas);
        }
        conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket->setSslConfiguration(conf);
        socket->setPeerVerifyName(url.host());
        record(EventType::TlsStart, url.host());
        socket->startClientEncryption();
    }

    TlsInfo tlsInfo() const { return describeTls(*socket, spec.verifyTls); }

    void onSslErrors(const QList<QSslError> &errors)
    {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        if (!spec.verifyTls) {
            socket->ignoreSslErrors();
            return; // recorded in TlsInfo.verificationErrors once encrypted
        }
        const QSslCertificate peer = errors.isEmpty() || errors.first().certificate().isNull()
                                         ? socket->peerCertificate() : errors.first().certificate();
        fail(ErrorKind::Tls, QStringLiteral("certificate verification failed for %1: %2 (subject: %3; issuer: %4; expires %5)")
                                 .arg(url.host(), texts.join(QStringLiteral("; ")), distinguishedName(peer, false),
                                      distinguishedName(peer, true), peer.expiryDate().toString(Qt::ISODate)));
    }

    void onEncrypted()
    {
        if (phase != Phase::TlsHandshake)
            return;
        attempt().connection.tls = tlsInfo();
        const TlsInfo &t = *attempt().connection.tls;
        record(EventType::TlsDone, QStringLiteral("%1 %2").arg(t.version, t.cipher));
        if (!t.verified)
            record(EventType::Finding, QStringLiteral("TLS certificate NOT verified (insecure mode): %1").arg(t.verificationErrors.join(QStringLiteral("; "))));
        connectTimer->stop();
        sendRequest();
    }

    // ---- request ---------------------------------------------------------------------------

    void sendRequest()
    {
        BuildOptions opts;
        opts.bodyBytes = run.withBody ? bodyTotal : 0;
        opts.withoutExpect = run.withoutExpect;
        opts.absoluteForm = route.viaProxy && !route.tls;
        RequestSpec effective = spec;
        effective.method = run.method;
        if (!run.withBody) {
            effective.body.clear();
            effective.bodyFile.clear();
            effective.form.clear();
        }
        attempt().request = buildRequest(effective, url, opts);
        const QByteArray head = serializeHead(attempt().request);
        ParserOptions popts;
        popts.lenient = spec.lenientParsing;
        popts.headRequest = run.method == "HEAD";
        parser = std::make_unique<ResponseParser>(popts);
        blockHeaders.clear();
        progress = AttemptFacts{};
        progress.headBytes = head.size();
        progress.queued = head.size();
        if (bodyFile)
            bodyFile->seek(0);
        phase = Phase::SendingHeaders;
        socket->write(head);
    }

    bool hasBodyToSend() const { return run.withBody && bodyTotal > 0; }

    void onBytesWritten(qint64 n)
    {
        progress.written += n;
        if (phase == Phase::ProxyConnect)
            return;
        if (phase == Phase::SendingHeaders && progress.written >= progress.headBytes) {
            record(EventType::RequestHeadersSent, QStringLiteral("%1 bytes").arg(progress.headBytes), 0, progress.headBytes);
            if (!hasBodyToSend()) {
                phase = Phase::AwaitingResponse;
            } else if (attempt().request.expectSent) {
                phase = Phase::WaitingFor100;
                record(EventType::ExpectWaitStart, QStringLiteral("waiting up to %1 ms for 100 Continue").arg(spec.expect100TimeoutMs));
                expectTimer->start(spec.expect100TimeoutMs);
            } else {
                startBody();
            }
        }
        if (phase == Phase::SendingBody || (phase == Phase::AwaitingResponse && progress.bodyStopped)) {
            attempt().request.bodySentBytes = qMax<qint64>(0, progress.written - progress.headBytes);
            if (phase == Phase::SendingBody && !progress.bodyStartRecorded && progress.written > progress.headBytes)
                recordBodyStart();
            if (phase == Phase::SendingBody) {
                if (progress.written >= progress.headBytes + bodyTotal) {
                    phase = Phase::AwaitingResponse;
                    record(EventType::BodySent, QStringLiteral("%1 bytes").arg(bodyTotal), 0, bodyTotal);
                } else {
                    pumpBody();
                }
            }
        }
    }

    void startBody()
    {
        expectTimer->stop();
        phase = Phase::SendingBody;
        pumpBody();
    }

    // The upload phase begins when the socket reports the first body byte written, not when
    // the body is queued: a final response that arrives before the queue is flushed (nginx
    // answering right after its own 100 Continue) then leaves no upload phase at all.
    void recordBodyStart()
    {
        progress.bodyStartRecorded = true;
        record(EventType::BodySendStart, QStringLiteral("%1 bytes to send").arg(bodyTotal), 0, bodyTotal);
    }

    void pumpBody()
    {
        while (phase == Phase::SendingBody && progress.queued < progress.headBytes + bodyTotal
               && socket->bytesToWrite() < kMaxUploadBufferBytes) {
            const qint64 offset = progress.queued - progress.headBytes;
            const qint64 n = qMin(kUploadChunkBytes, bodyTotal - offset);
            QByteArray chunk;
            if (bodyFile) {
                chunk = bodyFile->read(n);
                if (chunk.size() != n) {
                    fail(ErrorKind::Io, QStringLiteral("reading body %1 failed at byte %2: %3")
                                            .arg(spec.form.isEmpty() ? QStringLiteral("file ") + spec.bodyFile : QStringLiteral("form"))
                                            .arg(offset).arg(bodyFile->errorString()));
                    return;
                }
            } else {
                chunk = spec.body.mid(offset, n);
            }
            progress.queued += socket->write(chunk);
        }
    }

    void onExpectTimeout()
    {
        if (phase != Phase::WaitingFor100)
            return;
        // RFC 9110 §10.1.1: a client that sent 100-continue need not wait indefinitely.
        record(EventType::ExpectTimeout, QStringLiteral("no 100 Continue within %1 ms; sending the body anyway").arg(spec.expect100TimeoutMs));
        startBody();
    }

    // ---- response --------------------------------------------------------------------------

    void onReadyRead()
    {
        if (!socket)
            return;
        const QByteArray data = socket->readAll();
        if (phase == Phase::Done) {
            // A kept connection with no request outstanding: a conforming server sends nothing
            // here. Kept (bounded) so a probe can show it; the connection is not reused.
            idleBytes += data.left(qMax<qint64>(0, kMaxIdleBytes - idleBytes.size()));
            return;
        }
        if (data.isEmpty() || !parser)
            return;
        if (phase == Phase::Idle || phase == Phase::Resolving || phase == Phase::Connecting
            || phase == Phase::TlsHandshake || phase == Phase::Done) {
            return;
        }
        consume(data);
    }

    void consume(const QByteArray &data)
    {
        const qint64 before = parser->offset();
        const FeedResult r = parser->feedShared(data);
        const qint64 t = now();
        if (before == 0 || blockFirstByteNs == 0)
            blockFirstByteNs = t;
        handleParserEvents();
        if (phase == Phase::Done)
            return;
        if (r.status == ParseStatus::Complete || r.status == ParseStatus::Upgraded) {
            if (r.consumed < data.size() && r.status == ParseStatus::Complete) {
                record(EventType::Finding, QStringLiteral("%1 unexpected bytes after the response; connection not reused: %2")
                                               .arg(data.size() - r.consumed)
                                               .arg(printablePreview(data.mid(r.consumed))));
                progress.mustClose = true;
            }
            if (phase == Phase::ProxyConnect) {
                // The tunnel is up: TLS with the origin through it.
                startTls();
                return;
            }
            finishAttempt(r.status == ParseStatus::Upgraded);
        }
    }

    void handleParserEvents()
    {
        for (ParseEvent &e : parser->takeEvents()) {
            if (phase == Phase::Done)
                return;
            switch (e.type) {
            case ParseEventType::Status:
                blockStatus = e.status;
                blockReason = e.name;
                blockVersion = e.version;
                blockHeaders.clear();
                if (blockFirstByteNs == 0)
                    blockFirstByteNs = now();
                break;
            case ParseEventType::Header:
                blockHeaders.append({e.name, e.value});
                break;
            case ParseEventType::HeadersComplete:
                if (phase == Phase::ProxyConnect)
                    onProxyHeaders(e);
                else if (e.status < 200 && e.status != 101)
                    onInterim();
                else
                    onFinalHeaders(e);
                blockFirstByteNs = 0;
                break;
            case ParseEventType::ChunkHeader:
                break;
            case ParseEventType::Body:
                onBodyData(e.data);
                break;
            case ParseEventType::Trailer:
                if (attempt().response)
                    attempt().response->trailers.append({e.name, e.value});
                break;
            case ParseEventType::MessageComplete:
                if (attempt().response) {
                    attempt().response->bodyComplete = true;
                    record(EventType::ResponseBodyDone, QStringLiteral("%1 bytes").arg(attempt().response->bodyBytes), 0,
                           attempt().response->bodyBytes);
                }
                break;
            case ParseEventType::Finding:
                record(EventType::Finding, QStringLiteral("response byte %1: %2").arg(e.offset).arg(e.message));
                break;
            case ParseEventType::Error:
                fail(ErrorKind::Protocol, QStringLiteral("invalid response at byte %1: %2").arg(e.offset).arg(e.message));
                return;
            }
        }
    }

    void onProxyHeaders(const ParseEvent &e)
    {
        if (e.status / 100 == 2)
            return; // consume() starts TLS once the parser reports the upgrade
        // The proxy refused the tunnel (RFC 9110 §9.3.6): its status is the proxy's, not the
        // origin's, which never saw the request; so it is no final response but a proxy error.
        const QString authority = QString::fromLatin1(attempt().request.target);
        const QString status = QStringLiteral("%1 %2").arg(e.status).arg(QString::fromLatin1(blockReason)).trimmed();
        record(EventType::Finding,
               QStringLiteral("proxy %1 answered CONNECT %2 with %3: the tunnel was refused and %4 never received the request%5")
                   .arg(addressText(socket->peerAddress(), socket->peerPort()), authority, status, url.host(),
                        e.status == 407 ? QStringLiteral(" (the proxy wants credentials: Proxy-Authorization)") : QString()),
               e.status);
        fail(ErrorKind::Proxy, QStringLiteral("proxy refused the tunnel to %1: %2").arg(authority, status));
    }

    void onInterim()
    {
        InterimResponse ir;
        ir.status = blockStatus;
        ir.reason = blockReason;
        ir.headers = blockHeaders;
        ir.tNs = now();
        attempt().interim.append(ir);
        record(EventType::InterimResponse, QStringLiteral("%1 %2").arg(blockStatus).arg(QString::fromLatin1(blockReason)), blockStatus);
        if (blockStatus != 100)
            return; // 102, 103, 104: informational only, keep waiting (RFC 9110 §15.2)
        if (phase == Phase::WaitingFor100) {
            startBody();
        } else if (!hasHeader(attempt().request.headers, "expect")) {
            // RFC 9110 §15.2.1: a client that did not ask MAY ignore it; we show it.
            record(EventType::Finding, QStringLiteral("unsolicited 100 Continue (the request had no Expect: 100-continue); ignored"));
        } else if (phase == Phase::SendingBody) {
            record(EventType::Finding, QStringLiteral("100 Continue arrived after the wait ended; the body was already on its way"));
        }
    }

    void onFinalHeaders(const ParseEvent &e)
    {
        Response r;
        r.status = blockStatus;
        r.reason = blockReason;
        r.version = blockVersion;
        r.headers = blockHeaders;
        r.firstByteNs = blockFirstByteNs ? blockFirstByteNs : now();
        r.tNs = now();
        attempt().response = r;
        record(EventType::ResponseHeaders, QStringLiteral("%1 %2").arg(blockStatus).arg(QString::fromLatin1(blockReason)), blockStatus);
        const bool is417 = blockStatus == 417;
        if (phase == Phase::WaitingFor100) {
            expectTimer->stop();
            // RFC 9110 §10.1.1: a final status instead of 100 means the body is not wanted.
            record(EventType::Finding, QStringLiteral("final %1 before 100 Continue: the body is not sent, connection will not be reused").arg(blockStatus));
            phase = Phase::AwaitingResponse;
            progress.bodyStopped = true;
            // RFC 9112 §9.3 / RFC 9110 §10.1.1: a server that answered early and keeps the
            // connection may still read (and discard) the announced body; nginx does, so a
            // request sent next on it would be eaten as that body. Only a new connection is safe.
            // Except when asked to keep it (spec.keepConnection): a probe watches what the
            // server does with it and sends its next request knowingly.
            progress.mustClose = !spec.keepConnection;
        } else if (phase == Phase::SendingBody || phase == Phase::SendingHeaders) {
            const qint64 sent = qMax<qint64>(0, progress.written - progress.headBytes);
            attempt().request.bodySentBytes = sent;
            if (hasBodyToSend() && sent == 0) {
                // Queued bytes not yet flushed are dropped with the connection: nothing went out.
                record(EventType::Finding, QStringLiteral("final %1 before any body byte was sent: the body is not sent, connection will not be reused").arg(blockStatus));
                progress.mustClose = true; // the server would read a late body as a new request
            } else if (hasBodyToSend()) {
                record(EventType::BodySent, QStringLiteral("upload stopped after %1 of %2 bytes: final response arrived").arg(sent).arg(bodyTotal), 0, sent);
                record(EventType::Finding, QStringLiteral("final %1 during the upload; stopped sending, connection will not be reused").arg(blockStatus));
                progress.mustClose = true; // the server would read our remaining body as a new request
            }
            phase = Phase::AwaitingResponse;
            progress.bodyStopped = true;
        }
        // RFC 9110 §10.1.1: after a 417 a client repeats the request without the expectation
        // only if it was 100-continue. Once: never loop. If any body byte went out, the
        // connection is in an unknown state: the retry uses a new one. Any other expectation
        // is what the user asked the server about, and its 417 is the answer (curl agrees).
        if (is417 && hasHeader(attempt().request.headers, "expect")) {
            if (!expectsOnlyContinue(attempt().request.headers)) {
                record(EventType::Finding, QStringLiteral("417 for Expect: %1: final; only a 100-continue expectation is retried without the header (RFC 9110 §10.1.1)")
                                               .arg(QString::fromLatin1(expectValues(attempt().request.headers))));
            } else if (spec.retryOn417 && !run.retried417) {
                progress.retryPending = true;
                if (progress.written > progress.headBytes)
                    progress.mustClose = true;
            }
        }
        Q_UNUSED(e);
        sink = BodySink(spec.outputFile, kBodyMemoryCapBytes);
        QString error;
        if (!sink.begin(*attempt().response, &error))
            fail(ErrorKind::Io, error);
    }

    void onBodyData(const QByteArray &data)
    {
        QString error;
        if (attempt().response && !sink.append(*attempt().response, data, &error))
            fail(ErrorKind::Io, error);
    }

    void finishAttempt(bool upgraded)
    {
        sink.close();
        Attempt &a = attempt();
        if (a.response && !a.response->body.isEmpty()) {
            if (const std::optional<QByteArray> ce = headerValue(a.response->headers, "content-encoding")) {
                const DecodeResult d = decodeContent(*ce, a.response->body, kMaxDecodedBytes);
                if (d.ok)
                    a.response->decodedBody = d.data;
                else if (!d.error.isEmpty())
                    record(EventType::Finding, QStringLiteral("Content-Encoding %1 not decoded: %2").arg(QString::fromLatin1(*ce), d.error));
            }
        }
        if (upgraded) {
            record(EventType::Finding, QStringLiteral("protocol switched (status %1); the exchange stops here").arg(a.response ? a.response->status : 0));
            closeSocket(true);
            finishExchange();
            return;
        }
        const Response *resp = a.response ? &*a.response : nullptr;
        const QByteArray connection = resp ? headerValue(resp->headers, "connection").value_or(QByteArray()).toLower() : QByteArray();
        keepAlive = resp && !progress.mustClose && socket && socket->state() == QAbstractSocket::ConnectedState
                    && !connection.contains("close")
                    && (resp->version == HttpVersion::Http11 ? true : connection.contains("keep-alive"))
                    && spec.version == HttpVersion::Http11;
        if (!keepAlive && socket)
            closeSocket(true);

        if (progress.retryPending) {
            run.retried417 = true;
            run.withoutExpect = true;
            record(EventType::Finding, QStringLiteral("417 Expectation Failed: retrying once without Expect (%1)")
                                           .arg(keepAlive ? QStringLiteral("same connection") : QStringLiteral("new connection")));
            beginAttempt(AttemptReason::RetryWithoutExpect, url);
            return;
        }
        if (resp && spec.followRedirects && resp->status >= 300 && resp->status < 400 && resp->status != 304) {
            const std::optional<QByteArray> location = headerValue(resp->headers, "location");
            if (location) {
                if (run.redirects >= spec.maxRedirects) {
                    fail(ErrorKind::Protocol, QStringLiteral("maximum (%1) redirects followed").arg(spec.maxRedirects));
                    return;
                }
                ++run.redirects;
                const QUrl next = url.resolved(QUrl::fromEncoded(*location));
                // Leaving TLS for plain HTTP is never silent. The hop is a finding;
                // with stopOnHttpsDowngrade the exchange ends here (the GUI then asks).
                if (url.scheme() == QLatin1String("https") && next.scheme() == QLatin1String("http")) {
                    attempt().httpsDowngrade = HttpsDowngrade{resp->status, url, next};
                    record(EventType::Finding, describe(*attempt().httpsDowngrade));
                    if (spec.stopOnHttpsDowngrade) {
                        finishExchange();
                        return;
                    }
                }
                // RFC 9110 §15.4.4: 303 → GET; and, as browsers and curl do, POST after 301/302.
                if ((resp->status == 303 && run.method != "HEAD")
                    || ((resp->status == 301 || resp->status == 302) && run.method == "POST")) {
                    run.method = "GET";
                    run.withBody = false;
                }
                beginAttempt(AttemptReason::Redirect, next);
                return;
            }
        }
        finishExchange();
    }

    void onSocketError(QAbstractSocket::SocketError error)
    {
        if (phase == Phase::Done && socket && idleClosedNs == 0) {
            // The kept connection (spec.keepConnection) ended while idle.
            idleBytes += socket->readAll().left(qMax<qint64>(0, kMaxIdleBytes - idleBytes.size()));
            idleClosedNs = now();
            return;
        }
        if (phase == Phase::Done || !socket)
            return;
        const QString text = socket->errorString();
        switch (phase) {
        case Phase::Connecting:
            connectFailures << QStringLiteral("%1: %2").arg(addressText(addresses.at(addressIndex - 1), route.port), text);
            record(EventType::Finding, QStringLiteral("connect to %1 failed: %2").arg(addressText(addresses.at(addressIndex - 1), route.port), text));
            connectNext();
            return;
        case Phase::TlsHandshake:
            fail(ErrorKind::Tls, QStringLiteral("TLS handshake with %1 failed: %2").arg(url.host(), text));
            return;
        default:
            break;
        }
        if (error == QAbstractSocket::RemoteHostClosedError || error == QAbstractSocket::NetworkError) {
            onPeerClosed(text);
            return;
        }
        fail(ErrorKind::Connect, QStringLiteral("socket error: %1").arg(text));
    }

    void onPeerClosed(const QString &closeText)
    {
        // Read before anything else drops the probe: a reset and a FIN look alike to Qt.
        const bool reset = resetProbe && resetProbe->wasReset();
        const QString why = reset ? QStringLiteral("connection reset by the server (TCP RST)") : closeText;
        // Whatever is still buffered belongs to the response.
        if (socket && socket->bytesAvailable() > 0 && parser)
            consume(socket->readAll());
        if (phase == Phase::Done || !socket)
            return;
        if (phase == Phase::ProxyConnect) {
            fail(ErrorKind::Protocol, QStringLiteral("proxy closed the connection during CONNECT (%1)").arg(why));
            return;
        }
        record(EventType::ConnectionClosed, QStringLiteral("closed by the server: %1").arg(why));
        socket->disconnect(q);
        resetProbe.reset();
        socket->deleteLater();
        socket = nullptr;
        keepAlive = false;
        if (phase == Phase::SendingHeaders || phase == Phase::WaitingFor100 || phase == Phase::SendingBody) {
            attempt().request.bodySentBytes = qMax<qint64>(0, progress.written - progress.headBytes);
        }
        if (!parser) {
            fail(ErrorKind::Protocol, QStringLiteral("connection closed: %1").arg(why));
            return;
        }
        // RFC 9112 §9.3.1: a kept-alive connection may be closed by the server just as we reuse
        // it. If nothing of a response came and no body byte went out (or the method is
        // idempotent), that attempt is recorded as failed and repeated once on a new connection.
        const bool idempotent = run.method == "GET" || run.method == "HEAD" || run.method == "PUT" || run.method == "DELETE"
                                || run.method == "OPTIONS" || run.method == "TRACE";
        if (spec.reconnectStale && attempt().connection.reused && !parser->startedResponse() && !run.staleReconnected
            && (progress.written <= progress.headBytes || idempotent)) {
            run.staleReconnected = true;
            const AttemptReason reason = attempt().reason;
            const QString message = QStringLiteral("the reused connection was closed before any response (%1); repeating on a new connection").arg(why);
            attempt().error = Error{ErrorKind::Protocol, message};
            record(EventType::Error, QStringLiteral("protocol: ") + message);
            beginAttempt(reason, url);
            return;
        }
        // RFC 9112 §6.3 item 8: only an orderly close ends a close-delimited body. After a reset
        // the body may be cut anywhere: what arrived is kept, marked incomplete.
        if (reset && attempt().response && parser->readingUntilClose()) {
            fail(ErrorKind::Protocol, QStringLiteral("the connection was reset during a close-delimited body after %1 bytes: the body is incomplete")
                                          .arg(attempt().response->bodyBytes));
            return;
        }
        if (!parser->startedResponse()) {
            // Not a byte of response. What the wire still tells apart is how the server ended it.
            fail(ErrorKind::Protocol,
                 reset ? QStringLiteral("the server reset the connection (TCP RST) before any response: it aborted the "
                                        "connection, as a crashed or killed worker, a server refusing the request outright, "
                                        "or a firewall or load balancer cutting it does")
                       : QStringLiteral("the server closed the connection cleanly before any response (an orderly close "
                                        "with no bytes, what nginx's `return 444` does): it dropped the request on purpose, "
                                        "or its keep-alive or request limits ended the connection"));
            return;
        }
        parser->finish();
        handleParserEvents();
        if (phase == Phase::Done)
            return;
        if (parser->status() == ParseStatus::Complete) {
            finishAttempt(false);
            return;
        }
        fail(ErrorKind::Protocol, QStringLiteral("%1 (%2)").arg(parser->errorMessage(), why));
    }
};

HttpEngine::HttpEngine(const Clock *clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, clock))
{
}

HttpEngine::~HttpEngine()
{
    if (d->socket)
        d->socket->disconnect(this);
}

void HttpEngine::start(const RequestSpec &spec)
{
    d->start(spec);
}

void HttpEngine::cancel()
{
    if (d->phase != Phase::Done && !d->exchange.attempts.isEmpty())
        d->fail(ErrorKind::Cancelled, QStringLiteral("cancelled"));
}

bool HttpEngine::isFinished() const
{
    return d->phase == Phase::Done;
}

bool HttpEngine::connectionOpen() const
{
    return d->socket && d->idleClosedNs == 0 && d->socket->state() == QAbstractSocket::ConnectedState;
}

QByteArray HttpEngine::bytesAfterExchange() const
{
    return d->idleBytes;
}

std::optional<qint64> HttpEngine::closedAfterExchangeNs() const
{
    return d->idleClosedNs ? std::optional<qint64>(d->idleClosedNs) : std::nullopt;
}

void HttpEngine::closeConnection()
{
    if (d->phase == Phase::Done || d->phase == Phase::Idle)
        d->closeSocket(false);
}

const Exchange &HttpEngine::exchange() const
{
    return d->exchange;
}

Exchange runExchange(const RequestSpec &spec, const Clock *clock)
{
    warmUpNetworking();
    HttpEngine engine(clock);
    QEventLoop loop;
    QObject::connect(&engine, &HttpEngine::exchangeFinished, &loop, &QEventLoop::quit);
    engine.start(spec);
    if (!engine.isFinished())
        loop.exec();
    return engine.exchange();
}

} // namespace statusscope::http
