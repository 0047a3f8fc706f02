// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/phase_spans.h"
#include "core/text/durations.h"

#include <QLocale>

#include <cmath>

#include <ostream>

namespace statusscope::ui {

namespace {

using http::Event;
using http::EventType;

std::optional<qint64> firstOf(const http::Attempt &a, EventType type, qint64 from = 0)
{
    for (const Event &e : a.events) {
        if (e.type == type && e.tNs >= from)
            return e.tNs;
    }
    return std::nullopt;
}

std::optional<qint64> lastOf(const http::Attempt &a, EventType type)
{
    for (auto it = a.events.crbegin(); it != a.events.crend(); ++it) {
        if (it->type == type)
            return it->tNs;
    }
    return std::nullopt;
}

const Event *wait100EndEvent(const http::Attempt &a)
{
    const auto start = firstOf(a, EventType::ExpectWaitStart);
    if (!start)
        return nullptr;
    for (const Event &e : a.events) {
        if (e.tNs < *start)
            continue;
        if ((e.type == EventType::InterimResponse && e.status == 100) || e.type == EventType::ExpectTimeout
            || e.type == EventType::ResponseHeaders || e.type == EventType::Error)
            return &e;
    }
    return nullptr;
}

} // namespace

QString toString(Phase phase)
{
    switch (phase) {
    case Phase::Dns: return QStringLiteral("DNS");
    case Phase::Connect: return QStringLiteral("Connect");
    case Phase::Tls: return QStringLiteral("TLS");
    case Phase::HeadersSent: return QStringLiteral("Headers sent");
    case Phase::WaitFor100: return QStringLiteral("Wait for 100");
    case Phase::Upload: return QStringLiteral("Upload");
    case Phase::Waiting: return QStringLiteral("Waiting (TTFB)");
    case Phase::Download: return QStringLiteral("Download");
    }
    return QStringLiteral("?");
}

void PrintTo(Phase phase, std::ostream *os)
{
    *os << toString(phase).toStdString();
}

QString groupedNumber(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString humanBytes(double bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB"};
    int u = 0;
    while (bytes >= 1024 && u < 3) {
        bytes /= 1024;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', u == 0 ? 0 : 1).arg(QLatin1String(units[u]));
}

QList<PhaseSpan> phaseSpans(const http::Exchange &x, const http::Attempt &a)
{
    QList<PhaseSpan> spans;
    const auto add = [&](Phase p, std::optional<qint64> from, std::optional<qint64> to) {
        if (from && to && *to >= *from)
            spans.append({p, x.msFromStart(*from), x.msFromStart(*to)});
    };
    add(Phase::Dns, firstOf(a, EventType::DnsStart), firstOf(a, EventType::DnsDone));
    add(Phase::Connect, lastOf(a, EventType::ConnectStart), firstOf(a, EventType::ConnectDone));
    add(Phase::Tls, firstOf(a, EventType::TlsStart), firstOf(a, EventType::TlsDone));
    std::optional<qint64> ready = firstOf(a, EventType::TlsDone);
    if (!ready)
        ready = firstOf(a, EventType::ConnectDone);
    if (!ready && !a.events.isEmpty())
        ready = a.startNs(); // a reused connection: sending starts at once
    const auto headersSent = firstOf(a, EventType::RequestHeadersSent);
    add(Phase::HeadersSent, ready, headersSent);
    if (const Event *end = wait100EndEvent(a))
        add(Phase::WaitFor100, firstOf(a, EventType::ExpectWaitStart), end->tNs);
    // An upload cut short (cancel, error) still shows how far it got.
    const auto bodyStart = firstOf(a, EventType::BodySendStart);
    auto bodyEnd = firstOf(a, EventType::BodySent);
    if (bodyStart && !bodyEnd && a.error.isError())
        bodyEnd = a.endNs();
    add(Phase::Upload, bodyStart, bodyEnd);
    if (a.response && headersSent) {
        qint64 sendEnd = *headersSent;
        if (bodyEnd && *bodyEnd <= a.response->firstByteNs)
            sendEnd = *bodyEnd;
        add(Phase::Waiting, sendEnd, a.response->firstByteNs);
    }
    add(Phase::Download, firstOf(a, EventType::ResponseHeaders), firstOf(a, EventType::ResponseBodyDone));
    for (PhaseSpan &s : spans) {
        if (overlappedBy(spans, s))
            s.lane = 1;
    }
    return spans;
}

std::optional<PhaseSpan> overlappedBy(const QList<PhaseSpan> &spans, const PhaseSpan &span)
{
    for (const PhaseSpan &earlier : spans) {
        if (earlier.phase == span.phase)
            break; // wire order: only the phases before it
        if (earlier.lane == 0 && span.startMs < earlier.endMs && span.endMs > earlier.startMs)
            return earlier;
    }
    return std::nullopt;
}

QList<AxisTick> axisTicks(double endMs, double widthPx, double minSpacingPx)
{
    QList<AxisTick> ticks;
    if (endMs <= 0 || widthPx <= 0)
        return ticks;
    const double minStep = endMs * minSpacingPx / widthPx;
    double step = std::pow(10.0, std::floor(std::log10(minStep)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (step * factor >= minStep) {
            step *= factor;
            break;
        }
    }
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step)));
    for (int i = 0; i * step <= endMs + step * 1e-9; ++i)
        ticks.append({i * step, QStringLiteral("%1 ms").arg(i * step, 0, 'f', decimals)});
    return ticks;
}

QString wait100Ending(const http::Exchange &x, const http::Attempt &a)
{
    const Event *e = wait100EndEvent(a);
    if (!e) {
        return firstOf(a, EventType::ExpectWaitStart) ? QObject::tr("still waiting (no 100, no response)")
                                                      : QString();
    }
    const QString at = text::exactMs(x.msFromStart(e->tNs));
    switch (e->type) {
    case EventType::InterimResponse: return QObject::tr("a 100 at %1").arg(at);
    case EventType::ExpectTimeout: return QObject::tr("the timeout at %1").arg(at);
    case EventType::Error: return QObject::tr("an error at %1").arg(at);
    default:
        if (e->status == 417)
            return QObject::tr("a 417 at %1").arg(at);
        return QObject::tr("a final response (%1) at %2").arg(e->status).arg(at);
    }
}

QList<EventRow> eventRows(const http::Exchange &x)
{
    QList<EventRow> rows;
    for (int ai = 0; ai < x.attempts.size(); ++ai) {
        const http::Attempt &a = x.attempts.at(ai);
        const double startMs = a.events.isEmpty() ? 0 : x.msFromStart(a.startNs());
        if (a.reason == http::AttemptReason::RetryWithoutExpect)
            rows.append({ai, startMs, QStringLiteral("↻"), QObject::tr("retry without Expect"), 0});
        else if (a.reason == http::AttemptReason::Redirect)
            rows.append({ai, startMs, QStringLiteral("↪"), QObject::tr("redirect to %1").arg(a.url.toString()), 0});
        int interimIndex = 0;
        for (const Event &e : a.events) {
            EventRow r{ai, x.msFromStart(e.tNs), QStringLiteral("·"), {}, 0};
            switch (e.type) {
            case EventType::DnsStart: r.text = QObject::tr("DNS lookup %1").arg(e.detail); break;
            case EventType::DnsDone: r.text = QObject::tr("resolved: %1").arg(e.detail); break;
            case EventType::ConnectStart: r.direction = QStringLiteral("→"); r.text = QObject::tr("connect to %1").arg(e.detail); break;
            case EventType::ConnectDone: r.text = QObject::tr("connected %1").arg(e.detail); break;
            case EventType::TlsStart: r.direction = QStringLiteral("→"); r.text = QObject::tr("TLS handshake with %1").arg(e.detail); break;
            case EventType::TlsDone: r.text = QObject::tr("TLS established: %1").arg(e.detail); break;
            case EventType::RequestHeadersSent:
                r.direction = QStringLiteral("→");
                r.text = QStringLiteral("%1 %2 %3 (%4 bytes of headers%5)")
                             .arg(QString::fromLatin1(a.request.method), QString::fromLatin1(a.request.target),
                                  http::toString(a.request.version), groupedNumber(qMax<qint64>(0, e.bytes)),
                                  a.request.expectSent ? QObject::tr(", Expect: 100-continue") : QString());
                break;
            case EventType::ExpectWaitStart: r.text = e.detail; break;
            case EventType::InterimResponse: {
                r.direction = QStringLiteral("←");
                QString reason;
                if (interimIndex < a.interim.size())
                    reason = QString::fromLatin1(a.interim.at(interimIndex++).reason);
                r.text = QStringLiteral("HTTP/1.1 %1 %2").arg(e.status).arg(reason).trimmed();
                r.status = e.status;
                break;
            }
            case EventType::ExpectTimeout: r.text = QObject::tr("no 100 Continue in time: sending the body anyway"); break;
            case EventType::BodySendStart: r.direction = QStringLiteral("→"); r.text = QObject::tr("body starts"); break;
            case EventType::BodySent:
                r.direction = QStringLiteral("→");
                r.text = QObject::tr("body %1 bytes").arg(groupedNumber(e.bytes >= 0 ? e.bytes : a.request.bodySentBytes));
                break;
            case EventType::ResponseHeaders:
                r.direction = QStringLiteral("←");
                r.status = e.status;
                r.text = a.response ? QStringLiteral("%1 %2 %3").arg(http::toString(a.response->version)).arg(a.response->status)
                                          .arg(QString::fromLatin1(a.response->reason)).trimmed()
                                    : QStringLiteral("HTTP/1.1 %1").arg(e.status);
                break;
            case EventType::ResponseBodyDone:
                r.direction = QStringLiteral("←");
                r.text = QObject::tr("body %1 bytes").arg(groupedNumber(qMax<qint64>(0, e.bytes)));
                break;
            case EventType::ConnectionClosed: r.direction = QStringLiteral("✕"); r.text = QObject::tr("connection closed: %1").arg(e.detail); break;
            case EventType::Error: r.direction = QStringLiteral("✕"); r.text = QObject::tr("error: %1").arg(e.detail); break;
            case EventType::Finding: r.direction = QStringLiteral("!"); r.text = e.detail; break;
            }
            rows.append(r);
        }
    }
    return rows;
}

} // namespace statusscope::ui
