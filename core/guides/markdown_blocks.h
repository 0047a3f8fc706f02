#pragma once

#include <QList>
#include <QString>

namespace statusscope {

// A guide body cut at its fenced code blocks, so a viewer can give each block its own
// treatment (a copy button) without parsing Markdown itself.
struct MarkdownBlock
{
    bool isCode = false;
    QString language; // the fence's info string ("nginx"), code blocks only
    QString text;     // prose: Markdown as written; code: the lines between the fences
};

QList<MarkdownBlock> splitFencedBlocks(const QString &markdown);

// CommonMark §4.5: a fence is three or more backticks or tildes, optionally indented, followed
// by an info string. Sets the run of fence characters and the info string.
bool isMarkdownFence(const QString &line, QString *marker, QString *info);
// Does `line` close a block opened with `opening`: same character, at least as long, no info.
bool closesFence(const QString &line, const QString &opening);

} // namespace statusscope
