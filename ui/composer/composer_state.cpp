// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composer/composer_state.h"

#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

#include <ostream>

namespace statusscope::ui {

namespace {

using Kind = CurlCommand::BodyKind;

bool sameName(const QString &a, const char *b)
{
    return a.compare(QLatin1String(b), Qt::CaseInsensitive) == 0;
}

// curl --data-urlencode forms: "name=content" encodes content; "=content" and "content" encode
// all of it (curl's docs for --data-urlencode).
QString encodedPart(const QString &value)
{
    const qsizetype eq = value.indexOf(QLatin1Char('='));
    if (eq < 0)
        return QString::fromLatin1(QUrl::toPercentEncoding(value));
    const QString name = value.left(eq);
    const QString content = QString::fromLatin1(QUrl::toPercentEncoding(value.mid(eq + 1)));
    return name.isEmpty() ? content : name + QLatin1Char('=') + content;
}

QString joinedBody(const QList<CurlCommand::BodyPart> &parts)
{
    QStringList pieces;
    for (const auto &part : parts)
        pieces << (part.kind == Kind::UrlEncode ? encodedPart(part.value) : part.value);
    return pieces.join(QLatin1Char('&')); // curl joins several -d with '&'
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
        << " form=" << s.form.size() << " expect=" << http::toString(s.expectMode).toStdString()
        << " http10=" << s.http10 << " follow=" << s.followRedirects << " verify=" << s.verifyTls
        << " proxy=" << s.proxy.toStdString() << " user=" << s.user.toStdString();
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
        s.url += (s.url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + joinedBody(c.body);
    } else if (c.body.size() == 1 && c.body.first().value.startsWith(QLatin1Char('@'))
               && (c.body.first().kind == Kind::DataBinary || c.body.first().kind == Kind::Data)) {
        s.bodyMode = BodyMode::File;
        s.bodyFile = c.body.first().value.mid(1);
        s.fileAsText = c.body.first().kind == Kind::Data;
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
        s.rawText = joinedBody(c.body);
        // The picker owns the raw body's Content-Type: the first such header moves into it.
        for (qsizetype i = 0; i < s.headers.size(); ++i) {
            if (sameName(s.headers.at(i).name, "Content-Type")) {
                s.rawContentType = s.headers.at(i).value.trimmed();
                s.headers.removeAt(i);
                break;
            }
        }
    }

    s.expect100TimeoutS = c.expect100Timeout;
    s.http10 = c.http10;
    s.followRedirects = c.followRedirects;
    s.maxRedirects = c.maxRedirects;
    s.verifyTls = !c.insecure;
    s.caFile = c.caCert;
    s.connectTimeoutS = c.connectTimeout;
    s.maxTimeS = c.maxTime;
    s.proxy = c.proxy;
    s.user = c.user;
    s.compressed = c.compressed;
    s.outputFile = c.outputFile;
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
        c.body.append({s.fileAsText ? Kind::Data : Kind::DataBinary, QLatin1Char('@') + s.bodyFile});
        break;
    case BodyMode::Form:
        for (const auto &row : s.form) {
            if (row.enabled)
                c.body.append({Kind::UrlEncode, row.name.isEmpty() ? QLatin1Char('=') + row.value
                                                                    : row.name + QLatin1Char('=') + row.value});
        }
        break;
    }
    if (s.expectMode == http::ExpectMode::Always)
        c.headers.append({QStringLiteral("Expect"), QStringLiteral("100-continue")});
    else if (s.expectMode == http::ExpectMode::Never)
        c.removedHeaders << QStringLiteral("Expect");

    const QString implied = c.body.isEmpty() ? QStringLiteral("GET") : QStringLiteral("POST");
    const QString method = s.method.trimmed().toUpper();
    if (method == QLatin1String("HEAD") && c.body.isEmpty())
        c.head = true;
    else if (method != implied)
        c.method = method;

    c.expect100Timeout = s.expect100TimeoutS;
    c.http10 = s.http10;
    c.followRedirects = s.followRedirects;
    c.maxRedirects = s.maxRedirects;
    c.insecure = !s.verifyTls;
    c.caCert = s.caFile;
    c.connectTimeout = s.connectTimeoutS;
    c.maxTime = s.maxTimeS;
    c.proxy = s.proxy;
    c.user = s.user;
    c.compressed = s.compressed;
    c.outputFile = s.outputFile;
    return c;
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
    case BodyMode::Form: {
        QStringList pairs;
        for (const auto &row : s.form) {
            if (row.enabled)
                pairs << encodedPart(row.name + QLatin1Char('=') + row.value);
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
    if (!s.user.isEmpty()) {
        const qsizetype colon = s.user.indexOf(QLatin1Char(':'));
        spec.basicUser = colon < 0 ? s.user : s.user.left(colon);
        spec.basicPassword = colon < 0 ? QString() : s.user.mid(colon + 1);
    }
    spec.outputFile = s.outputFile;
    return result;
}

} // namespace statusscope::ui
