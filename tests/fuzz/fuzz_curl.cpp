// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the curl-command importer (core/curl) and the shell word splitter under it.
//
// Input: byte 0 = which dialect to split with (bit 0: cmd.exe), then the pasted command (UTF-8).
// Invariants: splitting, quoting each word and splitting again gives the same words; when an
// import succeeds, exporting it (POSIX and cmd.exe) and importing the export gives back the same
// CurlCommand with no error.
#include "core/curl/curl_command.h"
#include "tests/fuzz/fuzz_check.h"

using namespace statusscope;

namespace {

// Words for a failure message: control characters as \xNN (a NUL would end the C string).
QString show(const QStringList &words)
{
    QString out;
    for (const QString &w : words) {
        out += QLatin1Char('[');
        for (QChar c : w)
            out += c.unicode() < 0x20 ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')) : QString(c);
        out += QLatin1Char(']');
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ShellDialect dialect =
        fuzz::takeByte(data, size) & 1 ? ShellDialect::WinCmd : ShellDialect::Posix;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const ShellWords words = splitShellWords(text, dialect);
    if (words.error.isEmpty()) {
        QStringList quoted;
        for (const QString &w : words.words)
            quoted << quoteShellWord(w, dialect);
        const ShellWords again = splitShellWords(quoted.join(QLatin1Char(' ')), dialect);
        FUZZ_CHECK(again.error.isEmpty() && again.words == words.words,
                   QStringLiteral("quote/split round trip (%1): %2 -> %3 %4")
                       .arg(toString(dialect), show(words.words), show(again.words), again.error));
    }

    (void)looksLikeCurlCommand(text);
    const CurlImport imported = importCurlCommand(text);
    if (!imported.error.isEmpty())
        return 0;
    // cmd.exe cannot carry a line break inside an argument: no cmd export for those.
    const CurlCommand &c = imported.command;
    QStringList texts{c.url, c.method, c.user, c.caCert, c.proxy, c.outputFile};
    texts += c.removedHeaders;
    for (const auto &[name, value] : c.headers)
        texts << name << value;
    for (const CurlCommand::BodyPart &part : c.body)
        texts << part.value;
    bool lineBreak = false;
    for (const QString &t : texts)
        lineBreak = lineBreak || t.contains(QLatin1Char('\n')) || t.contains(QLatin1Char('\r'));
    for (ShellDialect out : {ShellDialect::Posix, ShellDialect::WinCmd}) {
        if (out == ShellDialect::WinCmd && lineBreak)
            continue;
        const QString exported = exportCurlCommand(imported.command, out);
        const CurlImport back = importCurlCommand(exported);
        FUZZ_CHECK(back.error.isEmpty(),
                   QStringLiteral("the export does not import (%1): %2\n%3")
                       .arg(toString(out), back.error, exported));
        FUZZ_CHECK(back.command == imported.command,
                   QStringLiteral("import(export(x)) != x (%1):\n%2").arg(toString(out), exported));
    }
    return 0;
}
