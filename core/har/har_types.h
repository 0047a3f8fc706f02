// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Typed records of a HAR 1.2 (and 1.1) log. http://www.softwareishard.com/blog/har-12-spec/
// Numbers stay numbers; -1 keeps the spec's meaning "does not apply / not known"; fields an
// exporter left out take the spec's defaults. `_`-prefixed custom fields (Chrome's
// `_resourceType`, `_transferSize`, `_initiator`...) are kept as their compact JSON text so a
// written HAR carries them unchanged.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <iosfwd>
#include <limits>
#include <optional>

namespace statusscope {

// One `_name` field: its name with the underscore and its value as compact JSON.
struct HarCustomField
{
    QString name;
    QByteArray json;
    bool operator==(const HarCustomField &) const = default;
};
using HarCustomFields = QList<HarCustomField>;

struct HarCreator
{
    QString name;
    QString version;
    QString comment;
    bool operator==(const HarCreator &) const = default;
};

// A header or a query-string parameter (HAR 1.2 §headers, §queryString).
struct HarNameValue
{
    QString name;
    QString value;
    QString comment;
    bool operator==(const HarNameValue &) const = default;
};

struct HarCookie
{
    QString name;
    QString value;
    QString path;
    QString domain;
    QString expires; // ISO 8601 as written; empty when absent or null
    std::optional<bool> httpOnly;
    std::optional<bool> secure;
    QString comment;
    bool operator==(const HarCookie &) const = default;
};

// HAR 1.2 §params: a posted form field or file.
struct HarParam
{
    QString name;
    QString value;
    QString fileName;
    QString contentType;
    QString comment;
    bool operator==(const HarParam &) const = default;
};

struct HarPostData
{
    QString mimeType;
    QByteArray text; // UTF-8, as in the HAR (never base64 in HAR 1.2)
    QList<HarParam> params;
    QString comment;
    bool operator==(const HarPostData &) const = default;
};

struct HarRequest
{
    QString method;
    QString url;
    QString httpVersion;
    QList<HarCookie> cookies;
    QList<HarNameValue> headers;
    QList<HarNameValue> queryString;
    std::optional<HarPostData> postData;
    qint64 headersSize = -1;
    qint64 bodySize = -1;
    QString comment;
    HarCustomFields custom;
    bool operator==(const HarRequest &) const = default;
};

// HAR 1.2 §content. `text` is kept as written (base64 when encoding says so); decodedText()
// gives the bytes.
struct HarContent
{
    qint64 size = -1;
    std::optional<qint64> compression;
    QString mimeType;
    QByteArray text; // UTF-8 as in the HAR
    bool hasText = false;
    QString encoding; // "base64" or empty
    QString comment;
    HarCustomFields custom;

    bool isBase64() const { return encoding.compare(QLatin1String("base64"), Qt::CaseInsensitive) == 0; }
    QByteArray decodedText() const;
    bool operator==(const HarContent &) const = default;
};

struct HarResponse
{
    int status = 0; // 0: no response (blocked, reset, DNS failure...), as browsers write it
    QString statusText;
    QString httpVersion;
    QList<HarCookie> cookies;
    QList<HarNameValue> headers;
    HarContent content;
    QString redirectUrl;
    qint64 headersSize = -1;
    qint64 bodySize = -1;
    QString comment;
    HarCustomFields custom;
    bool operator==(const HarResponse &) const = default;
};

// HAR 1.2 §cache: beforeRequest / afterRequest.
struct HarCacheState
{
    QString expires;
    QString lastAccess;
    QString eTag;
    int hitCount = 0;
    QString comment;
    bool operator==(const HarCacheState &) const = default;
};

struct HarCache
{
    std::optional<HarCacheState> beforeRequest;
    std::optional<HarCacheState> afterRequest;
    QString comment;
    bool operator==(const HarCache &) const = default;
};

// The phases of one entry, in the order they happen (HAR 1.2 §timings). -1: does not apply.
enum class HarPhase { Blocked, Dns, Connect, Ssl, Send, Wait, Receive, PhaseCount };
QString toString(HarPhase phase);
void PrintTo(HarPhase phase, std::ostream *os);

struct HarTimings
{
    double blocked = -1;
    double dns = -1;
    double connect = -1; // includes ssl (HAR 1.2 §timings)
    double ssl = -1;
    double send = -1;
    double wait = -1;
    double receive = -1;
    QString comment;
    HarCustomFields custom;

    double phase(HarPhase phase) const;
    void setPhase(HarPhase phase, double ms);
    // HAR 1.2: entry.time is the sum of the applicable phases, ssl excluded (it is in connect).
    double total() const;
    bool operator==(const HarTimings &) const = default;
};

struct HarEntry
{
    int index = -1; // position in the file's entries array (skipped entries keep their number)
    QString pageref;
    QString startedDateTime;   // as written
    qint64 startedMs = kNoTime; // ms since the epoch; kNoTime when unparsable
    double time = -1;          // ms, total
    HarRequest request;
    HarResponse response;
    HarCache cache;
    HarTimings timings;
    QString serverIpAddress;
    QString connection;
    QString comment;
    HarCustomFields custom;

    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
    bool operator==(const HarEntry &) const = default;
};

} // namespace statusscope

// Every member is a Qt container, a std::optional of one, or a plain number: moving the bytes
// is a valid move, so growing a QList<HarEntry> of 20k entries is a memcpy.
Q_DECLARE_TYPEINFO(statusscope::HarEntry, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(statusscope::HarNameValue, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(statusscope::HarCookie, Q_RELOCATABLE_TYPE);

namespace statusscope {

struct HarPage
{
    QString id;
    QString title;
    QString startedDateTime;
    qint64 startedMs = HarEntry::kNoTime;
    double onContentLoad = -1;
    double onLoad = -1;
    QString comment;
    HarCustomFields custom;
    bool operator==(const HarPage &) const = default;
};

// An entry the reader could not use: its index in the file and why (with the JSON path).
struct HarSkippedEntry
{
    int index = -1;
    QString reason;
    bool operator==(const HarSkippedEntry &) const = default;
};

// A way the file departs from HAR 1.2 that the reader tolerated (what it concerns is kept): a
// stable kind name (README lists them), how often it occurs, and the first few places in file
// order (JSON paths; "byte N" for encoding). Only entries that were kept count; a skipped
// entry is reported by its reason instead.
struct HarDeviation
{
    QString kind;
    qint64 count = 0;
    QStringList examples;
    bool operator==(const HarDeviation &) const = default;
};
inline constexpr int kHarDeviationExamples = 5;
// What a deviation kind means, for people ("request or response cookies written as an object
// (Internet Explorer 11)"); the kind itself for one this build does not know.
QString describeHarDeviation(const QString &kind);

struct HarLog
{
    QString version;
    HarCreator creator;
    std::optional<HarCreator> browser;
    QList<HarPage> pages;
    QList<HarEntry> entries;
    QList<HarSkippedEntry> skipped;
    QList<HarDeviation> deviations; // in order of first occurrence
    QStringList warnings;           // problems with the file as a whole (invalid UTF-8)
    QString comment;
    HarCustomFields custom;

    const HarPage *page(const QString &id) const;
    bool operator==(const HarLog &) const = default;
};

// ms since the epoch of an ISO 8601 time stamp as exporters write it ("…T10:00:00.123Z",
// "+02:00" offsets, 1–9 fraction digits); HarEntry::kNoTime when it is not one.
qint64 parseHarTime(QStringView text);

} // namespace statusscope
