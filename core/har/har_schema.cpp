// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_schema.h"

#include <array>

namespace statusscope::har_detail {

namespace {

using F = HarField;
using N = HarNode;
using T = HarValueType;
using D = HarDeviationKind;
constexpr D kNone = D::Count;

// Row builders: the presence, deviations and write policy that differ from "optional, written
// always" are spelled out where they apply.
constexpr HarFieldSpec scalar(F field, N owner, std::string_view name, T type, HarEmit writeWhen = HarEmit::Always)
{
    return {field, owner, name, type, N::Document, HarPresence::Optional, kNone, kNone, writeWhen};
}
constexpr HarFieldSpec optionalText(F field, N owner, std::string_view name)
{
    return scalar(field, owner, name, T::String, HarEmit::WhenSet);
}
constexpr HarFieldSpec comment(F field, N owner)
{
    return optionalText(field, owner, "comment");
}
constexpr HarFieldSpec required(F field, N owner, std::string_view name, T type)
{
    return {field, owner, name, type, N::Document, HarPresence::Required, kNone, kNone, HarEmit::Always};
}
constexpr HarFieldSpec object(F field, N owner, std::string_view name, N child, HarEmit writeWhen = HarEmit::Always)
{
    return {field, owner, name, T::Object, child, HarPresence::Optional, kNone, kNone, writeWhen};
}
constexpr HarFieldSpec array(F field, N owner, std::string_view name, N child, HarEmit writeWhen = HarEmit::Always)
{
    return {field, owner, name, T::Array, child, HarPresence::Optional, kNone, kNone, writeWhen};
}
constexpr HarFieldSpec requiredObject(F field, N owner, std::string_view name, N child, T type = T::Object)
{
    return {field, owner, name, type, child, HarPresence::Required, kNone, kNone, HarEmit::Always};
}
// Absent: tolerated and counted as `ifMissing`; null: tolerated and counted as `ifNull`.
constexpr HarFieldSpec expected(F field, N owner, std::string_view name, T type, N child, D ifMissing, D ifNull)
{
    return {field, owner, name, type, child, HarPresence::Expected, ifMissing, ifNull, HarEmit::Always};
}

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as far as the records go. Rows are
// in HarField order; within an object, in the order the writer writes them and the reader
// reports missing ones.
constexpr HarFieldSpec kSchema[] = {
    requiredObject(F::RootLog, N::Root, "log", N::Log),

    scalar(F::LogVersion, N::Log, "version", T::String),
    object(F::LogCreator, N::Log, "creator", N::Creator),
    object(F::LogBrowser, N::Log, "browser", N::Creator, HarEmit::WhenSet),
    // null pages: tolerated and counted.
    {F::LogPages, N::Log, "pages", T::Array, N::Pages, HarPresence::Optional, kNone, D::PagesNull, HarEmit::Always},
    requiredObject(F::LogEntries, N::Log, "entries", N::Entries, T::Array),
    comment(F::LogComment, N::Log),

    scalar(F::CreatorName, N::Creator, "name", T::String),
    scalar(F::CreatorVersion, N::Creator, "version", T::String),
    comment(F::CreatorComment, N::Creator),

    scalar(F::PageStartedDateTime, N::Page, "startedDateTime", T::String),
    scalar(F::PageId, N::Page, "id", T::String),
    scalar(F::PageTitle, N::Page, "title", T::String),
    object(F::PagePageTimings, N::Page, "pageTimings", N::PageTimings),
    comment(F::PageComment, N::Page),

    scalar(F::PageTimingsOnContentLoad, N::PageTimings, "onContentLoad", T::Number),
    scalar(F::PageTimingsOnLoad, N::PageTimings, "onLoad", T::Number),
    comment(F::PageTimingsComment, N::PageTimings),

    optionalText(F::EntryPageref, N::Entry, "pageref"),
    scalar(F::EntryStartedDateTime, N::Entry, "startedDateTime", T::String),
    expected(F::EntryTime, N::Entry, "time", T::Number, N::Document, D::TimeMissing, D::TimeNull),
    requiredObject(F::EntryRequest, N::Entry, "request", N::Request),
    requiredObject(F::EntryResponse, N::Entry, "response", N::Response),
    object(F::EntryCache, N::Entry, "cache", N::Cache),
    expected(F::EntryTimings, N::Entry, "timings", T::Object, N::Timings, D::TimingsMissing, D::TimingsNull),
    optionalText(F::EntryServerIpAddress, N::Entry, "serverIPAddress"),
    optionalText(F::EntryConnection, N::Entry, "connection"),
    comment(F::EntryComment, N::Entry),

    required(F::RequestMethod, N::Request, "method", T::String),
    required(F::RequestUrl, N::Request, "url", T::String),
    expected(F::RequestHttpVersion, N::Request, "httpVersion", T::String, N::Document, D::HttpVersionMissing, kNone),
    array(F::RequestCookies, N::Request, "cookies", N::Cookies),
    array(F::RequestHeaders, N::Request, "headers", N::NameValues),
    array(F::RequestQueryString, N::Request, "queryString", N::NameValues),
    object(F::RequestPostData, N::Request, "postData", N::PostData, HarEmit::WhenSet),
    scalar(F::RequestHeadersSize, N::Request, "headersSize", T::Whole),
    scalar(F::RequestBodySize, N::Request, "bodySize", T::Whole),
    comment(F::RequestComment, N::Request),

    required(F::ResponseStatus, N::Response, "status", T::Whole),
    scalar(F::ResponseStatusText, N::Response, "statusText", T::String),
    expected(F::ResponseHttpVersion, N::Response, "httpVersion", T::String, N::Document, D::HttpVersionMissing, kNone),
    array(F::ResponseCookies, N::Response, "cookies", N::Cookies),
    array(F::ResponseHeaders, N::Response, "headers", N::NameValues),
    object(F::ResponseContent, N::Response, "content", N::Content),
    scalar(F::ResponseRedirectUrl, N::Response, "redirectURL", T::String),
    scalar(F::ResponseHeadersSize, N::Response, "headersSize", T::Whole),
    scalar(F::ResponseBodySize, N::Response, "bodySize", T::Whole),
    comment(F::ResponseComment, N::Response),

    scalar(F::CookieName, N::Cookie, "name", T::String),
    scalar(F::CookieValue, N::Cookie, "value", T::String),
    optionalText(F::CookiePath, N::Cookie, "path"),
    optionalText(F::CookieDomain, N::Cookie, "domain"),
    optionalText(F::CookieExpires, N::Cookie, "expires"),
    scalar(F::CookieHttpOnly, N::Cookie, "httpOnly", T::Bool, HarEmit::WhenSet),
    scalar(F::CookieSecure, N::Cookie, "secure", T::Bool, HarEmit::WhenSet),
    comment(F::CookieComment, N::Cookie),

    required(F::NameValueName, N::NameValue, "name", T::String),
    scalar(F::NameValueValue, N::NameValue, "value", T::String),
    comment(F::NameValueComment, N::NameValue),

    scalar(F::PostDataMimeType, N::PostData, "mimeType", T::String),
    scalar(F::PostDataText, N::PostData, "text", T::Bytes),
    array(F::PostDataParams, N::PostData, "params", N::Params, HarEmit::WhenSet),
    comment(F::PostDataComment, N::PostData),

    scalar(F::ParamName, N::Param, "name", T::String),
    optionalText(F::ParamValue, N::Param, "value"),
    optionalText(F::ParamFileName, N::Param, "fileName"),
    optionalText(F::ParamContentType, N::Param, "contentType"),
    comment(F::ParamComment, N::Param),

    scalar(F::ContentSize, N::Content, "size", T::Whole),
    scalar(F::ContentCompression, N::Content, "compression", T::Whole, HarEmit::WhenSet),
    scalar(F::ContentMimeType, N::Content, "mimeType", T::String),
    scalar(F::ContentText, N::Content, "text", T::Bytes, HarEmit::WhenSet),
    optionalText(F::ContentEncoding, N::Content, "encoding"),
    comment(F::ContentComment, N::Content),

    object(F::CacheBeforeRequest, N::Cache, "beforeRequest", N::CacheState, HarEmit::WhenSet),
    object(F::CacheAfterRequest, N::Cache, "afterRequest", N::CacheState, HarEmit::WhenSet),
    comment(F::CacheComment, N::Cache),

    optionalText(F::CacheStateExpires, N::CacheState, "expires"),
    scalar(F::CacheStateLastAccess, N::CacheState, "lastAccess", T::String),
    scalar(F::CacheStateETag, N::CacheState, "eTag", T::String),
    scalar(F::CacheStateHitCount, N::CacheState, "hitCount", T::Whole),
    comment(F::CacheStateComment, N::CacheState),

    scalar(F::TimingsBlocked, N::Timings, "blocked", T::Number),
    scalar(F::TimingsDns, N::Timings, "dns", T::Number),
    scalar(F::TimingsConnect, N::Timings, "connect", T::Number),
    scalar(F::TimingsSsl, N::Timings, "ssl", T::Number),
    scalar(F::TimingsSend, N::Timings, "send", T::Number),
    scalar(F::TimingsWait, N::Timings, "wait", T::Number),
    scalar(F::TimingsReceive, N::Timings, "receive", T::Number),
    comment(F::TimingsComment, N::Timings),
};
static_assert(std::size(kSchema) == static_cast<size_t>(kHarFieldCount), "one row per HarField");

constexpr bool rowsInFieldOrder()
{
    for (size_t i = 0; i < std::size(kSchema); ++i) {
        if (static_cast<size_t>(kSchema[i].field) != i)
            return false;
        // An object's rows stand together, so that fieldsOf() is one slice.
        if (i > 0 && kSchema[i].owner != kSchema[i - 1].owner)
            for (size_t j = 0; j + 1 < i; ++j)
                if (kSchema[j].owner == kSchema[i].owner)
                    return false;
    }
    return true;
}
static_assert(rowsInFieldOrder(), "kSchema rows follow HarField and are grouped by owner");

struct Slice
{
    std::uint8_t begin = 0;
    std::uint8_t end = 0;
};

constexpr std::array<Slice, static_cast<size_t>(N::Count)> sliceByOwner()
{
    std::array<Slice, static_cast<size_t>(N::Count)> slices{};
    for (size_t i = 0; i < std::size(kSchema); ++i) {
        Slice &slice = slices[static_cast<size_t>(kSchema[i].owner)];
        if (slice.begin == slice.end)
            slice.begin = static_cast<std::uint8_t>(i);
        slice.end = static_cast<std::uint8_t>(i + 1);
    }
    return slices;
}
constexpr auto kSlices = sliceByOwner();

// Per node, its Required and Expected fields (checkedFields()).
const auto kCheckedFields = [] {
    std::array<std::bitset<kHarFieldCount>, static_cast<size_t>(N::Count)> masks;
    for (const HarFieldSpec &spec : kSchema) {
        if (spec.presence != HarPresence::Optional)
            masks[static_cast<size_t>(spec.owner)].set(static_cast<size_t>(spec.field));
    }
    return masks;
}();

constexpr F kPhaseFields[] = {F::TimingsBlocked, F::TimingsDns, F::TimingsConnect, F::TimingsSsl,
                              F::TimingsSend,    F::TimingsWait, F::TimingsReceive};
static_assert(std::size(kPhaseFields) == static_cast<size_t>(HarPhase::PhaseCount), "one field per phase");

} // namespace

const char *kindName(HarDeviationKind kind)
{
    switch (kind) {
    case D::Bom: return "bom";
    case D::CookiesObject: return "cookies_object";
    case D::TimingsNull: return "timings_null";
    case D::TimingsMissing: return "timings_missing";
    case D::TimeNull: return "time_null";
    case D::TimeMissing: return "time_missing";
    case D::PagesNull: return "pages_null";
    case D::NumberAsString: return "number_as_string";
    case D::BoolAsString: return "bool_as_string";
    case D::ValueNotString: return "value_not_string";
    case D::WrongType: return "wrong_type";
    case D::HttpVersionMissing: return "http_version_missing";
    case D::StatusZero: return "status_zero";
    case D::UnknownField: return "unknown_field";
    case D::InvalidUtf8: return "invalid_utf8";
    case D::Count: break;
    }
    return "?";
}

std::optional<HarDeviationKind> deviationKindNamed(const QString &kind)
{
    for (int k = 0; k < static_cast<int>(D::Count); ++k) {
        if (kind == QLatin1String(kindName(static_cast<D>(k))))
            return static_cast<D>(k);
    }
    return std::nullopt;
}

const HarFieldSpec &fieldSpec(HarField field)
{
    return kSchema[static_cast<size_t>(field)];
}

std::span<const HarFieldSpec> fieldsOf(HarNode owner)
{
    const Slice slice = kSlices[static_cast<size_t>(owner)];
    return {kSchema + slice.begin, kSchema + slice.end};
}

const HarFieldSpec *findField(HarNode owner, std::string_view key)
{
    const Slice slice = kSlices[static_cast<size_t>(owner)];
    // First byte and length before the whole name: most keys differ right there, and this runs
    // for every member of every object in the file.
    for (size_t i = slice.begin; i < slice.end; ++i) {
        const std::string_view name = kSchema[i].name;
        if (name.size() == key.size() && name[0] == key[0] && name == key)
            return &kSchema[i];
    }
    return nullptr;
}

const std::bitset<kHarFieldCount> &checkedFields(HarNode owner)
{
    return kCheckedFields[static_cast<size_t>(owner)];
}

std::optional<HarNode> elementOf(HarNode array)
{
    switch (array) {
    case N::Pages: return N::Page;
    case N::Entries: return N::Entry;
    case N::Cookies: return N::Cookie;
    case N::NameValues: return N::NameValue;
    case N::Params: return N::Param;
    default: return std::nullopt;
    }
}

HarField timingsField(HarPhase phase)
{
    return kPhaseFields[static_cast<size_t>(phase)];
}

std::optional<HarPhase> timingsPhase(HarField field)
{
    for (size_t p = 0; p < std::size(kPhaseFields); ++p) {
        if (kPhaseFields[p] == field)
            return static_cast<HarPhase>(p);
    }
    return std::nullopt;
}

} // namespace statusscope::har_detail
