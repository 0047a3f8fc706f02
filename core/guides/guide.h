// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/guides/status_class.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>

namespace statusscope {

// The twelve level-2 sections every guide has, in this order (resources/guides/FORMAT.md).
inline constexpr std::array<const char *, 12> kGuideSectionTitles{
    "What it means",        "Why it occurs", "Where you'll see it",    "Symptoms",
    "Step-by-step solutions", "Server-side fixes", "Client-side fixes", "Prevention",
    "Real-world scenarios", "FAQ",           "Example response",       "Specification",
};

// The section after "Specification" that lists the RFC sections and vendor pages the guide's
// facts rest on (FORMAT.md), as "- [Title](URL)" bullets.
inline constexpr const char *kGuideSourcesTitle = "Sources";

struct GuideSection
{
    QString title; // without the "## "
    QString text;  // the Markdown under the heading, trimmed
    int line = 0;  // 1-based line of the heading in the file
};

// A `[text](guide:ID)` link in the body.
struct GuideLink
{
    QString target; // "413", "dns-failure"
    int line = 0;
};

// A fenced block as written in the file, for the snippet checker: the language readers see and
// the attributes that say how to check it ("context=server", "wrap=express-app").
struct GuideCodeBlock
{
    QString language;
    QMap<QString, QString> attributes;
    QString text;    // the lines between the fences
    int line = 0;    // 1-based line of the opening fence in the file
    QString section; // title of the section it is in
};

// One troubleshooting guide: the front matter as typed fields and the Markdown body.
struct Guide
{
    QString id;        // "417" or "dns-failure": the stable id links and lookups use
    int code = -1;     // the status number, -1 for transport failures
    QString title;     // "Expectation Failed"
    StatusClass statusClass = StatusClass::None;
    bool official = false;
    Registry registry = Registry::Unofficial;
    QString spec;      // "RFC 9110 §15.5.18"
    QStringList related; // ids
    QStringList aliases;
    QStringList senders; // origin, proxy, cdn, load-balancer, client-library, browser
    // The body after the front matter, starting at "# CODE Title". Fence info strings are cut
    // to the language: the checker's attributes are not for readers.
    QString markdown;
    QList<GuideSection> sections; // the twelve of FORMAT.md, then "Sources" when present
    QList<GuideCodeBlock> codeBlocks;
    QList<GuideLink> links;
    QString sourceName; // file it came from, for messages

    bool isTransport() const { return code < 0; }
    // "# CODE Title" of the file: "417 Expectation Failed", "dns-failure DNS resolution failure".
    QString heading() const { return id + QLatin1Char(' ') + title; }
    // What lists and links show: the heading, or only the title for a transport failure (its id
    // is for links, not for people).
    QString displayName() const { return isTransport() ? title : heading(); }
    // The text of a section by title, empty when absent.
    QString section(QStringView title) const;
};

} // namespace statusscope
