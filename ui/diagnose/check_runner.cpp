// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/check_runner.h"

#include "core/diagnose/check_evidence.h"
#include "core/http/http_engine.h"
#include "ui/diagnose/network_consent.h"
#include "ui/har/har_replay.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QHostInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>

namespace statusscope::ui {

using diagnose::CheckKind;

namespace {

// A rebuilt body (the saved exchange has only its size) is capped here: enough to cross curl's
// 1 MiB Expect threshold and common upload limits without holding a huge buffer in memory.
constexpr qint64 kMaxRebuiltBodyBytes = 16 * 1024 * 1024;

QString statusLine(const http::Exchange &x)
{
    if (const std::optional<int> status = x.finalStatus()) {
        const http::Attempt &last = x.attempts.last();
        const QString reason = last.response ? QString::fromLatin1(last.response->reason) : QString();
        return reason.isEmpty() ? QString::number(*status) : QStringLiteral("%1 %2").arg(*status).arg(reason);
    }
    const http::Error error = x.error();
    return error.isError() ? QStringLiteral("%1 (%2)").arg(http::toString(error.kind), error.message)
                           : QStringLiteral("no response");
}

QString checkTitle(CheckKind kind)
{
    switch (kind) {
    case CheckKind::ResendWithoutExpect: return QObject::tr("Resent without Expect");
    case CheckKind::ResendWithExpect: return QObject::tr("Resent with Expect: 100-continue");
    case CheckKind::ResendHttp10: return QObject::tr("Resent with HTTP/1.0");
    case CheckKind::ResendSmallerBody: return QObject::tr("Resent with the first 64 KiB of the body");
    case CheckKind::ResendWithoutProxy: return QObject::tr("Resent without the proxy");
    case CheckKind::DnsLookup: return QObject::tr("DNS lookup");
    case CheckKind::ShowCertificateChain: return QObject::tr("Certificate chain");
    case CheckKind::CompareWithPreviousAttempt: return QObject::tr("Header comparison");
    case CheckKind::OpenLogsFiltered: return QObject::tr("Logs");
    case CheckKind::None: break;
    }
    return {};
}

bool hasOutcome(const diagnose::TroubleshootingStep &step, const QString &id)
{
    return step.outcome(id) != nullptr;
}

QStringList headerLines(const http::HeaderList &headers)
{
    QStringList lines;
    for (const http::Header &h : headers)
        lines << QStringLiteral("%1: %2").arg(QString::fromLatin1(h.first).toLower(), QString::fromLatin1(h.second));
    return lines;
}

void appendDiff(QStringList &out, const QString &title, const QStringList &a, const QStringList &b)
{
    out << title;
    int changes = 0;
    for (const QString &line : a) {
        if (!b.contains(line)) {
            out << QStringLiteral("- ") + line;
            ++changes;
        }
    }
    for (const QString &line : b) {
        if (!a.contains(line)) {
            out << QStringLiteral("+ ") + line;
            ++changes;
        }
    }
    if (changes == 0)
        out << QObject::tr("  (same headers)");
}

} // namespace

std::optional<http::RequestSpec> specFromExchange(const http::Exchange &exchange, QString *note)
{
    if (exchange.attempts.isEmpty())
        return std::nullopt;
    const http::Attempt &first = exchange.attempts.first();
    http::RequestSpec spec;
    spec.method = first.request.method.isEmpty() ? QByteArray("GET") : first.request.method;
    spec.url = first.url.isValid() ? first.url : exchange.url;
    spec.version = first.request.version;
    for (const http::Header &h : first.request.headers) {
        if (!isEngineWrittenHeader(QString::fromLatin1(h.first)))
            spec.headers.append(h);
    }
    spec.expectMode = first.request.expectSent ? http::ExpectMode::Always : http::ExpectMode::Never;
    const qint64 size = qMin(qMax<qint64>(first.request.bodyBytes, 0), kMaxRebuiltBodyBytes);
    spec.body = QByteArray(size, 'x');
    if (note) {
        *note = size > 0 ? QObject::tr("the saved exchange has no body: resent with %1 bytes of filler").arg(size)
                         : QString();
        if (first.request.bodyBytes > kMaxRebuiltBodyBytes)
            *note += QObject::tr(" (capped from %1 bytes)").arg(first.request.bodyBytes);
    }
    return spec;
}

http::RequestSpec specForCheck(CheckKind kind, const http::RequestSpec &base)
{
    http::RequestSpec spec = base;
    spec.retryOn417 = false; // the check wants the server's own answer, not the client's recovery
    spec.followRedirects = base.followRedirects;
    auto dropExpect = [&spec] {
        spec.headers.removeIf([](const http::Header &h) { return h.first.compare("expect", Qt::CaseInsensitive) == 0; });
    };
    switch (kind) {
    case CheckKind::ResendWithoutExpect:
        dropExpect();
        spec.expectMode = http::ExpectMode::Never;
        if (!spec.removedHeaders.contains("expect"))
            spec.removedHeaders.append("expect");
        break;
    case CheckKind::ResendWithExpect:
        dropExpect();
        spec.removedHeaders.removeAll("expect");
        spec.expectMode = http::ExpectMode::Always;
        break;
    case CheckKind::ResendHttp10:
        spec.version = http::HttpVersion::Http10;
        break;
    case CheckKind::ResendSmallerBody:
        if (!spec.bodyFile.isEmpty()) {
            QFile file(spec.bodyFile);
            spec.body = file.open(QIODevice::ReadOnly) ? file.read(CheckRunner::kSmallerBodyBytes) : QByteArray();
            spec.bodyFile.clear();
        } else {
            spec.body = spec.body.left(CheckRunner::kSmallerBodyBytes);
        }
        break;
    case CheckKind::ResendWithoutProxy:
        spec.proxy = QUrl();
        break;
    default:
        break;
    }
    return spec;
}

QString headerDiff(const http::Attempt &a, const http::Attempt &b)
{
    QStringList out;
    appendDiff(out, QObject::tr("Request headers:"), headerLines(a.request.headers), headerLines(b.request.headers));
    const http::HeaderList none;
    appendDiff(out, QObject::tr("Response headers:"), headerLines(a.response ? a.response->headers : none),
               headerLines(b.response ? b.response->headers : none));
    return out.join(QLatin1Char('\n'));
}

QString suggestOutcome(const diagnose::TroubleshootingStep &step, const CheckResult &result)
{
    if (result.cancelled || step.outcomes.isEmpty())
        return {};
    const auto pick = [&step](std::initializer_list<const char *> ids) -> QString {
        for (const char *id : ids) {
            if (hasOutcome(step, QString::fromLatin1(id)))
                return QString::fromLatin1(id);
        }
        return {};
    };
    switch (result.kind) {
    case CheckKind::ResendWithoutExpect:
    case CheckKind::ResendWithExpect:
    case CheckKind::ResendHttp10:
    case CheckKind::ResendSmallerBody:
    case CheckKind::ResendWithoutProxy: {
        if (result.skipped) // no proxy was used: the request already went directly
            return pick({"direct-417", "direct-fails"});
        if (result.transportError != http::ErrorKind::None) // no status at all: not "a different status"
            return pick({"no-address", "direct-fails", "origin-fails", "fails"});
        const int status = result.status.value_or(0);
        if (status == 417)
            return pick({"still-417", "direct-417"});
        if (status == 413)
            return pick({"still-413", "rejected-early"});
        if (result.passed.value_or(false))
            return step.outcomes.first().id; // each resend step lists "it works" first
        if (const QString other = pick({"other-status", "origin-fails", "direct-fails", "fails"}); !other.isEmpty())
            return other;
        return step.outcomes.size() > 1 ? step.outcomes.at(1).id : QString();
    }
    case CheckKind::DnsLookup:
        if (!result.passed.value_or(false))
            return pick({"no-address", "wrong-address"});
        return pick({"resolves", "expected-address"});
    case CheckKind::ShowCertificateChain: {
        const QString d = result.details.toLower();
        if (result.status == 0)
            return pick({"no-certificate"});
        if (d.contains(QLatin1String("expired")) || d.contains(QLatin1String("not yet valid")))
            return pick({"expired"});
        if (d.contains(QLatin1String("host name")))
            return pick({"name-mismatch"});
        if (d.contains(QLatin1String("self signed")) || d.contains(QLatin1String("self-signed")))
            return pick({"self-signed"});
        if (d.contains(QLatin1String("issuer")))
            return pick({"incomplete-chain"});
        return {};
    }
    case CheckKind::CompareWithPreviousAttempt: {
        const QString d = result.details.toLower();
        if (hasOutcome(step, QStringLiteral("expect-left")))
            return d.contains(QLatin1String("+ expect:")) || result.observed.contains(QLatin1String("still sends Expect"))
                       ? QStringLiteral("expect-left")
                       : QStringLiteral("no-expect");
        return {};
    }
    default:
        return {};
    }
}

CheckRunner::CheckRunner(QObject *parent)
    : QObject(parent)
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_socket) {
            m_socket->setProperty("timedOut", true);
            handshakeDone(false);
        }
    });
}

