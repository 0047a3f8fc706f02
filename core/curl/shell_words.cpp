// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/curl/shell_words.h"
#include "core/text/hex_digit.h"

#include <QRegularExpression>

#include <optional>
#include <ostream>

namespace statusscope {

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

// The ANSI-C escapes that stand for one fixed character (\n, \t, \e, \', …).
std::optional<QChar> fixedAnsiCEscape(QChar e)
{
    switch (e.unicode()) {
    case 'n': return QLatin1Char('\n');
    case 't': return QLatin1Char('\t');
    case 'r': return QLatin1Char('\r');
    case 'a': return QChar(0x07);
    case 'b': return QChar(0x08);
    case 'e':
    case 'E': return QChar(0x1b);
    case 'f': return QChar(0x0c);
    case 'v': return QChar(0x0b);
    case '\\': return QLatin1Char('\\');
    case '\'': return QLatin1Char('\'');
    case '"': return QLatin1Char('"');
    case '?': return QLatin1Char('?');
    default: return std::nullopt;
    }
}

// Posix: one pass, a small state machine over the characters.
//   Plain  — outside quotes: whitespace ends a word, \ escapes the next character (\ + newline
//            is a continuation), ' " and $' open a quoted run.
//   Single — inside '…': everything literal until the next '.
//   Double — inside "…": \ escapes only $ ` " \ and newline (bash manual, "Double Quotes").
//   AnsiC  — inside $'…': C escapes (bash manual, "ANSI-C Quoting").
// Each state's step reads the character at m_pos and may consume the ones after it.
class PosixSplitter
{
public:
    explicit PosixSplitter(const QString &text) : m_text(text) {}

    ShellWords split()
    {
        for (m_pos = 0; m_pos < m_text.size(); ++m_pos) {
            const QChar c = m_text.at(m_pos);
            switch (m_state) {
            case State::Plain: plainStep(c); break;
            case State::Single: singleStep(c); break;
            case State::Double: doubleStep(c); break;
            case State::AnsiC: ansiCStep(c); break;
            }
        }
        if (m_state != State::Plain) {
            m_result.error = QStringLiteral("unterminated quote that opens at character %1").arg(m_quoteStart + 1);
            return m_result;
        }
        endWord();
        return m_result;
    }

private:
    enum class State { Plain, Single, Double, AnsiC };

    bool nextIs(qsizetype ahead, char c) const
    {
        return m_pos + ahead < m_text.size() && m_text.at(m_pos + ahead) == QLatin1Char(c);
    }
    bool hasNext() const { return m_pos + 1 < m_text.size(); }
    QChar takeNext() { return m_text.at(++m_pos); }

    void endWord()
    {
        if (m_inWord)
            m_result.words << m_word;
        m_word.clear();
        m_inWord = false;
    }
    // A quote opens a word even when nothing follows: '' is an empty argument.
    void openQuote(State state)
    {
        m_state = state;
        m_quoteStart = m_pos;
        m_inWord = true;
    }

    void plainStep(QChar c)
    {
        if (isBlank(c)) {
            endWord();
        } else if (c == QLatin1Char('\\')) {
            plainEscape();
        } else if (c == QLatin1Char('\'')) {
            openQuote(State::Single);
        } else if (c == QLatin1Char('"')) {
            openQuote(State::Double);
        } else if (c == QLatin1Char('$') && nextIs(1, '\'')) {
            openQuote(State::AnsiC);
            ++m_pos;
        } else {
            m_word += c;
            m_inWord = true;
        }
    }
    // \ + line break (LF or CRLF) joins the lines; \ + anything else is that character; a
    // final lone \ is dropped.
    void plainEscape()
    {
        if (nextIs(1, '\n')) {
            ++m_pos;
        } else if (nextIs(1, '\r') && nextIs(2, '\n')) {
            m_pos += 2;
        } else if (hasNext()) {
            m_word += takeNext();
            m_inWord = true;
        }
    }

    void singleStep(QChar c)
    {
        if (c == QLatin1Char('\''))
            m_state = State::Plain;
        else
            m_word += c;
    }

    void doubleStep(QChar c)
    {
        if (c == QLatin1Char('"')) {
            m_state = State::Plain;
        } else if (c == QLatin1Char('\\') && nextIs(1, '\n')) {
            ++m_pos;
        } else if (c == QLatin1Char('\\') && (nextIs(1, '$') || nextIs(1, '`') || nextIs(1, '"') || nextIs(1, '\\'))) {
            m_word += takeNext();
        } else {
            m_word += c; // any other \ stays, with the character after it
        }
    }

