// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The curl options StatusScope understands, as one table. A row says how the option is
// spelled, whether it takes a value, which front ends accept it, how it fills a CurlCommand
// (curl_request.h then maps that onto the RequestSpec), how "Copy as cURL" writes it back and
// what `statusscope-cli send --help` says about it. Adding an option is adding a row.

#include "core/curl/curl_command.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace statusscope {

// Where an option is accepted; a row holds a set of these as bits.
enum class CurlFront : unsigned {
    Paste = 1u << 0, // a pasted command (composer, Import cURL): unknown options become warnings
    Send = 1u << 1,  // `statusscope-cli send`: unknown options are usage errors
    Probe = 1u << 2, // `statusscope-cli probe`
};
constexpr unsigned operator|(CurlFront a, CurlFront b)
{
    return unsigned(a) | unsigned(b);
}
constexpr unsigned operator|(unsigned a, CurlFront b)
{
    return a | unsigned(b);
}
inline constexpr unsigned kEveryCurlFront = CurlFront::Paste | CurlFront::Send | CurlFront::Probe;

// What reading the options produced. Rows write into it; `stop` ends the reading (--help).
struct CurlParse
{
    CurlFront front = CurlFront::Paste;
    CurlCommand command;
    QString error; // empty on success: what could not be understood
    QString unknownOption; // set with the error when an option is not known to this front end
    QStringList warnings;
    bool stop = false;
};

struct CurlOption;

// The lines of an exported command: each option with its value quoted for the dialect.
class CurlLines
{
public:
    explicit CurlLines(ShellDialect dialect) : m_dialect(dialect) {}
    void flag(const CurlOption &option);
    void value(const CurlOption &option, const QString &value);
    void number(const CurlOption &option, double seconds);
    QStringList &lines() { return m_lines; }

private:
    ShellDialect m_dialect;
    QStringList m_lines;
};

struct CurlOption
{
    // Every spelling. The first is the main one: help shows it (and the first long name after
    // a short one), export writes it for options with a value and the long name for flags.
    QStringList names;
    unsigned fronts = 0;  // CurlFront bits
    QString valueName;    // empty: a flag; else the value's placeholder in help ("METHOD")
    QString needs;        // for a usage error when the value is missing: "a method"
    QString help;         // the line in `send --help`; empty: accepted, not listed
    std::function<void(CurlParse &, const QString &value)> apply;
    std::function<void(const CurlCommand &, const CurlOption &self, CurlLines &)> write; // empty: not exported
    std::optional<CurlCommand::BodyKind> bodyKind; // the body part this option adds

    bool takesValue() const { return !valueName.isEmpty(); }
    bool accepts(CurlFront front) const { return fronts & unsigned(front); }
    QString longName() const;
    QString exportName() const;
};

// The table, in the order help lists the options and export writes them.
const QList<CurlOption> &curlOptions();
// The row spelled `name` ("-X", "--request"), among the table and a front end's own rows.
const CurlOption *findCurlOption(const QString &name, const QList<CurlOption> &own = {});
// The row that adds a body part of this kind (for export).
const CurlOption &curlBodyOption(CurlCommand::BodyKind kind);

// Reads option words (without the leading "curl"). A front end's own options (--json, --har,
// --help) come as extra rows, tried after the table. Unknown options are warnings for Paste
// and errors elsewhere; `--name=value` is read for the CLI fronts only (curl has no such form).
CurlParse parseCurlOptions(const QStringList &words, CurlFront front, const QList<CurlOption> &own = {});

// The option lines of `front`'s help, from the table and then the front end's own rows.
QString curlOptionsHelp(CurlFront front, const QList<CurlOption> &own = {});

} // namespace statusscope
