// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_sax_handler.h"

#include "core/har/har_number.h"
#include "core/har/har_utf8.h"

#include <QLocale>

#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string_view>

namespace statusscope::har_detail {

namespace {

using Node = HarSaxHandler::Node;

// Bits of HarSaxHandler::Frame::seen: the fields whose absence we report.
constexpr unsigned kSeenLog = 1;     // Root: "log"
constexpr unsigned kSeenEntries = 1; // Log: "entries"
constexpr unsigned kSeenRequest = 1, kSeenResponse = 2, kSeenTime = 4; // Entry
constexpr unsigned kSeenTimeKey = 8, kSeenTimings = 16;               // Entry: present, even null
constexpr unsigned kSeenMethod = 1, kSeenUrl = 2;                     // Request
constexpr unsigned kSeenStatus = 1;                                   // Response
constexpr unsigned kSeenName = 1;                                     // NameValue
constexpr unsigned kSeenRequestVersion = 4, kSeenResponseVersion = 2; // Request, Response

using Deviation = HarSaxHandler::Deviation;

// HarDeviation::kind of each Deviation (README, "HAR deviations").
const char *kindName(Deviation kind)
{
    switch (kind) {
    case Deviation::Bom: return "bom";
    case Deviation::CookiesObject: return "cookies_object";
    case Deviation::TimingsNull: return "timings_null";
    case Deviation::TimingsMissing: return "timings_missing";
    case Deviation::TimeNull: return "time_null";
    case Deviation::TimeMissing: return "time_missing";
    case Deviation::PagesNull: return "pages_null";
    case Deviation::NumberAsString: return "number_as_string";
    case Deviation::BoolAsString: return "bool_as_string";
    case Deviation::ValueNotString: return "value_not_string";
    case Deviation::WrongType: return "wrong_type";
    case Deviation::HttpVersionMissing: return "http_version_missing";
    case Deviation::StatusZero: return "status_zero";
    case Deviation::UnknownField: return "unknown_field";
    case Deviation::InvalidUtf8: return "invalid_utf8";
    case Deviation::Count: break;
    }
    return "?";
}

// The scalar fields HAR 1.2 defines per object (the objects and arrays are in childOf). Only
// consulted for a member given as an object or array, to tell a wrong type from an unknown field.
bool isScalarField(Node node, std::string_view key)
{
    auto in = [key](std::initializer_list<std::string_view> names) {
        return std::find(names.begin(), names.end(), key) != names.end();
    };
    switch (node) {
    case Node::Log: return in({"version", "comment"});
    case Node::Creator:
    case Node::Browser: return in({"name", "version", "comment"});
    case Node::Page: return in({"startedDateTime", "id", "title", "comment"});
    case Node::PageTimings: return in({"onContentLoad", "onLoad", "comment"});
    case Node::Entry: return in({"pageref", "startedDateTime", "time", "serverIPAddress", "connection", "comment"});
    case Node::Request: return in({"method", "url", "httpVersion", "headersSize", "bodySize", "comment"});
    case Node::Response:
        return in({"status", "statusText", "httpVersion", "redirectURL", "headersSize", "bodySize", "comment"});
    case Node::Cookie: return in({"name", "value", "path", "domain", "expires", "httpOnly", "secure", "comment"});
    case Node::NameValue: return in({"name", "value", "comment"});
    case Node::PostData: return in({"mimeType", "text", "comment"});
    case Node::Param: return in({"name", "value", "fileName", "contentType", "comment"});
    case Node::Content: return in({"size", "compression", "mimeType", "text", "encoding", "comment"});
    case Node::Cache: return in({"comment"});
    case Node::CacheState: return in({"expires", "lastAccess", "eTag", "hitCount", "comment"});
    case Node::Timings: return in({"blocked", "dns", "connect", "send", "wait", "receive", "ssl", "comment"});
    default: return false;
    }
}

// Text that came from invalid UTF-8 bytes: QString fields already hold U+FFFD (fromUtf8), the
// byte fields are repaired here.
void repairCustom(HarCustomFields &fields)
{
    for (HarCustomField &field : fields)
        field.json = repairedUtf8(field.json);
}

void repairEntry(HarEntry &entry)
{
    if (entry.request.postData)
        entry.request.postData->text = repairedUtf8(entry.request.postData->text);
    entry.response.content.text = repairedUtf8(entry.response.content.text);
    repairCustom(entry.custom);
    repairCustom(entry.request.custom);
    repairCustom(entry.response.custom);
    repairCustom(entry.response.content.custom);
    repairCustom(entry.timings.custom);
}

// "log.entries[3]..." numbered by another handler from 0: renumbered by `base`.
void rebaseEntryPath(QString &text, int base)
{
    static const QLatin1String kPrefix("log.entries[");
    if (!text.startsWith(kPrefix))
        return;
    const qsizetype close = text.indexOf(QLatin1Char(']'), kPrefix.size());
    bool ok = false;
    const int index = text.mid(kPrefix.size(), close - kPrefix.size()).toInt(&ok);
    if (close > 0 && ok)
        text.replace(kPrefix.size(), close - kPrefix.size(), QString::number(index + base));
}

struct Child
{
    Node node;
    bool isArray;
};

// The HAR 1.2 schema as far as the records go: which object or array a key of a node opens.
std::optional<Child> childOf(Node parent, std::string_view key)
{
    switch (parent) {
    case Node::Root:
        if (key == "log") return Child{Node::Log, false};
        break;
    case Node::Log:
        if (key == "entries") return Child{Node::Entries, true};
        if (key == "pages") return Child{Node::Pages, true};
        if (key == "creator") return Child{Node::Creator, false};
        if (key == "browser") return Child{Node::Browser, false};
        break;
    case Node::Page:
        if (key == "pageTimings") return Child{Node::PageTimings, false};
        break;
    case Node::Entry:
        if (key == "request") return Child{Node::Request, false};
        if (key == "response") return Child{Node::Response, false};
        if (key == "timings") return Child{Node::Timings, false};
        if (key == "cache") return Child{Node::Cache, false};
        break;
    case Node::Request:
        if (key == "headers" || key == "queryString") return Child{Node::NameValues, true};
        if (key == "cookies") return Child{Node::Cookies, true};
        if (key == "postData") return Child{Node::PostData, false};
        break;
    case Node::Response:
        if (key == "headers") return Child{Node::NameValues, true};
        if (key == "cookies") return Child{Node::Cookies, true};
        if (key == "content") return Child{Node::Content, false};
        break;
    case Node::PostData:
        if (key == "params") return Child{Node::Params, true};
        break;
    case Node::Cache:
        if (key == "beforeRequest" || key == "afterRequest") return Child{Node::CacheState, false};
        break;
    default:
        break;
    }
    return std::nullopt;
}

std::optional<Node> elementOf(Node array)
{
    switch (array) {
    case Node::Pages: return Node::Page;
    case Node::Entries: return Node::Entry;
    case Node::Cookies: return Node::Cookie;
    case Node::NameValues: return Node::NameValue;
    case Node::Params: return Node::Param;
    default: return std::nullopt;
    }
}

const char *typeName(int scalarType)
{
    switch (scalarType) {
    case 0: return "null";
    case 1: return "a boolean";
    case 2: return "a number";
    default: return "a string";
    }
}

// Scalar fields that must not be objects or arrays: the ones whose absence is also an error.
bool isRequiredScalar(Node node, std::string_view key)
{
    return (node == Node::Request && (key == "method" || key == "url"))
        || (node == Node::Response && key == "status") || (node == Node::NameValue && key == "name");
}

} // namespace

HarSaxHandler::HarSaxHandler(const HarReadOptions &options, const char *data, std::function<qint64()> tell,
                             std::function<bool()> entryDone, Start start)
    : m_options(options), m_tell(std::move(tell)), m_entryDone(std::move(entryDone)), m_data(data)
{
    m_frames.reserve(16);
    m_validatedTo = m_tell();
    if (start == Start::Document) {
        m_frames.push_back(Frame{Node::Root, nullptr, {}, -1, 0, 0});
        return;
    }
    // The frames the document parse has when it is inside log.entries, so that paths, depth
    // limits and "inside an entry" all come out the same.
    m_frames.push_back(Frame{Node::Root, nullptr, {}, -1, 1, 0});
    m_frames.push_back(Frame{Node::Root, &m_log, {}, -1, 0, kSeenLog});
    m_frames.push_back(Frame{Node::Log, &m_log, "log", -1, 0, kSeenEntries});
    m_frames.push_back(Frame{Node::Entries, nullptr, "entries", -1, 0, 0, true});
}

int HarSaxHandler::entriesElementCount() const
{
    for (auto frame = m_frames.rbegin(); frame != m_frames.rend(); ++frame) {
        if (frame->node == Node::Entries)
            return frame->nextIndex;
    }
    return 0;
}

bool HarSaxHandler::spliceEntries(HarLog &&tail, int tailElements, qint64 resumeAt)
{
    // Frames: document, root object, log, entries; and not inside a skipped or copied value.
    if (m_frames.size() != 4 || m_frames.back().node != Node::Entries || m_skipDepth > 0 || m_captureDepth > 0
        || hasError())
        return false;
    Frame &entries = m_frames.back();
    const int base = entries.nextIndex;
    entries.nextIndex += tailElements;
    m_log.entries.reserve(m_log.entries.size() + tail.entries.size());
    for (HarEntry &entry : tail.entries) {
        entry.index += base;
        m_log.entries.append(std::move(entry));
    }
    // A reason starts with the entry's path, which the other handler numbered from 0.
    for (HarSkippedEntry &skipped : tail.skipped) {
        const QString oldPrefix = QStringLiteral("log.entries[%1]").arg(skipped.index);
        skipped.index += base;
        if (skipped.reason.startsWith(oldPrefix))
            skipped.reason.replace(0, oldPrefix.size(), QStringLiteral("log.entries[%1]").arg(skipped.index));
        m_log.skipped.append(std::move(skipped));
    }
    // Its deviations follow ours, as one parse would have met them.
    for (HarDeviation &deviation : tail.deviations) {
        for (int k = 0; k < static_cast<int>(Deviation::Count); ++k) {
            if (deviation.kind == QLatin1String(kindName(static_cast<Deviation>(k)))) {
                for (QString &example : deviation.examples)
                    rebaseEntryPath(example, base);
                addDeviation(static_cast<Deviation>(k), deviation.count, deviation.examples);
                break;
            }
        }
    }
    m_validatedTo = resumeAt;
    return true;
}

// --- deviations ------------------------------------------------------------------------------

bool HarSaxHandler::wantsExample(Deviation kind) const
{
    qint64 known = m_tally[static_cast<int>(kind)].examples.size();
    for (const auto &[pending, path] : m_entryDeviations)
        known += pending == kind;
    return known < kHarDeviationExamples;
}

void HarSaxHandler::deviate(Deviation kind, const std::string &key)
{
    deviateAt(kind, wantsExample(kind) ? currentPath(key) : QString());
}

void HarSaxHandler::deviateAt(Deviation kind, const QString &path)
{
    // Frames: document, root object, log, entries, entry.
    const bool inEntry = m_frames.size() > 4 && m_frames[4].node == Node::Entry;
    if (inEntry) {
        m_entryDeviations.emplace_back(kind, path);
        return;
    }
    addDeviation(kind, 1, path.isEmpty() ? QStringList() : QStringList{path});
}

void HarSaxHandler::addDeviation(Deviation kind, qint64 count, const QStringList &examples)
{
    Tally &tally = m_tally[static_cast<int>(kind)];
    if (tally.count == 0)
        m_tallyOrder.push_back(kind);
    tally.count += count;
    for (const QString &example : examples) {
        if (tally.examples.size() >= kHarDeviationExamples)
            break;
        tally.examples << example;
    }
}

void HarSaxHandler::noteBom()
{
    addDeviation(Deviation::Bom, 1, {QStringLiteral("byte 0")});
}

// Every invalid sequence in [m_validatedTo, end): counted with its byte offset (and the entry
// it is in, for entryIndex >= 0), so the offsets are exact whatever RapidJSON copied.
void HarSaxHandler::checkUtf8(qint64 end, int entryIndex)
{
    if (!m_data || end <= m_validatedTo)
        return;
    const qint64 from = m_validatedTo;
    m_validatedTo = end;
    int length = 0;
    qint64 at = findInvalidUtf8(m_data, from, end, &length);
    if (at < 0)
        return;
    while (at >= 0) {
        const QString where = QStringLiteral("byte %1").arg(at);
        QStringList examples;
        if (m_tally[static_cast<int>(Deviation::InvalidUtf8)].examples.size() < kHarDeviationExamples)
            examples << (entryIndex >= 0 ? QStringLiteral("log.entries[%1]: %2").arg(entryIndex).arg(where) : where);
        addDeviation(Deviation::InvalidUtf8, 1, examples);
        at = findInvalidUtf8(m_data, at + length, end, &length);
    }
    if (entryIndex >= 0 && !m_log.entries.isEmpty() && m_log.entries.back().index == entryIndex)
        repairEntry(m_log.entries.back());
}

void HarSaxHandler::validateUpTo(qint64 end)
{
    checkUtf8(end, -1);
}

HarLog HarSaxHandler::takeLog()
{
    m_log.deviations.clear();
    for (Deviation kind : m_tallyOrder) {
        const Tally &tally = m_tally[static_cast<int>(kind)];
        m_log.deviations.append(HarDeviation{QString::fromLatin1(kindName(kind)), tally.count, tally.examples});
    }
    m_log.warnings.clear();
    if (const Tally &bad = m_tally[static_cast<int>(Deviation::InvalidUtf8)]; bad.count > 0) {
        repairCustom(m_log.custom);
        for (HarPage &page : m_log.pages)
            repairCustom(page.custom);
        m_log.warnings << QStringLiteral("invalid UTF-8 at %1: %2 invalid sequence%3 replaced with U+FFFD")
                              .arg(bad.examples.value(0))
                              .arg(bad.count)
                              .arg(bad.count == 1 ? QString() : QStringLiteral("s"));
    }
    return std::move(m_log);
}

// --- scalars ---------------------------------------------------------------------------------

bool HarSaxHandler::Null()
{
    if (m_skipDepth > 0)
        return true;
    if (m_captureDepth > 0) {
        m_captureWriter.Null();
        return true;
    }
    return scalar(Scalar{Scalar::Null, false, 0, nullptr, 0});
}

bool HarSaxHandler::Bool(bool value)
{
    if (m_skipDepth > 0)
        return true;
    if (m_captureDepth > 0) {
        m_captureWriter.Bool(value);
        return true;
    }
    return scalar(Scalar{Scalar::Bool, value, 0, nullptr, 0});
}

bool HarSaxHandler::number(double value)
{
    if (m_skipDepth > 0)
        return true;
    if (m_captureDepth > 0) {
        // Integers stay integers in the copy: 3 is written back as 3, not 3.0.
        if (const std::optional<qint64> whole = wholeNumber(value))
            m_captureWriter.Int64(*whole);
        else
            m_captureWriter.Double(value);
        return true;
    }
    return scalar(Scalar{Scalar::Number, false, value, nullptr, 0});
}

// Every number arrives as its text (kParseFlags): converted here, exactly and without
// RapidJSON's undefined behaviour (har_number.h). During this call the parser's position is
// still the number's first byte, which is where RapidJSON puts its own number errors.
bool HarSaxHandler::RawNumber(const Ch *str, SizeType length, bool)
{
    if (m_skipDepth > 0)
        return true;
    const std::optional<double> value = jsonNumberValue(str, length);
    if (!value) {
        QString message = QString::fromLatin1(rapidjson::GetParseError_En(rapidjson::kParseErrorNumberTooBig));
        if (message.endsWith(QLatin1Char('.')))
            message.chop(1);
        m_error = {HarReadStatus::NotJson, message, {}, m_tell(), -1, -1};
        return false;
    }
    return number(*value);
}

bool HarSaxHandler::String(const Ch *str, SizeType length, bool)
{
    if (m_skipDepth > 0)
        return true;
    if (m_captureDepth > 0) {
        m_captureWriter.String(str, length);
        return true;
    }
    return scalar(Scalar{Scalar::String, false, 0, str, length});
}

bool HarSaxHandler::Key(const Ch *str, SizeType length, bool)
{
    if (m_skipDepth > 0)
        return true;
    if (m_captureDepth > 0) {
        m_captureWriter.Key(str, length);
        return true;
    }
    m_key.assign(str, length);
    return true;
}

bool HarSaxHandler::scalar(const Scalar &value)
{
    Frame &frame = m_frames.back();
    if (m_frames.size() == 1)
        return fail(QStringLiteral("(root)"), QStringLiteral("expected an object with \"log\", got %1")
                                                  .arg(QLatin1String(typeName(value.type))));
    if (frame.isArray) {
        const int index = frame.nextIndex++;
        const QString what = QStringLiteral("expected an object, got %1").arg(QLatin1String(typeName(value.type)));
        if (frame.node == Node::Entries) {
            m_log.skipped.append({index, pathOf(m_frames.size(), {}, index) + QStringLiteral(": ") + what});
            return true;
        }
        return fail(pathOf(m_frames.size(), {}, index), what);
    }
    if (frame.node == Node::CookieMap) { // a cookie's name is a key here, `_ga` included
        storeScalar(frame, m_key, value);
        return !hasError();
    }
    if (!m_key.empty() && m_key[0] == '_') {
        if (HarCustomFields *target = m_options.keepDetails ? customTarget(frame) : nullptr) {
            m_captureBuffer.Clear();
            m_captureWriter.Reset(m_captureBuffer);
            m_captureTarget = target;
            m_captureName = QString::fromUtf8(m_key.data(), static_cast<qsizetype>(m_key.size()));
            switch (value.type) {
            case Scalar::Null: m_captureWriter.Null(); break;
            case Scalar::Bool: m_captureWriter.Bool(value.boolean); break;
            case Scalar::Number:
                m_captureDepth = 1; // number() writes while capturing
                number(value.number);
                m_captureDepth = 0;
                break;
            case Scalar::String:
                m_captureWriter.String(value.str, static_cast<SizeType>(value.length));
                break;
            }
            finishCapture();
        }
        return true;
    }
    if (const auto child = childOf(frame.node, m_key)) {
        // A known object or array given as a scalar; null means "absent", which is tolerated
        // for optional parts (postData, browser, cache states) and reported for required ones.
        if (value.type != Scalar::Null)
            return fail(currentPath(m_key),
                        QStringLiteral("expected %1, got %2")
                            .arg(QLatin1String(child->isArray ? "an array" : "an object"),
                                 QLatin1String(typeName(value.type))));
        if (child->node == Node::Timings) {
            frame.seen |= kSeenTimings;
            deviate(Deviation::TimingsNull, m_key);
        } else if (child->node == Node::Pages) {
            deviate(Deviation::PagesNull, m_key);
        }
        return true;
    }
    storeScalar(frame, m_key, value);
    return !hasError();
}

// --- containers ------------------------------------------------------------------------------

bool HarSaxHandler::tooDeep()
{
    if (static_cast<int>(m_frames.size()) + m_skipDepth + m_captureDepth < kMaxNestingDepth)
        return false;
    m_error = {HarReadStatus::NotJson, QStringLiteral("nested deeper than %1 levels").arg(kMaxNestingDepth), {},
               m_tell() + m_offsetAdjust, -1, -1};
    return true;
}

bool HarSaxHandler::StartObject()
{
    return start(false);
}

bool HarSaxHandler::StartArray()
{
    return start(true);
}

bool HarSaxHandler::EndObject(SizeType)
{
    return end(false);
}

bool HarSaxHandler::EndArray(SizeType)
{
    return end(true);
}

bool HarSaxHandler::start(bool isArray)
{
    // RapidJSON has just taken the '{' or '[': problems found here point at it.
    const OffsetAdjust adjust(m_offsetAdjust);
    if (tooDeep())
        return false;
    if (m_skipDepth > 0) {
        ++m_skipDepth;
        return true;
    }
    if (m_captureDepth > 0) {
        if (isArray)
            m_captureWriter.StartArray();
        else
            m_captureWriter.StartObject();
        ++m_captureDepth;
        return true;
    }
    return beginContainer(isArray);
}

bool HarSaxHandler::end(bool isArray)
{
    if (m_skipDepth > 0) {
        --m_skipDepth;
        return true;
    }
    if (m_captureDepth > 0) {
        if (isArray)
            m_captureWriter.EndArray();
        else
            m_captureWriter.EndObject();
        if (--m_captureDepth == 0)
            finishCapture();
        return true;
    }
    return endContainer();
}

bool HarSaxHandler::beginContainer(bool isArray)
{
    Frame &parent = m_frames.back();
    const char *kind = isArray ? "an array" : "an object";

    // An element of an array we know (or the root document).
    if (parent.node == Node::Root && parent.nextIndex == 0 && m_frames.size() == 1) {
        ++parent.nextIndex;
        if (isArray)
            return fail(QStringLiteral("(root)"), QStringLiteral("expected an object with \"log\", got an array"));
        // Frame 0 is the document, frame 1 its root object (where "log" must be).
        m_frames.push_back(Frame{Node::Root, &m_log, {}, -1, 0, 0});
        return true;
    }
    if (parent.isArray) {
        const auto element = elementOf(parent.node);
        const int index = parent.nextIndex++;
        if (isArray) {
            const QString what = QStringLiteral("expected an object, got an array");
            m_skipDepth = 1;
            if (parent.node == Node::Entries) {
                m_log.skipped.append({index, pathOf(m_frames.size(), {}, index) + QStringLiteral(": ") + what});
                return true;
            }
            return fail(pathOf(m_frames.size(), {}, index), what);
        }
        void *target = nullptr;
        switch (*element) {
        case Node::Page:
            m_log.pages.append(HarPage{});
            target = &m_log.pages.back();
            break;
        case Node::Entry:
            m_entry = HarEntry{};
            m_entry.index = index;
            m_entryStart = m_tell() + m_offsetAdjust; // its '{'
            m_entryFailed = false;
            m_entryDeviations.clear();
            m_entryReason.clear();
            target = &m_entry;
            break;
        case Node::Cookie: {
            auto *list = static_cast<QList<HarCookie> *>(parent.target);
            list->append(HarCookie{});
            target = &list->back();
            break;
        }
        case Node::NameValue: {
            // Without details the pair is still walked (its name is checked) but not kept.
            if (!m_options.keepDetails)
                break;
            auto *list = static_cast<QList<HarNameValue> *>(parent.target);
            list->append(HarNameValue{});
            target = &list->back();
            break;
        }
        case Node::Param: {
            auto *list = static_cast<QList<HarParam> *>(parent.target);
            list->append(HarParam{});
            target = &list->back();
            break;
        }
        default:
            break;
        }
        m_frames.push_back(Frame{*element, target, {}, index, 0, 0, false});
        return true;
    }
    // A member of an object.
    const std::string key = m_key;
    if (parent.node == Node::CookieMap) {
        if (isArray) { // nothing a cookie could be
            m_skipDepth = 1;
            deviate(Deviation::WrongType, key);
            return true;
        }
        // {"name": {"value": ..., "path": ...}}: a cookie object named by its key.
        auto *list = static_cast<QList<HarCookie> *>(parent.target);
        list->append(HarCookie{});
        list->back().name = internName(key.data(), key.size());
        m_frames.push_back(Frame{Node::Cookie, &list->back(), key, -1, 0, 0, false});
        return true;
    }
    if (!key.empty() && key[0] == '_') {
        if (HarCustomFields *target = m_options.keepDetails ? customTarget(parent) : nullptr) {
            m_captureBuffer.Clear();
            m_captureWriter.Reset(m_captureBuffer);
            m_captureTarget = target;
            m_captureName = QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
            if (isArray)
                m_captureWriter.StartArray();
            else
                m_captureWriter.StartObject();
            m_captureDepth = 1;
        } else {
            m_skipDepth = 1;
        }
        return true;
    }
    const auto child = childOf(parent.node, key);
    if (!child) {
        if (isRequiredScalar(parent.node, key)) {
            m_skipDepth = 1;
            return fail(currentPath(key),
                        QStringLiteral("expected %1, got %2")
                            .arg(QLatin1String(parent.node == Node::Response ? "a number" : "a string"),
                                 QLatin1String(kind)));
        }
        m_skipDepth = 1; // not ours to judge, but counted
        deviate(isScalarField(parent.node, key) ? Deviation::WrongType : Deviation::UnknownField, key);
        return true;
    }
    if (child->node == Node::Cookies && !isArray) {
        // Internet Explorer 11 writes `"cookies": {}` or {"name": "value"}: the same cookies.
        deviate(Deviation::CookiesObject, key);
        auto *list = parent.node == Node::Request ? &m_entry.request.cookies : &m_entry.response.cookies;
        m_frames.push_back(Frame{Node::CookieMap, list, key, -1, 0, 0, false});
        return true;
    }
    if (child->isArray != isArray) {
        m_skipDepth = 1;
        // Safari 4-era exporters write `"cache": []` for "nothing cached": that means absent.
        if (child->node == Node::Cache && isArray)
            return true;
        return fail(currentPath(key), QStringLiteral("expected %1, got %2")
                                          .arg(QLatin1String(child->isArray ? "an array" : "an object"),
                                               QLatin1String(kind)));
    }

    void *target = nullptr;
    switch (child->node) {
    case Node::Log:
        parent.seen |= kSeenLog;
        target = &m_log;
        break;
    case Node::Creator: target = &m_log.creator; break;
    case Node::Browser: target = &m_log.browser.emplace(); break;
    case Node::Pages: target = &m_log.pages; break;
    case Node::PageTimings: target = parent.target; break;
    case Node::Entries: parent.seen |= kSeenEntries; break;
    case Node::Request:
        parent.seen |= kSeenRequest;
        target = &m_entry.request;
        break;
    case Node::Response:
        parent.seen |= kSeenResponse;
        target = &m_entry.response;
        break;
    case Node::Timings:
        parent.seen |= kSeenTimings;
        target = &m_entry.timings;
        break;
    case Node::Cache: target = &m_entry.cache; break;
    case Node::CacheState: {
        auto *cache = static_cast<HarCache *>(parent.target);
        target = key == "beforeRequest" ? &cache->beforeRequest.emplace() : &cache->afterRequest.emplace();
        break;
    }
    case Node::NameValues:
        if (parent.node == Node::Request)
            target = key == "headers" ? &m_entry.request.headers : &m_entry.request.queryString;
        else
            target = &m_entry.response.headers;
        break;
    case Node::Cookies:
        target = parent.node == Node::Request ? &m_entry.request.cookies : &m_entry.response.cookies;
        break;
    case Node::PostData: target = &m_entry.request.postData.emplace(); break;
    case Node::Params: target = &static_cast<HarPostData *>(parent.target)->params; break;
    case Node::Content: target = &m_entry.response.content; break;
    default: break;
    }
    m_frames.push_back(Frame{child->node, target, key, -1, 0, 0, child->isArray});
    // A second "entries" array (a merged or hand-edited file) goes on counting, so every entry
    // keeps a distinct index.
    if (child->node == Node::Entries)
        m_frames.back().nextIndex = m_entriesCounted;
    return true;
}

bool HarSaxHandler::endContainer()
{
    if (m_frames.size() <= 1) // the root marker already closed: a stray end is RapidJSON's to report
        return true;
    const Frame frame = m_frames.back();
    if (!checkRequired(frame))
        return false;
    m_frames.pop_back();
    if (frame.node == Node::Entries)
        m_entriesCounted = frame.nextIndex;
    if (frame.node == Node::Entry) {
        const int index = m_entry.index;
        finishEntry();
        // Before the pages go (entryDone releases them): what came before the entry, then it.
        checkUtf8(m_entryStart, -1);
        checkUtf8(m_tell(), index);
        if (m_entryDone && !m_entryDone()) {
            m_error = {HarReadStatus::Cancelled, QStringLiteral("cancelled"), {}, m_tell(), -1, -1};
            return false;
        }
    }
    return true;
}

bool HarSaxHandler::checkRequired(const Frame &frame)
{
    const size_t depth = m_frames.size();
    auto missing = [&](const char *field) {
        return fail(pathOf(depth, field), QStringLiteral("missing"));
    };
    switch (frame.node) {
    case Node::Root:
        if (!(frame.seen & kSeenLog))
            return fail(QStringLiteral("log"), QStringLiteral("missing"));
        break;
    case Node::Log:
        if (!(frame.seen & kSeenEntries))
            return missing("entries");
        break;
    case Node::Entry:
        if (!(frame.seen & kSeenRequest))
            return missing("request");
        if (!(frame.seen & kSeenResponse))
            return missing("response");
        if (!(frame.seen & (kSeenTime | kSeenTimeKey)))
            deviate(Deviation::TimeMissing, "time");
        if (!(frame.seen & kSeenTimings))
            deviate(Deviation::TimingsMissing, "timings");
        break;
    case Node::Request:
        if (!(frame.seen & kSeenMethod))
            return missing("method");
        if (!(frame.seen & kSeenUrl))
            return missing("url");
        if (!(frame.seen & kSeenRequestVersion))
            deviate(Deviation::HttpVersionMissing, "httpVersion");
        break;
    case Node::Response:
        if (!(frame.seen & kSeenStatus))
            return missing("status");
        if (!(frame.seen & kSeenResponseVersion))
            deviate(Deviation::HttpVersionMissing, "httpVersion");
        break;
    case Node::NameValue:
        if (!(frame.seen & kSeenName))
            return missing("name");
        break;
    default:
        break;
    }
    return true;
}

void HarSaxHandler::finishEntry()
{
    if (m_entryFailed) {
        m_log.skipped.append({m_entry.index, m_entryReason});
        m_entryDeviations.clear(); // the reason says what matters about this entry
        return;
    }
    for (auto &[kind, path] : m_entryDeviations)
        addDeviation(kind, 1, path.isEmpty() ? QStringList() : QStringList{std::move(path)});
    m_entryDeviations.clear();
    m_entry.startedMs = parseHarTime(m_entry.startedDateTime);
    if (!m_options.keepDetails) {
        // Read and checked like everything else (so the same entries are skipped), not kept.
        m_entry.request.cookies.clear();
        m_entry.response.cookies.clear();
        m_entry.request.postData.reset();
        m_entry.cache = {};
    }
    m_log.entries.append(std::move(m_entry));
    m_entry = HarEntry{};
}

void HarSaxHandler::finishCapture()
{
    if (m_captureTarget)
        m_captureTarget->append(HarCustomField{
            m_captureName, QByteArray(m_captureBuffer.GetString(), static_cast<qsizetype>(m_captureBuffer.GetSize()))});
    m_captureTarget = nullptr;
}

QString HarSaxHandler::internName(const char *str, size_t length)
{
    // A fixed open-addressed table with FNV-1a: names are short, and a general-purpose hash
    // (SipHash in QHash) cost more than the allocation it saves. When the table is full (a
    // file with thousands of distinct names) new names are simply not shared.
    constexpr size_t kNameSlots = 4096; // power of two
    constexpr size_t kMaxProbes = 8;
    constexpr size_t kMaxNameBytes = 64;
    if (length > kMaxNameBytes)
        return QString::fromUtf8(str, static_cast<qsizetype>(length));
    if (m_names.empty())
        m_names.resize(kNameSlots);
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < length; ++i)
        hash = (hash ^ static_cast<unsigned char>(str[i])) * 16777619u;
    for (size_t probe = 0; probe < kMaxProbes; ++probe) {
        InternedName &slot = m_names[(hash + probe) & (kNameSlots - 1)];
        if (slot.bytes.isNull()) {
            slot.bytes = QByteArray(str, static_cast<qsizetype>(length));
            slot.name = QString::fromUtf8(str, static_cast<qsizetype>(length));
            return slot.name;
        }
        if (static_cast<size_t>(slot.bytes.size()) == length && std::memcmp(slot.bytes.constData(), str, length) == 0)
            return slot.name;
    }
    return QString::fromUtf8(str, static_cast<qsizetype>(length));
}

