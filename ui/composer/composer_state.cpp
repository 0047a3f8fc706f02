// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composer/composer_state.h"

#include "core/curl/curl_form.h"
#include "core/curl/curl_request.h"

#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <ostream>
#include <tuple>
#include <utility>

namespace statusscope::ui {

namespace {

using Kind = CurlCommand::BodyKind;

bool sameName(const QString &a, const char *b)
{
    return a.compare(QLatin1String(b), Qt::CaseInsensitive) == 0;
}

// The settings the composer shows with the same meaning as a curl option, copied both ways
// between the composer and the curl model: showing another option is one entry here.
constexpr auto kSharedSettings = std::make_tuple(
    std::pair(&ComposerState::expect100TimeoutS, &CurlCommand::expect100Timeout),
    std::pair(&ComposerState::http10, &CurlCommand::http10),
    std::pair(&ComposerState::followRedirects, &CurlCommand::followRedirects),
    std::pair(&ComposerState::maxRedirects, &CurlCommand::maxRedirects),
    std::pair(&ComposerState::caFile, &CurlCommand::caCert),
    std::pair(&ComposerState::connectTimeoutS, &CurlCommand::connectTimeout),
    std::pair(&ComposerState::maxTimeS, &CurlCommand::maxTime),
    std::pair(&ComposerState::proxy, &CurlCommand::proxy),
    std::pair(&ComposerState::user, &CurlCommand::user),
    std::pair(&ComposerState::compressed, &CurlCommand::compressed),
    std::pair(&ComposerState::outputFile, &CurlCommand::outputFile));

template <typename Copy>
void forEachSharedSetting(Copy copy)
{
    std::apply([&copy](const auto &...pair) { (copy(pair.first, pair.second), ...); }, kSharedSettings);
}

// The Expect choice a copied command must carry. curl's own rule for an upload is not the
// engine's (curl 7.88 asks before any -T body; the engine from 1 MiB on), so for a file that
// exists the engine's choice for its size is written out; otherwise curl decides, as we would.
http::ExpectMode expectForCurl(const ComposerState &s)
{
    if (s.expectMode != http::ExpectMode::Auto || s.bodyMode != BodyMode::File || s.http10)
        return s.expectMode; // (HTTP/1.0: neither curl nor the engine sends Expect)
    const QFileInfo file(s.bodyFile);
    if (!file.isFile())
        return http::ExpectMode::Auto;
    return file.size() >= http::kExpectAutoThresholdBytes ? http::ExpectMode::Always : http::ExpectMode::Never;
}

bool isFormPart(const CurlCommand::BodyPart &part)
{
    return part.kind == Kind::Form || part.kind == Kind::FormString;
}

const QLatin1String kBearer("Bearer ");

// The first "Authorization: Bearer …" header, moved into the Bearer field.
void takeBearer(ComposerState &s)
{
    for (qsizetype i = 0; i < s.headers.size(); ++i) {
        const KeyValueRow &h = s.headers.at(i);
        if (sameName(h.name, "Authorization") && h.value.startsWith(kBearer, Qt::CaseInsensitive)) {
            s.bearerToken = h.value.mid(kBearer.size()).trimmed();
            s.headers.removeAt(i);
            return;
        }
    }
}

bool isFileBody(const CurlCommand &c)
{
    if (c.body.size() != 1)
        return false;
    const CurlCommand::BodyPart &part = c.body.first();
    return part.kind == Kind::Upload
           || ((part.kind == Kind::DataBinary || part.kind == Kind::Data) && part.value.startsWith(QLatin1Char('@')));
}

// curl -T appends the file's name to a URL whose path ends in '/' (or is empty): such a URL
// gets the file as --data-binary @file instead.
bool uploadKeepsUrl(const QString &url)
{
    const QString path = effectiveUrl(url).path();
    return !path.isEmpty() && !path.endsWith(QLatin1Char('/'));
}

std::optional<int> secondsToMs(const std::optional<double> &seconds)
{
    if (!seconds)
        return std::nullopt;
    return int(*seconds * 1000.0 + 0.5);
}

} // namespace

QString toString(BodyMode mode)
{
    switch (mode) {
    case BodyMode::None: return QStringLiteral("none");
    case BodyMode::Raw: return QStringLiteral("raw");
    case BodyMode::File: return QStringLiteral("file");
    case BodyMode::Form: return QStringLiteral("form");
    case BodyMode::Multipart: return QStringLiteral("multipart");
    }
    return QStringLiteral("none");
}

void PrintTo(BodyMode mode, std::ostream *os)
{
    *os << toString(mode).toStdString();
}

void PrintTo(const ComposerState &s, std::ostream *os)
{
    *os << s.method.toStdString() << ' ' << s.url.toStdString() << " headers[";
    for (const auto &h : s.headers)
        *os << (h.enabled ? "" : "#") << h.name.toStdString() << ": " << h.value.toStdString() << "; ";
    *os << "] removed[" << s.removedHeaders.join(QLatin1Char(',')).toStdString() << "] body="
        << toString(s.bodyMode).toStdString() << " raw=" << s.rawText.toStdString()
        << " type=" << s.rawContentType.toStdString() << " file=" << s.bodyFile.toStdString()
        << " form=" << s.form.size() << " multipart=" << s.multipart.size() << " expect=" << http::toString(s.expectMode).toStdString()
        << " http10=" << s.http10 << " follow=" << s.followRedirects << " verify=" << s.verifyTls
        << " proxy=" << s.proxy.toStdString() << " user=" << s.user.toStdString()
        << " bearer=" << s.bearerToken.toStdString();
}

QStringList rawContentTypes()
{
    return {QStringLiteral("application/json"), QStringLiteral("application/xml"),
            QStringLiteral("application/x-www-form-urlencoded"), QStringLiteral("text/plain")};
}

ComposerState stateFromCurl(const CurlCommand &c)
{
    ComposerState s;
    s.method = c.effectiveMethod();
    s.url = c.url;
    for (const auto &[name, value] : c.headers) {
        if (sameName(name, "Expect") && value.trimmed().compare(QLatin1String("100-continue"),
                                                                Qt::CaseInsensitive) == 0) {
            s.expectMode = http::ExpectMode::Always;
            continue;
        }
        s.headers.append({name, value, true});
    }
    for (const QString &removed : c.removedHeaders) {
        if (sameName(removed, "Expect"))
            s.expectMode = http::ExpectMode::Never;
        else
            s.removedHeaders << removed;
    }

    if (c.getWithData && !c.body.isEmpty()) {
        // -G: the data is the query string (curl appends it with '?' or '&').
        s.url += (s.url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + curlBodyText(c.body);
    } else if (std::any_of(c.body.begin(), c.body.end(), isFormPart)) {
        s.bodyMode = BodyMode::Multipart;
        for (const CurlCommand::BodyPart &part : c.body) {
            const CurlForm form = parseCurlForm(part.value, part.kind == Kind::FormString);
            if (isFormPart(part) && form.error.isEmpty())
                s.multipart.append({form.part.name, form.part.isFile() ? form.part.file : form.part.value, true,
                                    form.part.isFile(), form.part.contentType});
        }
    } else if (isFileBody(c)) {
        s.bodyMode = BodyMode::File;
        const CurlCommand::BodyPart &part = c.body.first();
        s.bodyFile = part.kind == Kind::Upload ? part.value : part.value.mid(1);
        // The composer sends a file with no Content-Type of its own: removing curl's is a no-op.
        s.removedHeaders.removeIf([](const QString &name) { return sameName(name, "Content-Type"); });
    } else if (!c.body.isEmpty()
               && std::all_of(c.body.begin(), c.body.end(),
                              [](const auto &p) { return p.kind == Kind::UrlEncode && !p.value.contains(QLatin1Char('@')); })) {
        s.bodyMode = BodyMode::Form;
        for (const auto &part : c.body) {
            const qsizetype eq = part.value.indexOf(QLatin1Char('='));
            s.form.append(eq < 0 ? KeyValueRow{QString(), part.value, true}
                                 : KeyValueRow{part.value.left(eq), part.value.mid(eq + 1), true});
        }
    } else if (!c.body.isEmpty()) {
        s.bodyMode = BodyMode::Raw;
        s.rawText = curlBodyText(c.body);
        // The picker owns the raw body's Content-Type: the first such header moves into it.
        for (qsizetype i = 0; i < s.headers.size(); ++i) {
            if (sameName(s.headers.at(i).name, "Content-Type")) {
                s.rawContentType = s.headers.at(i).value.trimmed();
                s.headers.removeAt(i);
                break;
            }
        }
    }

    if (s.user.isEmpty())
        takeBearer(s);
    forEachSharedSetting([&](auto state, auto curl) { s.*state = c.*curl; });
    s.verifyTls = !c.insecure;
    return s;
}

CurlCommand curlFromState(const ComposerState &s)
{
    CurlCommand c;
    c.url = s.url;
    for (const auto &row : s.headers) {
        if (row.enabled && !row.name.isEmpty())
            c.headers.append({row.name, row.value});
    }
    if (!s.bearerToken.isEmpty())
        c.headers.append({QStringLiteral("Authorization"), QString(kBearer) + s.bearerToken});
    c.removedHeaders = s.removedHeaders;
    switch (s.bodyMode) {
    case BodyMode::None:
        break;
    case BodyMode::Raw:
        if (!s.rawContentType.isEmpty())
            c.headers.append({QStringLiteral("Content-Type"), s.rawContentType});
        // --data-raw: the text is sent as typed; a leading '@' is not a file name.
        c.body.append({Kind::DataRaw, s.rawText});
        break;
    case BodyMode::File:
        // Exactly what the engine sends: the file's bytes as they are, streamed, and no
        // Content-Type but the user's. --data-binary would load the file whole and add
        // curl's form Content-Type, so it goes out only with that header removed (or set).
        if (uploadKeepsUrl(s.url)) {
            c.body.append({Kind::Upload, s.bodyFile});
        } else {
            c.body.append({Kind::DataBinary, QLatin1Char('@') + s.bodyFile});
            if (!std::any_of(c.headers.begin(), c.headers.end(), [](const auto &h) { return sameName(h.first, "Content-Type"); }))
                c.removedHeaders << QStringLiteral("Content-Type");
        }
        break;
    case BodyMode::Form:
        for (const auto &row : s.form) {
            if (row.enabled)
                c.body.append({Kind::UrlEncode, row.name.isEmpty() ? QLatin1Char('=') + row.value
                                                                    : row.name + QLatin1Char('=') + row.value});
        }
        break;
    case BodyMode::Multipart:
        for (const http::FormPart &part : formParts(s.multipart))
            c.body.append(curlFormArgument(part));
        break;
    }
    switch (expectForCurl(s)) {
    case http::ExpectMode::Always:
        c.headers.append({QStringLiteral("Expect"), QStringLiteral("100-continue")});
        break;
    case http::ExpectMode::Never:
        c.removedHeaders << QStringLiteral("Expect");
        break;
    case http::ExpectMode::Auto:
        break;
    }

    const QString implied = c.effectiveMethod();
    const QString method = s.method.trimmed().toUpper();
    if (method == QLatin1String("HEAD") && c.body.isEmpty())
        c.head = true;
    else if (method != implied)
        c.method = method;

    forEachSharedSetting([&](auto state, auto curl) { c.*curl = s.*state; });
    c.insecure = !s.verifyTls;
    return c;
}

QList<http::FormPart> formParts(const QList<KeyValueRow> &rows)
{
    QList<http::FormPart> parts;
    for (const KeyValueRow &row : rows) {
        if (!row.enabled)
            continue;
        http::FormPart part{row.name, {}, {}, {}, row.contentType.trimmed()};
        (row.file ? part.file : part.value) = row.file ? row.value.trimmed() : row.value;
        parts << part;
    }
    return parts;
}

QUrl effectiveUrl(const QString &text)
{
    QString t = text.trimmed();
    if (!t.contains(QLatin1String("://")))
        t.prepend(QLatin1String("http://")); // curl's guess for a URL without a scheme
    return QUrl(t, QUrl::TolerantMode);
}

QString validateUrl(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QObject::tr("Enter a URL, or paste a curl command.");
    const QUrl url = effectiveUrl(text);
    if (!url.isValid())
        return QObject::tr("Not a valid URL: %1").arg(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QObject::tr("Only http:// and https:// URLs can be sent (this one is %1://).").arg(scheme);
    if (url.host().isEmpty())
        return QObject::tr("The URL has no host.");
    if (url.port() == 0 || url.port() > 65535)
        return QObject::tr("Port %1 is out of range.").arg(url.port());
    return {};
}

SpecResult requestSpecFromState(const ComposerState &s)
{
    SpecResult result;
    if (const QString problem = validateUrl(s.url); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    http::RequestSpec &spec = result.spec;
    spec.method = s.method.trimmed().toUpper().toLatin1();
    if (spec.method.isEmpty())
        spec.method = "GET";
    spec.url = effectiveUrl(s.url);
    for (const auto &row : s.headers) {
        if (row.enabled && !row.name.trimmed().isEmpty())
            spec.headers.append({row.name.trimmed().toLatin1(), row.value.toLatin1()});
    }
    for (const QString &removed : s.removedHeaders)
        spec.removedHeaders << removed.trimmed().toLower().toLatin1();
    const auto addTypeUnlessSet = [&spec](const QByteArray &type) {
        if (!type.isEmpty() && !http::hasHeader(spec.headers, "Content-Type"))
            spec.headers.append({"Content-Type", type});
    };
    switch (s.bodyMode) {
    case BodyMode::None:
        break;
    case BodyMode::Raw:
        spec.body = s.rawText.toUtf8();
        addTypeUnlessSet(s.rawContentType.toLatin1());
        break;
    case BodyMode::File:
        if (!QFileInfo(s.bodyFile).isFile()) {
            result.error = QObject::tr("The body file %1 does not exist.").arg(s.bodyFile);
            return result;
        }
        spec.bodyFile = s.bodyFile;
        break;
    case BodyMode::Multipart:
        for (const KeyValueRow &row : s.multipart) {
            if (row.enabled && row.file && !QFileInfo(row.value).isFile()) {
                result.error = QObject::tr("The form file %1 (field %2) does not exist.").arg(row.value, row.name);
                return result;
            }
        }
        spec.setForm(formParts(s.multipart)); // a fresh boundary for every send
        break;
    case BodyMode::Form: {
        QStringList pairs;
        for (const auto &row : s.form) {
            if (row.enabled)
                pairs << curlUrlEncoded(row.name + QLatin1Char('=') + row.value);
        }
        spec.body = pairs.join(QLatin1Char('&')).toLatin1();
        addTypeUnlessSet("application/x-www-form-urlencoded");
        break;
    }
    }
    if (s.compressed && !http::hasHeader(spec.headers, "Accept-Encoding"))
        spec.headers.append(http::Header("Accept-Encoding", "gzip, deflate")); // what the engine decodes
    spec.expectMode = s.expectMode;
    if (const auto ms = secondsToMs(s.expect100TimeoutS))
        spec.expect100TimeoutMs = *ms;
    spec.retryOn417 = s.retryOn417;
    spec.version = s.http10 ? http::HttpVersion::Http10 : http::HttpVersion::Http11;
    spec.followRedirects = s.followRedirects;
    // The GUI never follows https → http by itself: the engine stops there and the composer
    // asks (ComposerWidget::onFinished).
    spec.stopOnHttpsDowngrade = true;
    if (s.maxRedirects)
        spec.maxRedirects = *s.maxRedirects;
    spec.verifyTls = s.verifyTls;
    spec.caFile = s.caFile;
    spec.connectTimeoutMs = secondsToMs(s.connectTimeoutS).value_or(0);
    spec.totalTimeoutMs = secondsToMs(s.maxTimeS).value_or(0);
    if (!s.proxy.trimmed().isEmpty()) {
        spec.proxy = effectiveUrl(s.proxy);
        if (!spec.proxy.isValid() || spec.proxy.host().isEmpty()) {
            result.error = QObject::tr("The proxy %1 is not a valid host:port or URL.").arg(s.proxy);
            return result;
        }
    }
    if (!s.user.isEmpty() && !s.bearerToken.isEmpty()) {
        result.error = QObject::tr("Choose Basic or Bearer authentication, not both.");
        return result;
    }
    setCurlUser(spec, s.user);
    if (!s.bearerToken.isEmpty() && !http::hasHeader(spec.headers, "Authorization"))
        spec.headers.append(http::Header("Authorization", "Bearer " + s.bearerToken.trimmed().toLatin1()));
    spec.outputFile = s.outputFile;
    return result;
}

} // namespace statusscope::ui
