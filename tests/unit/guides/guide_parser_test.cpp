// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/guides/guide_parser.h"
#include "tests/support/guide_samples.h"
#include "tests/unit/guides/guide_printers.h"

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

GuideParseResult parse(const QString &text)
{
    return parseGuide(text, QStringLiteral("inline.md"));
}

// The first error whose message contains `needle`, or nullptr.
const GuideError *findError(const GuideParseResult &result, const char *needle)
{
    for (const GuideError &e : result.errors) {
        if (e.message.contains(QString::fromUtf8(needle)))
            return &e;
    }
    return nullptr;
}

QString withLine(QString text, const QString &from, const QString &to)
{
    EXPECT_TRUE(text.contains(from)) << from.toStdString();
    return text.replace(from, to);
}

// One edit of the sample guide and the error it must produce, on which line.
struct BrokenCase
{
    const char *from;
    const char *to;
    int line;
    const char *message;
};

// Applies each edit to the sample guide and expects its error at its line. The guide stays
// usable (front matter intact) when `usable` says so.
template<size_t N>
void expectErrorsAt(const BrokenCase (&cases)[N], bool stillUsable)
{
    const QString base = test::sampleGuideText();
    for (const BrokenCase &c : cases) {
        SCOPED_TRACE(c.message);
        const GuideParseResult result =
            parse(withLine(base, QString::fromUtf8(c.from), QString::fromUtf8(c.to)));
        if (stillUsable) {
            EXPECT_TRUE(result.usable) << "front matter is fine, the guide can still be shown";
        }
        const GuideError *e = findError(result, c.message);
        ASSERT_NE(e, nullptr) << describe(result.errors);
        EXPECT_EQ(e->line, c.line) << e->toString().toStdString();
        EXPECT_EQ(e->file, QStringLiteral("inline.md"));
    }
}

} // namespace

TEST(GuideParser, ParsesAValidGuideIntoTypedFields)
{
    test::SampleGuide sample;
    sample.related = QStringLiteral("100, 413, proxy-error");
    const GuideParseResult result = parseGuide(test::sampleGuideText(sample), QStringLiteral("417.md"),
                                               QStringLiteral("417"));
    ASSERT_TRUE(result.ok()) << describe(result.errors);
    const Guide &g = result.guide;
    EXPECT_EQ(g.id, QStringLiteral("417"));
    EXPECT_EQ(g.code, 417);
    EXPECT_EQ(g.title, QStringLiteral("Expectation Failed"));
    EXPECT_EQ(g.statusClass, StatusClass::ClientError);
    EXPECT_TRUE(g.official);
    EXPECT_EQ(g.registry, Registry::Iana);
    EXPECT_EQ(g.spec, QStringLiteral("RFC 9110 §15"));
    EXPECT_EQ(g.related, (QStringList{QStringLiteral("100"), QStringLiteral("413"), QStringLiteral("proxy-error")}));
    EXPECT_EQ(g.senders, (QStringList{QStringLiteral("origin"), QStringLiteral("proxy")}));
    ASSERT_EQ(g.sections.size(), qsizetype(kGuideSectionTitles.size()));
    for (size_t i = 0; i < kGuideSectionTitles.size(); ++i)
        EXPECT_EQ(g.sections.at(qsizetype(i)).title, QString::fromUtf8(kGuideSectionTitles[i]));
    // Line numbers are 1-based and point at the heading: "## What it means" is line 15.
    EXPECT_EQ(g.sections.first().line, 15);
    EXPECT_EQ(g.section(u"What it means"), QStringLiteral("The server could not meet the Expect header."));
    // A "## " inside a fenced block is text, not a section.
    EXPECT_TRUE(g.section(u"Server-side fixes").contains(QStringLiteral("## not a heading")));
    EXPECT_TRUE(g.markdown.startsWith(QStringLiteral("# 417 Expectation Failed\n")));
}

