// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/probe/probe_json.h"

#include <QJsonArray>

namespace statusscope::probe {

QJsonObject checkToJson(const CheckResult &c)
{
    QJsonArray interim;
    for (const int code : c.interim)
        interim.append(code);
    QJsonObject timings;
    for (const auto &[name, value] : c.timingsMs)
        timings.insert(name, value ? QJsonValue(qRound64(*value * 1000.0) / 1000.0) : QJsonValue(QJsonValue::Null));
    return QJsonObject{
        {QStringLiteral("id"), checkName(c.id)},
        {QStringLiteral("via"), routeName(c.via)},
        {QStringLiteral("status"), c.status ? QJsonValue(*c.status) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("interim"), interim},
        {QStringLiteral("body_sent"), c.bodySent},
        {QStringLiteral("timings_ms"), timings},
        {QStringLiteral("verdict"), verdictName(c.verdict)},
        {QStringLiteral("rfc"), c.rfc},
        {QStringLiteral("detail"), c.detail},
        {QStringLiteral("guide"), c.guide},
    };
}

QJsonObject reportToJson(const ProbeReport &report)
{
    QJsonArray checks;
    for (const CheckResult &c : report.checks)
        checks.append(checkToJson(c));
    return QJsonObject{
        {QStringLiteral("url"), report.url.toString(QUrl::FullyEncoded)},
        {QStringLiteral("proxy"), report.proxy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(report.proxy.toString())},
        {QStringLiteral("summary"), report.summary},
        {QStringLiteral("checks"), checks},
    };
}

} // namespace statusscope::probe
