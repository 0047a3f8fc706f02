// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/guides/guide.h"
#include "core/guides/guide_parser.h"
#include "core/guides/status_table.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace statusscope {

struct GuideSearchHit
{
    QString id;
    int score = 0; // higher is better; only the order means something
};

struct GuideGroup
{
    StatusClass statusClass = StatusClass::None;
    QStringList ids; // in display order: by code, transport failures in table order
};

// All the guides, indexed for lookup and search. A plain value: the app loads one and passes it
// (by const reference) to whatever shows guides; tests build their own from strings.
class GuideCatalog
{
public:
    // Where core's resources put the guides (core/CMakeLists.txt: prefix "/guides").
    static QString resourceRoot() { return QStringLiteral(":/guides"); }

    // Loads every *.md under root (resources or a folder): CODE.md and transport/ID.md. A file
    // that cannot be used is reported in loadErrors() and the others still load; a file with
    // format problems is loaded when its front matter names it, and its problems are reported.
    static GuideCatalog load(const QString &root = resourceRoot());

    // Adds or replaces (same id) one guide.
    void addGuide(const Guide &guide);

    const QList<GuideError> &loadErrors() const { return m_errors; }
    qsizetype size() const { return m_guides.size(); }
    bool isEmpty() const { return m_guides.isEmpty(); }
    // Every id in display order: 1xx … 5xx by code, then 0, then transport failures.
    QStringList ids() const;

    const Guide *find(QStringView id) const; // "417", "dns-failure"
    const Guide *findByCode(int code) const;
    // Case-insensitive match of a whole alias or title ("expectation failed").
    const Guide *findByAlias(QStringView alias) const;
    // An id, or else an alias or title: what a user types after `guide`.
    const Guide *resolve(QStringView text) const;

    // Every query word must match the code, title, an alias or a word of the text (the last
    // word may be a prefix, so the list can filter as the user types). Ranked: the code, then
    // the title, then aliases, then how often the words occur in the text.
    QList<GuideSearchHit> search(QStringView query, qsizetype limit = -1) const;
    // For "no guide for X": ids near X by spelling (471 → 417, 4O4 → 404) or by search.
    QStringList closeMatches(QStringView text, qsizetype limit = 5) const;

    // Non-empty groups in display order.
    QList<GuideGroup> groupedByClass() const;

    // The reason phrase and class of any status, with or without a guide.
    StatusInfo statusInfo(int code) const { return statusscope::statusInfo(code); }

private:
    void rebuildIndex();

    QList<Guide> m_guides; // display order
    QHash<QString, qsizetype> m_byId;
    QHash<QString, qsizetype> m_byAlias; // lower-cased alias or title
    QList<QHash<QString, int>> m_bodyWords; // per guide: word → occurrences
    QList<GuideError> m_errors;
};

// Lower-cased words of a text (letters and digits), the unit of search and of the duplicate
// check in the tests.
QStringList guideWords(QStringView text);

} // namespace statusscope