CheckRunner::~CheckRunner()
{
    cancel();
}

QString CheckRunner::host() const
{
    if (m_context.spec)
        return m_context.spec->url.host();
    return m_context.exchange.url.host();
}

std::optional<NetworkRequestSummary> CheckRunner::networkRequestFor(CheckKind kind) const
{
    NetworkRequestSummary request;
    request.origin = m_context.origin;
    switch (kind) {
    case CheckKind::ResendWithoutExpect:
    case CheckKind::ResendWithExpect:
    case CheckKind::ResendHttp10:
    case CheckKind::ResendSmallerBody:
    case CheckKind::ResendWithoutProxy: {
        if (!m_context.spec)
            return std::nullopt; // nothing can be sent
        const http::RequestSpec spec = specForCheck(kind, *m_context.spec);
        request.host = spec.url.host();
        request.method = QString::fromLatin1(spec.method);
        request.bodyBytes = spec.bodyFile.isEmpty() ? spec.body.size() : QFileInfo(spec.bodyFile).size();
        request.action = tr("send %1 %2 to").arg(request.method, spec.url.path().isEmpty() ? QStringLiteral("/")
                                                                                          : spec.url.path());
        return request;
    }
    case CheckKind::DnsLookup:
        request.host = host();
        request.action = tr("look up the address of");
        return request.host.isEmpty() ? std::nullopt : std::optional(request);
    case CheckKind::ShowCertificateChain: {
        const QUrl url = m_context.spec ? m_context.spec->url : m_context.exchange.url;
        request.host = url.host();
        request.action = tr("open a TLS connection (no HTTP request) on port %1 of").arg(url.port(443));
        return request.host.isEmpty() ? std::nullopt : std::optional(request);
    }
    case CheckKind::CompareWithPreviousAttempt:
    case CheckKind::OpenLogsFiltered:
    case CheckKind::None: break;
    }
    return std::nullopt;
}