HarCustomFields *HarSaxHandler::customTarget(const Frame &frame)
{
    switch (frame.node) {
    case Node::Log: return &m_log.custom;
    case Node::Page: return &static_cast<HarPage *>(frame.target)->custom;
    case Node::Entry: return &m_entry.custom;
    case Node::Request: return &m_entry.request.custom;
    case Node::Response: return &m_entry.response.custom;
    case Node::Content: return &m_entry.response.content.custom;
    case Node::Timings: return &m_entry.timings.custom;
    default: return nullptr;
    }
}

// --- storing scalars -------------------------------------------------------------------------

void HarSaxHandler::storeScalar(Frame &frame, const std::string &key, const Scalar &value)
{
    const std::string_view k = key;
    switch (frame.node) {
    case Node::Root: // the object around "log"
        unknownField(key);
        break;
    case Node::Log:
        if (k == "version") wantString(key, value, m_log.version);
        else if (k == "comment") wantString(key, value, m_log.comment);
        else unknownField(key);
        break;
    case Node::Creator:
    case Node::Browser: {
        auto *creator = static_cast<HarCreator *>(frame.target);
        if (k == "name") wantString(key, value, creator->name);
        else if (k == "version") wantString(key, value, creator->version);
        else if (k == "comment") wantString(key, value, creator->comment);
        else unknownField(key);
        break;
    }
    case Node::Page: {
        auto *page = static_cast<HarPage *>(frame.target);
        if (k == "id") wantString(key, value, page->id);
        else if (k == "title") wantString(key, value, page->title);
        else if (k == "startedDateTime") {
            if (wantString(key, value, page->startedDateTime))
                page->startedMs = parseHarTime(page->startedDateTime);
        } else if (k == "comment") wantString(key, value, page->comment);
        else unknownField(key);
        break;
    }
    case Node::PageTimings: {
        auto *page = static_cast<HarPage *>(frame.target);
        if (k == "onContentLoad") wantNumber(key, value, page->onContentLoad);
        else if (k == "onLoad") wantNumber(key, value, page->onLoad);
        else if (k != "comment") unknownField(key);
        break;
    }
    case Node::Entry:
        if (k == "pageref") wantString(key, value, m_entry.pageref);
        else if (k == "startedDateTime") wantString(key, value, m_entry.startedDateTime);
        else if (k == "time") {
            frame.seen |= kSeenTimeKey;
            if (value.type == Scalar::Null)
                deviate(Deviation::TimeNull, key);
            else if (wantNumber(key, value, m_entry.time))
                frame.seen |= kSeenTime;
        } else if (k == "serverIPAddress") wantString(key, value, m_entry.serverIpAddress);
        else if (k == "connection") wantString(key, value, m_entry.connection);
        else if (k == "comment") wantString(key, value, m_entry.comment);
        else unknownField(key);
        break;
    case Node::Request: {
        HarRequest &request = m_entry.request;
        if (k == "method") {
            if (value.type != Scalar::String)
                typeError(key, "a string", value);
            else
                wantString(key, value, request.method);
            frame.seen |= kSeenMethod;
        } else if (k == "url") {
            if (value.type != Scalar::String)
                typeError(key, "a string", value);
            else
                wantString(key, value, request.url);
            frame.seen |= kSeenUrl;
        } else if (k == "httpVersion") {
            if (wantString(key, value, request.httpVersion))
                frame.seen |= kSeenRequestVersion;
        } else if (k == "headersSize") wantInt64(key, value, request.headersSize);
        else if (k == "bodySize") wantInt64(key, value, request.bodySize);
        else if (k == "comment") wantString(key, value, request.comment);
        else unknownField(key);
        break;
    }
    case Node::Response: {
        HarResponse &response = m_entry.response;
        if (k == "status") {
            double status = 0;
            if (value.type == Scalar::Null)
                typeError(key, "a number", value);
            else if (wantNumber(key, value, status)) {
                // (Range first: converting 7e97 to int is undefined; found by fuzz_har.)
                if (status < 0 || status > 999 || status != static_cast<int>(status))
                    fail(currentPath(key), QStringLiteral("not a status code: %1").arg(status));
                else
                    response.status = static_cast<int>(status);
                // Chrome and Firefox write 0 for a request that got no response (blocked,
                // aborted, failed): kept, it is what the views show as "no response".
                if (status == 0)
                    deviate(Deviation::StatusZero, key);
            }
            frame.seen |= kSeenStatus;
        } else if (k == "statusText") wantString(key, value, response.statusText);
        else if (k == "httpVersion") {
            if (wantString(key, value, response.httpVersion))
                frame.seen |= kSeenResponseVersion;
        } else if (k == "redirectURL") wantString(key, value, response.redirectUrl);
        else if (k == "headersSize") wantInt64(key, value, response.headersSize);
        else if (k == "bodySize") wantInt64(key, value, response.bodySize);
        else if (k == "comment") wantString(key, value, response.comment);
        else unknownField(key);
        break;
    }
    case Node::Cookie: {
        auto *cookie = static_cast<HarCookie *>(frame.target);
        if (k == "name" && value.type == Scalar::String) cookie->name = internName(value.str, value.length);
        else if (k == "name") wantString(key, value, cookie->name);
        else if (k == "value") wantString(key, value, cookie->value);
        else if (k == "path") wantString(key, value, cookie->path);
        else if (k == "domain") wantString(key, value, cookie->domain);
        else if (k == "expires") wantString(key, value, cookie->expires);
        else if (k == "httpOnly") wantBool(key, value, cookie->httpOnly);
        else if (k == "secure") wantBool(key, value, cookie->secure);
        else if (k == "comment") wantString(key, value, cookie->comment);
        else unknownField(key);
        break;
    }
    case Node::CookieMap: { // IE11: {"name": "value"}
        auto *list = static_cast<QList<HarCookie> *>(frame.target);
        list->append(HarCookie{});
        list->back().name = internName(key.data(), key.size());
        wantString(key, value, list->back().value);
        break;
    }
    case Node::NameValue: {
        auto *pair = static_cast<HarNameValue *>(frame.target);
        if (!pair) { // not kept (keepDetails off): only the checks, and the same counts
            if (k == "name") {
                if (value.type == Scalar::Null)
                    typeError(key, "a string", value);
                else if (value.type != Scalar::String)
                    deviate(Deviation::ValueNotString, key);
                frame.seen |= kSeenName;
            } else if (k == "value" || k == "comment") {
                if (value.type == Scalar::Number || value.type == Scalar::Bool)
                    deviate(Deviation::ValueNotString, key);
            } else {
                unknownField(key);
            }
            break;
        }
        if (k == "name") {
            if (value.type == Scalar::String)
                pair->name = internName(value.str, value.length);
            else if (value.type == Scalar::Null)
                typeError(key, "a string", value);
            else
                wantString(key, value, pair->name);
            frame.seen |= kSeenName;
        } else if (k == "value") wantString(key, value, pair->value);
        else if (k == "comment") wantString(key, value, pair->comment);
        else unknownField(key);
        break;
    }
    case Node::PostData: {
        auto *post = static_cast<HarPostData *>(frame.target);
        if (k == "mimeType") wantString(key, value, post->mimeType);
        else if (k == "text") wantBytes(key, value, m_options.keepBodies ? &post->text : nullptr);
        else if (k == "comment") wantString(key, value, post->comment);
        else unknownField(key);
        break;
    }
    case Node::Param: {
        auto *param = static_cast<HarParam *>(frame.target);
        if (k == "name") wantString(key, value, param->name);
        else if (k == "value") wantString(key, value, param->value);
        else if (k == "fileName") wantString(key, value, param->fileName);
        else if (k == "contentType") wantString(key, value, param->contentType);
        else if (k == "comment") wantString(key, value, param->comment);
        else unknownField(key);
        break;
    }
    case Node::Content: {
        HarContent &content = m_entry.response.content;
        if (k == "size") wantInt64(key, value, content.size);
        else if (k == "compression") {
            qint64 compression = 0;
            if (value.type != Scalar::Null && wantInt64(key, value, compression))
                content.compression = compression;
        } else if (k == "mimeType") wantString(key, value, content.mimeType);
        else if (k == "text") {
            if (value.type != Scalar::Null)
                content.hasText = true;
            wantBytes(key, value, m_options.keepBodies ? &content.text : nullptr);
        } else if (k == "encoding") wantString(key, value, content.encoding);
        else if (k == "comment") wantString(key, value, content.comment);
        else unknownField(key);
        break;
    }
    case Node::Cache:
        if (k == "comment") wantString(key, value, m_entry.cache.comment);
        else unknownField(key);
        break;
    case Node::CacheState: {
        auto *state = static_cast<HarCacheState *>(frame.target);
        if (k == "expires") wantString(key, value, state->expires);
        else if (k == "lastAccess") wantString(key, value, state->lastAccess);
        else if (k == "eTag") wantString(key, value, state->eTag);
        else if (k == "comment") wantString(key, value, state->comment);
        else if (k == "hitCount") {
            qint64 hits = 0;
            if (wantWhole(key, value, 0, std::numeric_limits<int>::max(), hits))
                state->hitCount = static_cast<int>(hits);
        } else unknownField(key);
        break;
    }
    case Node::Timings: {
        HarTimings &timings = m_entry.timings;
        static constexpr std::pair<std::string_view, HarPhase> kPhases[] = {
            {"blocked", HarPhase::Blocked}, {"dns", HarPhase::Dns},   {"connect", HarPhase::Connect},
            {"ssl", HarPhase::Ssl},         {"send", HarPhase::Send}, {"wait", HarPhase::Wait},
            {"receive", HarPhase::Receive},
        };
        for (const auto &[name, phase] : kPhases) {
            if (k == name) {
                double ms = -1;
                if (wantNumber(key, value, ms))
                    timings.setPhase(phase, ms);
                return;
            }
        }
        if (k == "comment")
            wantString(key, value, timings.comment);
        else
            unknownField(key);
        break;
    }
    default:
        break;
    }
}

