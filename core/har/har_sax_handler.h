// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The RapidJSON SAX handler that turns HAR events into typed records directly (no DOM).
// Internal to core/har; readHarFile() drives it.
//
// How it works: a stack of frames, one per object/array the HAR schema knows (log, entry,
// request, headers...), each holding a typed pointer to the record it fills. Keys are looked up
// in the schema table (har_schema.h) the writer shares: a known object opens a frame, a known
// scalar goes to its node's store function, anything else is an unknown field. Each frame
// notes the fields it met, so what is missing is known when it closes. A `_custom` field is copied as
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
#include "core/har/har_schema.h"

#include "core/har/rapidjson_config.h"

#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <bitset>
#include <functional>
#include <string>
#include <variant>
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

    using Deviation = HarDeviationKind;
    using Node = HarNode;

private:
    struct Scalar
    {
        enum Type { Null, Bool, Number, String } type = Null;
        bool boolean = false;
        double number = 0;
        const char *str = nullptr;
        size_t length = 0;
    };

    // The record a frame fills. Which alternative goes with which node is decided in one
    // place for objects (memberTarget) and one for array elements (elementTarget); a frame
    // without a record (the document, log.entries, log.pages) holds monostate. A NameValue
    // frame holds a null HarNameValue * when details are not kept.
    using Target = std::variant<std::monostate, HarLog *, HarCreator *, HarPage *, HarEntry *, HarRequest *,
                                HarResponse *, QList<HarCookie> *, HarCookie *, QList<HarNameValue> *,
                                HarNameValue *, HarPostData *, QList<HarParam> *, HarParam *, HarContent *,
                                HarCache *, HarCacheState *, HarTimings *>;

    struct Frame
    {
        Node node;
        Target target;
        std::string key;    // name in the parent object; empty for an array element
        int index = -1;     // position in the parent array
        int nextIndex = 0;  // for arrays: index of the next element
        std::bitset<kHarFieldCount> seen; // fields met, by HarField (checked when it closes)
        bool isArray = false;
    };

    // Positions in m_frames on the way to an entry: the document, its top-level object, "log",
    // "entries" and one entry. Nothing else can stand at these depths (the schema only opens
    // an entry there), so the depth alone says "inside an entry".
    static constexpr size_t kDocumentDepth = 0;
    static constexpr size_t kRootDepth = 1;
    static constexpr size_t kLogDepth = 2;
    static constexpr size_t kEntriesDepth = 3;
    static constexpr size_t kEntryDepth = 4;
    bool insideEntry() const;

    bool number(double value);
    bool tooDeep();
    bool start(bool isArray);
    bool end(bool isArray);

    // A scalar: at the top level, as an array element, or as a member of the frame's object.
    bool scalar(const Scalar &value);
    bool scalarElement(Frame &array, const Scalar &value);
    bool scalarMember(Frame &frame, const Scalar &value);

    // A '{' or '[': the top-level value, an array element, a member of an object.
    bool beginContainer(bool isArray);
    bool beginDocument(bool isArray);
    bool beginElement(Frame &array, bool isArray);
    bool beginMember(Frame &parent, bool isArray);
    bool beginCookieMapMember(Frame &map, bool isArray);
    bool beginOutsideSchema(const HarFieldSpec *spec, bool isArray);
    Target elementTarget(const Frame &array, Node element, int index);
    Target memberTarget(const Frame &parent, HarField field);
    void startEntry(int index);
    bool endContainer();
    bool checkRequired(const Frame &frame);
    void finishEntry();

    // `_` fields: copied as compact JSON into the record's custom fields (when kept).
    static bool isCustomKey(const std::string &key) { return !key.empty() && key[0] == '_'; }
    HarCustomFields *customTarget(const Frame &frame);
    bool startCapture(const Frame &frame, const std::string &key);
    void captureScalar(const Frame &frame, const Scalar &value);
    void finishCapture();

    // A known scalar field of the frame's object (spec null: one HAR 1.2 does not define).
    void storeScalar(Frame &frame, const HarFieldSpec *spec, const Scalar &value);
    void storeLog(HarLog &log, HarField field, const std::string &key, const Scalar &value);
    void storeCreator(HarCreator &creator, HarField field, const std::string &key, const Scalar &value);
    void storePage(HarPage &page, HarField field, const std::string &key, const Scalar &value);
    void storePageTimings(HarPage &page, HarField field, const std::string &key, const Scalar &value);
    void storeEntry(HarEntry &entry, HarField field, const std::string &key, const Scalar &value);
    void storeRequest(HarRequest &request, HarField field, const std::string &key, const Scalar &value);
    void storeResponse(HarResponse &response, HarField field, const std::string &key, const Scalar &value);
    void storeStatus(HarResponse &response, const std::string &key, const Scalar &value);
    void storeCookie(HarCookie &cookie, HarField field, const std::string &key, const Scalar &value);
    void storeCookieMapEntry(QList<HarCookie> &cookies, const std::string &key, const Scalar &value);
    void storeNameValue(HarNameValue *pair, HarField field, const std::string &key, const Scalar &value);
    void checkNameValue(HarField field, const std::string &key, const Scalar &value);
    void storePostData(HarPostData &post, HarField field, const std::string &key, const Scalar &value);
    void storeParam(HarParam &param, HarField field, const std::string &key, const Scalar &value);
    void storeContent(HarContent &content, HarField field, const std::string &key, const Scalar &value);
    void storeCache(HarCache &cache, HarField field, const std::string &key, const Scalar &value);
    void storeCacheState(HarCacheState &state, HarField field, const std::string &key, const Scalar &value);
    void storeTimings(HarTimings &timings, HarField field, const std::string &key, const Scalar &value);

    // Problem reporting: inside an entry it spoils only that entry; elsewhere it is fatal.
    bool fail(const QString &path, const QString &what);
    QString pathOf(size_t frameCount, const std::string &leaf = {}, int leafIndex = -1) const;
    QString currentPath(const std::string &key) const;
    void typeError(const std::string &key, const char *expected, const Scalar &got);

    bool wantString(const std::string &key, const Scalar &value, QString &out);
    bool wantStrictString(const std::string &key, const Scalar &value, QString &out);
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
