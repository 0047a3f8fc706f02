// SPDX-License-Identifier: GPL-3.0-or-later
// The guide file format (resources/guides/FORMAT.md) as a line-based state machine:
//   FrontMatter — between the opening and closing "---": one "key: value" per line
//   Preamble    — after the front matter, up to the first "## ": must hold "# CODE Title"
//   Section     — one of the twelve "## " sections; "```"/"~~~" fences switch to Fence
//   Fence       — inside a fenced block: headings and links are plain text here; the
//                 block and its info-string attributes are kept for the snippet checker
// Known limits: front-matter values are single-line; lists cannot contain commas.
#include "core/guides/guide_parser.h"

#include "core/guides/markdown_blocks.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace statusscope {

namespace {

const QStringList &requiredKeys()
{
    static const QStringList keys{
        QStringLiteral("code"),     QStringLiteral("title"),   QStringLiteral("class"),
        QStringLiteral("official"), QStringLiteral("registry"), QStringLiteral("spec"),
        QStringLiteral("related"),  QStringLiteral("aliases"), QStringLiteral("senders"),
    };
    return keys;
}

// Keys whose value may be an empty list: a guide can have no aliases or no related guides.
bool mayBeEmpty(const QString &key)
{
    return key == QLatin1String("related") || key == QLatin1String("aliases");
}

bool isValidSender(QStringView sender)
{
    static const QSet<QString> senders{
        QStringLiteral("origin"),        QStringLiteral("proxy"),
        QStringLiteral("cdn"),           QStringLiteral("load-balancer"),
        QStringLiteral("client-library"), QStringLiteral("browser"),
    };
    return senders.contains(sender.toString());
}

QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(QLatin1Char(','))) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            out << item;
    }
    return out;
}

class Parser
{
public:
    Parser(const QString &fileName, const QString &expectedId)
        : m_file(fileName), m_expectedId(expectedId)
    {}

    GuideParseResult run(const QString &text);

private:
    void error(int line, const QString &message) { m_result.errors.append({m_file, line, message}); }
    int parseFrontMatter(const QStringList &lines);
    void applyFrontMatter(int closingLine);
    void parseBody(const QStringList &lines, int first);
    void finishSection();
    void checkSteps(const GuideSection &section);
    void checkFaq(const GuideSection &section);
    void checkExample(const GuideSection &section);
    void checkSources(const GuideSection &section);
    void checkFenceAttributes(int line, const FenceInfo &fence);

    QString m_file;
    QString m_expectedId;
    GuideParseResult m_result;
    QHash<QString, QString> m_values;
    QHash<QString, int> m_valueLines;
    // Body state.
    GuideSection m_current;
    bool m_inSection = false;
    QStringList m_sectionLines;
    int m_textFirstLine = 0;
    // The file's lines as readers see them: fence info strings cut to the language.
    QStringList m_display;
};

GuideParseResult Parser::run(const QString &text)
{
    if (text.size() > kMaxGuideBytes) {
        error(0, QStringLiteral("file is %1 bytes, more than the %2-byte limit for a guide")
                     .arg(text.size())
                     .arg(kMaxGuideBytes));
        return m_result;
    }
    QString normalized = text;
    normalized.remove(QLatin1Char('\r'));
    const QStringList lines = normalized.split(QLatin1Char('\n'));
    const int bodyStart = parseFrontMatter(lines);
    if (bodyStart < 0)
        return m_result;
    m_display = lines;
    parseBody(lines, bodyStart);
    const QStringList bodyLines = m_display.mid(bodyStart);
    m_result.guide.markdown = bodyLines.join(QLatin1Char('\n')).trimmed() + QLatin1Char('\n');
    return m_result;
}

