// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/curl/curl_form.h"

#include <algorithm>

namespace statusscope {

namespace {

using Kind = CurlCommand::BodyKind;

// One word of curl's -F syntax from `i`: a "quoted" one (\" and \\ escaped) or everything up
// to the next ';' (or `stop`, the ',' between files). Leaves `i` after the word.
QString readWord(const QString &s, qsizetype &i, QChar stop = QChar())
{
    while (i < s.size() && s.at(i).isSpace())
        ++i;
    QString word;
    if (i < s.size() && s.at(i) == QLatin1Char('"')) {
        for (++i; i < s.size() && s.at(i) != QLatin1Char('"'); ++i) {
            if (s.at(i) == QLatin1Char('\\') && i + 1 < s.size()
                && (s.at(i + 1) == QLatin1Char('"') || s.at(i + 1) == QLatin1Char('\\')))
                ++i;
            word += s.at(i);
        }
        if (i < s.size())
            ++i; // the closing quote
        while (i < s.size() && s.at(i) != QLatin1Char(';') && s.at(i) != stop)
            ++i; // curl ignores what follows a closing quote
        return word;
    }
    while (i < s.size() && s.at(i) != QLatin1Char(';') && (stop.isNull() || s.at(i) != stop))
        word += s.at(i++);
    return word.trimmed();
}

// ;type= and ;filename= after the content; false with the error for anything else.
bool readParameters(const QString &s, qsizetype i, http::FormPart &part, QString *error)
{
    while (i < s.size() && s.at(i) == QLatin1Char(';')) {
        ++i;
        while (i < s.size() && s.at(i).isSpace())
            ++i;
        const qsizetype eq = s.indexOf(QLatin1Char('='), i);
        const QString key = eq < 0 ? s.mid(i) : s.mid(i, eq - i).trimmed().toLower();
        if (eq < 0 || (key != QLatin1String("type") && key != QLatin1String("filename"))) {
            *error = QStringLiteral("-F: ';%1' is not supported (only ;type= and ;filename=)").arg(key);
            return false;
        }
        i = eq + 1;
        const QString value = readWord(s, i);
        (key == QLatin1String("type") ? part.contentType : part.filename) = value;
    }
    return true;
}

// A word that reads back as itself: quoted when curl would otherwise cut or interpret it.
QString formWord(const QString &text)
{
    static const QString special = QStringLiteral(";,\"\\");
    const bool plain = !text.isEmpty() && text.trimmed() == text
                       && std::none_of(text.begin(), text.end(), [](QChar c) { return special.contains(c); });
    if (plain)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

CurlForm parseCurlForm(const QString &argument, bool literal)
{
    CurlForm out;
    const qsizetype eq = argument.indexOf(QLatin1Char('='));
    if (eq < 0) {
        out.error = QStringLiteral("-F '%1' has no '=': it must be NAME=CONTENT").arg(argument);
        return out;
    }
    http::FormPart &part = out.part;
    part.name = argument.left(eq);
    const QString content = argument.mid(eq + 1);
    if (literal) {
        part.value = content;
        return out;
    }
    qsizetype i = 0;
    if (content.startsWith(QLatin1Char('@'))) {
        i = 1;
        part.file = readWord(content, i, QLatin1Char(','));
        if (i < content.size() && content.at(i) == QLatin1Char(',')) {
            out.error = QStringLiteral("-F %1: several files in one part are not supported").arg(part.name);
            return out;
        }
        if (part.file.isEmpty()) {
            out.error = QStringLiteral("-F %1=@ names no file").arg(part.name);
            return out;
        }
    } else if (content.startsWith(QLatin1Char('<'))) {
        out.error = QStringLiteral("-F %1=<FILE (a text field read from a file) is not supported; use @FILE").arg(part.name);
        return out;
    } else {
        part.value = readWord(content, i);
    }
    readParameters(content, i, part, &out.error);
    return out;
}

CurlCommand::BodyPart curlFormArgument(const http::FormPart &part)
{
    const QString prefix = part.name + QLatin1Char('=');
    QString params;
    if (!part.contentType.isEmpty())
        params += QStringLiteral(";type=") + formWord(part.contentType);
    if (part.isFile()) {
        if (!part.filename.isEmpty())
            params += QStringLiteral(";filename=") + formWord(part.filename);
        return {Kind::Form, prefix + QLatin1Char('@') + formWord(part.file) + params};
    }
    // Text that curl would read as a file (@, <) or cut (;): --form-string takes it as it is,
    // unless a type must go with it, which only -F can carry.
    const bool plain = formWord(part.value) == part.value && !part.value.startsWith(QLatin1Char('@'))
                       && !part.value.startsWith(QLatin1Char('<'));
    if (plain || part.value.isEmpty())
        return {Kind::Form, prefix + part.value + params};
    if (params.isEmpty())
        return {Kind::FormString, prefix + part.value};
    return {Kind::Form, prefix + formWord(part.value) + params};
}

} // namespace statusscope
