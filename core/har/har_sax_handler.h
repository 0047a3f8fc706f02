// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The RapidJSON SAX handler that turns HAR events into typed records directly (no DOM).
// Internal to core/har; readHarFile() drives it.
//
// How it works: a stack of frames, one per object/array the HAR schema knows (log, entry,
// request, headers...). Each scalar is stored by (frame, key); a `_custom` field is copied as
// compact JSON; unknown fields are skipped with a depth counter (so they cost no frames and a
// hostile nesting depth costs nothing). A wrong or missing field inside an entry marks only
// that entry (skipped with its index and JSON path); outside the entries it stops the read.
// What departs from HAR 1.2 but leaves the record usable (IE11's object cookies, numbers as
// strings, null timings, unknown fields, invalid UTF-8...) is tolerated and counted by kind
// with its first JSON paths (HarLog::deviations); an entry's count only if the entry is kept.
//
// Known limits: numbers are doubles (status, sizes and ms fit exactly). A HAR with several
// "entries" arrays keeps all of them in order, numbered on from one array to the next (JSON
// parsers that keep only the last duplicate key, like python's, see fewer).

#include "core/har/har_reader.h"

#include "core/har/rapidjson_config.h"

#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <functional>
#include <string>
#include <vector>

namespace statusscope::har_detail {

class HarSaxHandler
{
public:
    using Ch = char;
    using SizeType = unsigned;

    // The flags every parse feeding this handler uses: numbers come as text (RawNumber).
    static constexpr unsigned kParseFlags = rapidjson::kParseNumbersAsStringsFlag;

    // Where the first event lands: the start of the document, or (for the second thread of
    // HarEntriesSplit) an element of log.entries, one value per Parse() call.
    enum class Start { Document, InsideEntries };

    // data: the input (offsets count from it; checked for UTF-8 as it is parsed). tell: the
    // byte offset the parser is at. entryDone: called after each entry; returning false stops
    // the read as cancelled.
    HarSaxHandler(const HarReadOptions &options, const char *data, std::function<qint64()> tell,
                  std::function<bool()> entryDone, Start start = Start::Document);

    // RapidJSON Handler concept.
    bool Null();
    bool Bool(bool value);
    bool Int(int value) { return number(value); }
    bool Uint(unsigned value) { return number(value); }
    bool Int64(int64_t value) { return number(static_cast<double>(value)); }
    bool Uint64(uint64_t value) { return number(static_cast<double>(value)); }
    bool Double(double value) { return number(value); }
    bool RawNumber(const Ch *str, SizeType length, bool copy);
    bool String(const Ch *str, SizeType length, bool copy);
    bool StartObject();
    bool Key(const Ch *str, SizeType length, bool copy);
    bool EndObject(SizeType memberCount);
    bool StartArray();
    bool EndArray(SizeType elementCount);

    // Deeper than any HAR (entries nest about 6 levels; `_` fields a few more), shallow enough
    // that recursive parsing uses well under 1 MiB of stack.
    static constexpr int kMaxNestingDepth = 512;

    bool hasError() const { return m_error.status != HarReadStatus::Ok; }
    const HarReadError &error() const { return m_error; }
    // The log with its deviations and warnings filled in.
    HarLog takeLog();
    // The input starts with a UTF-8 byte-order mark (skipped by the caller).
    void noteBom();
    // Checks the UTF-8 of the input up to `end` (the parse is past it); the reader calls it once
    // the document (or, on the second thread, its part of log.entries) is done.
    void validateUpTo(qint64 end);
    qsizetype entryCount() const { return m_log.entries.size(); }
    qsizetype skippedCount() const { return m_log.skipped.size(); }
    // Elements of the innermost open log.entries array so far (loaded, skipped or not objects).
    int entriesElementCount() const;

    // Appends the rest of the open log.entries array, read by another handler started with
    // InsideEntries (its indexes count from 0): they are renumbered to follow ours, its
    // deviations added to ours, and parsing resumes at `resumeAt` (the array's ']'; the other
    // handler checked the UTF-8 before it). false, and nothing changed, unless this handler is
    // between two elements of log.entries.
    bool spliceEntries(HarLog &&tail, int tailElements, qint64 resumeAt);

    // What the reader tolerates and counts (HarDeviation::kind names them).
    enum class Deviation {
        Bom, CookiesObject, TimingsNull, TimingsMissing, TimeNull, TimeMissing, PagesNull,
        NumberAsString, BoolAsString, ValueNotString, WrongType, HttpVersionMissing, StatusZero,
        UnknownField, InvalidUtf8,
        Count,
    };

