// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_sax_handler.h"

#include "core/har/har_number.h"
#include "core/har/har_utf8.h"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstring>

namespace statusscope::har_detail {

namespace {

using Node = HarSaxHandler::Node;
using Deviation = HarSaxHandler::Deviation;

size_t bit(HarField field)
{
    return static_cast<size_t>(field);
}

// "expected <this>" for a value of the type the schema gives.
QLatin1String expectedName(HarValueType type)
{
    switch (type) {
    case HarValueType::String:
    case HarValueType::Bytes: return QLatin1String("a string");
    case HarValueType::Number:
    case HarValueType::Whole: return QLatin1String("a number");
    case HarValueType::Bool: return QLatin1String("a boolean");
    case HarValueType::Object: return QLatin1String("an object");
    case HarValueType::Array: return QLatin1String("an array");
    }
    return QLatin1String("?");
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

QLatin1String containerName(bool isArray)
{
    return QLatin1String(isArray ? "an array" : "an object");
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

} // namespace

HarSaxHandler::HarSaxHandler(const HarReadOptions &options, const char *data, std::function<qint64()> tell,
                             std::function<bool()> entryDone, Start start)
    : m_options(options), m_tell(std::move(tell)), m_entryDone(std::move(entryDone)), m_data(data)
{
    m_frames.reserve(16);
    m_validatedTo = m_tell();
    if (start == Start::Document) {
        m_frames.push_back(Frame{Node::Document, {}, {}, -1, 0, {}});
        return;
    }
    // The frames the document parse has when it is inside log.entries, so that paths, depth
    // limits and "inside an entry" all come out the same.
    m_frames.push_back(Frame{Node::Document, {}, {}, -1, 1, {}});
    m_frames.push_back(Frame{Node::Root, &m_log, {}, -1, 0, {}});
    m_frames.back().seen.set(bit(HarField::RootLog));
    m_frames.push_back(Frame{Node::Log, &m_log, "log", -1, 0, {}});
    m_frames.back().seen.set(bit(HarField::LogEntries));
    m_frames.push_back(Frame{Node::Entries, {}, "entries", -1, 0, {}, true});
}

bool HarSaxHandler::insideEntry() const
{
    return m_frames.size() > kEntryDepth && m_frames[kEntryDepth].node == Node::Entry;
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
    // Between two elements of log.entries, and not inside a skipped or copied value.
    if (m_frames.size() != kEntriesDepth + 1 || m_frames.back().node != Node::Entries || m_skipDepth > 0
        || m_captureDepth > 0 || hasError())
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
        if (const std::optional<Deviation> kind = deviationKindNamed(deviation.kind)) {
            for (QString &example : deviation.examples)
                rebaseEntryPath(example, base);
            addDeviation(*kind, deviation.count, deviation.examples);
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
    if (insideEntry()) {
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
    if (m_frames.size() == kDocumentDepth + 1)
        return fail(QStringLiteral("(root)"), QStringLiteral("expected an object with \"log\", got %1")
                                                  .arg(QLatin1String(typeName(value.type))));
    Frame &frame = m_frames.back();
    if (frame.isArray)
        return scalarElement(frame, value);
    if (frame.node == Node::CookieMap) { // a cookie's name is a key here, `_ga` included
        storeCookieMapEntry(*std::get<QList<HarCookie> *>(frame.target), m_key, value);
        return !hasError();
    }
    if (isCustomKey(m_key)) {
        captureScalar(frame, value);
        return true;
    }
    return scalarMember(frame, value);
}

// Every array the schema knows holds objects.
bool HarSaxHandler::scalarElement(Frame &array, const Scalar &value)
{
    const int index = array.nextIndex++;
    const QString what = QStringLiteral("expected an object, got %1").arg(QLatin1String(typeName(value.type)));
    if (array.node == Node::Entries) {
        m_log.skipped.append({index, pathOf(m_frames.size(), {}, index) + QStringLiteral(": ") + what});
        return true;
    }
    return fail(pathOf(m_frames.size(), {}, index), what);
}

bool HarSaxHandler::scalarMember(Frame &frame, const Scalar &value)
{
    const HarFieldSpec *spec = findField(frame.node, m_key);
    if (spec && value.type == Scalar::Null && spec->ifNull != Deviation::Count) {
        // Null where the schema tolerates it (time, timings, pages): there, but counted.
        frame.seen.set(bit(spec->field));
        deviate(spec->ifNull, m_key);
        return true;
    }
    if (spec && spec->isContainer()) {
        // A known object or array given as a scalar; null means "absent", which is tolerated
        // for optional parts (postData, browser, cache states) and reported for required ones
        // when their object closes.
        if (value.type == Scalar::Null)
            return true;
        return fail(currentPath(m_key), QStringLiteral("expected %1, got %2")
                                            .arg(expectedName(spec->type), QLatin1String(typeName(value.type))));
    }
    if (spec && value.type != Scalar::Null)
        frame.seen.set(bit(spec->field));
    storeScalar(frame, spec, value);
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
    if (parent.node == Node::Document)
        return beginDocument(isArray);
    if (parent.isArray)
        return beginElement(parent, isArray);
    if (parent.node == Node::CookieMap)
        return beginCookieMapMember(parent, isArray);
    if (isCustomKey(m_key)) {
        if (!startCapture(parent, m_key)) {
            m_skipDepth = 1;
            return true;
        }
        if (isArray)
            m_captureWriter.StartArray();
        else
            m_captureWriter.StartObject();
        m_captureDepth = 1;
        return true;
    }
    return beginMember(parent, isArray);
}

bool HarSaxHandler::beginDocument(bool isArray)
{
    ++m_frames.back().nextIndex;
    if (isArray)
        return fail(QStringLiteral("(root)"), QStringLiteral("expected an object with \"log\", got an array"));
    m_frames.push_back(Frame{Node::Root, &m_log, {}, -1, 0, {}});
    return true;
}

bool HarSaxHandler::beginElement(Frame &array, bool isArray)
{
    const Node element = *elementOf(array.node);
    const int index = array.nextIndex++;
    if (isArray) {
        const QString what = QStringLiteral("expected an object, got an array");
        m_skipDepth = 1;
        if (array.node == Node::Entries) {
            m_log.skipped.append({index, pathOf(m_frames.size(), {}, index) + QStringLiteral(": ") + what});
            return true;
        }
        return fail(pathOf(m_frames.size(), {}, index), what);
    }
    Target target = elementTarget(array, element, index);
    m_frames.push_back(Frame{element, target, {}, index, 0, {}});
    return true;
}

HarSaxHandler::Target HarSaxHandler::elementTarget(const Frame &array, Node element, int index)
{
    switch (element) {
    case Node::Page: return &m_log.pages.emplace_back();
    case Node::Entry:
        startEntry(index);
        return &m_entry;
    case Node::Cookie: return &std::get<QList<HarCookie> *>(array.target)->emplace_back();
    case Node::NameValue:
        // Without details the pair is still walked (its name is checked) but not kept.
        if (!m_options.keepDetails)
            return static_cast<HarNameValue *>(nullptr);
        return &std::get<QList<HarNameValue> *>(array.target)->emplace_back();
    case Node::Param: return &std::get<QList<HarParam> *>(array.target)->emplace_back();
    default: return {};
    }
}

void HarSaxHandler::startEntry(int index)
{
    m_entry = HarEntry{};
    m_entry.index = index;
    m_entryStart = m_tell() + m_offsetAdjust; // its '{'
    m_entryFailed = false;
    m_entryDeviations.clear();
    m_entryReason.clear();
}

// {"name": {"value": ..., "path": ...}}: a cookie object named by its key.
bool HarSaxHandler::beginCookieMapMember(Frame &map, bool isArray)
{
    if (isArray) { // nothing a cookie could be
        m_skipDepth = 1;
        deviate(Deviation::WrongType, m_key);
        return true;
    }
    HarCookie &cookie = std::get<QList<HarCookie> *>(map.target)->emplace_back();
    cookie.name = internName(m_key.data(), m_key.size());
    m_frames.push_back(Frame{Node::Cookie, &cookie, m_key, -1, 0, {}});
    return true;
}

bool HarSaxHandler::beginMember(Frame &parent, bool isArray)
{
    const HarFieldSpec *spec = findField(parent.node, m_key);
    if (!spec || !spec->isContainer())
        return beginOutsideSchema(spec, isArray);
    if (spec->child == Node::Cookies && !isArray) {
        // Internet Explorer 11 writes `"cookies": {}` or {"name": "value"}: the same cookies.
        deviate(Deviation::CookiesObject, m_key);
        Target cookies = memberTarget(parent, spec->field);
        m_frames.push_back(Frame{Node::CookieMap, cookies, m_key, -1, 0, {}});
        return true;
    }
    if ((spec->type == HarValueType::Array) != isArray) {
        m_skipDepth = 1;
        // Safari 4-era exporters write `"cache": []` for "nothing cached": that means absent.
        if (spec->child == Node::Cache && isArray)
            return true;
        return fail(currentPath(m_key),
                    QStringLiteral("expected %1, got %2").arg(expectedName(spec->type), containerName(isArray)));
    }
    parent.seen.set(bit(spec->field));
    Frame child{spec->child, memberTarget(parent, spec->field), m_key, -1, 0, {}, isArray};
    // A second "entries" array (a merged or hand-edited file) goes on counting, so every entry
    // keeps a distinct index.
    if (spec->child == Node::Entries)
        child.nextIndex = m_entriesCounted;
    m_frames.push_back(std::move(child));
    return true;
}

// An object or array where the schema has a scalar or nothing: skipped, and reported.
bool HarSaxHandler::beginOutsideSchema(const HarFieldSpec *spec, bool isArray)
{
    m_skipDepth = 1;
    if (spec && spec->presence == HarPresence::Required)
        return fail(currentPath(m_key),
                    QStringLiteral("expected %1, got %2").arg(expectedName(spec->type), containerName(isArray)));
    // Not ours to judge, but counted.
    deviate(spec ? Deviation::WrongType : Deviation::UnknownField, m_key);
    return true;
}

HarSaxHandler::Target HarSaxHandler::memberTarget(const Frame &parent, HarField field)
{
    using F = HarField;
    switch (field) {
    case F::RootLog: return &m_log;
    case F::LogCreator: return &m_log.creator;
    case F::LogBrowser: return &m_log.browser.emplace();
    case F::PagePageTimings: return std::get<HarPage *>(parent.target);
    case F::EntryRequest: return &std::get<HarEntry *>(parent.target)->request;
    case F::EntryResponse: return &std::get<HarEntry *>(parent.target)->response;
    case F::EntryCache: return &std::get<HarEntry *>(parent.target)->cache;
    case F::EntryTimings: return &std::get<HarEntry *>(parent.target)->timings;
    case F::RequestCookies: return &std::get<HarRequest *>(parent.target)->cookies;
    case F::RequestHeaders: return &std::get<HarRequest *>(parent.target)->headers;
    case F::RequestQueryString: return &std::get<HarRequest *>(parent.target)->queryString;
    case F::RequestPostData: return &std::get<HarRequest *>(parent.target)->postData.emplace();
    case F::ResponseCookies: return &std::get<HarResponse *>(parent.target)->cookies;
    case F::ResponseHeaders: return &std::get<HarResponse *>(parent.target)->headers;
    case F::ResponseContent: return &std::get<HarResponse *>(parent.target)->content;
    case F::PostDataParams: return &std::get<HarPostData *>(parent.target)->params;
    case F::CacheBeforeRequest: return &std::get<HarCache *>(parent.target)->beforeRequest.emplace();
    case F::CacheAfterRequest: return &std::get<HarCache *>(parent.target)->afterRequest.emplace();
    default: return {}; // log.pages and log.entries: their elements go to m_log and m_entry
    }
}

bool HarSaxHandler::endContainer()
{
    if (m_frames.size() <= kDocumentDepth + 1) // the root marker already closed: a stray end is RapidJSON's to report
        return true;
    if (!checkRequired(m_frames.back()))
        return false;
    const Node node = m_frames.back().node;
    const int nextIndex = m_frames.back().nextIndex;
    m_frames.pop_back();
    if (node == Node::Entries)
        m_entriesCounted = nextIndex;
    if (node == Node::Entry) {
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

// What the schema requires of the closing object (an error) or expects (a deviation).
bool HarSaxHandler::checkRequired(const Frame &frame)
{
    const std::bitset<kHarFieldCount> &checked = checkedFields(frame.node);
    if ((frame.seen & checked) == checked) // the usual case, and every object without such fields
        return true;
    const std::span<const HarFieldSpec> fields = fieldsOf(frame.node);
    for (const HarFieldSpec &spec : fields) {
        if (spec.presence == HarPresence::Required && !frame.seen.test(bit(spec.field)))
            return fail(pathOf(m_frames.size(), std::string(spec.name)), QStringLiteral("missing"));
    }
    for (const HarFieldSpec &spec : fields) {
        if (spec.presence == HarPresence::Expected && !frame.seen.test(bit(spec.field)))
            deviate(spec.ifMissing, std::string(spec.name));
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

// --- `_` fields ------------------------------------------------------------------------------

HarCustomFields *HarSaxHandler::customTarget(const Frame &frame)
{
    switch (frame.node) {
    case Node::Log: return &std::get<HarLog *>(frame.target)->custom;
    case Node::Page: return &std::get<HarPage *>(frame.target)->custom;
    case Node::Entry: return &std::get<HarEntry *>(frame.target)->custom;
    case Node::Request: return &std::get<HarRequest *>(frame.target)->custom;
    case Node::Response: return &std::get<HarResponse *>(frame.target)->custom;
    case Node::Content: return &std::get<HarContent *>(frame.target)->custom;
    case Node::Timings: return &std::get<HarTimings *>(frame.target)->custom;
    default: return nullptr;
    }
}

// false: the field is not kept (details off, or a record without custom fields).
bool HarSaxHandler::startCapture(const Frame &frame, const std::string &key)
{
    HarCustomFields *target = m_options.keepDetails ? customTarget(frame) : nullptr;
    if (!target)
        return false;
    m_captureBuffer.Clear();
    m_captureWriter.Reset(m_captureBuffer);
    m_captureTarget = target;
    m_captureName = QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
    return true;
}

void HarSaxHandler::captureScalar(const Frame &frame, const Scalar &value)
{
    if (!startCapture(frame, m_key))
        return;
    switch (value.type) {
    case Scalar::Null: m_captureWriter.Null(); break;
    case Scalar::Bool: m_captureWriter.Bool(value.boolean); break;
    case Scalar::Number:
        m_captureDepth = 1; // number() writes while capturing
        number(value.number);
        m_captureDepth = 0;
        break;
    case Scalar::String: m_captureWriter.String(value.str, static_cast<SizeType>(value.length)); break;
    }
    finishCapture();
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
    // The document and its top-level object have no name.
    for (size_t i = kLogDepth; i < frameCount && i < m_frames.size(); ++i) {
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
