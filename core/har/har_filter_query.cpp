// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_filter_query.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace statusscope {

namespace {

struct Token
{
    QString text;
    bool negated = false;
    bool quoted = false;
};

// Splits on spaces outside double quotes; a `-` before anything else negates the token.
QList<Token> tokenize(QStringView input)
{
    QList<Token> tokens;
    Token current;
    bool inQuotes = false;
    bool started = false;
    auto finish = [&] {
        if (started && (!current.text.isEmpty() || current.quoted))
            tokens.append(current);
        current = {};
        started = false;
    };
    for (const QChar c : input) {
        if (c == QLatin1Char('"')) {
            inQuotes = !inQuotes;
            current.quoted = true;
            started = true;
        } else if (c.isSpace() && !inQuotes) {
            finish();
        } else if (c == QLatin1Char('-') && !started) {
            current.negated = true;
            started = true;
        } else {
            current.text.append(c);
            started = true;
        }
    }
    finish();
    // A lone "-" (the user is about to type a negated term) filters nothing.
    tokens.removeIf([](const Token &token) { return token.text.isEmpty() && !token.quoted; });
    return tokens;
}

QString problem(const QString &token, const char *why)
{
    return QStringLiteral("%1: %2").arg(token, QCoreApplication::translate("HarFilterQuery", why));
}

// "500", "10k", "1.5M" (DevTools counts k and M in powers of 1024); -1 when not a size.
qint64 parseSize(const QString &value)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)([kKmM]?)[bB]?$"));
    const QRegularExpressionMatch match = pattern.match(value);
    if (!match.hasMatch())
        return -1;
    double bytes = match.captured(1).toDouble();
    const QString unit = match.captured(2).toLower();
    if (unit == QLatin1String("k"))
        bytes *= 1024;
    else if (unit == QLatin1String("m"))
        bytes *= 1024 * 1024;
    return static_cast<qint64>(bytes);
}

bool isStatusNumber(const QString &text)
{
    if (text.size() != 3)
        return false;
    for (const QChar c : text) {
        if (!c.isDigit())
            return false;
    }
    const int code = text.toInt();
    return code >= 100 && code <= 599;
}

// Fills `term` from key and value; returns a problem text when the value cannot be used.
QString parseKeyed(const QString &key, const QString &value, const QString &token, HarFilterTerm &term)
{
    if (key == QLatin1String("status-code")) {
        static const QRegularExpression statusClass(QStringLiteral("^([1-5])[xX]{2}$"));
        if (const auto match = statusClass.match(value); match.hasMatch()) {
            term.kind = HarFilterTerm::Kind::StatusClass;
            term.number = match.captured(1).toInt();
            return {};
        }
        bool ok = false;
        const int code = value.toInt(&ok);
        if (!ok || code < 0 || code > 999)
            return problem(token, "not a status (try 417, 0 or 4xx)");
        term.kind = HarFilterTerm::Kind::StatusCode;
        term.number = code;
        return {};
    }
    if (key == QLatin1String("method")) {
        term.kind = HarFilterTerm::Kind::Method;
        term.text = value.toUpper();
        return {};
    }
    if (key == QLatin1String("domain")) {
        term.kind = HarFilterTerm::Kind::Domain;
        term.text = value.toLower();
        if (term.text.contains(QLatin1Char('*')))
            term.pattern = QRegularExpression(QRegularExpression::wildcardToRegularExpression(term.text),
                                              QRegularExpression::CaseInsensitiveOption);
        return {};
    }
    if (key == QLatin1String("scheme")) {
        term.kind = HarFilterTerm::Kind::Scheme;
        term.text = value.toLower();
        return {};
    }
    if (key == QLatin1String("mime-type")) {
        term.kind = HarFilterTerm::Kind::MimeType;
        term.text = value.toLower();
        return {};
    }
    if (key == QLatin1String("larger-than")) {
        const qint64 bytes = parseSize(value);
        if (bytes < 0)
            return problem(token, "not a size (try 500, 10k or 2M)");
        term.kind = HarFilterTerm::Kind::LargerThan;
        term.number = bytes;
        return {};
    }
    if (key == QLatin1String("is")) {
        const QString what = value.toLower();
        if (what == QLatin1String("failed"))
            term.kind = HarFilterTerm::Kind::IsFailed;
        else if (what == QLatin1String("error"))
            term.kind = HarFilterTerm::Kind::IsError;
        else
            return problem(token, "unknown (is:failed or is:error)");
        return {};
    }
    if (key == QLatin1String("has-response-header")) {
        term.kind = HarFilterTerm::Kind::HasResponseHeader;
        term.text = value.toLower();
        return {};
    }
    Q_UNREACHABLE();
    return {};
}

