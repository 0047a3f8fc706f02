// SPDX-License-Identifier: GPL-3.0-or-later
// statusscope-cli guide CODE | --list | --search WORDS: the built-in troubleshooting guides.
// Prints Markdown (or "code<TAB>title" lines) so the output pipes into a pager or a script.
#include "app/cli/cli_io.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/guides/guide_catalog.h"

namespace statusscope::cli {

namespace {

QString guideHelp()
{
    return QStringLiteral(
        "Usage: statusscope-cli guide CODE\n"
        "       statusscope-cli guide --list\n"
        "       statusscope-cli guide --search WORDS...\n"
        "\n"
        "Prints the troubleshooting guide for a status code (417), a transport failure\n"
        "(dns-failure) or a name (\"Expectation Failed\") as Markdown.\n"
        "  --list     every guide, one per line: code TAB title, grouped by class\n"
        "  --search   guides matching all the words (code, title, aliases, text), best first\n"
        "Exit status: 0 found, 1 no search result, 2 usage error or no such guide.\n");
}

QString line(const Guide &guide)
{
    return guide.id + QLatin1Char('\t') + guide.title + QLatin1Char('\n');
}

// Problems in the compiled-in guides are the build's fault, not the user's: warn, go on.
void warnAboutLoadErrors(const GuideCatalog &catalog)
{
    for (const GuideError &e : catalog.loadErrors())
        writeErr(QStringLiteral("statusscope-cli: warning: guide %1\n").arg(e.toString()));
}

int printList(const GuideCatalog &catalog)
{
    QString out;
    for (const GuideGroup &group : catalog.groupedByClass()) {
        for (const QString &id : group.ids)
            out += line(*catalog.find(id));
    }
    writeOut(out);
    return kExitOk;
}

int printSearch(const GuideCatalog &catalog, const QString &query)
{
    const QList<GuideSearchHit> hits = catalog.search(query);
    if (hits.isEmpty()) {
        writeErr(QStringLiteral("statusscope-cli: no guide matches '%1'\n").arg(query));
        return kExitFailure;
    }
    QString out;
    for (const GuideSearchHit &hit : hits)
        out += line(*catalog.find(hit.id));
    writeOut(out);
    return kExitOk;
}

int printNotFound(const GuideCatalog &catalog, const QString &wanted)
{
    QString message = QStringLiteral("no guide for '%1'").arg(wanted);
    bool numeric = false;
    const int code = wanted.toInt(&numeric);
    if (numeric) {
        const StatusInfo info = catalog.statusInfo(code);
        if (info.known)
            message += QStringLiteral(": %1 %2 (%3, %4) has no guide yet")
                           .arg(wanted, info.reason, toString(info.statusClass), info.definedIn);
        else if (info.hasClass)
            message += QStringLiteral(": not a registered status; RFC 9110 §15 treats it like %1")
                           .arg(code / 100 * 100);
    }
    const QStringList matches = catalog.closeMatches(wanted);
    if (!matches.isEmpty()) {
        QStringList named;
        for (const QString &id : matches)
            named << catalog.find(id)->displayName();
        message += QStringLiteral("\nclose matches: %1").arg(named.join(QStringLiteral(", ")));
    }
    message += QStringLiteral("\n(see 'statusscope-cli guide --list')");
    return usageError(message, kExitUsage);
}

} // namespace

int runGuide(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(QStringLiteral("guide: give a CODE, --list or --search WORDS\n") + guideHelp(),
                          kExitUsage);
    const QString first = args.first();
    if (first == QLatin1String("-h") || first == QLatin1String("--help")) {
        writeOut(guideHelp());
        return kExitOk;
    }
    const GuideCatalog catalog = GuideCatalog::load();
    warnAboutLoadErrors(catalog);
    if (first == QLatin1String("--list")) {
        if (args.size() > 1)
            return usageError(QStringLiteral("guide --list takes no arguments"), kExitUsage);
        return printList(catalog);
    }
    if (first == QLatin1String("--search")) {
        const QString query = args.mid(1).join(QLatin1Char(' ')).trimmed();
        if (query.isEmpty())
            return usageError(QStringLiteral("guide --search needs words to look for"), kExitUsage);
        return printSearch(catalog, query);
    }
    if (first.startsWith(QLatin1Char('-')))
        return usageError(QStringLiteral("guide: unknown option '%1' (see guide --help)").arg(first),
                          kExitUsage);
    // "guide Expectation Failed" works without quotes.
    const QString wanted = args.join(QLatin1Char(' ')).trimmed();
    const Guide *guide = catalog.resolve(wanted);
    if (!guide)
        return printNotFound(catalog, wanted);
    writeOut(guide->markdown);
    return kExitOk;
}

} // namespace statusscope::cli
