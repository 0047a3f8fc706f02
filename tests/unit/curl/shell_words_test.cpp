// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/curl/shell_words.h"

#include "tests/support/qt_printers.h"

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

QStringList posix(const char *text)
{
    const ShellWords words = splitShellWords(QString::fromUtf8(text), ShellDialect::Posix);
    EXPECT_TRUE(words.error.isEmpty()) << words.error.toStdString();
    return words.words;
}

QStringList cmd(const char *text)
{
    const ShellWords words = splitShellWords(QString::fromUtf8(text), ShellDialect::WinCmd);
    EXPECT_TRUE(words.error.isEmpty()) << words.error.toStdString();
    return words.words;
}

} // namespace

TEST(ShellWords, PosixQuotesAndContinuations)
{
    EXPECT_EQ(posix("curl 'a b' \"c \\\"d\\\" $e\" f\\ g \\\n  h"),
              (QStringList{QStringLiteral("curl"), QStringLiteral("a b"), QStringLiteral("c \"d\" $e"),
                           QStringLiteral("f g"), QStringLiteral("h")}));
}

TEST(ShellWords, PosixAnsiCQuotingDecodesEscapes)
{
    EXPECT_EQ(posix(R"(x $'{"a":"it\'s\n\t\x41\u00e9\101"}')"),
              (QStringList{QStringLiteral("x"), QString::fromUtf8("{\"a\":\"it's\n\tA\xc3\xa9" "A\"}")}));
}

TEST(ShellWords, PosixAnsiCEscapesWithoutDigitsStayAsTyped)
{
    // bash: $'\x' is \x, $'\xZ' is \xZ, $'\u' is \u; octal keeps the low byte ($'\777' is 0xff).
    EXPECT_EQ(posix(R"($'\x' $'\xZ' $'\u' $'\q' $'\777')"),
              (QStringList{QStringLiteral("\\x"), QStringLiteral("\\xZ"), QStringLiteral("\\u"),
                           QStringLiteral("\\q"), QString(QChar(0xff))}));
}

TEST(ShellWords, PosixAnsiCCodePointsBeyondUnicodeAreOneReplacementCharacter)
{
    // Eight hex digits can name more than Unicode holds; all eight are read either way, and
    // \UFFFFFFFF is one such value like \U00110000 (not "no digits", which would show \U).
    const QStringList words = posix(R"($'\U00110000' $'\UFFFFFFFF' $'\U0001F600')");
    ASSERT_EQ(words.size(), 3);
    EXPECT_EQ(words.at(0), QString(QChar(0xfffd)));
    EXPECT_EQ(words.at(1), QString(QChar(0xfffd)));
    EXPECT_EQ(words.at(2), QString::fromUtf8("\xf0\x9f\x98\x80"));
}

TEST(ShellWords, PosixBackslashesOutsideAnsiC)
{
    // In "…" only $ ` " \ and a line break are escaped; elsewhere \ + CRLF continues the
    // word, and a final lone \ is dropped.
    EXPECT_EQ(posix(R"("\a\$")"), QStringList{QStringLiteral("\\a$")});
    EXPECT_EQ(posix("a\\\r\nb c\\"), (QStringList{QStringLiteral("ab"), QStringLiteral("c")}));
}

TEST(ShellWords, PosixAdjacentRunsFormOneWord)
{
    EXPECT_EQ(posix(R"(a'b'"c"$'d'e)"), QStringList{QStringLiteral("abcde")});
    EXPECT_EQ(posix("''"), QStringList{QString()}) << "an empty quoted word is still a word";
}

TEST(ShellWords, PosixUnterminatedQuoteNamesItsOffset)
{
    const ShellWords words = splitShellWords(QStringLiteral("curl 'http://x"), ShellDialect::Posix);
    EXPECT_EQ(words.error, QStringLiteral("unterminated quote that opens at character 6"));
}

TEST(ShellWords, CmdCaretsAndCrtQuotes)
{
    EXPECT_EQ(cmd("curl ^\"https://x/?a=1^&b=2^\" ^\n  -H ^\"accept: */*^\" ^\n  --data-raw ^\"^{^\\^\"k^\\^\":1^}^\""),
              (QStringList{QStringLiteral("curl"), QStringLiteral("https://x/?a=1&b=2"), QStringLiteral("-H"),
                           QStringLiteral("accept: */*"), QStringLiteral("--data-raw"),
                           QStringLiteral("{\"k\":1}")}));
}

