// SPDX-License-Identifier: GPL-3.0-or-later
// Reading curl's command line: the words of a pasted command or of `statusscope-cli send`,
// each option looked up in the table of curl_options.cpp.
#include "core/curl/curl_command.h"
#include "core/curl/curl_options.h"

#include <QRegularExpression>

namespace statusscope {

namespace {

// Walks the words once; each option's row does the rest.
class OptionReader
{
public:
    OptionReader(const QStringList &words, CurlFront front, const QList<CurlOption> &own)
        : m_words(words), m_own(own)
    {
        m_parse.front = front;
    }

    CurlParse read()
    {
        bool optionsEnded = false;
        for (m_w = 0; m_w < m_words.size() && ok(); ++m_w) {
            const QString word = m_words.at(m_w);
            if (optionsEnded || !word.startsWith(QLatin1Char('-')) || word == QLatin1String("-")) {
                addUrl(word);
            } else if (word == QLatin1String("--")) {
                optionsEnded = true;
            } else if (word.startsWith(QLatin1String("--"))) {
                readLong(word);
            } else {
                readShort(word);
            }
        }
        return m_parse;
    }

private:
    bool ok() const { return m_parse.error.isEmpty() && !m_parse.stop; }
    bool cli() const { return m_parse.front != CurlFront::Paste; }

    void addUrl(const QString &word)
    {
        QString &url = m_parse.command.url;
        if (url.isEmpty())
            url = word;
        else if (cli())
            m_parse.error = QStringLiteral("more than one URL ('%1' and '%2')").arg(url, word);
        else
            m_parse.warnings << QStringLiteral("extra argument '%1' was left out (one URL per request)").arg(word);
    }

    const CurlOption *find(const QString &name)
    {
        const CurlOption *row = findCurlOption(name, m_own);
        if (row && row->accepts(m_parse.front))
            return row;
        if (cli()) {
            m_parse.error = QStringLiteral("unknown option '%1'").arg(name);
            m_parse.unknownOption = name;
        } else {
            m_parse.warnings << QStringLiteral("unknown option %1 was left out").arg(name);
        }
        return nullptr;
    }

    // The next word as the value of `row` (spelled `name`), or an error.
    std::optional<QString> nextWord(const CurlOption &row, const QString &name)
    {
        if (m_w + 1 < m_words.size())
            return m_words.at(++m_w);
        if (cli())
            m_parse.error = QStringLiteral("%1 needs %2").arg(name, row.needs.isEmpty() ? row.valueName : row.needs);
        else
            m_parse.error = QStringLiteral("%1 needs an argument (word %2)").arg(name).arg(m_w + 2); // word 1 is "curl"
        return std::nullopt;
    }

    void readLong(const QString &word)
    {
        QString name = word;
        std::optional<QString> inlineValue;
        // `--max-time=5`: a convenience of the CLI; curl itself reads no such form.
        if (cli() && word.contains(QLatin1Char('='))) {
            name = word.left(word.indexOf(QLatin1Char('=')));
            inlineValue = word.mid(name.size() + 1);
        }
        const CurlOption *row = find(name);
        if (!row)
            return;
        QString value;
        if (row->takesValue()) {
            const std::optional<QString> v = inlineValue ? inlineValue : nextWord(*row, name);
            if (!v)
                return;
            value = *v;
        }
        row->apply(m_parse, value);
    }

    // Short options may be bundled (-sSL) and may carry their value attached (-XPOST).
    void readShort(const QString &word)
    {
        for (qsizetype c = 1; c < word.size() && ok(); ++c) {
            const QString name = QLatin1Char('-') + word.at(c);
            const CurlOption *row = find(name);
            if (!row)
                continue;
            if (!row->takesValue()) {
                row->apply(m_parse, QString());
                continue;
            }
            const std::optional<QString> v = c + 1 < word.size() ? std::optional(word.mid(c + 1)) : nextWord(*row, name);
            if (v)
                row->apply(m_parse, *v);
            return;
        }
    }

    const QStringList &m_words;
    const QList<CurlOption> &m_own;
    CurlParse m_parse;
    qsizetype m_w = 0;
};

} // namespace

QString CurlCommand::effectiveMethod() const
{
    if (!method.isEmpty())
        return method;
    if (head)
        return QStringLiteral("HEAD");
    if (!body.isEmpty() && body.first().kind == BodyKind::Upload)
        return QStringLiteral("PUT");
    if (!body.isEmpty() && !getWithData)
        return QStringLiteral("POST");
    return QStringLiteral("GET");
}

bool looksLikeCurlCommand(const QString &text)
{
    static const QRegularExpression curl(QStringLiteral(R"(^\s*curl(\.exe)?(\s|$))"));
    return curl.match(text).hasMatch();
}

CurlParse parseCurlOptions(const QStringList &words, CurlFront front, const QList<CurlOption> &own)
{
    return OptionReader(words, front, own).read();
}

CurlImport importCurlCommand(const QString &commandLine)
{
    CurlImport import;
    import.dialect = detectShellDialect(commandLine);
    const ShellWords split = splitShellWords(commandLine, import.dialect);
    if (!split.error.isEmpty()) {
        import.error = split.error;
        return import;
    }
    QStringList words = split.words;
    if (words.isEmpty() || (words.first() != QLatin1String("curl") && words.first() != QLatin1String("curl.exe"))) {
        import.error = QStringLiteral("not a curl command: it must start with 'curl'");
        return import;
    }
    words.removeFirst();
    const CurlParse parse = parseCurlOptions(words, CurlFront::Paste);
    import.command = parse.command;
    import.error = parse.error;
    import.warnings = parse.warnings;
    if (import.error.isEmpty() && import.command.url.isEmpty())
        import.error = QStringLiteral("the curl command has no URL");
    return import;
}

} // namespace statusscope
