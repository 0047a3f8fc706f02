// SPDX-License-Identifier: GPL-3.0-or-later
// Every claim has a source (FORMAT.md "Sources"): each guide ends with a Sources section, and
// every RFC section a guide cites — in its text or its Sources — exists in that RFC, per the
// table of contents in tests/guides/rfc_sections.tsv.
#include "tests/guides/snippets/snippet_check.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

#include <iostream>

using namespace statusscope;
using namespace statusscope::test;

namespace {

const QList<Guide> &guides()
{
    static QStringList errors;
    static const QList<Guide> all = allGuides(&errors);
    return all;
}

// "9110 15.5.18" for every row of the table.
const QSet<QString> &rfcSections()
{
    static const QSet<QString> sections = [] {
        QSet<QString> out;
        QFile f(sourcePath(QStringLiteral("tests/guides/rfc_sections.tsv")));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &raw : f.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.startsWith(QLatin1Char('#')) || line.trimmed().isEmpty())
                continue;
            const QStringList cols = line.split(QLatin1Char('\t'));
            if (cols.size() >= 2)
                out.insert(cols.at(0) + QLatin1Char(' ') + cols.at(1));
        }
        return out;
    }();
    return sections;
}

QSet<QString> rfcsInTable()
{
    QSet<QString> out;
    for (const QString &key : rfcSections())
        out.insert(key.section(QLatin1Char(' '), 0, 0));
    return out;
}

struct Citation
{
    QString rfc, section;
    int line = 0;
};

// "RFC 9110 §15.5.18", "RFC 9110, Section 15.5.18", "RFC 9110 section 15.5.18",
// "Section 15.5.18 of RFC 9110", "RFC 9110 §§15.5.18" — where a guide names an RFC section.
QList<Citation> citations(const Guide &g)
{
    static const QRegularExpression forward(QStringLiteral(
        "RFC ?(\\d{3,5}),? ?(?:§§? ?|[Ss]ections? )(\\d+(?:\\.\\d+)*)"));
    static const QRegularExpression backward(QStringLiteral("[Ss]ection (\\d+(?:\\.\\d+)*) of RFC ?(\\d{3,5})"));
    QList<Citation> out;
    // The file as written (front matter included), for exact line numbers.
    QFile f(sourcePath(QStringLiteral("resources/guides/") + g.sourceName));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QRegularExpressionMatchIterator it = forward.globalMatch(lines.at(i));
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out.append({m.captured(1), m.captured(2), i + 1});
        }
        it = backward.globalMatch(lines.at(i));
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out.append({m.captured(2), m.captured(1), i + 1});
        }
    }
    return out;
}

TEST(Sources, EveryGuideEndsWithSources)
{
    ASSERT_FALSE(guides().isEmpty());
    QStringList missing;
    int with = 0;
    for (const Guide &g : guides()) {
        const bool has = !g.sections.isEmpty() && g.sections.last().title == QString::fromUtf8(kGuideSourcesTitle)
                         && !g.sections.last().text.trimmed().isEmpty();
        with += has ? 1 : 0;
        const QString file = QStringLiteral("resources/guides/") + g.sourceName;
        if (!has && !isPending(file))
            missing << file;
    }
    std::cout << "[ COUNT    ] " << with << " of " << guides().size() << " guides have a Sources section\n";
    EXPECT_TRUE(missing.isEmpty()) << missing.size() << " guides without a '## Sources' section:\n"
                                   << missing.join(QLatin1Char('\n')).toStdString();
}

TEST(Sources, TheRfcTableIsReadable)
{
    EXPECT_TRUE(rfcSections().contains(QStringLiteral("9110 15.5.18")));
    EXPECT_FALSE(rfcSections().contains(QStringLiteral("9110 15.5.23")));
    EXPECT_FALSE(rfcSections().contains(QStringLiteral("9110 15.7")));
}

TEST(Sources, EveryCitedRfcSectionExists)
{
    const QSet<QString> known = rfcsInTable();
    QStringList problems, pendingProblems;
    int checked = 0;
    for (const Guide &g : guides()) {
        const QString file = QStringLiteral("resources/guides/") + g.sourceName;
        for (const Citation &c : citations(g)) {
            ++checked;
            const QString where = QStringLiteral("%1:%2").arg(file).arg(c.line);
            QStringList &out = isPending(file) ? pendingProblems : problems;
            if (!known.contains(c.rfc))
                out << QStringLiteral("%1: RFC %2 §%3: RFC %2 is not in tests/guides/rfc_sections.tsv "
                                           "(add its table of contents)").arg(where, c.rfc, c.section);
            else if (!rfcSections().contains(c.rfc + QLatin1Char(' ') + c.section))
                out << QStringLiteral("%1: RFC %2 has no section %3").arg(where, c.rfc, c.section);
        }
    }
    std::cout << "[ COUNT    ] " << checked << " RFC section citations checked, "
              << problems.size() + pendingProblems.size() << " wrong (" << pendingProblems.size()
              << " in guides listed in tests/guides/pending.txt)\n";
    QDir().mkpath(QStringLiteral("guide-failures"));
    QFile report(QStringLiteral("guide-failures/rfc-sections.txt"));
    if (report.open(QIODevice::WriteOnly | QIODevice::Truncate))
        report.write((problems + pendingProblems).join(QLatin1Char('\n')).toUtf8());
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

// An RFC entry in Sources: the title's "RFC N §S" and the URL's rfc-editor.org address agree.
TEST(Sources, RfcEntriesLinkToTheSectionTheyName)
{
    static const QRegularExpression entry(QStringLiteral("^[-*] \\[([^\\]]+)\\]\\(([^)]+)\\)"),
                                          QRegularExpression::MultilineOption);
    static const QRegularExpression rfcTitle(QStringLiteral("^RFC (\\d+)(?: §(\\d+(?:\\.\\d+)*))?"));
    static const QRegularExpression rfcUrl(QStringLiteral(
        "^https://www\\.rfc-editor\\.org/rfc/rfc(\\d+)(?:\\.html)?(?:#section-(\\d+(?:\\.\\d+)*))?$"));
    QStringList problems, pending;
    for (const Guide &g : guides()) {
        const QString sources = g.section(QString::fromUtf8(kGuideSourcesTitle));
        QRegularExpressionMatchIterator it = entry.globalMatch(sources);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const QRegularExpressionMatch t = rfcTitle.match(m.captured(1));
            if (!t.hasMatch())
                continue;
            const QRegularExpressionMatch u = rfcUrl.match(m.captured(2));
            if (!u.hasMatch() || u.captured(1) != t.captured(1) || u.captured(2) != t.captured(2))
                (isPending(QStringLiteral("resources/guides/") + g.sourceName) ? pending : problems) << QStringLiteral("resources/guides/%1: '%2' links to %3, expected "
                                           "https://www.rfc-editor.org/rfc/rfc%4%5")
                                .arg(g.sourceName, m.captured(1), m.captured(2), t.captured(1),
                                     t.captured(2).isEmpty() ? QString() : QStringLiteral("#section-") + t.captured(2));
        }
    }
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

} // namespace