TEST(GuideParser, CollectsGuideLinksWithTheirLines)
{
    test::SampleGuide sample;
    sample.meaning = QStringLiteral("See [413](guide:413).\nAnd [DNS failure](guide:dns-failure).");
    const GuideParseResult result = parse(test::sampleGuideText(sample));
    ASSERT_TRUE(result.ok()) << describe(result.errors);
    ASSERT_EQ(result.guide.links.size(), 2);
    EXPECT_EQ(result.guide.links.at(0).target, QStringLiteral("413"));
    EXPECT_EQ(result.guide.links.at(0).line, 16);
    EXPECT_EQ(result.guide.links.at(1).target, QStringLiteral("dns-failure"));
    EXPECT_EQ(result.guide.links.at(1).line, 17);
}

TEST(GuideParser, TransportGuidesHaveNoNumber)
{
    test::SampleGuide sample;
    sample.id = QStringLiteral("dns-failure");
    sample.title = QStringLiteral("DNS failure");
    sample.statusClass = QStringLiteral("transport");
    sample.official = QStringLiteral("false");
    sample.registry = QStringLiteral("transport");
    const GuideParseResult result = parse(test::sampleGuideText(sample));
    ASSERT_TRUE(result.ok()) << describe(result.errors);
    EXPECT_EQ(result.guide.code, -1);
    EXPECT_TRUE(result.guide.isTransport());
}

TEST(GuideParser, RejectsAMissingFrontMatter)
{
    const GuideParseResult result = parse(QStringLiteral("# 417 Expectation Failed\n"));
    EXPECT_FALSE(result.usable);
    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_EQ(result.errors.first().line, 1);
    EXPECT_EQ(result.errors.first().toString(), QStringLiteral("inline.md:1: expected '---' to open the front matter"));
}

TEST(GuideParser, RejectsAnUnclosedFrontMatter)
{
    const GuideParseResult result = parse(QStringLiteral("---\ncode: 417\ntitle: Expectation Failed\n"));
    EXPECT_FALSE(result.usable);
    const GuideError *e = findError(result, "never closed");
    ASSERT_NE(e, nullptr) << describe(result.errors);
    EXPECT_EQ(e->line, 1);
}

TEST(GuideParser, NamesTheLineOfABadFrontMatterEntry)
{
    const BrokenCase cases[] = {
        {"class: 4xx\n", "class: 4xxx\n", 4, "class '4xxx' is not one of"},
        {"class: 4xx\n", "class: 5xx\n", 4, "does not fit code '417'"},
        {"official: true\n", "official: yes\n", 5, "official must be 'true' or 'false'"},
        {"official: true\n", "official: false\n", 5, "contradicts registry 'iana'"},
        {"registry: iana\n", "registry: ietf\n", 6, "registry 'ietf' is not one of"},
        {"senders: origin, proxy\n", "senders: origin, server\n", 10, "unknown sender 'server'"},
        {"related: \n", "related: 413, not an id\n", 8, "'not an id' is not a guide id"},
        {"related: \n", "related: 417\n", 8, "related to itself"},
        {"spec: RFC 9110 §15\n", "spec:\n", 7, "'spec' is empty"},
        {"spec: RFC 9110 §15\n", "spec RFC 9110\n", 7, "expected 'key: value'"},
        {"spec: RFC 9110 §15\n", "spec: RFC 9110\nspec: again\n", 8, "duplicate front-matter key 'spec' (first on line 7)"},
        {"spec: RFC 9110 §15\n", "spec: x\ncolour: red\n", 8, "unknown front-matter key 'colour'"},
        {"code: 417\n", "code: 4171\n", 2, "neither a status number nor a transport id"},
        {"spec: RFC 9110 §15\n", "", 10, "missing front-matter key 'spec'"},
    };
    expectErrorsAt(cases, false);
}

TEST(GuideParser, TheCodeMustMatchTheFileName)
{
    const GuideParseResult result =
        parseGuide(test::sampleGuideText(), QStringLiteral("413.md"), QStringLiteral("413"));
    const GuideError *e = findError(result, "does not match the file name '413'");
    ASSERT_NE(e, nullptr) << describe(result.errors);
    EXPECT_EQ(e->line, 2);
}

