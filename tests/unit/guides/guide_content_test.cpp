// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the real guides compiled into core (resources/guides → :/guides) against FORMAT.md and
// the catalog of stable ids (resources/status-codes.tsv + the transport failures): every code
// has a guide, every guide is complete and consistent, every link resolves, no two guides are
// near-copies of each other.
#include "core/guides/guide_catalog.h"
#include "tests/unit/guides/guide_printers.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using namespace statusscope;

namespace {

const GuideCatalog &realCatalog()
{
    static const GuideCatalog catalog = GuideCatalog::load();
    return catalog;
}

QString fileOf(const QString &id, bool transport)
{
    return transport ? QStringLiteral("transport/%1.md").arg(id) : QStringLiteral("%1.md").arg(id);
}

std::string errorsFor(const QString &file)
{
    std::string out;
    for (const GuideError &e : realCatalog().loadErrors()) {
        if (e.file == file)
            out += "  " + e.toString().toStdString() + "\n";
    }
    return out;
}

// The parts every guide shares, whatever it documents.
void checkStructure(const Guide &guide, const QString &file)
{
    EXPECT_EQ(errorsFor(file), "") << file.toStdString() << " has format problems";
    // The twelve, then "Sources" (required by the guides suite: snippets.Sources.*).
    ASSERT_GE(guide.sections.size(), qsizetype(kGuideSectionTitles.size()));
    ASSERT_LE(guide.sections.size(), qsizetype(kGuideSectionTitles.size()) + 1);
    for (size_t i = 0; i < kGuideSectionTitles.size(); ++i) {
        const GuideSection &s = guide.sections.at(qsizetype(i));
        EXPECT_EQ(s.title, QString::fromUtf8(kGuideSectionTitles[i])) << "section " << i + 1;
        EXPECT_FALSE(s.text.trimmed().isEmpty()) << s.title.toStdString() << " is empty";
    }
    EXPECT_FALSE(guide.spec.trimmed().isEmpty()) << "no spec in the front matter";
    EXPECT_FALSE(guide.section(u"Specification").trimmed().isEmpty());
}

// "RFC 9110 §15.5.18": the guide must name the RFC and the section, in the front matter or in
// its Specification section ("Section 15.5.18" counts too).
void checkSpecReference(const Guide &guide, const QString &definedIn)
{
    static const QRegularExpression rfc(QStringLiteral("^(RFC \\d+)(?: §([\\d.]+))?"));
    const QString where = guide.spec + QLatin1Char('\n') + guide.section(u"Specification");
    const QRegularExpressionMatch m = rfc.match(definedIn);
    if (m.hasMatch()) {
        EXPECT_TRUE(where.contains(m.captured(1))) << "does not cite " << m.captured(1).toStdString();
        if (m.hasCaptured(2)) {
            const QString section = m.captured(2);
            EXPECT_TRUE(where.contains(QStringLiteral("§") + section)
                        || where.contains(QStringLiteral("Section ") + section))
                << "does not cite section " << section.toStdString() << " of " << m.captured(1).toStdString();
        }
    } else if (definedIn.startsWith(QLatin1String("draft-"))) {
        EXPECT_TRUE(where.contains(definedIn)) << "does not cite " << definedIn.toStdString();
    }
}

class StatusGuide : public ::testing::TestWithParam<int>
{};

TEST_P(StatusGuide, ExistsIsCompleteAndMatchesTheStatusTable)
{
    const StatusCodeEntry *entry = findStatusCode(GetParam());
    ASSERT_NE(entry, nullptr);
    const QString id = QString::number(entry->code);
    const Guide *guide = realCatalog().find(id);
    ASSERT_NE(guide, nullptr) << "no guide resources/guides/" << id.toStdString() << ".md"
                              << errorsFor(fileOf(id, false));
    checkStructure(*guide, fileOf(id, false));
    EXPECT_EQ(guide->code, entry->code);
    EXPECT_EQ(guide->title, QString::fromUtf8(entry->reason));
    StatusClass expectedClass;
    ASSERT_TRUE(statusClassForCode(entry->code, &expectedClass));
    EXPECT_EQ(guide->statusClass, expectedClass);
    EXPECT_EQ(guide->registry, entry->registry);
    EXPECT_EQ(guide->official, isOfficial(entry->registry));
    checkSpecReference(*guide, QString::fromUtf8(entry->definedIn));
}

std::vector<int> tableCodes()
{
    std::vector<int> codes;
    for (const StatusCodeEntry &e : statusCodeTable())
        codes.push_back(e.code);
    return codes;
}

INSTANTIATE_TEST_SUITE_P(EveryCode, StatusGuide, ::testing::ValuesIn(tableCodes()),
                         [](const ::testing::TestParamInfo<int> &info) {
                             return "Code" + std::to_string(info.param);
                         });

class TransportGuide : public ::testing::TestWithParam<const char *>
{};

TEST_P(TransportGuide, ExistsAndIsComplete)
{
    const QString id = QString::fromLatin1(GetParam());
    const Guide *guide = realCatalog().find(id);
    ASSERT_NE(guide, nullptr) << "no guide resources/guides/transport/" << id.toStdString() << ".md"
                              << errorsFor(fileOf(id, true));
    checkStructure(*guide, fileOf(id, true));
    EXPECT_EQ(guide->code, -1);
    EXPECT_EQ(guide->statusClass, StatusClass::Transport);
    EXPECT_EQ(guide->registry, Registry::Transport);
    EXPECT_FALSE(guide->official);
}

std::vector<const char *> transportIds()
{
    std::vector<const char *> ids;
    for (const TransportFailureEntry &e : transportFailureTable())
        ids.push_back(e.id);
    return ids;
}

INSTANTIATE_TEST_SUITE_P(EveryFailure, TransportGuide, ::testing::ValuesIn(transportIds()),
                         [](const ::testing::TestParamInfo<const char *> &info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(GuideResources, EveryGuideIsAKnownId)
{
    for (const QString &id : realCatalog().ids()) {
        const Guide *g = realCatalog().find(id);
        if (g->isTransport())
            EXPECT_NE(findTransportFailure(id), nullptr) << "transport guide '" << id.toStdString()
                                                         << "' is not in the transport table";
        else
            EXPECT_NE(findStatusCode(g->code), nullptr) << "guide " << id.toStdString()
                                                        << " is not in status-codes.tsv";
    }
}

TEST(GuideResources, EveryFileLoadsWithoutErrors)
{
    EXPECT_FALSE(realCatalog().isEmpty());
    std::string all;
    for (const GuideError &e : realCatalog().loadErrors())
        all += "  " + e.toString().toStdString() + "\n";
    EXPECT_EQ(all, "");
}

TEST(GuideResources, EveryLinkAndRelatedCodeResolves)
{
    QStringList broken;
    for (const QString &id : realCatalog().ids()) {
        const Guide *g = realCatalog().find(id);
        for (const GuideLink &link : g->links) {
            if (!realCatalog().find(link.target))
                broken << QStringLiteral("%1:%2: link to guide:%3").arg(g->sourceName).arg(link.line).arg(link.target);
        }
        for (const QString &related : g->related) {
            if (!realCatalog().find(related))
                broken << QStringLiteral("%1: related '%2'").arg(g->sourceName, related);
        }
    }
    EXPECT_TRUE(broken.isEmpty()) << broken.size() << " unresolved:\n"
                                  << broken.join(QLatin1Char('\n')).toStdString();
}

// Word 5-gram shingles of a body, as sorted hashes. Numbers become one token so that a guide
// copied with only the code changed still counts as a copy.
std::vector<size_t> shingles(const QString &markdown)
{
    QStringList words = guideWords(markdown);
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    for (QString &w : words) {
        if (digits.match(w).hasMatch())
            w = QStringLiteral("#");
    }
    constexpr qsizetype kShingle = 5;
    std::vector<size_t> out;
    for (qsizetype i = 0; i + kShingle <= words.size(); ++i)
        out.push_back(qHash(words.mid(i, kShingle).join(QLatin1Char(' '))));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double jaccard(const std::vector<size_t> &a, const std::vector<size_t> &b)
{
    std::vector<size_t> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    const size_t unionSize = a.size() + b.size() - common.size();
    return unionSize == 0 ? 0.0 : double(common.size()) / double(unionSize);
}

// No guide may be boilerplate with the number changed. 0.20 is far above what two
// guides sharing the format and a few stock phrases reach.
constexpr double kNearDuplicateThreshold = 0.20;

TEST(GuideResources, NoTwoGuidesAreNearDuplicates)
{
    const QStringList ids = realCatalog().ids();
    std::vector<std::vector<size_t>> sets;
    for (const QString &id : ids)
        sets.push_back(shingles(realCatalog().find(id)->markdown));
    double highest = 0;
    QString highestPair;
    for (size_t i = 0; i < sets.size(); ++i) {
        for (size_t j = i + 1; j < sets.size(); ++j) {
            const double similarity = jaccard(sets[i], sets[j]);
            const QString pair = ids.at(qsizetype(i)) + QStringLiteral(" / ") + ids.at(qsizetype(j));
            EXPECT_LT(similarity, kNearDuplicateThreshold)
                << "guides " << pair.toStdString() << " are near-duplicates: Jaccard " << similarity;
            if (similarity > highest) {
                highest = similarity;
                highestPair = pair;
            }
        }
    }
    std::cout << "[ INFO     ] most similar pair of " << ids.size() << " guides: "
              << highestPair.toStdString() << " at " << highest << "\n";
}

TEST(GuideResources, TheShingleCheckCatchesACopyWithTheNumberChanged)
{
    const Guide *g = realCatalog().find(u"417");
    ASSERT_NE(g, nullptr);
    QString copy = g->markdown;
    copy.replace(QStringLiteral("417"), QStringLiteral("418"));
    EXPECT_GT(jaccard(shingles(g->markdown), shingles(copy)), 0.9);
    // And a half-rewritten copy is still caught.
    const QString half = g->markdown.left(g->markdown.size() / 2);
    EXPECT_GE(jaccard(shingles(g->markdown), shingles(half)), kNearDuplicateThreshold);
}

TEST(GuideResources, The417GuideExplainsExpectAndTheRetry)
{
    const Guide *g = realCatalog().find(u"417");
    ASSERT_NE(g, nullptr);
    EXPECT_TRUE(g->markdown.contains(QStringLiteral("Expect")));
    EXPECT_TRUE(g->markdown.contains(QStringLiteral("100-continue")));
    static const QRegularExpression retry(QStringLiteral("\\bretr(y|ies|ied)\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    EXPECT_TRUE(retry.match(g->markdown).hasMatch()) << "the 417 guide must explain the retry";
    EXPECT_TRUE(g->section(u"Why it occurs").contains(QStringLiteral("Expect")))
        << "417's causes are about the Expect header";
}

TEST(GuideResources, SearchFindsGuidesByWords)
{
    const QList<GuideSearchHit> expectation = realCatalog().search(u"expectation");
    ASSERT_FALSE(expectation.isEmpty());
    EXPECT_EQ(expectation.first().id, QStringLiteral("417"));

    const QList<GuideSearchHit> closed = realCatalog().search(u"client closed", 3);
    QStringList ids;
    for (const GuideSearchHit &h : closed)
        ids << h.id;
    EXPECT_TRUE(ids.contains(QStringLiteral("499"))) << ids.join(QLatin1Char(',')).toStdString();
}

} // namespace