// Strings: numbers and booleans are written as text (some tools emit a header value or a
// cookie value as a bare number); null leaves the default.
bool HarSaxHandler::wantString(const std::string &key, const Scalar &value, QString &out)
{
    switch (value.type) {
    case Scalar::String:
        out = QString::fromUtf8(value.str, static_cast<qsizetype>(value.length));
        return true;
    case Scalar::Number:
        deviate(Deviation::ValueNotString, key);
        out = QString::number(value.number, 'g', QLocale::FloatingPointShortest);
        return true;
    case Scalar::Bool:
        deviate(Deviation::ValueNotString, key);
        out = value.boolean ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    case Scalar::Null: return false;
    }
    return false;
}

// out null: the bodies are not kept, but a body that is not a string still spoils its entry,
// so the same entries load whether bodies are kept or not.
bool HarSaxHandler::wantBytes(const std::string &key, const Scalar &value, QByteArray *out)
{
    if (value.type == Scalar::String) {
        if (out)
            *out = QByteArray(value.str, static_cast<qsizetype>(value.length));
        return true;
    }
    if (value.type == Scalar::Null)
        return false;
    typeError(key, "a string", value);
    return false;
}

// Numbers: a numeric string is accepted (hand-edited and some proxy exports quote them);
// null leaves the default (-1 for sizes and timings).
bool HarSaxHandler::wantNumber(const std::string &key, const Scalar &value, double &out)
{
    switch (value.type) {
    case Scalar::Number: out = value.number; return true;
    case Scalar::String: {
        bool ok = false;
        const double parsed = QByteArray(value.str, static_cast<qsizetype>(value.length)).trimmed().toDouble(&ok);
        if (ok) {
            deviate(Deviation::NumberAsString, key);
            out = parsed;
            return true;
        }
        break;
    }
    case Scalar::Null: return false;
    case Scalar::Bool: break;
    }
    typeError(key, "a number", value);
    return false;
}