TEST(GuideParser, NamesTheLineOfABadBody)
{
    const BrokenCase cases[] = {
        {"# 417 Expectation Failed\n", "# 417 Expectation failure\n", 13, "should be '# 417 Expectation Failed'"},
        {"## Symptoms\n", "## Signs\n", 24, "expected section 'Symptoms', got 'Signs'"},
        {"## Prevention\nTest.\n", "## Prevention\n\n", 44, "section 'Prevention' is empty"},
        {"### 1. Look at the request\n", "### Look at the request\n", 28, "is not numbered"},
        {"**Why this works:** it shows the cause.\n", "It shows the cause.\n", 28, "has no 'Why this works'"},
        {"**Expected result:** you see it.\n", "You see it.\n", 28, "has no 'Expected result'"},
        {"```nginx\n", "```\n", 36, "without a language"},
        {"**Is it bad?**\n", "Is it bad?\n", 50, "no '**Question?**' line"},
        {"Expectation Failed\n```\n", "Expectation Failed\n", 55, "never closed"},
        {"- RFC 9110\n", "- RFC 9110\n## Appendix\nmore\n", 61, "unexpected section 'Appendix'"},
    };
    expectErrorsAt(cases, true);
}

TEST(GuideParser, KeepsBlockAttributesForTheCheckerAndShowsOnlyTheLanguage)
{
    QString text = withLine(test::sampleGuideText(), QStringLiteral("```nginx\n"),
                            QStringLiteral("```nginx context=server modules=geoip2,headers-more\n"));
    const GuideParseResult result = parse(text);
    ASSERT_TRUE(result.ok()) << describe(result.errors);
    const Guide &g = result.guide;
    ASSERT_EQ(g.codeBlocks.size(), 2);
    const GuideCodeBlock &nginx = g.codeBlocks.at(0);
    EXPECT_EQ(nginx.language, QStringLiteral("nginx"));
    EXPECT_EQ(nginx.attributes.value(QStringLiteral("context")), QStringLiteral("server"));
    EXPECT_EQ(nginx.attributes.value(QStringLiteral("modules")), QStringLiteral("geoip2,headers-more"));
    EXPECT_EQ(nginx.line, 36);
    EXPECT_EQ(nginx.section, QStringLiteral("Server-side fixes"));
    EXPECT_EQ(nginx.text, QStringLiteral("## not a heading inside a fence\nreturn 200;"));
    EXPECT_EQ(g.codeBlocks.at(1).language, QStringLiteral("http"));
    EXPECT_TRUE(g.codeBlocks.at(1).attributes.isEmpty());
    EXPECT_EQ(g.codeBlocks.at(1).line, 55);
    // What readers see (GUI, CLI, search) has no attributes.
    EXPECT_FALSE(g.markdown.contains(QStringLiteral("context=")));
    EXPECT_TRUE(g.markdown.contains(QStringLiteral("```nginx\n## not a heading")));
    EXPECT_FALSE(g.section(u"Server-side fixes").contains(QStringLiteral("modules=")));
}

TEST(GuideParser, NamesTheLineOfABadBlockAttribute)
{
    const BrokenCase cases[] = {
        {"```nginx\n", "```nginx context=office\n", 36, "nginx context 'office' is not one of"},
        {"```nginx\n", "```nginx contxt=server\n", 36, "unknown block attribute 'contxt'"},
        {"```nginx\n", "```nginx server\n", 36, "'server' after the language is not key=value"},
        {"```nginx\n", "```nginx context=\n", 36, "'context=' after the language is not key=value"},
        {"```nginx\n", "```nginx context=http context=server\n", 36, "attribute 'context' given twice"},
        {"```nginx\n", "```context=http\n", 36, "must start with the language"},
        {"```nginx\n", "```python context=server\n", 36, "context= is for nginx, apache and haproxy"},
        {"```nginx\n", "```python modules=requests\n", 36, "modules= is for nginx and apache"},
        {"```nginx\n", "```nginx modules=geoip2,,x\n", 36, "module name '' in modules="},
        {"```nginx\n", "```python wrap=../etc/passwd\n", 36, "is not a file name in wrappers/"},
        {"```http\n", "```http wrap=x\n", 55, "wrap= is for code, not 'http'"},
        {"```http\n", "```http cli=send-reset\n", 55, "cli= marks StatusScope output"},
    };
    expectErrorsAt(cases, true);
}

