// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_replay.h"

#include "core/diagnose/checks/resend_spec.h"

#include <QUrl>

namespace statusscope::ui {

namespace {

http::HeaderList headerList(const QList<HarNameValue> &headers)
{
    http::HeaderList list;
    for (const HarNameValue &h : headers)
        list.append({h.name.toLatin1(), h.value.toUtf8()});
    return list;
}

} // namespace

ComposerState composerStateFromHarEntry(const HarEntry &entry)
{
    ComposerState state;
    state.method = entry.request.method.isEmpty() ? QStringLiteral("GET") : entry.request.method.toUpper();
    state.url = entry.request.url;
    QString contentTypeHeader;
    for (const HarNameValue &h : entry.request.headers) {
        const QString lower = h.name.toLower();
        if (lower == QLatin1String("accept-encoding")) {
            // The engine decodes gzip and deflate only: ask for those rather than br or zstd.
            state.compressed = h.value.contains(QLatin1String("gzip")) || h.value.contains(QLatin1String("deflate"));
            continue;
        }
        if (lower == QLatin1String("expect")) {
            if (h.value.trimmed().compare(QLatin1String("100-continue"), Qt::CaseInsensitive) == 0)
                state.expectMode = http::ExpectMode::Always;
            continue;
        }
        if (diagnose::isEngineWrittenHeader(h.name))
            continue;
        if (lower == QLatin1String("content-type")) {
            contentTypeHeader = h.value;
            continue; // the body's type goes with the body
        }
        state.headers.append({h.name, h.value, true});
    }
    if (entry.request.postData) {
        const HarPostData &post = *entry.request.postData;
        const QString type = post.mimeType.isEmpty() ? contentTypeHeader : post.mimeType;
        if (!post.text.isEmpty()) {
            state.bodyMode = BodyMode::Raw;
            state.rawText = QString::fromUtf8(post.text);
            state.rawContentType = type;
        } else if (!post.params.isEmpty()) {
            state.bodyMode = BodyMode::Form;
            for (const HarParam &p : post.params)
                state.form.append({p.name, p.value, true});
        } else if (!type.isEmpty()) {
            state.bodyMode = BodyMode::Raw;
            state.rawContentType = type;
        }
    } else if (!contentTypeHeader.isEmpty()) {
        state.headers.append({QStringLiteral("Content-Type"), contentTypeHeader, true});
    }
    return state;
}

http::Exchange exchangeFromHarEntry(const HarEntry &entry)
{
    http::Exchange x;
    x.url = QUrl(entry.request.url);
    http::Attempt a;
    a.url = x.url;
    a.request.method = entry.request.method.toLatin1();
    a.request.target = x.url.path(QUrl::FullyEncoded).toLatin1();
    a.request.headers = headerList(entry.request.headers);
    a.request.bodyBytes = entry.request.postData ? entry.request.postData->text.size() : 0;
    a.request.expectSent = http::hasHeader(a.request.headers, "expect");
    a.connection.remote = entry.serverIpAddress;
    if (entry.response.status > 0) {
        http::Response r;
        r.status = entry.response.status;
        r.reason = entry.response.statusText.toLatin1();
        r.headers = headerList(entry.response.headers);
        a.response = r;
    }
    x.attempts.append(a);
    return x;
}

} // namespace statusscope::ui