bool HarSaxHandler::wantInt64(const std::string &key, const Scalar &value, qint64 &out)
{
    return wantWhole(key, value, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), out);
}

// A count or size: converting a double outside [min, max] to an integer is undefined, so such a
// value (4e61 bytes, found by fuzz_har) is reported like any other wrong value. Fractions are
// truncated, as exporters that write "1234.0" mean the integer.
bool HarSaxHandler::wantWhole(const std::string &key, const Scalar &value, qint64 min, qint64 max, qint64 &out)
{
    double number = 0;
    if (!wantNumber(key, value, number))
        return false;
    // qint64's max is not a double: it rounds up to 2^63, which is already out of range.
    const double high = static_cast<double>(max);
    const bool inRange = number >= static_cast<double>(min)
        && (max == std::numeric_limits<qint64>::max() ? number < high : number <= high);
    if (!inRange) {
        fail(currentPath(key), QStringLiteral("expected a whole number from %1 to %2, got %3")
                                   .arg(min).arg(max).arg(number));
        return false;
    }
    out = static_cast<qint64>(number);
    return true;
}

bool HarSaxHandler::wantBool(const std::string &key, const Scalar &value, std::optional<bool> &out)
{
    if (value.type == Scalar::Bool) {
        out = value.boolean;
        return true;
    }
    if (value.type == Scalar::Null)
        return false;
    if (value.type == Scalar::String) {
        const std::string_view text(value.str, value.length);
        if (text == "true" || text == "false") {
            deviate(Deviation::BoolAsString, key);
            out = text == "true";
            return true;
        }
    }
    typeError(key, "a boolean", value);
    return false;
}

