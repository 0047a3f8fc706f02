// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/checks/header_diff.h"

#include <QObject>

namespace statusscope::diagnose {

namespace {

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
    const qsizetype before = out.size();
    for (const QString &line : a) {
        if (!b.contains(line))
            out << QStringLiteral("- ") + line;
    }
    for (const QString &line : b) {
        if (!a.contains(line))
            out << QStringLiteral("+ ") + line;
    }
    if (out.size() == before)
        out << QObject::tr("  (same headers)");
}

} // namespace

QString headerDiff(const http::Attempt &a, const http::Attempt &b)
{
    QStringList out;
    appendDiff(out, QObject::tr("Request headers:"), headerLines(a.request.headers), headerLines(b.request.headers));
    const http::HeaderList none;
    appendDiff(out, QObject::tr("Response headers:"), headerLines(a.response ? a.response->headers : none),
               headerLines(b.response ? b.response->headers : none));
    return out.join(QLatin1Char('\n'));
}

CheckResult compareWithPrevious(const http::Exchange &exchange, const std::optional<http::Exchange> &lastResend)
{
    const QList<http::Attempt> &attempts = exchange.attempts;
    CheckResult result;
    result.kind = CheckKind::CompareWithPreviousAttempt;
    const http::Attempt *a = nullptr;
    const http::Attempt *b = nullptr;
    QString what;
    if (lastResend && !lastResend->attempts.isEmpty() && !attempts.isEmpty()) {
        a = &attempts.last();
        b = &lastResend->attempts.last();
        what = QObject::tr("the original request and the last resend");
    } else if (attempts.size() >= 2) {
        a = &attempts.at(attempts.size() - 2);
        b = &attempts.last();
        what = QObject::tr("attempts %1 and %2").arg(attempts.size() - 1).arg(attempts.size());
    }
    if (!a) {
        result.observed = QObject::tr("Header comparison: only one attempt, nothing to compare (run a resend first)");
        return result;
    }
    result.details = QObject::tr("Comparing %1.\n").arg(what) + headerDiff(*a, *b);
    const bool expectLeft = http::hasHeader(b->request.headers, "expect");
    result.passed = !expectLeft;
    result.outcome = expectLeft ? CheckOutcome::Failed : CheckOutcome::Ok;
    result.observed = QObject::tr("Header comparison of %1: %2")
                          .arg(what, expectLeft ? QObject::tr("the later one still sends Expect")
                                                : QObject::tr("no Expect in the later one"));
    return result;
}

} // namespace statusscope::diagnose
