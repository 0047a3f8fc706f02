// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HAR 1.2 schema as StatusScope reads and writes it, in one table (har_schema.cpp): every
// field of every object, its JSON name, its type, whether its absence is an error, tolerated
// and counted, or normal, and what the reader counts when it is null. The SAX reader looks keys
// up here (known object, known scalar or unknown field; what is missing when an object
// closes), and the writer takes its names and "leave out when empty" from the same rows, so the
// two cannot disagree on a spelling. Internal to core/har.

#include "core/har/har_types.h"

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace statusscope::har_detail {

// The objects and arrays the reader keeps a frame for.
enum class HarNode : std::uint8_t {
    Document,    // before and around the top-level value
    Root,        // the top-level object, where "log" is
    Log, Creator, Pages, Page, PageTimings, Entries, Entry, Request, Response, Cookies, Cookie,
    NameValues,  // headers and queryString
    NameValue, PostData, Params, Param, Content, Cache, CacheState, Timings,
    CookieMap,   // Internet Explorer 11's `"cookies": {"name": "value", ...}`
    Count,
};

// What the reader tolerates and counts (HarDeviation::kind names them, kindName()).
enum class HarDeviationKind : std::uint8_t {
    Bom, CookiesObject, TimingsNull, TimingsMissing, TimeNull, TimeMissing, PagesNull,
    NumberAsString, BoolAsString, ValueNotString, WrongType, HttpVersionMissing, StatusZero,
    UnknownField, InvalidUtf8,
    Count, // also "none" in a table column
};
const char *kindName(HarDeviationKind kind);
std::optional<HarDeviationKind> deviationKindNamed(const QString &kind);

// One value per row of the table, grouped by the object they belong to.
enum class HarField : std::uint8_t {
    RootLog,
    LogVersion, LogCreator, LogBrowser, LogPages, LogEntries, LogComment,
    CreatorName, CreatorVersion, CreatorComment, // also "browser"
    PageStartedDateTime, PageId, PageTitle, PagePageTimings, PageComment,
    PageTimingsOnContentLoad, PageTimingsOnLoad, PageTimingsComment,
    EntryPageref, EntryStartedDateTime, EntryTime, EntryRequest, EntryResponse, EntryCache, EntryTimings,
    EntryServerIpAddress, EntryConnection, EntryComment,
    RequestMethod, RequestUrl, RequestHttpVersion, RequestCookies, RequestHeaders, RequestQueryString,
    RequestPostData, RequestHeadersSize, RequestBodySize, RequestComment,
    ResponseStatus, ResponseStatusText, ResponseHttpVersion, ResponseCookies, ResponseHeaders, ResponseContent,
    ResponseRedirectUrl, ResponseHeadersSize, ResponseBodySize, ResponseComment,
    CookieName, CookieValue, CookiePath, CookieDomain, CookieExpires, CookieHttpOnly, CookieSecure, CookieComment,
    NameValueName, NameValueValue, NameValueComment,
    PostDataMimeType, PostDataText, PostDataParams, PostDataComment,
    ParamName, ParamValue, ParamFileName, ParamContentType, ParamComment,
    ContentSize, ContentCompression, ContentMimeType, ContentText, ContentEncoding, ContentComment,
    CacheBeforeRequest, CacheAfterRequest, CacheComment,
    CacheStateExpires, CacheStateLastAccess, CacheStateETag, CacheStateHitCount, CacheStateComment,
    TimingsBlocked, TimingsDns, TimingsConnect, TimingsSsl, TimingsSend, TimingsWait, TimingsReceive,
    TimingsComment,
    Count,
};
constexpr int kHarFieldCount = static_cast<int>(HarField::Count);

enum class HarValueType : std::uint8_t {
    String,
    Bytes,  // a string kept as UTF-8 bytes (bodies)
    Number, // a double (ms)
    Whole,  // an integer (sizes, counts, status)
    Bool,
    Object,
    Array,
};

enum class HarPresence : std::uint8_t {
    Optional,
    Required, // missing (or null): the object is not HAR, its entry is skipped
    Expected, // missing: tolerated and counted as HarFieldSpec::ifMissing
};

// What the writer does with a field whose value is empty (an empty string, an unset optional,
// an empty list): write it anyway, or leave it out.
enum class HarEmit : std::uint8_t { Always, WhenSet };

struct HarFieldSpec
{
    HarField field;
    HarNode owner;
    std::string_view name;
    HarValueType type;
    HarNode child; // the node an Object or Array opens; Document for scalars
    HarPresence presence;
    HarDeviationKind ifMissing; // for Expected fields
    HarDeviationKind ifNull;    // null tolerated and counted (Count: null is just "not given")
    HarEmit writeWhen;

    bool isContainer() const { return type == HarValueType::Object || type == HarValueType::Array; }
};

const HarFieldSpec &fieldSpec(HarField field);
inline std::string_view fieldName(HarField field) { return fieldSpec(field).name; }
// The rows of one object, in table order.
std::span<const HarFieldSpec> fieldsOf(HarNode owner);
// The row for `key` in `owner`, or nullptr for a field HAR 1.2 does not define there.
const HarFieldSpec *findField(HarNode owner, std::string_view key);
// The Required and Expected fields of `owner`, by HarField: what an object must have met when
// it closes for nothing to be reported.
const std::bitset<kHarFieldCount> &checkedFields(HarNode owner);
// The node each element of an array node is; nullopt for other nodes.
std::optional<HarNode> elementOf(HarNode array);

// The timings fields in HarPhase order.
HarField timingsField(HarPhase phase);
std::optional<HarPhase> timingsPhase(HarField field);

} // namespace statusscope::har_detail