// Returns the index of the first line after the closing "---", or -1 when there is no front
// matter to speak of (nothing else can be checked then).
int Parser::parseFrontMatter(const QStringList &lines)
{
    if (lines.isEmpty() || lines.first().trimmed() != QLatin1String("---")) {
        error(1, QStringLiteral("expected '---' to open the front matter"));
        return -1;
    }
    int closing = -1;
    for (int i = 1; i < lines.size(); ++i) {
        const QString line = lines.at(i);
        const int lineNo = i + 1;
        if (line.trimmed() == QLatin1String("---")) {
            closing = i;
            break;
        }
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            error(lineNo, QStringLiteral("expected 'key: value', got '%1'").arg(line.trimmed()));
            continue;
        }
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (!requiredKeys().contains(key)) {
            error(lineNo, QStringLiteral("unknown front-matter key '%1'").arg(key));
            continue;
        }
        if (m_values.contains(key)) {
            error(lineNo, QStringLiteral("duplicate front-matter key '%1' (first on line %2)")
                              .arg(key)
                              .arg(m_valueLines.value(key)));
            continue;
        }
        m_values.insert(key, value);
        m_valueLines.insert(key, lineNo);
    }
    if (closing < 0) {
        error(1, QStringLiteral("front matter opened here is never closed with '---'"));
        return -1;
    }
    applyFrontMatter(closing + 1);
    return closing + 1;
}

void Parser::applyFrontMatter(int closingLine)
{
    Guide &g = m_result.guide;
    g.sourceName = m_file;
    for (const QString &key : requiredKeys()) {
        if (!m_values.contains(key))
            error(closingLine, QStringLiteral("missing front-matter key '%1'").arg(key));
        else if (m_values.value(key).isEmpty() && !mayBeEmpty(key))
            error(m_valueLines.value(key), QStringLiteral("front-matter key '%1' is empty").arg(key));
    }
    const auto line = [this](const char *key) { return m_valueLines.value(QLatin1String(key)); };

    const QString code = m_values.value(QStringLiteral("code"));
    if (!code.isEmpty()) {
        if (!isValidGuideId(code)) {
            error(line("code"), QStringLiteral("code '%1' is neither a status number nor a "
                                               "transport id like 'dns-failure'")
                                    .arg(code));
        } else {
            g.id = code;
            bool numeric = false;
            const int number = code.toInt(&numeric);
            g.code = numeric ? number : -1;
            if (!m_expectedId.isEmpty() && code != m_expectedId)
                error(line("code"), QStringLiteral("code '%1' does not match the file name '%2'")
                                        .arg(code, m_expectedId));
        }
    }
    g.title = m_values.value(QStringLiteral("title"));

    const QString cls = m_values.value(QStringLiteral("class"));
    if (!cls.isEmpty()) {
        if (!statusClassFromString(cls, &g.statusClass)) {
            error(line("class"), QStringLiteral("class '%1' is not one of 1xx 2xx 3xx 4xx 5xx "
                                                "none transport")
                                     .arg(cls));
        } else if (!g.id.isEmpty()) {
            StatusClass expected = StatusClass::Transport;
            if (g.code >= 0 && !statusClassForCode(g.code, &expected))
                error(line("code"), QStringLiteral("status %1 is outside 0 and 100–599").arg(g.code));
            else if (expected != g.statusClass)
                error(line("class"), QStringLiteral("class '%1' does not fit code '%2' (expected '%3')")
                                         .arg(cls, g.id, toString(expected)));
        }
    }

    const QString registry = m_values.value(QStringLiteral("registry"));
    const bool registryOk = !registry.isEmpty() && registryFromString(registry, &g.registry);
    if (!registry.isEmpty() && !registryOk) {
        error(line("registry"), QStringLiteral("registry '%1' is not one of iana iana-temporary "
                                               "iana-obsoleted unofficial pseudo transport")
                                    .arg(registry));
    } else if (registryOk && !g.id.isEmpty()
               && (g.registry == Registry::Transport) != (g.code < 0)) {
        error(line("registry"), QStringLiteral("registry '%1' does not fit code '%2'").arg(registry, g.id));
    }

    const QString official = m_values.value(QStringLiteral("official"));
    if (official == QLatin1String("true") || official == QLatin1String("false")) {
        g.official = official == QLatin1String("true");
        if (registryOk && g.official != isOfficial(g.registry))
            error(line("official"), QStringLiteral("official: %1 contradicts registry '%2'")
                                        .arg(official, registry));
    } else if (!official.isEmpty()) {
        error(line("official"), QStringLiteral("official must be 'true' or 'false', got '%1'").arg(official));
    }

    g.spec = m_values.value(QStringLiteral("spec"));
    g.aliases = splitList(m_values.value(QStringLiteral("aliases")));
    g.related = splitList(m_values.value(QStringLiteral("related")));
    for (const QString &id : std::as_const(g.related)) {
        if (!isValidGuideId(id))
            error(line("related"), QStringLiteral("related entry '%1' is not a guide id").arg(id));
        else if (id == g.id)
            error(line("related"), QStringLiteral("a guide cannot be related to itself"));
    }
    g.senders = splitList(m_values.value(QStringLiteral("senders")));
    for (const QString &sender : std::as_const(g.senders)) {
        if (!isValidSender(sender))
            error(line("senders"), QStringLiteral("unknown sender '%1' (origin, proxy, cdn, "
                                                  "load-balancer, client-library, browser)")
                                       .arg(sender));
    }
    m_result.usable = !g.id.isEmpty() && !g.title.isEmpty();
}

