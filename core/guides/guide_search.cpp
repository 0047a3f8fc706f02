// SPDX-License-Identifier: GPL-3.0-or-later
// Search and "did you mean" over a GuideCatalog. The catalog is ~120 small documents, so a
// linear scan over precomputed word counts is fast enough to run on every keystroke.
#include "core/guides/guide_catalog.h"

#include <algorithm>

namespace statusscope {

namespace {

// Weights of one query word by where it matched; only their order matters. The code beats the
// title, the title beats aliases, aliases beat the text.
constexpr int kCodeExact = 100;
constexpr int kCodePrefix = 30;
constexpr int kTitleExact = 40;
constexpr int kTitlePrefix = 20;
constexpr int kAliasExact = 25;
constexpr int kAliasPrefix = 12;
constexpr int kBodyBase = 2;
constexpr int kBodyCountCap = 10; // a word repeated 50 times is not 50 times more relevant
constexpr int kPhraseInTitle = 50;
constexpr int kPhraseInAlias = 30;
// Prefix matching starts at this length: one letter would match almost everything.
constexpr qsizetype kMinPrefix = 2;

bool anyWord(const QStringList &words, const QString &w, bool prefix)
{
    return std::any_of(words.begin(), words.end(), [&](const QString &candidate) {
        return prefix ? candidate.startsWith(w) : candidate == w;
    });
}

// Optimal string alignment distance: Levenshtein plus adjacent transpositions ("471" → "417").
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size(), m = b.size();
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace

QList<GuideSearchHit> GuideCatalog::search(QStringView query, qsizetype limit) const
{
    const QStringList words = guideWords(query);
    if (words.isEmpty())
        return {};
    const QString phrase = words.join(QLatin1Char(' '));
    QList<GuideSearchHit> hits;
    for (qsizetype i = 0; i < m_guides.size(); ++i) {
        const Guide &g = m_guides.at(i);
        const QStringList titleWords = guideWords(g.title);
        const QStringList aliasWords = guideWords(g.aliases.join(QLatin1Char(' ')));
        const QHash<QString, int> &body = m_bodyWords.at(i);
        int score = 0;
        bool all = true;
        for (qsizetype w = 0; w < words.size() && all; ++w) {
            const QString &word = words.at(w);
            // Only the last word may be unfinished (search as you type).
            const bool prefixOk = w == words.size() - 1 && word.size() >= kMinPrefix;
            int best = 0;
            if (g.id == word)
                best = kCodeExact;
            else if (prefixOk && g.id.startsWith(word))
                best = kCodePrefix;
            if (anyWord(titleWords, word, false))
                best = std::max(best, kTitleExact);
            else if (prefixOk && anyWord(titleWords, word, true))
                best = std::max(best, kTitlePrefix);
            if (anyWord(aliasWords, word, false))
                best = std::max(best, kAliasExact);
            else if (prefixOk && anyWord(aliasWords, word, true))
                best = std::max(best, kAliasPrefix);
            int count = body.value(word);
            if (count == 0 && prefixOk) {
                for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
                    if (it.key().startsWith(word))
                        count += it.value();
                }
            }
            if (count > 0)
                best += kBodyBase + std::min(count, kBodyCountCap);
            if (best == 0)
                all = false;
            score += best;
        }
        if (!all)
            continue;
        if (words.size() > 1 || words.first() != g.id) {
            if (guideWords(g.title).join(QLatin1Char(' ')).contains(phrase))
                score += kPhraseInTitle;
            else if (std::any_of(g.aliases.begin(), g.aliases.end(), [&](const QString &a) {
                         return guideWords(a).join(QLatin1Char(' ')).contains(phrase);
                     }))
                score += kPhraseInAlias;
        }
        hits.append({g.id, score});
    }
    // Stable: equal scores keep display order (by code).
    std::stable_sort(hits.begin(), hits.end(),
                     [](const GuideSearchHit &a, const GuideSearchHit &b) { return a.score > b.score; });
    if (limit >= 0 && hits.size() > limit)
        hits.resize(limit);
    return hits;
}

QStringList GuideCatalog::closeMatches(QStringView text, qsizetype limit) const
{
    const QString wanted = text.trimmed().toString().toLower();
    QStringList out;
    const auto add = [&](const QString &id) {
        if (!out.contains(id) && out.size() < limit)
            out << id;
    };
    if (wanted.isEmpty())
        return out;
    // Spelling first: an id one edit away (a typo in a code or a transport id). Among those,
    // swapped characters (471 → 417) before changed ones (471 → 401): the likelier slip.
    const auto sortedChars = [](QString s) {
        std::sort(s.begin(), s.end());
        return s;
    };
    QStringList swapped, changed;
    for (const Guide &g : m_guides) {
        if (editDistance(wanted, g.id) <= 1)
            (sortedChars(g.id) == sortedChars(wanted) ? swapped : changed) << g.id;
    }
    for (const QString &id : swapped + changed)
        add(id);
    // Then a title or alias a couple of edits away ("expectation faild").
    for (const Guide &g : m_guides) {
        QStringList names = g.aliases;
        names << g.title;
        for (const QString &name : std::as_const(names)) {
            if (editDistance(wanted, name.toLower()) <= 2)
                add(g.id);
        }
    }
    for (const GuideSearchHit &hit : search(wanted, limit))
        add(hit.id);
    // A number with no close code: the guides of its class's x00 status, as RFC 9110 §15 treats
    // an unknown status like the x00 of its class.
    bool numeric = false;
    const int code = wanted.toInt(&numeric);
    StatusClass cls;
    if (numeric && statusClassForCode(code, &cls) && code != 0)
        add(QString::number(code / 100 * 100));
    out.erase(std::remove_if(out.begin(), out.end(), [this](const QString &id) { return !find(id); }),
              out.end());
    return out;
}

} // namespace statusscope