    void ansiCStep(QChar c)
    {
        if (c == QLatin1Char('\''))
            m_state = State::Plain;
        else if (c == QLatin1Char('\\') && hasNext())
            ansiCEscape(takeNext());
        else
            m_word += c;
    }
    void ansiCEscape(QChar e)
    {
        if (const std::optional<QChar> fixed = fixedAnsiCEscape(e)) {
            m_word += *fixed;
        } else if (e == QLatin1Char('x') || e == QLatin1Char('u') || e == QLatin1Char('U')) {
            const int maxDigits = e == QLatin1Char('x') ? 2 : e == QLatin1Char('u') ? 4 : 8;
            const std::optional<char32_t> value = hexRun(maxDigits);
            if (value && *value > 0x10FFFF)
                m_word += QChar(QChar::ReplacementCharacter); // beyond Unicode (Qt would garble it)
            else if (value)
                m_word += QString::fromUcs4(&*value, 1);
            else
                keepEscape(e); // no digits: bash keeps the escape as typed
        } else if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
            m_word += octalEscape(e);
        } else {
            keepEscape(e);
        }
    }
    void keepEscape(QChar e)
    {
        m_word += QLatin1Char('\\');
        m_word += e;
    }
    // Up to maxDigits hex digits after the escape letter; none: nullopt.
    std::optional<char32_t> hexRun(int maxDigits)
    {
        char32_t value = 0;
        int digits = 0;
        while (digits < maxDigits && hasNext()) {
            const int d = text::hexDigitValue(m_text.at(m_pos + 1).unicode());
            if (d < 0)
                break;
            value = value * 16 + char32_t(d);
            ++digits;
            ++m_pos;
        }
        return digits ? std::optional<char32_t>(value) : std::nullopt;
    }
    // \NNN: one to three octal digits, the first already read; the byte value, as bash.
    QChar octalEscape(QChar first)
    {
        uint value = uint(first.unicode() - '0');
        for (int k = 0; k < 2 && hasNext() && m_text.at(m_pos + 1) >= QLatin1Char('0')
                        && m_text.at(m_pos + 1) <= QLatin1Char('7');
             ++k)
            value = value * 8 + uint(takeNext().unicode() - '0');
        return QChar(char16_t(value & 0xFF));
    }

    const QString &m_text;
    ShellWords m_result;
    QString m_word;
    bool m_inWord = false;
    State m_state = State::Plain;
    qsizetype m_pos = 0;        // the character being read
    qsizetype m_quoteStart = 0; // where the open quote began, for the error
};

ShellWords splitPosix(const QString &text)
{
    return PosixSplitter(text).split();
}

// cmd.exe layer: outside its own "…" runs, ^X is a literal X and ^ before a line break joins
// the lines. Inside "…" the caret is literal. Quotes stay in the text for the C runtime layer.
QString unescapeCmd(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool inQuote = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            inQuote = !inQuote;
            out += c;
        } else if (c == QLatin1Char('^') && !inQuote && i + 1 < n) {
            const QChar next = text.at(++i);
            if (next == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            else if (next != QLatin1Char('\n'))
                out += next; // an escaped " does not toggle cmd's quoting
        } else {
            out += c;
        }
    }
    return out;
}

// The Microsoft C runtime's argv rules: "…" groups, 2n backslashes before a quote give n and
// toggle quoting, 2n+1 give n and a literal quote, "" inside quotes is a literal quote.
ShellWords splitCrt(const QString &text)
{
    ShellWords result;
    QString word;
    bool inWord = false;
    bool inQuote = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            qsizetype slashes = 0;
            while (i < n && text.at(i) == QLatin1Char('\\')) {
                ++slashes;
                ++i;
            }
            if (i < n && text.at(i) == QLatin1Char('"')) {
                word += QString(slashes / 2, QLatin1Char('\\'));
                if (slashes % 2 == 1)
                    word += QLatin1Char('"');
                else
                    inQuote = !inQuote;
            } else {
                word += QString(slashes, QLatin1Char('\\'));
                --i;
            }
            inWord = true;
        } else if (c == QLatin1Char('"')) {
            if (inQuote && i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                word += QLatin1Char('"');
                ++i;
            } else {
                inQuote = !inQuote;
            }
            inWord = true;
        } else if (!inQuote && (c == QLatin1Char(' ') || c == QLatin1Char('\t')
                                || c == QLatin1Char('\n') || c == QLatin1Char('\r'))) {
            if (inWord)
                result.words << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inQuote) {
        result.error = QStringLiteral("unterminated double quote");
        return result;
    }
    if (inWord)
        result.words << word;
    return result;
}

} // namespace

