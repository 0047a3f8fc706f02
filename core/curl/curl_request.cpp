// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/curl/curl_request.h"

#include "core/curl/curl_form.h"

#include <QFileInfo>

#include <algorithm>

namespace statusscope {

namespace {

using Kind = CurlCommand::BodyKind;

// The longest limit whose milliseconds fit an int: 24 days (longer ones are typos anyway).
constexpr double kMaxSeconds = 86400.0 * 24;

bool isFilePart(const CurlCommand::BodyPart &part)
{
    return part.kind == Kind::Upload
           || ((part.kind == Kind::Data || part.kind == Kind::DataBinary) && part.value.startsWith(QLatin1Char('@')));
}

bool isFormPart(const CurlCommand::BodyPart &part)
{
    return part.kind == Kind::Form || part.kind == Kind::FormString;
}

struct Builder
{
    explicit Builder(const CurlCommand &command) : c(command) {}

    const CurlCommand &c;
    CurlRequest result;
    http::RequestSpec &spec = result.spec;

    bool fail(CurlRequest::Problem problem, const QString &message)
    {
        result.problem = problem;
        result.error = message;
        return false;
    }

    bool url()
    {
        QString text = c.url;
        if (text.isEmpty())
            return fail(CurlRequest::Problem::Usage, QStringLiteral("no URL given"));
        if (!text.contains(QLatin1String("://")))
            text.prepend(QStringLiteral("http://")); // curl's default scheme
        if (c.getWithData && !c.body.isEmpty()) // -G: the data is the query string
            text += (text.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + curlBodyText(c.body);
        spec.url = QUrl(text, QUrl::StrictMode);
        const QString scheme = spec.url.scheme();
        if (!spec.url.isValid() || spec.url.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return fail(CurlRequest::Problem::Usage, QStringLiteral("'%1' is not an http:// or https:// URL").arg(text));
        return true;
    }

    void headers()
    {
        for (const auto &[name, value] : c.headers)
            spec.headers.append({name.trimmed().toLatin1(), value.toLatin1()});
        for (const QString &name : c.removedHeaders)
            spec.removedHeaders.append(name.trimmed().toLower().toLatin1());
        if (c.compressed && !http::hasHeader(spec.headers, "Accept-Encoding"))
            spec.headers.append(http::Header("Accept-Encoding", "gzip, deflate")); // what the engine decodes
    }

    bool form()
    {
        QList<http::FormPart> parts;
        for (const CurlCommand::BodyPart &part : c.body) {
            if (!isFormPart(part))
                return fail(CurlRequest::Problem::Usage, QStringLiteral("-F cannot be combined with -d or -T (one kind of body)"));
            const CurlForm form = parseCurlForm(part.value, part.kind == Kind::FormString);
            if (!form.error.isEmpty())
                return fail(CurlRequest::Problem::Usage, form.error);
            if (form.part.isFile() && !QFileInfo(form.part.file).isReadable())
                return fail(CurlRequest::Problem::File, QStringLiteral("cannot read form file '%1'").arg(form.part.file));
            parts << form.part;
        }
        spec.setForm(parts);
        return true;
    }

    bool body()
    {
        if (!c.body.isEmpty() && std::any_of(c.body.begin(), c.body.end(), isFormPart)) {
            if (c.getWithData)
                return fail(CurlRequest::Problem::Usage, QStringLiteral("-F cannot be combined with -G"));
            return form();
        }
        if (c.body.isEmpty() || c.getWithData)
            return true;
        const CurlCommand::BodyPart &first = c.body.first();
        if (c.body.size() == 1 && isFilePart(first)) {
            // Streamed, never loaded whole: -d @FILE too (curl would strip its line breaks).
            spec.bodyFile = first.kind == Kind::Upload ? first.value : first.value.mid(1);
            const QFileInfo file(spec.bodyFile);
            if (!file.isFile() || !file.isReadable())
                return fail(CurlRequest::Problem::File, QStringLiteral("cannot read body file '%1'").arg(spec.bodyFile));
        } else if (std::any_of(c.body.begin(), c.body.end(), isFilePart)) {
            return fail(CurlRequest::Problem::Usage, QStringLiteral("a body file (@FILE) cannot be joined with other data"));
        } else {
            spec.body = curlBodyText(c.body).toUtf8();
        }
        // curl's Content-Type for data (not for -T), unless the user set or removed it.
        if (first.kind != Kind::Upload && !http::hasHeader(spec.headers, "content-type")
            && !spec.removedHeaders.contains("content-type"))
            spec.headers.append(http::Header("Content-Type", "application/x-www-form-urlencoded"));
        return true;
    }

    bool milliseconds(const std::optional<double> &seconds, const char *option, int *ms)
    {
        if (!seconds)
            return true;
        const std::optional<int> value = curlMilliseconds(*seconds, kMaxSeconds);
        if (!value)
            return fail(CurlRequest::Problem::Usage, QStringLiteral("%1: at most %2 seconds").arg(QLatin1String(option)).arg(kMaxSeconds));
        *ms = *value;
        return true;
    }

    bool settings()
    {
        spec.method = c.effectiveMethod().toLatin1();
        spec.version = c.http10 ? http::HttpVersion::Http10 : http::HttpVersion::Http11;
        spec.expectMode = c.expectMode.value_or(http::ExpectMode::Auto);
        spec.retryOn417 = !c.noRetry417;
        spec.followRedirects = c.followRedirects;
        if (c.maxRedirects)
            spec.maxRedirects = *c.maxRedirects;
        spec.verifyTls = !c.insecure;
        spec.lenientParsing = c.lenient;
        spec.outputFile = c.outputFile;
        setCurlUser(spec, c.user);
        if (!milliseconds(c.expect100Timeout, "--expect100-timeout", &spec.expect100TimeoutMs)
            || !milliseconds(c.connectTimeout, "--connect-timeout", &spec.connectTimeoutMs)
            || !milliseconds(c.maxTime, "--max-time", &spec.totalTimeoutMs))
            return false;
        if (!c.caCert.isEmpty()) {
            spec.caFile = c.caCert;
            if (!QFileInfo(spec.caFile).isReadable())
                return fail(CurlRequest::Problem::File, QStringLiteral("cannot read CA file '%1'").arg(spec.caFile));
        }
        if (!c.proxy.isEmpty()) {
            spec.proxy = curlProxyUrl(c.proxy);
            if (spec.proxy.scheme() != QLatin1String("http"))
                return fail(CurlRequest::Problem::Usage, QStringLiteral("--proxy: only http:// proxies are supported"));
        }
        return true;
    }
};

} // namespace

CurlRequest requestSpecFromCurl(const CurlCommand &command)
{
    Builder b(command);
    // Usage problems first, then files: a usage error says what to type, whatever the disk holds.
    if (b.url() && b.settings()) {
        b.headers();
        b.body();
    }
    return b.result;
}

QString curlUrlEncoded(const QString &value)
{
    const qsizetype eq = value.indexOf(QLatin1Char('='));
    if (eq < 0)
        return QString::fromLatin1(QUrl::toPercentEncoding(value));
    const QString name = value.left(eq);
    const QString content = QString::fromLatin1(QUrl::toPercentEncoding(value.mid(eq + 1)));
    return name.isEmpty() ? content : name + QLatin1Char('=') + content;
}

QString curlBodyText(const QList<CurlCommand::BodyPart> &parts)
{
    QStringList pieces;
    for (const auto &part : parts)
        pieces << (part.kind == Kind::UrlEncode ? curlUrlEncoded(part.value) : part.value);
    return pieces.join(QLatin1Char('&')); // curl joins several -d with '&'
}

std::optional<int> curlMilliseconds(double seconds, double maxSeconds)
{
    if (!(seconds >= 0 && seconds <= maxSeconds)) // also refuses NaN
        return std::nullopt;
    return int(seconds * 1000.0 + 0.5);
}

void setCurlUser(http::RequestSpec &spec, const QString &user)
{
    if (user.isEmpty())
        return;
    const qsizetype colon = user.indexOf(QLatin1Char(':'));
    spec.basicUser = colon < 0 ? user : user.left(colon);
    spec.basicPassword = colon < 0 ? QString() : user.mid(colon + 1);
}

QUrl curlProxyUrl(const QString &proxy)
{
    return QUrl::fromUserInput(proxy.contains(QLatin1String("://")) ? proxy : QStringLiteral("http://") + proxy);
}

} // namespace statusscope
