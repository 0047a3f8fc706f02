// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/har/har_types.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace statusscope {

// The filter language of the browsers' network panels, so that what people already type in
// DevTools works here too. Terms are separated by spaces and must all match; a leading `-`
// negates a term; `key:value` terms filter on one property; any other word is looked for in
// the URL (case-insensitive). Double quotes keep spaces and keep a word literal.
//
//   status-code:417   status-code:4xx   -status-code:200   method:PUT
//   domain:api.example.com   domain:*.example.com   scheme:http   mime-type:image/
//   larger-than:1M (k = 1024 bytes, M = 1024 k)   is:failed (no response)   is:error (0, 4xx, 5xx)
//   has-response-header:etag
//
// One deliberate difference from DevTools: a bare status number ("417") filters on the
// status, because someone who types a code in an inspector for statuses wants that status,
// not the URLs whose digits happen to contain it. Quoted ("\"417\"") it searches URLs.
struct HarFilterTerm
{
    enum class Kind {
        UrlText,
        StatusCode,
        StatusClass, // number holds the hundreds digit: 4 for 4xx
        Method,
        Domain,
        Scheme,
        MimeType,
        LargerThan,
        IsFailed,
        IsError,
        HasResponseHeader,
    };

    Kind kind = Kind::UrlText;
    bool negated = false;
    QString text;      // lower-cased where the comparison ignores case
    qint64 number = 0; // status code, class digit or byte count
    QRegularExpression pattern; // domain wildcards, compiled once per query

    bool operator==(const HarFilterTerm &) const = default;
};

struct HarFilterQuery
{
    QList<HarFilterTerm> terms;
    // One line per term that could not be understood, e.g. "larger-than:1X: not a size
    // (try 500, 10k or 2M)". Those terms are left out, the rest still filters.
    QStringList problems;

    bool isEmpty() const { return terms.isEmpty(); }
    bool matches(const HarEntry &entry) const;

    static HarFilterQuery parse(QStringView text);
    bool operator==(const HarFilterQuery &) const = default;
};

// The keys the syntax knows, with a short hint each, for completion and the tooltip.
struct HarFilterKey
{
    QString key; // "status-code"
    QString hint;
};
const QList<HarFilterKey> &harFilterKeys();

// Host of a URL without a full parse (the filter runs over every entry on each keystroke).
QStringView hostOfUrl(QStringView url);

} // namespace statusscope

namespace statusscope {

// Completions for the filter field, drawn from what the file holds: "status-code:417",
// "method:PUT", "domain:api.example.com", "mime-type:image/png", then the keys themselves.
QStringList harFilterSuggestions(const HarLog &log);

} // namespace statusscope
