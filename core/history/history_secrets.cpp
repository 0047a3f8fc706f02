// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/history_secrets.h"

#include "core/curl/curl_command.h"
#include "core/har/har_sanitizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace statusscope {

namespace {

const QString kRedactedText = QString::fromUtf16(kRedacted);

bool isSecretHeader(const QString &name)
{
    const QString lower = name.toLower();
    return lower == QLatin1String("authorization") || lower == QLatin1String("proxy-authorization")
        || lower == QLatin1String("cookie") || lower == QLatin1String("set-cookie");
}

// [[name, value], …] as written by exchangeToJson.
QJsonArray redactHeaders(QJsonArray headers, int *count)
{
    for (qsizetype i = 0; i < headers.size(); ++i) {
        QJsonArray pair = headers.at(i).toArray();
        if (pair.size() == 2 && isSecretHeader(pair.at(0).toString()) && pair.at(1).toString() != kRedactedText) {
            pair[1] = kRedactedText;
            headers[i] = pair;
            ++*count;
        }
    }
    return headers;
}

// A full URL or an origin-form target ("/path?query").
QString redactQuery(const QString &text, int *count)
{
    const qsizetype q = text.indexOf(QLatin1Char('?'));
    if (q < 0)
        return text;
    const qsizetype hash = text.indexOf(QLatin1Char('#'), q);
    const QString query = text.mid(q + 1, hash < 0 ? -1 : hash - q - 1);
    QStringList parts = query.split(QLatin1Char('&'));
    bool changed = false;
    for (QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        const QString name = QUrl::fromPercentEncoding(part.left(eq).toUtf8());
        if (isSensitiveName(name) && part.mid(eq + 1) != kRedactedText) {
            part = part.left(eq + 1) + kRedactedText;
            changed = true;
            ++*count;
        }
    }
    if (!changed)
        return text;
    return text.left(q + 1) + parts.join(QLatin1Char('&')) + (hash < 0 ? QString() : text.mid(hash));
}

void redactHeadersIn(QJsonObject &object, const QString &key, int *count)
{
    if (object.value(key).isArray())
        object[key] = redactHeaders(object.value(key).toArray(), count);
}

void redactHeaderList(http::HeaderList &headers, int *count)
{
    for (http::Header &h : headers) {
        if (isSecretHeader(QString::fromLatin1(h.first)) && h.second != kRedactedText.toLatin1()) {
            h.second = kRedactedText.toLatin1();
            ++*count;
        }
    }
}

QUrl redactUrl(const QUrl &url, int *count)
{
    const QString text = url.toString(QUrl::FullyEncoded);
    const QString redacted = redactQuery(text, count);
    return redacted == text ? url : QUrl(redacted, QUrl::StrictMode);
}

// The saved curl command, read with the one curl model and written back the same way.
QString redactCurlCommand(const QString &command, int *count)
{
    CurlImport import = importCurlCommand(command);
    if (!import.error.isEmpty())
        return command;
    CurlCommand &c = import.command;
    const int before = *count;
    const qsizetype colon = c.user.indexOf(QLatin1Char(':'));
    if (colon >= 0 && c.user.mid(colon + 1) != kRedactedText) {
        c.user = c.user.left(colon + 1) + kRedactedText;
        ++*count;
    }
    for (auto &[name, value] : c.headers) {
        if (isSecretHeader(name) && value != kRedactedText) {
            value = kRedactedText;
            ++*count;
        }
    }
    c.url = redactQuery(c.url, count);
    return *count == before ? command : exportCurlCommand(c, import.dialect);
}

} // namespace

http::Exchange redactExchange(const http::Exchange &exchange, int *redactions)
{
    int count = 0;
    http::Exchange x = exchange;
    x.url = redactUrl(x.url, &count);
    for (http::Attempt &a : x.attempts) {
        a.url = redactUrl(a.url, &count);
        a.request.target = redactQuery(QString::fromLatin1(a.request.target), &count).toLatin1();
        redactHeaderList(a.request.headers, &count);
        for (http::InterimResponse &ir : a.interim)
            redactHeaderList(ir.headers, &count);
        if (a.response) {
            redactHeaderList(a.response->headers, &count);
            redactHeaderList(a.response->trailers, &count);
        }
    }
    if (redactions)
        *redactions = count;
    return x;
}

RedactedExchangeJson redactExchangeJson(const QByteArray &json)
{
    RedactedExchangeJson out;
    out.json = json;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject()) {
        out.valid = false;
        return out;
    }
    QJsonObject root = doc.object();
    int count = 0;
    root[QStringLiteral("url")] = redactQuery(root.value(QStringLiteral("url")).toString(), &count);
    QJsonArray attempts = root.value(QStringLiteral("attempts")).toArray();
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        QJsonObject a = attempts.at(i).toObject();
        if (a.contains(QStringLiteral("url")))
            a[QStringLiteral("url")] = redactQuery(a.value(QStringLiteral("url")).toString(), &count);
        QJsonObject request = a.value(QStringLiteral("request")).toObject();
        request[QStringLiteral("target")] = redactQuery(request.value(QStringLiteral("target")).toString(), &count);
        redactHeadersIn(request, QStringLiteral("headers"), &count);
        a[QStringLiteral("request")] = request;
        if (a.value(QStringLiteral("response")).isObject()) {
            QJsonObject response = a.value(QStringLiteral("response")).toObject();
            redactHeadersIn(response, QStringLiteral("headers"), &count);
            redactHeadersIn(response, QStringLiteral("trailers"), &count);
            a[QStringLiteral("response")] = response;
        }
        QJsonArray interim = a.value(QStringLiteral("interim")).toArray();
        for (qsizetype k = 0; k < interim.size(); ++k) {
            QJsonObject ir = interim.at(k).toObject();
            redactHeadersIn(ir, QStringLiteral("headers"), &count);
            interim[k] = ir;
        }
        a[QStringLiteral("interim")] = interim;
        attempts[i] = a;
    }
    root[QStringLiteral("attempts")] = attempts;
    const QString curlKey = QLatin1String(kHistoryCurlKey);
    if (root.value(curlKey).isString())
        root[curlKey] = redactCurlCommand(root.value(curlKey).toString(), &count);
    out.redactions = count;
    if (count > 0)
        out.json = QJsonDocument(root).toJson(QJsonDocument::Compact);
    return out;
}

} // namespace statusscope
