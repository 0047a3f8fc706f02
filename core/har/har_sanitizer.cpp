// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_sanitizer.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <ostream>

namespace statusscope {

QString toString(RedactionKind kind)
{
    switch (kind) {
    case RedactionKind::Credentials: return QStringLiteral("credentials");
    case RedactionKind::Cookie: return QStringLiteral("cookie");
    case RedactionKind::SensitiveName: return QStringLiteral("sensitive-name");
    case RedactionKind::JwtSignature: return QStringLiteral("jwt-signature");
    }
    return QStringLiteral("?");
}

void PrintTo(RedactionKind kind, std::ostream *os)
{
    *os << toString(kind).toStdString();
}

QStringList defaultSensitiveWords()
{
    return {QStringLiteral("token"),       QStringLiteral("secret"),       QStringLiteral("password"),
            QStringLiteral("passwd"),      QStringLiteral("api_key"),      QStringLiteral("apikey"),
            QStringLiteral("api-key"),     QStringLiteral("access_key"),   QStringLiteral("private_key"),
            QStringLiteral("session"),     QStringLiteral("samlresponse"), QStringLiteral("samlrequest"),
            QStringLiteral("credential"),  QStringLiteral("authorization"), QStringLiteral("csrf"),
            QStringLiteral("xsrf")};
}

namespace {

const QString kRedactedText = QString::fromUtf16(kRedacted);

// Short names that are secrets on their own but too common as parts of other names.
bool isExactSensitiveName(const QString &lower)
{
    return lower == QLatin1String("key") || lower == QLatin1String("auth") || lower == QLatin1String("sig")
        || lower == QLatin1String("jwt") || lower == QLatin1String("pwd") || lower == QLatin1String("sid");
}

class Sanitizer
{
public:
    explicit Sanitizer(const HarSanitizeOptions &options) : m_options(options)
    {
        for (const QString &word : options.sensitiveWords)
            m_words.append(word.toLower());
    }

    void entry(int position, HarEntry &e)
    {
        m_entry = position;
        HarRequest &request = e.request;
        request.url = url(request.url, QStringLiteral("request.url"));
        headers(request.headers, QStringLiteral("request"));
        cookies(request.cookies, QStringLiteral("request"));
        for (HarNameValue &param : request.queryString)
            param.value = namedValue(param.name, param.value, QStringLiteral("request.queryString"));
        if (request.postData)
            postData(*request.postData);

        HarResponse &response = e.response;
        headers(response.headers, QStringLiteral("response"));
        cookies(response.cookies, QStringLiteral("response"));
        response.redirectUrl = url(response.redirectUrl, QStringLiteral("response.redirectURL"));
        HarContent &content = response.content;
        if (content.hasText && !content.isBase64())
            content.text = body(content.text, content.mimeType, QStringLiteral("response.content.text"));
    }

    QList<HarRedaction> takeRedactions() { return std::move(m_redactions); }

private:
    bool sensitive(const QString &name) const
    {
        const QString lower = name.trimmed().toLower();
        if (isExactSensitiveName(lower))
            return true;
        return std::any_of(m_words.begin(), m_words.end(),
                           [&lower](const QString &word) { return lower.contains(word); });
    }

    QString redact(const QString &value, const QString &location, RedactionKind kind)
    {
        constexpr int kPreviewChars = 4;
        m_redactions.append({m_entry, location, kind,
                             QStringLiteral("%1… (%2 chars)").arg(value.left(kPreviewChars)).arg(value.size())});
        return kRedactedText;
    }

    // A value under a name: redacted whole if the name is sensitive, else only JWT signatures.
    QString namedValue(const QString &name, const QString &value, const QString &where)
    {
        const QString location = QStringLiteral("%1[%2]").arg(where, name);
        if (!value.isEmpty() && value != kRedactedText && sensitive(name))
            return redact(value, location, RedactionKind::SensitiveName);
        return jwt(value, location);
    }

