// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace statusscope {

// A fenced block's info string, "LANG key=value ..." (resources/guides/FORMAT.md): the language
// is what readers see; the attributes tell the snippet checker how to check the block (where an
// nginx block goes, which modules it needs, which wrapper a fragment is inserted into).
struct FenceInfo
{
    QString language;                  // "nginx"; empty for a bare fence
    QMap<QString, QString> attributes; // {"context": "server"}
    QString error;                     // why the attributes are malformed; empty when fine
};

// Splits an info string at whitespace: the first word is the language, every further word must
// be key=value with a non-empty key and value, each key at most once.
FenceInfo parseFenceInfo(const QString &info);

// A guide body cut at its fenced code blocks, so a viewer can give each block its own
// treatment (a copy button) without parsing Markdown itself.
struct MarkdownBlock
{
    bool isCode = false;
    QString language; // the fence's language ("nginx"), code blocks only; attributes dropped
    QString text;     // prose: Markdown as written; code: the lines between the fences
    QMap<QString, QString> attributes = {}; // the info string's key=value words
};

QList<MarkdownBlock> splitFencedBlocks(const QString &markdown);

// CommonMark §4.5: a fence is three or more backticks or tildes, optionally indented, followed
// by an info string. Sets the run of fence characters and the info string.
bool isMarkdownFence(const QString &line, QString *marker, QString *info);
// Does `line` close a block opened with `opening`: same character, at least as long, no info.
bool closesFence(const QString &line, const QString &opening);

} // namespace statusscope
