// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_tsv.h"

namespace statusscope::logs {

void appendTsvEscaped(std::string &out, std::string_view text)
{
    // Runs without a byte to escape (nearly all of a log's text) go in one append each.
    size_t run = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char *escaped = nullptr;
        switch (text[i]) {
        case '\\':
            escaped = "\\\\";
            break;
        case '\t':
            escaped = "\\t";
            break;
        case '\n':
            escaped = "\\n";
            break;
        case '\r':
            escaped = "\\r";
            break;
        case '\0':
            escaped = "\\0";
            break;
        default:
            continue;
        }
        out.append(text.data() + run, i - run);
        out.append(escaped, 2);
        run = i + 1;
    }
    out.append(text.data() + run, text.size() - run);
}

namespace {

QByteArray unescape(QByteArrayView field)
{
    if (!field.contains('\\'))
        return field.toByteArray();
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c != '\\' || i + 1 == field.size()) {
            out += c;
            continue;
        }
        const char next = field[++i];
        switch (next) {
        case 't':
            out += '\t';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case '0':
            out += '\0';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        default:
            out += next; // \\ and \' and anything else stand for themselves
        }
    }
    return out;
}

} // namespace

QList<QList<QByteArray>> parseTsv(const QByteArray &body)
{
    QList<QList<QByteArray>> rows;
    qsizetype start = 0;
    while (start < body.size()) {
        qsizetype end = body.indexOf('\n', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView line(body.constData() + start, end - start);
        QList<QByteArray> fields;
        qsizetype from = 0;
        for (;;) {
            const qsizetype tab = line.indexOf('\t', from);
            fields.push_back(unescape(line.sliced(from, (tab < 0 ? line.size() : tab) - from)));
            if (tab < 0)
                break;
            from = tab + 1;
        }
        rows.push_back(std::move(fields));
        start = end + 1;
    }
    return rows;
}

QString sqlString(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace statusscope::logs