TEST(ShellWords, CmdOldStyleDoubleQuotes)
{
    EXPECT_EQ(cmd("curl \"https://x/\" ^\r\n  -H \"a: b\" --compressed"),
              (QStringList{QStringLiteral("curl"), QStringLiteral("https://x/"), QStringLiteral("-H"),
                           QStringLiteral("a: b"), QStringLiteral("--compressed")}));
}

TEST(ShellWords, DialectDetection)
{
    EXPECT_EQ(detectShellDialect(QStringLiteral("curl ^\"https://x/^\"")), ShellDialect::WinCmd);
    EXPECT_EQ(detectShellDialect(QStringLiteral("curl \"https://x/\" ^\n -k")), ShellDialect::WinCmd);
    EXPECT_EQ(detectShellDialect(QStringLiteral("curl 'https://x/' \\\n -k")), ShellDialect::Posix);
}

TEST(ShellWords, QuotingRoundTripsThroughTheSplitter)
{
    const QStringList samples{QStringLiteral("plain"),
                              QStringLiteral("with space"),
                              QStringLiteral("it's"),
                              QStringLiteral("{\"json\": [1, 2]}"),
                              QStringLiteral("line\nbreak\tand tab"),
                              QStringLiteral("a&b|c<d>e^f%PATH%!x"),
                              QStringLiteral("back\\slash\\\"quote"),
                              QStringLiteral("trailing\\"),
                              QString::fromUtf8("\xc3\xa9t\xc3\xa9 $HOME `id`"),
                              QString()};
    for (ShellDialect dialect : {ShellDialect::Posix, ShellDialect::WinCmd}) {
        for (const QString &sample : samples) {
            if (dialect == ShellDialect::WinCmd && sample.contains(QLatin1Char('\n')))
                continue; // cmd.exe cannot carry a line break inside an argument reliably
            const QString line = QStringLiteral("curl ") + quoteShellWord(sample, dialect);
            const ShellWords words = splitShellWords(line, dialect);
            ASSERT_TRUE(words.error.isEmpty()) << words.error.toStdString();
            ASSERT_EQ(words.words.size(), 2) << line.toStdString();
            EXPECT_EQ(words.words.at(1), sample) << toString(dialect).toStdString() << ": " << line.toStdString();
        }
    }
}

// Found by tests/fuzz/fuzz_curl: ^" inside POSIX single quotes is literal text, not the mark of
// Chrome's cmd.exe format, so an exported POSIX command holding it reads back as POSIX.
TEST(ShellDialect, CaretQuoteInsideSingleQuotesIsPosix)
{
    EXPECT_EQ(detectShellDialect(QStringLiteral("curl 'http://x/?a=^\"b' -H 'X: 1'")), ShellDialect::Posix);
    EXPECT_EQ(detectShellDialect(QStringLiteral("curl $'a\\'^\"\\x01'")), ShellDialect::Posix);
    EXPECT_EQ(detectShellDialect(QStringLiteral("curl ^\"https://x/it's^\" -H ^\"a: b^\"")), ShellDialect::WinCmd);
    EXPECT_EQ(detectShellDialect(QStringLiteral("curl 'x' ^\"y^\"")), ShellDialect::WinCmd);
}

// Found by tests/fuzz/fuzz_curl: a word ending in a line break was taken as safe to leave bare
// (the regular expression's $ matches before a final newline) and lost its line break.
TEST(ShellWords, TrailingLineBreakIsQuoted)
{
    for (ShellDialect dialect : {ShellDialect::Posix, ShellDialect::WinCmd}) {
        const QString word = QStringLiteral("z\n");
        const QString quoted = quoteShellWord(word, dialect);
        EXPECT_NE(quoted, word);
        if (dialect == ShellDialect::Posix) {
            EXPECT_EQ(splitShellWords(QStringLiteral("a ") + quoted, dialect).words,
                      (QStringList{QStringLiteral("a"), word}));
        }
    }
}