void Parser::parseBody(const QStringList &lines, int first)
{
    static const QRegularExpression linkPattern(QStringLiteral("\\]\\(guide:([^)\\s]*)\\)"));
    Guide &g = m_result.guide;
    bool sawHeading = false;
    QString fenceMarker;
    int fenceLine = 0;
    GuideCodeBlock block;
    QStringList blockLines;
    for (int i = first; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const int lineNo = i + 1;
        QString marker, info;
        if (!fenceMarker.isEmpty()) {
            // Fence state: only the same kind of fence, at least as long, closes it.
            if (closesFence(line, fenceMarker)) {
                fenceMarker.clear();
                block.text = blockLines.join(QLatin1Char('\n'));
                g.codeBlocks.append(block);
            } else {
                blockLines << line;
            }
            m_sectionLines << line;
            continue;
        }
        if (isMarkdownFence(line, &marker, &info)) {
            fenceMarker = marker;
            fenceLine = lineNo;
            const FenceInfo fence = parseFenceInfo(info);
            if (fence.language.isEmpty() && fence.error.isEmpty())
                error(lineNo, QStringLiteral("fenced code block without a language (```nginx, "
                                             "```http, ```text…)"));
            checkFenceAttributes(lineNo, fence);
            block = GuideCodeBlock{fence.language, fence.attributes, {}, lineNo, m_current.title};
            blockLines.clear();
            // Readers see the language only; the attributes are for the checker.
            const QString shown = line.left(line.indexOf(marker) + marker.size()) + fence.language;
            m_display[i] = shown;
            m_sectionLines << shown;
            continue;
        }
        if (line.startsWith(QLatin1String("# "))) {
            if (sawHeading || m_inSection) {
                error(lineNo, QStringLiteral("a second level-1 heading '%1'").arg(line));
                continue;
            }
            sawHeading = true;
            const QString heading = line.mid(2).trimmed();
            const QString expected = g.code >= 0 ? g.heading() : g.title;
            // Transport guides have no number; "# dns-failure DNS failure" is accepted too.
            if (!g.id.isEmpty() && heading != expected && heading != g.heading())
                error(lineNo, QStringLiteral("heading '%1' should be '# %2'").arg(heading, expected));
            continue;
        }
        if (line.startsWith(QLatin1String("## "))) {
            finishSection();
            const QString title = line.mid(3).trimmed();
            const qsizetype index = g.sections.size();
            if (!sawHeading) {
                error(lineNo, QStringLiteral("section before the '# CODE Title' heading"));
                sawHeading = true;
            }
            if (index == qsizetype(kGuideSectionTitles.size()) && title == QLatin1String(kGuideSourcesTitle)) {
                // The optional last section.
            } else if (index >= qsizetype(kGuideSectionTitles.size())) {
                error(lineNo, QStringLiteral("unexpected section '%1' after '%2'")
                                  .arg(title, g.sections.last().title));
            } else if (title != QLatin1String(kGuideSectionTitles[size_t(index)])) {
                error(lineNo, QStringLiteral("expected section '%1', got '%2'")
                                  .arg(QString::fromUtf8(kGuideSectionTitles[size_t(index)]), title));
            }
            m_inSection = true;
            m_sectionLines.clear();
            m_current = GuideSection{title, {}, lineNo};
            continue;
        }
        if (m_inSection) {
            m_sectionLines << line;
            QRegularExpressionMatchIterator it = linkPattern.globalMatch(line);
            while (it.hasNext()) {
                const QString target = it.next().captured(1);
                if (!isValidGuideId(target))
                    error(lineNo, QStringLiteral("link target 'guide:%1' is not a guide id").arg(target));
                else
                    g.links.append({target, lineNo});
            }
        }
    }
    if (!fenceMarker.isEmpty()) {
        error(fenceLine, QStringLiteral("fenced code block opened here is never closed"));
        block.text = blockLines.join(QLatin1Char('\n'));
        g.codeBlocks.append(block);
    }
    finishSection();
    if (!sawHeading)
        error(first + 1, QStringLiteral("missing the '# CODE Title' heading"));
    if (g.sections.size() < qsizetype(kGuideSectionTitles.size())) {
        QStringList missing;
        for (size_t i = size_t(g.sections.size()); i < kGuideSectionTitles.size(); ++i)
            missing << QString::fromUtf8(kGuideSectionTitles[i]);
        error(int(lines.size()), QStringLiteral("missing section(s) at the end: %1")
                                     .arg(missing.join(QStringLiteral(", "))));
    }
}

