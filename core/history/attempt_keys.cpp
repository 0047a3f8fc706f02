// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/attempt_keys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace statusscope {

QList<AttemptKey> attemptKeysFromExchangeJson(const QByteArray &exchangeJson)
{
    QList<AttemptKey> keys;
    const QJsonObject root = QJsonDocument::fromJson(exchangeJson).object();
    const QUrl exchangeUrl(root.value(QLatin1String("url")).toString());
    const QJsonArray attempts = root.value(QLatin1String("attempts")).toArray();
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        const QJsonObject attempt = attempts.at(i).toObject();
        const QJsonObject request = attempt.value(QLatin1String("request")).toObject();
        // A redirect's attempt has its own URL; older files only the exchange's.
        const QString attemptUrl = attempt.value(QLatin1String("url")).toString();
        const QUrl url = attemptUrl.isEmpty() ? exchangeUrl : QUrl(attemptUrl);
        AttemptKey key;
        key.position = int(i);
        key.method = request.value(QLatin1String("method")).toString();
        key.host = url.host();
        const QString target = request.value(QLatin1String("target")).toString();
        if (target.isEmpty() || target.contains(QLatin1String("://"))) // absolute-form (via a proxy)
            key.path = target.isEmpty() ? url.path() : QUrl(target).path();
        else
            key.path = target.section(QLatin1Char('?'), 0, 0);
        const QJsonValue response = attempt.value(QLatin1String("response"));
        if (response.isObject())
            key.status = response.toObject().value(QLatin1String("status")).toInt(-1);
        keys << key;
    }
    return keys;
}

} // namespace statusscope