bool CheckRunner::answersFromEvidence(CheckKind kind) const
{
    const bool proxy = m_context.spec && !m_context.spec->proxy.isEmpty();
    return diagnose::answerFromExchange(kind, m_context.exchange, proxy).has_value();
}

void CheckRunner::start(CheckKind kind)
{
    cancel();
    m_kind = kind;
    m_running = true;
    emit started(kind, checkTitle(kind));
    // What the exchange already shows is not asked of the network again (a 2 MB upload, a lookup).
    const bool proxy = m_context.spec && !m_context.spec->proxy.isEmpty();
    if (const std::optional<diagnose::EvidenceAnswer> answer = diagnose::answerFromExchange(kind, m_context.exchange, proxy)) {
        CheckResult result;
        result.observed = answer->observed;
        result.details = answer->details;
        result.status = answer->status;
        result.passed = answer->passed;
        result.skipped = answer->kind == diagnose::EvidenceAnswer::Kind::Skipped;
        result.answeredByAttempt = answer->attempt;
        result.transportError = answer->error;
        finish(result);
        return;
    }
    const std::optional<NetworkRequestSummary> request = m_context.hostFromFile ? networkRequestFor(kind) : std::nullopt;
    if (!request) {
        run(kind);
        return;
    }
    const auto refuse = [this, kind, host = request->host] {
        CheckResult result;
        result.refused = true;
        result.observed = tr("%1: not run — contacting %2 was not allowed, nothing was sent").arg(checkTitle(kind), host);
        finish(result);
    };
    if (!m_context.consent) {
        refuse();
        return;
    }
    const quint64 generation = m_generation;
    m_context.consent->ask(*request, this, [this, kind, generation, refuse](bool allowed) {
        if (!m_running || generation != m_generation)
            return; // cancelled or replaced while the question was open
        if (allowed)
            run(kind);
        else
            refuse();
    });
}

void CheckRunner::run(CheckKind kind)
{
    switch (kind) {
    case CheckKind::ResendWithoutExpect:
    case CheckKind::ResendWithExpect:
    case CheckKind::ResendHttp10:
    case CheckKind::ResendSmallerBody:
    case CheckKind::ResendWithoutProxy: startResend(kind); break;
    case CheckKind::DnsLookup: startDns(); break;
    case CheckKind::ShowCertificateChain: startCertificates(); break;
    case CheckKind::CompareWithPreviousAttempt: compareHeaders(); break;
    case CheckKind::OpenLogsFiltered: openLogs(); break;
    case CheckKind::None: finish({}); break;
    }
}

