// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/guides/guide_catalog.h"
#include "tests/support/guide_samples.h"
#include "tests/unit/guides/guide_printers.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

using test::sampleFor;

GuideCatalog smallCatalog()
{
    GuideCatalog catalog;
    catalog.addGuide(test::sampleGuide(sampleFor("417", "Expectation Failed", "4xx",
                                              "The Expect header could not be met.",
                                              "Expect header rejected")));
    catalog.addGuide(test::sampleGuide(sampleFor("100", "Continue", "1xx",
                                              "Send the body; the expectation was accepted.")));
    catalog.addGuide(test::sampleGuide(sampleFor("413", "Content Too Large", "4xx",
                                              "The body is larger than the server allows.",
                                              "Payload Too Large, Request Entity Too Large")));
    catalog.addGuide(test::sampleGuide(sampleFor("dns-failure", "DNS failure", "transport",
                                              "The host name did not resolve.", "NXDOMAIN")));
    catalog.addGuide(test::sampleGuide(sampleFor("502", "Bad Gateway", "5xx",
                                              "An upstream answered with garbage.")));
    return catalog;
}

QStringList hitIds(const QList<GuideSearchHit> &hits)
{
    QStringList ids;
    for (const GuideSearchHit &h : hits)
        ids << h.id;
    return ids;
}

void writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
}

} // namespace

TEST(GuideCatalog, LooksUpByIdCodeAndAlias)
{
    const GuideCatalog catalog = smallCatalog();
    ASSERT_EQ(catalog.size(), 5);
    ASSERT_NE(catalog.find(u"417"), nullptr);
    EXPECT_EQ(catalog.find(u"417")->title, QStringLiteral("Expectation Failed"));
    EXPECT_EQ(catalog.findByCode(413)->id, QStringLiteral("413"));
    EXPECT_EQ(catalog.find(u"dns-failure")->code, -1);
    EXPECT_EQ(catalog.findByAlias(u"payload too large")->id, QStringLiteral("413"));
    EXPECT_EQ(catalog.findByAlias(u"  Expectation   FAILED ")->id, QStringLiteral("417"));
    EXPECT_EQ(catalog.resolve(u"nxdomain")->id, QStringLiteral("dns-failure"));
    EXPECT_EQ(catalog.find(u"418"), nullptr);
    EXPECT_EQ(catalog.findByCode(-1), nullptr);
    EXPECT_EQ(catalog.findByAlias(u"teapot"), nullptr);
}

TEST(GuideCatalog, ListsGroupsInClassOrder)
{
    const GuideCatalog catalog = smallCatalog();
    EXPECT_EQ(catalog.ids(), (QStringList{QStringLiteral("100"), QStringLiteral("413"), QStringLiteral("417"),
                                          QStringLiteral("502"), QStringLiteral("dns-failure")}));
    const QList<GuideGroup> groups = catalog.groupedByClass();
    ASSERT_EQ(groups.size(), 4);
    EXPECT_EQ(groups.at(0).statusClass, StatusClass::Informational);
    EXPECT_EQ(groups.at(1).statusClass, StatusClass::ClientError);
    EXPECT_EQ(groups.at(1).ids, (QStringList{QStringLiteral("413"), QStringLiteral("417")}));
    EXPECT_EQ(groups.at(3).statusClass, StatusClass::Transport);
}

TEST(GuideCatalog, AddingAGuideWithTheSameIdReplacesIt)
{
    GuideCatalog catalog = smallCatalog();
    catalog.addGuide(test::sampleGuide(sampleFor("417", "Expectation Failed", "4xx", "Replaced text.")));
    EXPECT_EQ(catalog.size(), 5);
    EXPECT_EQ(catalog.find(u"417")->section(u"What it means"), QStringLiteral("Replaced text."));
}

TEST(GuideCatalogSearch, RanksCodeThenTitleThenAliasThenText)
{
    const GuideCatalog catalog = smallCatalog();
    EXPECT_EQ(hitIds(catalog.search(u"417")).first(), QStringLiteral("417"));
    // "expectation" is in 417's title and in 100's text: the title wins.
    EXPECT_EQ(hitIds(catalog.search(u"expectation")), (QStringList{QStringLiteral("417"), QStringLiteral("100")}));
    // Alias words count: "payload" is only in 413's aliases.
    EXPECT_EQ(hitIds(catalog.search(u"payload")), QStringList{QStringLiteral("413")});
    // Every word must match somewhere.
    EXPECT_EQ(hitIds(catalog.search(u"body larger")), QStringList{QStringLiteral("413")});
    EXPECT_TRUE(catalog.search(u"body teapot").isEmpty());
    EXPECT_TRUE(catalog.search(u"  ").isEmpty());
}