bool isKnownKey(const QString &key)
{
    for (const HarFilterKey &known : harFilterKeys()) {
        if (known.key == key)
            return true;
    }
    return false;
}

bool domainMatches(QStringView host, const HarFilterTerm &term)
{
    if (term.pattern.pattern().isEmpty())
        return host.compare(term.text, Qt::CaseInsensitive) == 0;
    return term.pattern.match(host).hasMatch();
}

bool termMatches(const HarFilterTerm &term, const HarEntry &entry)
{
    const int status = entry.response.status;
    switch (term.kind) {
    case HarFilterTerm::Kind::UrlText:
        return entry.request.url.contains(term.text, Qt::CaseInsensitive);
    case HarFilterTerm::Kind::StatusCode:
        return status == term.number;
    case HarFilterTerm::Kind::StatusClass:
        return status / 100 == term.number;
    case HarFilterTerm::Kind::Method:
        return entry.request.method.compare(term.text, Qt::CaseInsensitive) == 0;
    case HarFilterTerm::Kind::Domain:
        return domainMatches(hostOfUrl(entry.request.url), term);
    case HarFilterTerm::Kind::Scheme: {
        const qsizetype colon = entry.request.url.indexOf(QLatin1Char(':'));
        return colon > 0 && QStringView(entry.request.url).left(colon).compare(term.text, Qt::CaseInsensitive) == 0;
    }
    case HarFilterTerm::Kind::MimeType:
        return entry.response.content.mimeType.startsWith(term.text, Qt::CaseInsensitive);
    case HarFilterTerm::Kind::LargerThan: {
        // The same size the table's Size column shows.
        const qint64 size = entry.response.bodySize >= 0 ? entry.response.bodySize : entry.response.content.size;
        return size > term.number;
    }
    case HarFilterTerm::Kind::IsFailed:
        return status == 0;
    case HarFilterTerm::Kind::IsError:
        return status == 0 || status >= 400;
    case HarFilterTerm::Kind::HasResponseHeader:
        for (const HarNameValue &header : entry.response.headers) {
            if (header.name.compare(term.text, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    return false;
}

} // namespace

const QList<HarFilterKey> &harFilterKeys()
{
    static const QList<HarFilterKey> keys{
        {QStringLiteral("status-code"), QStringLiteral("status-code:417, status-code:4xx, status-code:0")},
        {QStringLiteral("method"), QStringLiteral("method:PUT")},
        {QStringLiteral("domain"), QStringLiteral("domain:api.example.com, domain:*.example.com")},
        {QStringLiteral("scheme"), QStringLiteral("scheme:http")},
        {QStringLiteral("mime-type"), QStringLiteral("mime-type:image/, mime-type:application/json")},
        {QStringLiteral("larger-than"), QStringLiteral("larger-than:500, larger-than:10k, larger-than:2M")},
        {QStringLiteral("is"), QStringLiteral("is:failed (no response), is:error (0, 4xx, 5xx)")},
        {QStringLiteral("has-response-header"), QStringLiteral("has-response-header:etag")},
    };
    return keys;
}

QStringView hostOfUrl(QStringView url)
{
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return {};
    qsizetype start = scheme + 3;
    qsizetype end = start;
    while (end < url.size() && url[end] != QLatin1Char('/') && url[end] != QLatin1Char('?')
           && url[end] != QLatin1Char('#'))
        ++end;
    QStringView authority = url.mid(start, end - start);
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0)
        authority = authority.mid(at + 1);
    if (authority.startsWith(QLatin1Char('['))) { // IPv6 literal
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        return close > 0 ? authority.mid(1, close - 1) : authority;
    }
    if (const qsizetype colon = authority.indexOf(QLatin1Char(':')); colon >= 0)
        authority = authority.left(colon);
    return authority;
}

HarFilterQuery HarFilterQuery::parse(QStringView text)
{
    HarFilterQuery query;
    for (const Token &token : tokenize(text)) {
        HarFilterTerm term;
        term.negated = token.negated;
        const QString written = (token.negated ? QStringLiteral("-") : QString()) + token.text;
        const qsizetype colon = token.quoted ? -1 : token.text.indexOf(QLatin1Char(':'));
        const QString key = colon > 0 ? token.text.left(colon).toLower() : QString();
        if (colon > 0 && isKnownKey(key)) {
            const QString value = token.text.mid(colon + 1);
            if (value.isEmpty())
                continue; // still being typed: "status-code:" filters nothing yet
            if (const QString why = parseKeyed(key, value, written, term); !why.isEmpty()) {
                query.problems.append(why);
                continue;
            }
        } else if (!token.quoted && isStatusNumber(token.text)) {
            term.kind = HarFilterTerm::Kind::StatusCode;
            term.number = token.text.toInt();
        } else {
            term.kind = HarFilterTerm::Kind::UrlText;
            term.text = token.text;
        }
        query.terms.append(term);
    }
    return query;
}

bool HarFilterQuery::matches(const HarEntry &entry) const
{
    for (const HarFilterTerm &term : terms) {
        if (termMatches(term, entry) == term.negated)
            return false;
    }
    return true;
}

} // namespace statusscope

namespace statusscope {

QStringList harFilterSuggestions(const HarLog &log)
{
    QSet<int> statuses;
    QSet<QString> methods;
    QSet<QString> domains;
    QSet<QString> mimeTypes;
    for (const HarEntry &entry : log.entries) {
        statuses.insert(entry.response.status);
        methods.insert(entry.request.method.toUpper());
        if (const QStringView host = hostOfUrl(entry.request.url); !host.isEmpty())
            domains.insert(host.toString().toLower());
        const QString mime = entry.response.content.mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
        if (!mime.isEmpty())
            mimeTypes.insert(mime);
    }
    auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.begin(), set.end());
        list.sort();
        return list;
    };
    QList<int> codes(statuses.begin(), statuses.end());
    std::sort(codes.begin(), codes.end());
    QStringList suggestions;
    for (int code : std::as_const(codes))
        suggestions.append(QStringLiteral("status-code:%1").arg(code));
    for (int digit = 1; digit <= 5; ++digit)
        suggestions.append(QStringLiteral("status-code:%1xx").arg(digit));
    for (const QString &method : sorted(methods))
        suggestions.append(QStringLiteral("method:") + method);
    for (const QString &domain : sorted(domains))
        suggestions.append(QStringLiteral("domain:") + domain);
    for (const QString &mime : sorted(mimeTypes))
        suggestions.append(QStringLiteral("mime-type:") + mime);
    for (const QString &scheme : {QStringLiteral("http"), QStringLiteral("https")})
        suggestions.append(QStringLiteral("scheme:") + scheme);
    suggestions << QStringLiteral("is:failed") << QStringLiteral("is:error") << QStringLiteral("larger-than:100k")
                << QStringLiteral("larger-than:1M") << QStringLiteral("has-response-header:");
    return suggestions;
}

} // namespace statusscope