void Parser::finishSection()
{
    if (!m_inSection)
        return;
    m_current.text = m_sectionLines.join(QLatin1Char('\n')).trimmed();
    // Line of the first non-blank line of the text, for messages about its content.
    m_textFirstLine = m_current.line + 1;
    for (const QString &l : std::as_const(m_sectionLines)) {
        if (!l.trimmed().isEmpty())
            break;
        ++m_textFirstLine;
    }
    m_sectionLines.clear();
    m_inSection = false;
    if (m_current.text.isEmpty())
        error(m_current.line, QStringLiteral("section '%1' is empty").arg(m_current.title));
    else if (m_current.title == QLatin1String("Step-by-step solutions"))
        checkSteps(m_current);
    else if (m_current.title == QLatin1String("FAQ"))
        checkFaq(m_current);
    else if (m_current.title == QLatin1String("Example response"))
        checkExample(m_current);
    else if (m_current.title == QLatin1String(kGuideSourcesTitle))
        checkSources(m_current);
    m_result.guide.sections.append(m_current);
}

// FORMAT.md: numbered "### N. …" steps, each with "Why this works" and "Expected result".
void Parser::checkSteps(const GuideSection &section)
{
    const QStringList lines = section.text.split(QLatin1Char('\n'));
    struct Step
    {
        QString title;
        int line;
        bool why = false;
        bool expected = false;
    };
    QList<Step> steps;
    static const QRegularExpression stepPattern(QStringLiteral("^###\\s+\\d+\\.\\s+\\S"));
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(QLatin1String("### "))) {
            steps.append({line.mid(4).trimmed(), m_textFirstLine + i});
            if (!stepPattern.match(line).hasMatch())
                error(m_textFirstLine + i, QStringLiteral("step '%1' is not numbered '### N. …'")
                                                .arg(line.mid(4).trimmed()));
            continue;
        }
        if (steps.isEmpty())
            continue;
        const QString lower = line.toLower();
        if (lower.contains(QLatin1String("why this works")))
            steps.last().why = true;
        if (lower.contains(QLatin1String("expected result")))
            steps.last().expected = true;
    }
    if (steps.isEmpty())
        error(section.line, QStringLiteral("no '### 1. …' steps in 'Step-by-step solutions'"));
    for (const Step &step : std::as_const(steps)) {
        if (!step.why)
            error(step.line, QStringLiteral("step '%1' has no 'Why this works'").arg(step.title));
        if (!step.expected)
            error(step.line, QStringLiteral("step '%1' has no 'Expected result'").arg(step.title));
    }
}

void Parser::checkFaq(const GuideSection &section)
{
    static const QRegularExpression question(QStringLiteral("^\\*\\*[^*].*\\?\\*\\*"),
                                             QRegularExpression::MultilineOption);
    if (!question.match(section.text).hasMatch())
        error(section.line, QStringLiteral("FAQ has no '**Question?**' line"));
}

void Parser::checkExample(const GuideSection &section)
{
    if (!section.text.contains(QLatin1String("```http"))
        && !section.text.contains(QLatin1String("```text")))
        error(section.line, QStringLiteral("'Example response' has no ```http (or ```text) block"));
}