TEST(GuideCatalogSearch, TheLastWordMayBeUnfinished)
{
    const GuideCatalog catalog = smallCatalog();
    EXPECT_EQ(hitIds(catalog.search(u"expect")).first(), QStringLiteral("417"));
    EXPECT_EQ(hitIds(catalog.search(u"41")), (QStringList{QStringLiteral("413"), QStringLiteral("417")}));
    EXPECT_EQ(hitIds(catalog.search(u"bad gate")), QStringList{QStringLiteral("502")});
    // Only the last: "gate bad" needs a whole word "gate".
    EXPECT_TRUE(catalog.search(u"gate bad").isEmpty());
    EXPECT_EQ(hitIds(catalog.search(u"dns", 1)), QStringList{QStringLiteral("dns-failure")});
}

TEST(GuideCatalogSearch, CloseMatchesForAnUnknownCode)
{
    const GuideCatalog catalog = smallCatalog();
    EXPECT_EQ(catalog.closeMatches(u"471").first(), QStringLiteral("417")); // transposed
    EXPECT_TRUE(catalog.closeMatches(u"412").contains(QStringLiteral("413")));
    EXPECT_TRUE(catalog.closeMatches(u"dns-failur").contains(QStringLiteral("dns-failure")));
    EXPECT_TRUE(catalog.closeMatches(u"expectation faild").contains(QStringLiteral("417")));
    EXPECT_TRUE(catalog.closeMatches(u"zzzzzz").isEmpty());
}

TEST(GuideCatalog, StatusInfoCoversCodesWithoutAGuide)
{
    const GuideCatalog catalog = smallCatalog();
    EXPECT_EQ(catalog.find(u"504"), nullptr);
    const StatusInfo info = catalog.statusInfo(504);
    EXPECT_EQ(info.reason, QStringLiteral("Gateway Timeout"));
    EXPECT_EQ(info.statusClass, StatusClass::ServerError);
}

TEST(GuideCatalog, LoadsAFolderAndReportsBadFilesWithoutLosingTheRest)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("417.md")), test::sampleGuideText());
    writeFile(dir.filePath(QStringLiteral("FORMAT.md")), QStringLiteral("# not a guide\n"));
    // Front matter fine, a section renamed: loaded, problem reported with its line.
    QString renamed = test::sampleGuideText(sampleFor("413", "Content Too Large", "4xx", "Too big."));
    renamed.replace(QStringLiteral("## Symptoms"), QStringLiteral("## Signs"));
    writeFile(dir.filePath(QStringLiteral("413.md")), renamed);
    // No front matter: reported, not loaded.
    writeFile(dir.filePath(QStringLiteral("500.md")), QStringLiteral("# 500 Internal Server Error\n"));
    // A status guide filed under transport/.
    writeFile(dir.filePath(QStringLiteral("transport/502.md")),
              test::sampleGuideText(sampleFor("502", "Bad Gateway", "5xx", "Upstream.")));
    writeFile(dir.filePath(QStringLiteral("transport/dns-failure.md")),
              test::sampleGuideText(sampleFor("dns-failure", "DNS failure", "transport", "No address.")));

    const GuideCatalog catalog = GuideCatalog::load(dir.path());
    EXPECT_EQ(catalog.ids(), (QStringList{QStringLiteral("413"), QStringLiteral("417"), QStringLiteral("502"),
                                          QStringLiteral("dns-failure")}));
    QStringList messages;
    for (const GuideError &e : catalog.loadErrors())
        messages << e.toString();
    EXPECT_EQ(messages, (QStringList{
                            QStringLiteral("413.md:24: expected section 'Symptoms', got 'Signs'"),
                            QStringLiteral("500.md:1: expected '---' to open the front matter"),
                            QStringLiteral("transport/502.md: a status guide in transport/"),
                        }));
}

TEST(GuideWords, SplitsOnPunctuationAndLowerCases)
{
    EXPECT_EQ(guideWords(u"Expect: 100-continue, ÜBER"),
              (QStringList{QStringLiteral("expect"), QStringLiteral("100"), QStringLiteral("continue"),
                           QString::fromUtf8("über")}));
}
