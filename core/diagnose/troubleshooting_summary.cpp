// SPDX-License-Identifier: GPL-3.0-or-later
// The Markdown a run copies for a bug report: what was tried, what was seen, the likely cause,
// the fix. Plain CommonMark so it pastes into GitHub, GitLab and Jira alike.
#include "core/diagnose/troubleshooting_flow.h"

namespace statusscope::diagnose {

namespace {

// Markdown inline text: the characters that would start emphasis, code or links are escaped.
QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == QLatin1Char('*') || c == QLatin1Char('_') || c == QLatin1Char('`') || c == QLatin1Char('[')
            || c == QLatin1Char(']') || c == QLatin1Char('<') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c == QLatin1Char('\n') ? QLatin1Char(' ') : c;
    }
    return out;
}

QString sectionTitle(const QString &slug)
{
    if (slug == QLatin1String("server-side-fixes"))
        return QStringLiteral("Server-side fixes");
    if (slug == QLatin1String("client-side-fixes"))
        return QStringLiteral("Client-side fixes");
    return slug;
}

// "[417 guide — Server-side fixes](guide:417#server-side-fixes)"
QString linkTo(const Fix &fix)
{
    return QStringLiteral("[%1 guide — %2](%3)").arg(escaped(fix.guide), sectionTitle(fix.section), fix.link());
}

// "- Server side: [417 guide — Server-side fixes](guide:417#server-side-fixes)"
QString sectionLink(const QString &side, const Fix &fix)
{
    return QStringLiteral("- %1: %2\n").arg(side, linkTo(fix));
}

// "- **Server side:** Raise the limit. See [413 guide — Server-side fixes](guide:413#server-side-fixes)."
QString fixLine(const QString &side, const Fix &fix)
{
    return QStringLiteral("- **%1:** %2 See %3.\n").arg(side, escaped(fix.text), linkTo(fix));
}

} // namespace

QString guideLink(const QString &guideId, const QString &section)
{
    QString id = guideId;
    // Link destinations end at a space or a parenthesis; guide ids have neither, but be safe.
    id.remove(QLatin1Char(' ')).remove(QLatin1Char('(')).remove(QLatin1Char(')'));
    return section.isEmpty() ? QStringLiteral("guide:%1").arg(id) : QStringLiteral("guide:%1#%2").arg(id, section);
}

QString TroubleshootingRun::summaryMarkdown() const
{
    QString md = QStringLiteral("## Diagnosis: %1\n\n").arg(escaped(m_flow.title));
    if (m_finding) {
        md += QStringLiteral("**Finding:** %1 `%2`: %3\n\n")
                  .arg(toString(m_finding->severity), m_finding->rule, escaped(m_finding->title));
        md += escaped(m_finding->explanation) + QStringLiteral("\n\n");
    }
    md += QStringLiteral("### What was tried\n\n");
    if (m_history.isEmpty())
        md += QStringLiteral("Nothing yet.\n");
    for (int i = 0; i < m_history.size(); ++i) {
        const Record &r = m_history.at(i);
        const TroubleshootingStep *s = m_flow.step(r.stepId);
        const StepOutcome *o = s ? s->outcome(r.outcomeId) : nullptr;
        if (!s || !o)
            continue;
        md += QStringLiteral("%1. **%2**").arg(i + 1).arg(escaped(s->title));
        if (s->automatic != CheckKind::None)
            md += QStringLiteral(" (automatic check `%1`)").arg(toString(s->automatic));
        md += QStringLiteral(": %1\n").arg(escaped(o->label));
        if (!r.observed.isEmpty())
            md += QStringLiteral("   - Seen: %1\n").arg(escaped(r.observed));
    }
    md += QLatin1Char('\n');
    if (const StepOutcome *end = conclusion()) {
        md += QStringLiteral("### Likely cause\n\n%1\n\n").arg(escaped(end->cause));
        // Both sides of the fix, each with the guide section that explains it (guide: links
        // open in StatusScope's Guide dock).
        md += QStringLiteral("### Fix\n\n") + fixLine(QStringLiteral("Server side"), end->server)
              + fixLine(QStringLiteral("Client side"), end->client);
        return md;
    }
    if (const TroubleshootingStep *next = currentStep())
        md += QStringLiteral("**Not finished.** Next step: %1. %2\n\n").arg(escaped(next->title), escaped(next->check));
    // The automatic diagnosis stands in until the flow ends; the links lead to both sides.
    const QString cause = m_finding ? m_finding->cause : QString();
    const QString fix = m_finding ? m_finding->fix : QString();
    md += QStringLiteral("### Likely cause\n\n%1\n\n").arg(cause.isEmpty() ? QStringLiteral("Not determined yet.") : escaped(cause));
    md += QStringLiteral("### Fix\n\n%1\n\n").arg(fix.isEmpty() ? QStringLiteral("Not determined yet.") : escaped(fix));
    md += sectionLink(QStringLiteral("Server side"), {{}, m_flow.guide, QStringLiteral("server-side-fixes")});
    md += sectionLink(QStringLiteral("Client side"), {{}, m_flow.guide, QStringLiteral("client-side-fixes")});
    return md;
}

} // namespace statusscope::diagnose