    void headers(QList<HarNameValue> &list, const QString &side)
    {
        for (HarNameValue &header : list) {
            const QString lower = header.name.toLower();
            const QString location = QStringLiteral("%1.headers[%2]").arg(side, header.name);
            if (header.value.isEmpty())
                continue;
            if (lower == QLatin1String("authorization") || lower == QLatin1String("proxy-authorization")) {
                // RFC 9110 §11.4: credentials = auth-scheme [ 1*SP token68 / params ]. The scheme
                // says how the user signed in and is no secret.
                const qsizetype space = header.value.indexOf(QLatin1Char(' '));
                const QString credentials = space > 0 ? header.value.mid(space + 1) : header.value;
                header.value = (space > 0 ? header.value.left(space + 1) : QString())
                    + redact(credentials, location, RedactionKind::Credentials);
            } else if (lower == QLatin1String("cookie") && m_options.redactCookies) {
                header.value = cookieHeader(header.value, location, QLatin1Char(';'), false);
            } else if (lower == QLatin1String("set-cookie") && m_options.redactCookies) {
                // Firefox joins several Set-Cookie lines with "\n" in one header.
                header.value = cookieHeader(header.value, location, QLatin1Char('\n'), true);
            } else if (sensitive(header.name)) {
                header.value = redact(header.value, location, RedactionKind::SensitiveName);
            } else if (lower == QLatin1String("referer") || lower == QLatin1String("location")
                       || lower == QLatin1String("content-location")) {
                header.value = url(header.value, location);
            } else {
                header.value = jwt(header.value, location);
            }
        }
    }

    // RFC 6265 §4.2.1 cookie-string: "name=value; name=value". For Set-Cookie (§4.1.1) only
    // the first pair of each line is the cookie; the attributes after it stay.
    QString cookieHeader(const QString &value, const QString &location, QChar separator, bool firstPairOnly)
    {
        QStringList parts = value.split(separator);
        for (QString &part : parts) {
            qsizetype end = part.size();
            if (firstPairOnly) {
                const qsizetype semicolon = part.indexOf(QLatin1Char(';'));
                if (semicolon >= 0)
                    end = semicolon;
            }
            const qsizetype equals = part.indexOf(QLatin1Char('='));
            if (equals < 0 || equals >= end)
                continue;
            const QString cookieValue = part.mid(equals + 1, end - equals - 1).trimmed();
            if (cookieValue.isEmpty())
                continue;
            const QString name = part.left(equals).trimmed();
            const qsizetype valueStart = part.indexOf(cookieValue, equals + 1);
            part.replace(valueStart, cookieValue.size(),
                         redact(cookieValue, QStringLiteral("%1 %2").arg(location, name), RedactionKind::Cookie));
        }
        return parts.join(separator);
    }

    void cookies(QList<HarCookie> &list, const QString &side)
    {
        if (!m_options.redactCookies)
            return;
        for (HarCookie &cookie : list) {
            if (!cookie.value.isEmpty() && cookie.value != kRedactedText)
                cookie.value = redact(cookie.value, QStringLiteral("%1.cookies[%2]").arg(side, cookie.name),
                                      RedactionKind::Cookie);
        }
    }

    // application/x-www-form-urlencoded pairs (a query string or a form body).
    QString formPairs(const QString &text, const QString &location)
    {
        QStringList pairs = text.split(QLatin1Char('&'));
        for (QString &pair : pairs) {
            const qsizetype equals = pair.indexOf(QLatin1Char('='));
            if (equals < 0)
                continue;
            QString name = pair.left(equals);
            name.replace(QLatin1Char('+'), QLatin1Char(' '));
            name = QUrl::fromPercentEncoding(name.toUtf8());
            const QString value = pair.mid(equals + 1);
            pair = pair.left(equals + 1) + namedValue(name, value, location);
        }
        return pairs.join(QLatin1Char('&'));
    }