void CheckRunner::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    if (m_engine) {
        m_engine->disconnect(this);
        m_engine->cancel();
        m_engine->deleteLater();
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_timeout->stop();
    CheckResult result;
    result.kind = m_kind;
    result.cancelled = true;
    result.observed = tr("%1: cancelled").arg(checkTitle(m_kind));
    emit finished(result);
}

void CheckRunner::finish(CheckResult result)
{
    m_running = false;
    result.kind = m_kind;
    emit finished(result);
}

void CheckRunner::startResend(CheckKind kind)
{
    if (!m_context.spec) {
        CheckResult result;
        result.observed = tr("%1: not possible, the request is not known").arg(checkTitle(kind));
        finish(result);
        return;
    }
    const http::RequestSpec spec = specForCheck(kind, *m_context.spec);
    m_engine = new http::HttpEngine(nullptr, this);
    connect(m_engine, &http::HttpEngine::exchangeFinished, this, &CheckRunner::resendDone, Qt::QueuedConnection);
    m_engine->start(spec);
}

void CheckRunner::resendDone()
{
    if (!m_engine)
        return;
    http::HttpEngine *engine = m_engine;
    m_engine = nullptr;
    CheckResult result;
    result.exchange = engine->exchange();
    engine->deleteLater();
    result.status = result.exchange.finalStatus();
    result.transportError = result.exchange.error().kind;
    const bool transportOk = !result.exchange.error().isError();
    // A transport failure (DNS, connect, TLS) says nothing about the status being troubleshot:
    // it is reported as what it is, not as "a different status".
    result.passed = transportOk ? std::optional<bool>(result.status && *result.status < 400) : std::nullopt;
    result.observed = tr("%1: %2").arg(checkTitle(m_kind), statusLine(result.exchange));
    QStringList details;
    for (int i = 0; i < result.exchange.attempts.size(); ++i) {
        const http::Attempt &a = result.exchange.attempts.at(i);
        QStringList statuses;
        for (const http::InterimResponse &r : a.interim)
            statuses << QString::number(r.status);
        if (a.response)
            statuses << QString::number(a.response->status);
        // An attempt that failed before sending has no recorded request line: the spec says
        // what was about to go out.
        const QByteArray method = a.request.method.isEmpty() && m_context.spec ? specForCheck(m_kind, *m_context.spec).method
                                                                               : a.request.method;
        details << tr("Attempt %1: %2 %3, %4 of %5 body bytes sent%6 → %7")
                       .arg(i + 1)
                       .arg(QString::fromLatin1(method), http::toString(a.request.version))
                       .arg(a.request.bodySentBytes)
                       .arg(a.request.bodyBytes)
                       .arg(a.request.expectSent ? tr(", with Expect") : QString(),
                            statuses.isEmpty() ? a.error.message : statuses.join(QStringLiteral(" → ")));
    }
    if (!m_context.specNote.isEmpty())
        details << tr("Note: %1.").arg(m_context.specNote);
    result.details = details.join(QLatin1Char('\n'));
    m_lastResend = result.exchange;
    finish(result);
}

void CheckRunner::startDns()
{
    const QString name = host();
    if (name.isEmpty()) {
        finish({CheckKind::DnsLookup, false, tr("DNS lookup: no host name to look up"), {}, {}, {}, {}, {}});
        return;
    }
    m_lookupStartMs = QDateTime::currentMSecsSinceEpoch();
    m_lookupId = QHostInfo::lookupHost(name, this, [this, name](const QHostInfo &info) {
        m_lookupId = -1;
        const qint64 ms = QDateTime::currentMSecsSinceEpoch() - m_lookupStartMs;
        CheckResult result;
        QStringList addresses;
        for (const QHostAddress &a : info.addresses())
            addresses << a.toString();
        result.passed = info.error() == QHostInfo::NoError && !addresses.isEmpty();
        if (*result.passed) {
            result.observed = tr("DNS lookup: %1 resolves to %2 (%3 ms)").arg(name, addresses.join(QStringLiteral(", "))).arg(ms);
            result.details = tr("Addresses of %1:\n%2\nLookup took %3 ms.").arg(name, addresses.join(QLatin1Char('\n'))).arg(ms);
        } else {
            result.observed = tr("DNS lookup: %1 does not resolve (%2, %3 ms)").arg(name, info.errorString()).arg(ms);
            result.details = info.errorString();
        }
        finish(result);
    });
}