    enum class Node {
        Root, Log, Creator, Browser, Pages, Page, PageTimings, Entries, Entry, Request, Response,
        Cookies, Cookie, NameValues, NameValue, PostData, Params, Param, Content, Cache,
        CacheState, Timings,
        CookieMap, // IE11's `"cookies": {"name": "value", ...}`
    };

private:
    struct Scalar
    {
        enum Type { Null, Bool, Number, String } type = Null;
        bool boolean = false;
        double number = 0;
        const char *str = nullptr;
        size_t length = 0;
    };

    struct Frame
    {
        Node node;
        void *target;       // the record this frame fills (type depends on node)
        std::string key;    // name in the parent object; empty for an array element
        int index = -1;     // position in the parent array
        int nextIndex = 0;  // for arrays: index of the next element
        unsigned seen = 0;  // bits of required fields met
        bool isArray = false;
    };

    bool number(double value);
    bool tooDeep();
    bool scalar(const Scalar &value);
    bool start(bool isArray);
    bool end(bool isArray);
    bool beginContainer(bool isArray);
    bool endContainer();
    bool captureEvent(const std::function<void(rapidjson::Writer<rapidjson::StringBuffer> &)> &write,
                      int depthChange);
    void finishCapture();

    void storeScalar(Frame &frame, const std::string &key, const Scalar &value);
    bool checkRequired(const Frame &frame);
    void finishEntry();

    // Problem reporting: inside an entry it spoils only that entry; elsewhere it is fatal.
    bool fail(const QString &path, const QString &what);
    QString pathOf(size_t frameCount, const std::string &leaf = {}, int leafIndex = -1) const;
    QString currentPath(const std::string &key) const;
    void typeError(const std::string &key, const char *expected, const Scalar &got);

    bool wantString(const std::string &key, const Scalar &value, QString &out);
    bool wantBytes(const std::string &key, const Scalar &value, QByteArray *out);
    bool wantNumber(const std::string &key, const Scalar &value, double &out);
    bool wantInt64(const std::string &key, const Scalar &value, qint64 &out);
    bool wantWhole(const std::string &key, const Scalar &value, qint64 min, qint64 max, qint64 &out);
    bool wantBool(const std::string &key, const Scalar &value, std::optional<bool> &out);

    // Counts a deviation at currentPath(key) (at `path` when given): for an entry's, only once
    // the entry is kept.
    void deviate(Deviation kind, const std::string &key);
    void deviateAt(Deviation kind, const QString &path);
    void unknownField(const std::string &key) { deviate(Deviation::UnknownField, key); }
    void addDeviation(Deviation kind, qint64 count, const QStringList &examples);
    bool wantsExample(Deviation kind) const;
    void checkUtf8(qint64 end, int entryIndex);

    HarCustomFields *customTarget(const Frame &frame);
    // Header, cookie and parameter names repeat on every entry: one shared QString per
    // distinct name saves an allocation per header and most of their memory.
    QString internName(const char *str, size_t length);

    // -1 while handling a '{' or '[' RapidJSON has already consumed.
    struct OffsetAdjust
    {
        explicit OffsetAdjust(qint64 &adjust) : m_adjust(adjust) { m_adjust = -1; }
        ~OffsetAdjust() { m_adjust = 0; }
        qint64 &m_adjust;
    };
    qint64 m_offsetAdjust = 0;

    HarReadOptions m_options;
    std::function<qint64()> m_tell;
    std::function<bool()> m_entryDone;
    HarLog m_log;
    HarEntry m_entry;
    bool m_entryFailed = false;
    QString m_entryReason;
    HarReadError m_error;

    std::vector<Frame> m_frames;
    struct InternedName
    {
        QByteArray bytes;
        QString name;
    };
    std::vector<InternedName> m_names; // open addressing, kNameSlots slots
    std::string m_key;

    // Deviations: counts and first examples per kind, kinds in order of first occurrence;
    // those of the entry being read wait in m_entryDeviations until it is kept.
    struct Tally
    {
        qint64 count = 0;
        QStringList examples;
    };
    Tally m_tally[static_cast<int>(Deviation::Count)];
    std::vector<Deviation> m_tallyOrder;
    std::vector<std::pair<Deviation, QString>> m_entryDeviations; // path empty: no example needed
    const char *m_data = nullptr;
    qint64 m_validatedTo = 0; // UTF-8 checked before this byte
    qint64 m_entryStart = 0;  // offset of the current entry's '{'

    int m_entriesCounted = 0; // elements of the "entries" arrays already closed
    int m_skipDepth = 0; // > 0: inside a value we ignore

    // > 0: inside a `_custom` value being copied
    int m_captureDepth = 0;
    QString m_captureName;
    HarCustomFields *m_captureTarget = nullptr;
    rapidjson::StringBuffer m_captureBuffer;
    rapidjson::Writer<rapidjson::StringBuffer> m_captureWriter;
};

} // namespace statusscope::har_detail
