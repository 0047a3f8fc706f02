// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/outgoing_contact.h"

#include "core/diagnose/checks/resend_spec.h"
#include "core/http/body_source.h"

#include <QObject>

namespace statusscope::diagnose {

namespace {

std::optional<OutgoingContact> resendContact(CheckKind kind, const CheckInputs &inputs)
{
    if (!inputs.spec)
        return std::nullopt; // nothing can be sent
    const http::RequestSpec spec = specForCheck(kind, *inputs.spec);
    OutgoingContact contact;
    contact.host = spec.url.host();
    contact.method = QString::fromLatin1(spec.method);
    contact.bodyBytes = http::bodySourceSize(spec);
    const QString path = spec.url.path().isEmpty() ? QStringLiteral("/") : spec.url.path();
    contact.action = QObject::tr("send %1 %2 to").arg(contact.method, path);
    return contact;
}

} // namespace

std::optional<OutgoingContact> outgoingContact(CheckKind kind, const CheckInputs &inputs)
{
    OutgoingContact contact;
    contact.host = inputs.url().host();
    switch (kind) {
    case CheckKind::ResendWithoutExpect:
    case CheckKind::ResendWithExpect:
    case CheckKind::ResendHttp10:
    case CheckKind::ResendSmallerBody:
    case CheckKind::ResendWithoutProxy: return resendContact(kind, inputs);
    case CheckKind::DnsLookup: contact.action = QObject::tr("look up the address of"); break;
    case CheckKind::ShowCertificateChain:
        contact.action = QObject::tr("open a TLS connection (no HTTP request) on port %1 of").arg(inputs.url().port(443));
        break;
    case CheckKind::CompareWithPreviousAttempt:
    case CheckKind::OpenLogsFiltered:
    case CheckKind::None: return std::nullopt;
    }
    return contact.host.isEmpty() ? std::nullopt : std::optional(contact);
}

} // namespace statusscope::diagnose
