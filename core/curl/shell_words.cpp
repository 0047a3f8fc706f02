// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/curl/shell_words.h"

#include <QRegularExpression>

#include <ostream>

namespace statusscope {

namespace {

int hexDigitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// Posix: one pass, a small state machine over the characters.
//   Plain  — outside quotes: whitespace ends a word, \ escapes the next character (\ + newline
//            is a continuation), ' " and $' open a quoted run.
//   Single — inside '…': everything literal until the next '.
//   Double — inside "…": \ escapes only $ ` " \ and newline (bash manual, "Double Quotes").
//   AnsiC  — inside $'…': C escapes (bash manual, "ANSI-C Quoting").
ShellWords splitPosix(const QString &text)
{
    enum class State { Plain, Single, Double, AnsiC };
    ShellWords result;
    QString word;
    bool inWord = false;
    State state = State::Plain;
    const qsizetype n = text.size();
    qsizetype quoteStart = 0;

    auto endWord = [&] {
        if (inWord)
            result.words << word;
        word.clear();
        inWord = false;
    };

    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        switch (state) {
        case State::Plain:
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
                || c == QLatin1Char('\r')) {
                endWord();
            } else if (c == QLatin1Char('\\')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
                    ++i; // continuation
                } else if (i + 2 < n && text.at(i + 1) == QLatin1Char('\r')
                           && text.at(i + 2) == QLatin1Char('\n')) {
                    i += 2;
                } else if (i + 1 < n) {
                    word += text.at(++i);
                    inWord = true;
                }
            } else if (c == QLatin1Char('\'')) {
                state = State::Single;
                quoteStart = i;
                inWord = true;
            } else if (c == QLatin1Char('"')) {
                state = State::Double;
                quoteStart = i;
                inWord = true;
            } else if (c == QLatin1Char('$') && i + 1 < n && text.at(i + 1) == QLatin1Char('\'')) {
                state = State::AnsiC;
                quoteStart = i;
                inWord = true;
                ++i;
            } else {
                word += c;
                inWord = true;
            }
            break;
        case State::Single:
            if (c == QLatin1Char('\''))
                state = State::Plain;
            else
                word += c;
            break;
        case State::Double:
            if (c == QLatin1Char('"')) {
                state = State::Plain;
            } else if (c == QLatin1Char('\\') && i + 1 < n) {
                const QChar next = text.at(i + 1);
                if (next == QLatin1Char('\n')) {
                    ++i;
                } else if (next == QLatin1Char('$') || next == QLatin1Char('`')
                           || next == QLatin1Char('"') || next == QLatin1Char('\\')) {
                    word += next;
                    ++i;
                } else {
                    word += c;
                }
            } else {
                word += c;
            }
            break;
        case State::AnsiC:
            if (c == QLatin1Char('\'')) {
                state = State::Plain;
            } else if (c == QLatin1Char('\\') && i + 1 < n) {
                const QChar e = text.at(++i);
                auto hexRun = [&](int maxDigits) {
                    uint value = 0;
                    int digits = 0;
                    while (digits < maxDigits && i + 1 < n) {
                        const int d = hexDigitValue(text.at(i + 1));
                        if (d < 0)
                            break;
                        value = value * 16 + uint(d);
                        ++digits;
                        ++i;
                    }
                    return digits ? value : uint(0xFFFFFFFF);
                };
                switch (e.unicode()) {
                case 'n': word += QLatin1Char('\n'); break;
                case 't': word += QLatin1Char('\t'); break;
                case 'r': word += QLatin1Char('\r'); break;
                case 'a': word += QChar(0x07); break;
                case 'b': word += QChar(0x08); break;
                case 'e':
                case 'E': word += QChar(0x1b); break;
                case 'f': word += QChar(0x0c); break;
                case 'v': word += QChar(0x0b); break;
                case '\\': word += QLatin1Char('\\'); break;
                case '\'': word += QLatin1Char('\''); break;
                case '"': word += QLatin1Char('"'); break;
                case '?': word += QLatin1Char('?'); break;
                case 'x': {
                    const uint v = hexRun(2);
                    if (v == 0xFFFFFFFF)
                        word += QStringLiteral("\\x");
                    else
                        word += QChar(char16_t(v));
                    break;
                }
                case 'u':
                case 'U': {
                    const uint v = hexRun(e == QLatin1Char('u') ? 4 : 8);
                    if (v == 0xFFFFFFFF) {
                        word += QLatin1Char('\\');
                        word += e;
                    } else {
                        const char32_t cp = char32_t(v);
                        word += QString::fromUcs4(&cp, 1);
                    }
                    break;
                }
                default:
                    if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
                        uint v = uint(e.unicode() - '0');
                        for (int k = 0; k < 2 && i + 1 < n && text.at(i + 1) >= QLatin1Char('0')
                                        && text.at(i + 1) <= QLatin1Char('7');
                             ++k)
                            v = v * 8 + uint(text.at(++i).unicode() - '0');
                        word += QChar(char16_t(v & 0xFF));
                    } else {
                        word += QLatin1Char('\\');
                        word += e;
                    }
                }
            } else {
                word += c;
            }
            break;
        }
    }
    if (state != State::Plain) {
        result.error = QStringLiteral("unterminated quote that opens at character %1").arg(quoteStart + 1);
        return result;
    }
    endWord();
    return result;
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
