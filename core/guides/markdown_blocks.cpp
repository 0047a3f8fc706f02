#include "core/guides/markdown_blocks.h"

#include <QStringList>

namespace statusscope {

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
                code = {true, info, {}};
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
