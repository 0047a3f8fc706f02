// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/guides/markdown_blocks.h"

#include <QRegularExpression>
#include <QStringList>

namespace statusscope {

FenceInfo parseFenceInfo(const QString &info)
{
    FenceInfo out;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList words = info.trimmed().split(space, Qt::SkipEmptyParts);
    if (words.isEmpty())
        return out;
    out.language = words.first();
    if (out.language.contains(QLatin1Char('='))) {
        out.error = QStringLiteral("the info string must start with the language, not '%1'").arg(out.language);
        out.language.clear();
        return out;
    }
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString &word = words.at(i);
        const qsizetype eq = word.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == word.size() - 1) {
            out.error = QStringLiteral("'%1' after the language is not key=value").arg(word);
            continue;
        }
        const QString key = word.left(eq);
        if (out.attributes.contains(key)) {
            out.error = QStringLiteral("attribute '%1' given twice").arg(key);
            continue;
        }
        out.attributes.insert(key, word.mid(eq + 1));
    }
    return out;
}

bool isMarkdownFence(const QString &line, QString *marker, QString *info)
{
    const QString trimmed = line.trimmed();
    for (const QChar c : {QLatin1Char('`'), QLatin1Char('~')}) {
        qsizetype n = 0;
        while (n < trimmed.size() && trimmed.at(n) == c)
            ++n;
        if (n >= 3) {
            *marker = trimmed.left(n);
            *info = trimmed.mid(n).trimmed();
            return true;
        }
    }
    return false;
}

bool closesFence(const QString &line, const QString &opening)
{
    QString marker, info;
    return isMarkdownFence(line, &marker, &info) && info.isEmpty() && marker.at(0) == opening.at(0)
           && marker.size() >= opening.size();
}

QList<MarkdownBlock> splitFencedBlocks(const QString &markdown)
{
    QList<MarkdownBlock> blocks;
    QStringList current;
    QString opening;
    MarkdownBlock code;
    const auto flushProse = [&] {
        const QString text = current.join(QLatin1Char('\n'));
        if (!text.trimmed().isEmpty())
            blocks.append({false, {}, text});
        current.clear();
    };
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (opening.isEmpty()) {
            QString marker, info;
            if (isMarkdownFence(line, &marker, &info)) {
                flushProse();
                opening = marker;
                const FenceInfo parsed = parseFenceInfo(info);
                code = {true, parsed.language, {}, parsed.attributes};
            } else {
                current << line;
            }
        } else if (closesFence(line, opening)) {
            code.text = current.join(QLatin1Char('\n'));
            blocks.append(code);
            current.clear();
            opening.clear();
        } else {
            current << line;
        }
    }
    if (!opening.isEmpty()) {
        // An unclosed fence runs to the end (CommonMark §4.5); the parser reports it.
        code.text = current.join(QLatin1Char('\n'));
        blocks.append(code);
    } else {
        flushProse();
    }
    return blocks;
}

} // namespace statusscope
