// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/attempt_facts.h"

namespace statusscope::diagnose {

QString describeAttempt(const http::Exchange &x, int index)
{
    const http::Attempt &a = x.attempts.at(index);
    const QString method = a.request.method.isEmpty() ? QStringLiteral("?")
                                                      : QString::fromLatin1(a.request.method);
    return QStringLiteral("attempt %1 (%2 %3)").arg(index + 1).arg(method, a.url.toString());
}

std::optional<int> eventIndex(const http::Attempt &a, http::EventType type, int status)
{
    for (int i = 0; i < a.events.size(); ++i) {
        if (a.events.at(i).type == type && (status == 0 || a.events.at(i).status == status))
            return i;
    }
    return std::nullopt;
}

bool sentExpectContinue(const http::Attempt &a)
{
    if (a.request.expectSent)
        return true;
    const std::optional<QByteArray> v = http::headerValue(a.request.headers, "expect");
    return v && v->trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;
}

std::optional<double> eventMs(const http::Exchange &x, const http::Attempt &a, http::EventType type,
                              int status)
{
    const std::optional<int> i = eventIndex(a, type, status);
    if (!i)
        return std::nullopt;
    return x.msFromStart(a.events.at(*i).tNs);
}

int statusOf(const http::Attempt &a)
{
    return a.response ? a.response->status : 0;
}

} // namespace statusscope::diagnose
