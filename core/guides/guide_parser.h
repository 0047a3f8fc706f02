// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/guides/guide.h"

#include <QList>
#include <QString>

namespace statusscope {

// A problem in a guide file, with where it is.
struct GuideError
{
    QString file;
    int line = 0; // 1-based; 0 when it concerns the whole file
    QString message;

    QString toString() const; // "417.md:12: unknown front-matter key 'colour'"
};

struct GuideParseResult
{
    Guide guide;
    QList<GuideError> errors;
    // The front matter gave at least an id and a title: the catalog can list the guide and show
    // its text even when other parts are wrong (the errors are still reported).
    bool usable = false;

    bool ok() const { return usable && errors.isEmpty(); }
};

// A guide is a handful of kilobytes; anything this large is not a guide and is refused whole
// rather than scanned.
inline constexpr qsizetype kMaxGuideBytes = 1024 * 1024;

// Parses one guide in the format of resources/guides/FORMAT.md: the front matter, the "# CODE
// Title" heading, the twelve sections in order and non-empty, the steps' "Why this works" and
// "Expected result", the fenced blocks (closed, with a language) and the `guide:` links.
// fileName is used in messages; when expectedId is not empty (the file's base name), the front
// matter's code must equal it. Every problem is reported, not only the first.
GuideParseResult parseGuide(const QString &text, const QString &fileName,
                            const QString &expectedId = {});

// True for a syntactically valid guide id: a status number ("0", "417") or a transport id
// ("dns-failure": lower-case words joined by '-').
bool isValidGuideId(QStringView id);

} // namespace statusscope
