// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/expect_findings.h"

#include "core/diagnose/status_findings.h"

namespace statusscope::diagnose {

QString bodyDescription(qint64 bodyBytes)
{
    return bodyBytes < 0 ? QStringLiteral("a body of unknown length")
                         : QStringLiteral("a %1 body").arg(formatBytes(bodyBytes));
}

bool isExpectContinue(const QString &value)
{
    return value.trimmed().compare(QLatin1String("100-continue"), Qt::CaseInsensitive) == 0;
}

Finding expect417Finding(const QString &where, qint64 bodyBytes, const QString &when,
                         std::optional<qint64> bodySentBytes,
                         const std::optional<RetryWithoutExpect> &retry)
{
    Finding f = Finding::of(QStringLiteral("expect-417"), Severity::Info, QStringLiteral("417"));
    f.title = QStringLiteral("417: the server refused Expect: 100-continue");
    QString seen = QStringLiteral("%1 sent Expect: 100-continue with %2; the server answered 417 "
                                  "Expectation Failed %3")
                       .arg(where, bodyDescription(bodyBytes), when);
    seen += bodySentBytes ? QStringLiteral(" (%1 of the body sent).").arg(formatBytes(*bodySentBytes))
                          : QStringLiteral(".");
    const bool succeeded = retry && retry->status >= 200 && retry->status < 400;
    f.severity = succeeded ? Severity::Info : Severity::Warning;
    if (succeeded) {
        seen += QStringLiteral(" The retry without Expect (%1) succeeded with %2").arg(retry->who).arg(retry->status);
        seen += retry->after.isEmpty() ? QStringLiteral(".") : QStringLiteral(" after %1 more.").arg(retry->after);
    } else if (retry && retry->status) {
        seen += QStringLiteral(" The retry without Expect (%1) got %2 too.").arg(retry->who).arg(retry->status);
    } else if (retry) {
        seen += QStringLiteral(" The retry without Expect (%1) failed: %2.").arg(retry->who, retry->error);
    } else {
        seen += QStringLiteral(" No retry without Expect was made.");
    }
    f.explanation = seen;
    f.cause = QStringLiteral("Something in the path does not implement Expect: 100-continue: an "
                             "HTTP/1.0 proxy, lighttpd with server.reject-expect-100-with-417, "
                             "or a gateway configured to reject expectations.");
    f.fix = QStringLiteral("Send the upload without Expect: curl -H 'Expect:' --data-binary @FILE "
                           "URL (.NET: ServicePointManager.Expect100Continue = false; PHP curl: "
                           "CURLOPT_HTTPHEADER ['Expect:']), or fix the intermediary.");
    return f;
}

Finding expectUnknown417Finding(const QString &where, const QString &expectValue, const QString &when)
{
    Finding f = Finding::of(QStringLiteral("expect-unknown-417"), Severity::Error, QStringLiteral("417"));
    f.title = QStringLiteral("417: the request carried an expectation the server does not know");
    f.explanation = QStringLiteral("%1 sent Expect: %2 and got 417 %3. 100-continue is the only "
                                   "expectation HTTP defines.")
                        .arg(where, expectValue, when);
    f.cause = QStringLiteral("RFC 9110 §10.1.1: a server that receives an Expect value other than "
                             "100-continue MAY answer 417; Apache httpd does. Retrying will not "
                             "help while the header is there.");
    f.fix = QStringLiteral("Remove the header (curl -H 'Expect:'), or send 'Expect: 100-continue' "
                           "if asking before the upload was the intent.");
    return f;
}

std::optional<Finding> rejectedBeforeBodyFinding(int status, const QString &where, qint64 bodyBytes,
                                                 const QString &when)
{
    if (status != 401 && status != 403 && status != 413)
        return std::nullopt;
    Finding f = Finding::of(QStringLiteral("rejected-before-body"), Severity::Info, QString::number(status));
    const QString saved = bodyBytes > 0 ? formatBytes(bodyBytes) : QStringLiteral("the whole body");
    f.title = QStringLiteral("%1 before the body: Expect: 100-continue saved %2").arg(status).arg(saved);
    f.explanation = QStringLiteral("%1 asked with Expect: 100-continue and got %2 %3, before any of %4 "
                                   "was sent.")
                        .arg(where).arg(status).arg(when, bodyDescription(bodyBytes));
    f.cause = status == 413
                  ? QStringLiteral("The declared Content-Length is over the server's limit "
                                   "(nginx client_max_body_size, Apache LimitRequestBody).")
              : status == 401
                  ? QStringLiteral("The request lacks valid credentials; the server checked them "
                                   "from the headers alone.")
                  : QStringLiteral("The server refuses this client or resource whatever the body.");
    f.fix = status == 413
                ? QStringLiteral("Send a smaller body (split or compress the upload), or raise "
                                 "the limit on the server (nginx: client_max_body_size 50m;).")
            : status == 401
                ? QStringLiteral("Add valid credentials (curl -u USER:PASSWORD or -H "
                                 "'Authorization: Bearer …') and resend.")
                : QStringLiteral("Check the account's permissions on this resource; resending "
                                 "the same request will get the same 403.");
    return f;
}

} // namespace statusscope::diagnose