// --- errors ----------------------------------------------------------------------------------

void HarSaxHandler::typeError(const std::string &key, const char *expected, const Scalar &got)
{
    QString what = QStringLiteral("expected %1, got %2").arg(QLatin1String(expected), QLatin1String(typeName(got.type)));
    if (got.type == Scalar::String) {
        // Show a short quote of the offending text, never a megabyte of it.
        constexpr size_t kQuoteChars = 40;
        what += QStringLiteral(" \"%1\"").arg(QString::fromUtf8(got.str, static_cast<qsizetype>(std::min(got.length, kQuoteChars))));
    }
    fail(currentPath(key), what);
}

bool HarSaxHandler::fail(const QString &path, const QString &what)
{
    // Frames: document, root object, log, entries, entry.
    const bool inEntry = m_frames.size() > 4 && m_frames[4].node == Node::Entry;
    if (inEntry) {
        if (!m_entryFailed) {
            m_entryFailed = true;
            m_entryReason = path + QStringLiteral(": ") + what;
        }
        return true;
    }
    if (!hasError())
        m_error = {HarReadStatus::NotHar, what, path, m_tell() + m_offsetAdjust, -1, -1};
    return false;
}

QString HarSaxHandler::pathOf(size_t frameCount, const std::string &leaf, int leafIndex) const
{
    QString path;
    auto addKey = [&path](const std::string &key) {
        if (!path.isEmpty())
            path += QLatin1Char('.');
        path += QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
    };
    // Frames 0 and 1 are the root document and its object: they have no name.
    for (size_t i = 2; i < frameCount && i < m_frames.size(); ++i) {
        const Frame &frame = m_frames[i];
        if (frame.index >= 0)
            path += QStringLiteral("[%1]").arg(frame.index);
        else
            addKey(frame.key);
    }
    if (leafIndex >= 0)
        path += QStringLiteral("[%1]").arg(leafIndex);
    else if (!leaf.empty())
        addKey(leaf);
    return path;
}

QString HarSaxHandler::currentPath(const std::string &key) const
{
    return pathOf(m_frames.size(), key);
}

} // namespace statusscope::har_detail