// FORMAT.md "Sources": only "- [Title](URL)" bullets, URLs over http(s); an RFC citation's
// title starts "RFC N" (the snippet checker then checks the section exists).
void Parser::checkSources(const GuideSection &section)
{
    static const QRegularExpression bullet(
        QStringLiteral("^[-*] \\[([^\\]]+)\\]\\((https?://[^\\s)]+)\\)\\s*$"));
    const QStringList lines = section.text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        if (!bullet.match(line).hasMatch())
            error(m_textFirstLine + i, QStringLiteral("a Sources entry must be '- [Title](https://…)', got '%1'")
                                           .arg(line));
    }
}

// FORMAT.md "Checked blocks": which attribute goes with which language, and its values.
void Parser::checkFenceAttributes(int line, const FenceInfo &fence)
{
    if (!fence.error.isEmpty()) {
        error(line, fence.error);
        return;
    }
    static const QHash<QString, QStringList> contexts{
        {QStringLiteral("nginx"), {QStringLiteral("main"), QStringLiteral("http"), QStringLiteral("server"),
                                   QStringLiteral("location"), QStringLiteral("upstream"), QStringLiteral("stream")}},
        {QStringLiteral("apache"), {QStringLiteral("server"), QStringLiteral("vhost"), QStringLiteral("directory"),
                                    QStringLiteral("htaccess")}},
        {QStringLiteral("haproxy"), {QStringLiteral("global"), QStringLiteral("defaults"), QStringLiteral("frontend"),
                                     QStringLiteral("backend"), QStringLiteral("listen"), QStringLiteral("full")}},
    };
    static const QRegularExpression name(QStringLiteral("^[a-z0-9][a-z0-9_.-]*$"));
    static const QStringList outputs{QStringLiteral("text"), QStringLiteral("console"), QStringLiteral("json")};
    const QString &lang = fence.language;
    for (auto it = fence.attributes.cbegin(); it != fence.attributes.cend(); ++it) {
        const QString &key = it.key();
        const QString &value = it.value();
        if (key == QLatin1String("context")) {
            if (!contexts.contains(lang))
                error(line, QStringLiteral("context= is for nginx, apache and haproxy blocks, not '%1'").arg(lang));
            else if (!contexts.value(lang).contains(value))
                error(line, QStringLiteral("%1 context '%2' is not one of %3")
                                .arg(lang, value, contexts.value(lang).join(QLatin1Char(' '))));
        } else if (key == QLatin1String("modules")) {
            if (lang != QLatin1String("nginx") && lang != QLatin1String("apache"))
                error(line, QStringLiteral("modules= is for nginx and apache blocks, not '%1'").arg(lang));
            for (const QString &module : value.split(QLatin1Char(','))) {
                if (!name.match(module).hasMatch())
                    error(line, QStringLiteral("module name '%1' in modules= is not a module name").arg(module));
            }
        } else if (key == QLatin1String("wrap")) {
            if (lang == QLatin1String("http") || outputs.contains(lang))
                error(line, QStringLiteral("wrap= is for code, not '%1' blocks").arg(lang));
            else if (!name.match(value).hasMatch())
                error(line, QStringLiteral("wrapper name '%1' is not a file name in wrappers/").arg(value));
        } else if (key == QLatin1String("cli")) {
            if (!outputs.contains(lang))
                error(line, QStringLiteral("cli= marks StatusScope output in text, console or json blocks, not '%1'")
                                .arg(lang));
            else if (!name.match(value).hasMatch())
                error(line, QStringLiteral("cli scenario '%1' is not a scenario name").arg(value));
        } else {
            error(line, QStringLiteral("unknown block attribute '%1' (context, modules, wrap, cli)").arg(key));
        }
    }
}

} // namespace

QString GuideError::toString() const
{
    if (line > 0)
        return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message);
    return QStringLiteral("%1: %2").arg(file, message);
}

bool isValidGuideId(QStringView id)
{
    static const QRegularExpression pattern(QStringLiteral("^(?:\\d{1,3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$"));
    return pattern.match(id.toString()).hasMatch();
}

GuideParseResult parseGuide(const QString &text, const QString &fileName, const QString &expectedId)
{
    return Parser(fileName, expectedId).run(text);
}

} // namespace statusscope