QString toString(ShellDialect dialect)
{
    return dialect == ShellDialect::Posix ? QStringLiteral("posix") : QStringLiteral("cmd");
}

void PrintTo(ShellDialect dialect, std::ostream *os)
{
    *os << toString(dialect).toStdString();
}

namespace {

// A ^" outside POSIX single quotes ('…' and $'…'): inside them it is literal text of a POSIX
// command (a value holding ^"), which must not switch the whole line to cmd.exe rules (found by
// tests/fuzz/fuzz_curl: such an exported command read back in the wrong dialect). cmd.exe has
// no single quotes, and Chrome's cmd output starts with `curl ^"URL^"`, before any '.
bool hasCaretQuoteOutsideSingleQuotes(const QString &text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('^') && i + 1 < n && text.at(i + 1) == QLatin1Char('"'))
            return true;
        if (c != QLatin1Char('\''))
            continue;
        const bool ansiC = i > 0 && text.at(i - 1) == QLatin1Char('$');
        for (++i; i < n && text.at(i) != QLatin1Char('\''); ++i) {
            if (ansiC && text.at(i) == QLatin1Char('\\'))
                ++i; // \' does not end $'…'
        }
    }
    return false;
}

} // namespace

ShellDialect detectShellDialect(const QString &commandLine)
{
    static const QRegularExpression caretBreak(QStringLiteral(R"(\^\r?\n)"));
    if (commandLine.contains(caretBreak) || hasCaretQuoteOutsideSingleQuotes(commandLine)
        || commandLine.trimmed().startsWith(QLatin1String("curl.exe")))
        return ShellDialect::WinCmd;
    return ShellDialect::Posix;
}

ShellWords splitShellWords(const QString &commandLine, ShellDialect dialect)
{
    if (dialect == ShellDialect::Posix)
        return splitPosix(commandLine);
    return splitCrt(unescapeCmd(commandLine));
}

QString quoteShellWord(const QString &word, ShellDialect dialect)
{
    // cmd.exe expands %VAR% even in arguments, so % is only bare-safe for POSIX shells.
    // \z, not $: $ also matches before a final line break, so "z\n" passed as safe and lost
    // its line break (found by tests/fuzz/fuzz_curl).
    static const QRegularExpression posixSafe(QStringLiteral(R"(^[A-Za-z0-9_@%+=:,./-]+\z)"));
    static const QRegularExpression cmdSafe(QStringLiteral(R"(^[A-Za-z0-9_@+=:,./-]+\z)"));
    const QRegularExpression &safe = dialect == ShellDialect::Posix ? posixSafe : cmdSafe;
    if (!word.isEmpty() && safe.match(word).hasMatch())
        return word;
    if (dialect == ShellDialect::WinCmd) {
        // "…" for the C runtime, \" for inner quotes (doubling the backslashes before them),
        // and ^ before the characters cmd.exe would otherwise act on.
        QString out = QStringLiteral("^\"");
        qsizetype slashes = 0;
        for (const QChar c : word) {
            if (c == QLatin1Char('\\')) {
                ++slashes;
                out += c;
                continue;
            }
            if (c == QLatin1Char('"')) {
                out += QString(slashes + 1, QLatin1Char('\\'));
                out += QStringLiteral("^\"");
            } else if (QStringLiteral("^&|<>()%!").contains(c)) {
                out += QLatin1Char('^');
                out += c;
            } else if (c == QLatin1Char('\n')) {
                out += QStringLiteral("^\n\n"); // a literal line break inside an argument
            } else {
                out += c;
            }
            slashes = 0;
        }
        out += QString(slashes, QLatin1Char('\\'));
        out += QStringLiteral("^\"");
        return out;
    }
    bool needsAnsiC = false;
    for (const QChar c : word) {
        if (c == QLatin1Char('\'') || c.unicode() < 0x20 || c.unicode() == 0x7f) {
            needsAnsiC = true;
            break;
        }
    }
    if (!needsAnsiC)
        return QLatin1Char('\'') + word + QLatin1Char('\'');
    QString out = QStringLiteral("$'");
    for (const QChar c : word) {
        switch (c.unicode()) {
        case '\'': out += QStringLiteral("\\'"); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('\'');
    return out;
}

} // namespace statusscope