TEST(GuideParser, AcceptsSourcesAfterSpecificationAndChecksTheirForm)
{
    const QString base = test::sampleGuideText()
                         + QStringLiteral("\n## Sources\n"
                                          "- [RFC 9110 §15.5.18](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.18)\n"
                                          "- [nginx: ngx_http_proxy_module](https://nginx.org/en/docs/http/ngx_http_proxy_module.html)\n");
    const GuideParseResult ok = parse(base);
    ASSERT_TRUE(ok.ok()) << describe(ok.errors);
    ASSERT_EQ(ok.guide.sections.size(), qsizetype(kGuideSectionTitles.size()) + 1);
    EXPECT_EQ(ok.guide.sections.last().title, QString::fromUtf8(kGuideSourcesTitle));
    EXPECT_EQ(ok.guide.sections.last().line, 62);

    const GuideParseResult bare = parse(base + QStringLiteral("- RFC 9110 section 15\n"));
    const GuideError *e = findError(bare, "a Sources entry must be '- [Title](https://…)', got '- RFC 9110 section 15'");
    ASSERT_NE(e, nullptr) << describe(bare.errors);
    EXPECT_EQ(e->line, 65);

    const GuideParseResult twice = parse(base + QStringLiteral("## Sources\n- [x](https://example.org)\n"));
    EXPECT_NE(findError(twice, "unexpected section 'Sources' after 'Sources'"), nullptr) << describe(twice.errors);

    QString early = test::sampleGuideText();
    early.replace(QStringLiteral("## Specification\n"), QStringLiteral("## Sources\n"));
    EXPECT_NE(findError(parse(early), "expected section 'Specification', got 'Sources'"), nullptr);
}

TEST(GuideParser, ReportsMissingSectionsAtTheEnd)
{
    QString text = test::sampleGuideText();
    text.truncate(text.indexOf(QStringLiteral("## FAQ")));
    const GuideParseResult result = parse(text);
    const GuideError *e = findError(result, "missing section(s) at the end: FAQ, Example response, Specification");
    ASSERT_NE(e, nullptr) << describe(result.errors);
}

TEST(GuideParser, ReportsEveryProblemNotOnlyTheFirst)
{
    QString text = test::sampleGuideText();
    text.replace(QStringLiteral("class: 4xx"), QStringLiteral("class: 9xx"));
    text.replace(QStringLiteral("## Symptoms"), QStringLiteral("## Signs"));
    const GuideParseResult result = parse(text);
    EXPECT_NE(findError(result, "class '9xx'"), nullptr);
    EXPECT_NE(findError(result, "got 'Signs'"), nullptr);
}

TEST(GuideParser, AcceptsWindowsLineEndings)
{
    QString text = test::sampleGuideText();
    text.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
    const GuideParseResult result = parse(text);
    EXPECT_TRUE(result.ok()) << describe(result.errors);
}

TEST(GuideParser, RefusesAnOversizedFileWhole)
{
    const GuideParseResult result = parse(QString(kMaxGuideBytes + 1, QLatin1Char('x')));
    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_TRUE(result.errors.first().message.contains(QStringLiteral("limit")));
    EXPECT_FALSE(result.usable);
}

TEST(GuideParser, ValidIds)
{
    EXPECT_TRUE(isValidGuideId(u"0"));
    EXPECT_TRUE(isValidGuideId(u"417"));
    EXPECT_TRUE(isValidGuideId(u"cert-self-signed"));
    EXPECT_FALSE(isValidGuideId(u""));
    EXPECT_FALSE(isValidGuideId(u"4171"));
    EXPECT_FALSE(isValidGuideId(u"DNS-failure"));
    EXPECT_FALSE(isValidGuideId(u"dns--failure"));
    EXPECT_FALSE(isValidGuideId(u"413 "));
}