void CheckRunner::startCertificates()
{
    const QUrl url = m_context.spec ? m_context.spec->url : m_context.exchange.url;
    if (url.host().isEmpty()) {
        finish({CheckKind::ShowCertificateChain, false, tr("Certificate chain: no host to connect to"), {}, {}, {}, {}, {}});
        return;
    }
    m_socket = new QSslSocket(this);
    if (m_context.spec && !m_context.spec->caFile.isEmpty()) {
        QSslConfiguration config = m_socket->sslConfiguration();
        QList<QSslCertificate> cas = config.caCertificates();
        cas << QSslCertificate::fromPath(m_context.spec->caFile);
        config.setCaCertificates(cas);
        m_socket->setSslConfiguration(config);
    }
    auto *errors = new QStringList;
    connect(m_socket, &QObject::destroyed, this, [errors] { delete errors; });
    connect(m_socket, &QSslSocket::sslErrors, this, [this, errors](const QList<QSslError> &list) {
        for (const QSslError &e : list)
            *errors << e.errorString();
        m_socket->setProperty("verificationErrors", *errors);
        m_socket->ignoreSslErrors(); // the chain is what we want to see, errors and all
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] { handshakeDone(true); });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this] { handshakeDone(false); });
    m_timeout->start(kHandshakeTimeoutMs);
    m_socket->connectToHostEncrypted(url.host(), quint16(url.port(443)));
}

void CheckRunner::handshakeDone(bool ok)
{
    if (!m_socket)
        return;
    m_timeout->stop();
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    CheckResult result;
    const QStringList errors = socket->property("verificationErrors").toStringList();
    const QList<QSslCertificate> chain = socket->peerCertificateChain();
    QStringList lines;
    for (int i = 0; i < chain.size(); ++i) {
        const QSslCertificate &c = chain.at(i);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        lines << tr("%1. %2\n   issued by %3\n   valid %4 to %5%6")
                     .arg(i + 1)
                     .arg(c.subjectDisplayName(), c.issuerDisplayName(), c.effectiveDate().toString(Qt::ISODate),
                          c.expiryDate().toString(Qt::ISODate),
                          c.expiryDate() < now ? tr(" — EXPIRED")
                                               : (c.effectiveDate() > now ? tr(" — not yet valid") : QString()));
    }
    if (!errors.isEmpty())
        lines << tr("Verification errors:") << errors;
    if (!ok && chain.isEmpty()) {
        result.status = 0;
        result.passed = false;
        const QString why = socket->property("timedOut").toBool()
                                ? tr("no handshake within %1 s").arg(kHandshakeTimeoutMs / 1000)
                                : socket->errorString();
        result.observed = tr("Certificate chain: the handshake failed (%1)").arg(why);
        lines.prepend(why);
    } else {
        result.passed = errors.isEmpty();
        result.observed = errors.isEmpty()
                              ? tr("Certificate chain: %n certificate(s), verified", nullptr, int(chain.size()))
                              : tr("Certificate chain: %n certificate(s); %1", nullptr, int(chain.size()))
                                    .arg(errors.join(QStringLiteral("; ")));
    }
    result.details = lines.join(QLatin1Char('\n'));
    socket->abort();
    socket->deleteLater();
    finish(result);
}

void CheckRunner::compareHeaders()
{
    const QList<http::Attempt> &attempts = m_context.exchange.attempts;
    CheckResult result;
    const http::Attempt *a = nullptr;
    const http::Attempt *b = nullptr;
    QString what;
    if (m_lastResend && !m_lastResend->attempts.isEmpty() && !attempts.isEmpty()) {
        a = &attempts.last();
        b = &m_lastResend->attempts.last();
        what = tr("the original request and the last resend");
    } else if (attempts.size() >= 2) {
        a = &attempts.at(attempts.size() - 2);
        b = &attempts.last();
        what = tr("attempts %1 and %2").arg(attempts.size() - 1).arg(attempts.size());
    }
    if (!a) {
        result.observed = tr("Header comparison: only one attempt, nothing to compare (run a resend first)");
        finish(result);
        return;
    }
    result.details = tr("Comparing %1.\n").arg(what) + headerDiff(*a, *b);
    const bool expectLeft = http::hasHeader(b->request.headers, "expect");
    result.passed = !expectLeft;
    result.observed = tr("Header comparison of %1: %2").arg(what, expectLeft ? tr("the later one still sends Expect")
                                                                             : tr("no Expect in the later one"));
    finish(result);
}

void CheckRunner::openLogs()
{
    CheckResult result;
    const int status = m_context.status > 0 ? m_context.status : m_context.exchange.finalStatus().value_or(0);
    const QString done = m_context.openLogs ? m_context.openLogs(status, m_context.exchange.startedAt) : QString();
    result.observed = done.isEmpty()
                          ? tr("Logs: no access log is open; open the server's log (File → Open) and run this again")
                          : done;
    finish(result);
}

} // namespace statusscope::ui
