// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/resend_spec.h"

#include "core/http/body_source.h"

#include <QObject>
#include <QSet>

namespace statusscope::diagnose {

namespace {

// A rebuilt body (the saved exchange has only its size) is capped here: enough to cross curl's
// 1 MiB Expect threshold and common upload limits without holding a huge buffer in memory.
constexpr qint64 kMaxRebuiltBodyBytes = 16 * 1024 * 1024;

void dropExpectHeader(http::RequestSpec &spec)
{
    spec.headers.removeIf([](const http::Header &h) { return h.first.compare("expect", Qt::CaseInsensitive) == 0; });
}

QByteArray firstBodyBytes(http::RequestSpec &spec)
{
    QString error;
    const std::unique_ptr<QIODevice> source = http::openBodySource(spec, &error);
    spec.bodyFile.clear();
    spec.form.clear();
    if (source)
        return source->read(kSmallerBodyBytes);
    return error.isEmpty() ? spec.body.left(kSmallerBodyBytes) : QByteArray();
}

} // namespace

bool isEngineWrittenHeader(const QString &name)
{
    static const QSet<QString> names = {QStringLiteral("host"), QStringLiteral("content-length"),
                                        QStringLiteral("connection"), QStringLiteral("keep-alive"),
                                        QStringLiteral("proxy-connection"), QStringLiteral("transfer-encoding"),
                                        QStringLiteral("te"), QStringLiteral("upgrade"), QStringLiteral("expect")};
    return name.startsWith(QLatin1Char(':')) || names.contains(name.toLower());
}

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
    switch (kind) {
    case CheckKind::ResendWithoutExpect:
        dropExpectHeader(spec);
        spec.expectMode = http::ExpectMode::Never;
        if (!spec.removedHeaders.contains("expect"))
            spec.removedHeaders.append("expect");
        break;
    case CheckKind::ResendWithExpect:
        dropExpectHeader(spec);
        spec.removedHeaders.removeAll("expect");
        spec.expectMode = http::ExpectMode::Always;
        break;
    case CheckKind::ResendHttp10: spec.version = http::HttpVersion::Http10; break;
    case CheckKind::ResendSmallerBody: spec.body = firstBodyBytes(spec); break;
    case CheckKind::ResendWithoutProxy: spec.proxy = QUrl(); break;
    case CheckKind::DnsLookup:
    case CheckKind::ShowCertificateChain:
    case CheckKind::CompareWithPreviousAttempt:
    case CheckKind::OpenLogsFiltered:
    case CheckKind::None: break;
    }
    return spec;
}

} // namespace statusscope::diagnose