    QString url(const QString &text, const QString &location)
    {
        const qsizetype question = text.indexOf(QLatin1Char('?'));
        if (question < 0)
            return jwt(text, location);
        qsizetype hash = text.indexOf(QLatin1Char('#'), question);
        if (hash < 0)
            hash = text.size();
        const QString query = text.mid(question + 1, hash - question - 1);
        return jwt(text.left(question + 1), location) + formPairs(query, location) + jwt(text.mid(hash), location);
    }

    // JSON members whose name is sensitive and whose value is a string.
    QString json(const QString &text, const QString &location)
    {
        static const QRegularExpression member(QStringLiteral(R"re("((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)")re"));
        QString out;
        qsizetype copied = 0;
        for (auto it = member.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const QString name = match.captured(1);
            const QString value = match.captured(2);
            if (value.isEmpty() || !sensitive(name))
                continue;
            out += QStringView(text).mid(copied, match.capturedStart(2) - copied);
            out += redact(value, QStringLiteral("%1: $.%2").arg(location, name), RedactionKind::SensitiveName);
            copied = match.capturedEnd(2);
        }
        if (copied == 0)
            return text;
        out += QStringView(text).mid(copied);
        return out;
    }

    QString jwt(const QString &text, const QString &location)
    {
        if (!m_options.redactJwtSignatures || !text.contains(QLatin1String("eyJ")))
            return text;
        // RFC 7519 §3: header.payload.signature, each base64url; the header and payload of a
        // JWT start with "eyJ" ('{"' encoded). The signature is what would let someone replay it.
        static const QRegularExpression token(
            QStringLiteral(R"(eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.([A-Za-z0-9_-]{8,}))"));
        QString out;
        qsizetype copied = 0;
        for (auto it = token.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            out += QStringView(text).mid(copied, match.capturedStart(1) - copied);
            out += redact(match.captured(1), location + QStringLiteral(" (JWT signature)"), RedactionKind::JwtSignature);
            copied = match.capturedEnd(1);
        }
        if (copied == 0)
            return text;
        out += QStringView(text).mid(copied);
        return out;
    }

    QByteArray body(const QByteArray &bytes, const QString &mimeType, const QString &location)
    {
        if (bytes.isEmpty())
            return bytes;
        const QString original = QString::fromUtf8(bytes);
        QString text = original;
        const QString mime = mimeType.toLower();
        const int before = static_cast<int>(m_redactions.size());
        if (mime.contains(QLatin1String("json")))
            text = json(text, location);
        else if (mime.contains(QLatin1String("x-www-form-urlencoded")))
            text = formPairs(text, location);
        text = jwt(text, location);
        // Untouched bodies keep their exact bytes (even invalid UTF-8).
        return m_redactions.size() == before ? bytes : text.toUtf8();
    }

    void postData(HarPostData &post)
    {
        for (HarParam &param : post.params)
            param.value = namedValue(param.name, param.value, QStringLiteral("request.postData.params"));
        post.text = body(post.text, post.mimeType, QStringLiteral("request.postData.text"));
    }

    const HarSanitizeOptions &m_options;
    QStringList m_words;
    int m_entry = -1;
    QList<HarRedaction> m_redactions;
};

} // namespace

bool isSensitiveName(const QString &name)
{
    const QString lower = name.toLower();
    if (isExactSensitiveName(lower))
        return true;
    for (const QString &word : defaultSensitiveWords()) {
        if (lower.contains(word))
            return true;
    }
    return false;
}

HarSanitizeResult sanitizeHar(const HarLog &log, const HarSanitizeOptions &options)
{
    HarSanitizeResult result;
    result.log = log;
    Sanitizer sanitizer(options);
    for (int i = 0; i < result.log.entries.size(); ++i)
        sanitizer.entry(i, result.log.entries[i]);
    result.redactions = sanitizer.takeRedactions();
    return result;
}

} // namespace statusscope
