// SPDX-License-Identifier: GPL-3.0-or-later
// HarSaxHandler: a scalar of a known field into its record, converted and checked as the
// schema's type says (har_sax_handler.h for the whole picture).
#include "core/har/har_sax_handler.h"

#include "core/har/har_number.h"

#include <QLocale>

#include <limits>
#include <string_view>

namespace statusscope::har_detail {

using F = HarField;

void HarSaxHandler::storeScalar(Frame &frame, const HarFieldSpec *spec, const Scalar &value)
{
    const std::string &key = m_key;
    if (!spec) {
        unknownField(key);
        return;
    }
    const HarField field = spec->field;
    switch (frame.node) {
    case Node::Log: storeLog(*std::get<HarLog *>(frame.target), field, key, value); break;
    case Node::Creator: storeCreator(*std::get<HarCreator *>(frame.target), field, key, value); break;
    case Node::Page: storePage(*std::get<HarPage *>(frame.target), field, key, value); break;
    case Node::PageTimings: storePageTimings(*std::get<HarPage *>(frame.target), field, key, value); break;
    case Node::Entry: storeEntry(*std::get<HarEntry *>(frame.target), field, key, value); break;
    case Node::Request: storeRequest(*std::get<HarRequest *>(frame.target), field, key, value); break;
    case Node::Response: storeResponse(*std::get<HarResponse *>(frame.target), field, key, value); break;
    case Node::Cookie: storeCookie(*std::get<HarCookie *>(frame.target), field, key, value); break;
    case Node::NameValue: storeNameValue(std::get<HarNameValue *>(frame.target), field, key, value); break;
    case Node::PostData: storePostData(*std::get<HarPostData *>(frame.target), field, key, value); break;
    case Node::Param: storeParam(*std::get<HarParam *>(frame.target), field, key, value); break;
    case Node::Content: storeContent(*std::get<HarContent *>(frame.target), field, key, value); break;
    case Node::Cache: storeCache(*std::get<HarCache *>(frame.target), field, key, value); break;
    case Node::CacheState: storeCacheState(*std::get<HarCacheState *>(frame.target), field, key, value); break;
    case Node::Timings: storeTimings(*std::get<HarTimings *>(frame.target), field, key, value); break;
    default: break; // the schema gives the other nodes no scalar fields
    }
}

void HarSaxHandler::storeLog(HarLog &log, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::LogVersion: wantString(key, value, log.version); break;
    case F::LogComment: wantString(key, value, log.comment); break;
    default: break;
    }
}

// Also "browser", which HAR 1.2 defines like "creator".
void HarSaxHandler::storeCreator(HarCreator &creator, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::CreatorName: wantString(key, value, creator.name); break;
    case F::CreatorVersion: wantString(key, value, creator.version); break;
    case F::CreatorComment: wantString(key, value, creator.comment); break;
    default: break;
    }
}

void HarSaxHandler::storePage(HarPage &page, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::PageId: wantString(key, value, page.id); break;
    case F::PageTitle: wantString(key, value, page.title); break;
    case F::PageStartedDateTime:
        if (wantString(key, value, page.startedDateTime))
            page.startedMs = parseHarTime(page.startedDateTime);
        break;
    case F::PageComment: wantString(key, value, page.comment); break;
    default: break;
    }
}

// A pageTimings comment is not kept (HarPage has one comment, the page's).
void HarSaxHandler::storePageTimings(HarPage &page, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::PageTimingsOnContentLoad: wantNumber(key, value, page.onContentLoad); break;
    case F::PageTimingsOnLoad: wantNumber(key, value, page.onLoad); break;
    default: break;
    }
}

void HarSaxHandler::storeEntry(HarEntry &entry, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::EntryPageref: wantString(key, value, entry.pageref); break;
    case F::EntryStartedDateTime: wantString(key, value, entry.startedDateTime); break;
    case F::EntryTime: wantNumber(key, value, entry.time); break; // null: counted by the schema's row
    case F::EntryServerIpAddress: wantString(key, value, entry.serverIpAddress); break;
    case F::EntryConnection: wantString(key, value, entry.connection); break;
    case F::EntryComment: wantString(key, value, entry.comment); break;
    default: break;
    }
}

void HarSaxHandler::storeRequest(HarRequest &request, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::RequestMethod: wantStrictString(key, value, request.method); break;
    case F::RequestUrl: wantStrictString(key, value, request.url); break;
    case F::RequestHttpVersion: wantString(key, value, request.httpVersion); break;
    case F::RequestHeadersSize: wantInt64(key, value, request.headersSize); break;
    case F::RequestBodySize: wantInt64(key, value, request.bodySize); break;
    case F::RequestComment: wantString(key, value, request.comment); break;
    default: break;
    }
}

void HarSaxHandler::storeResponse(HarResponse &response, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::ResponseStatus: storeStatus(response, key, value); break;
    case F::ResponseStatusText: wantString(key, value, response.statusText); break;
    case F::ResponseHttpVersion: wantString(key, value, response.httpVersion); break;
    case F::ResponseRedirectUrl: wantString(key, value, response.redirectUrl); break;
    case F::ResponseHeadersSize: wantInt64(key, value, response.headersSize); break;
    case F::ResponseBodySize: wantInt64(key, value, response.bodySize); break;
    case F::ResponseComment: wantString(key, value, response.comment); break;
    default: break;
    }
}

void HarSaxHandler::storeStatus(HarResponse &response, const std::string &key, const Scalar &value)
{
    double status = 0;
    if (value.type == Scalar::Null) {
        typeError(key, "a number", value);
        return;
    }
    if (!wantNumber(key, value, status))
        return;
    // (Range first: converting 7e97 to int is undefined; found by fuzz_har.)
    if (status < 0 || status > 999 || status != static_cast<int>(status))
        fail(currentPath(key), QStringLiteral("not a status code: %1").arg(status));
    else
        response.status = static_cast<int>(status);
    // Chrome and Firefox write 0 for a request that got no response (blocked, aborted,
    // failed): kept, it is what the views show as "no response".
    if (status == 0)
        deviate(Deviation::StatusZero, key);
}

void HarSaxHandler::storeCookie(HarCookie &cookie, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::CookieName:
        if (value.type == Scalar::String)
            cookie.name = internName(value.str, value.length);
        else
            wantString(key, value, cookie.name);
        break;
    case F::CookieValue: wantString(key, value, cookie.value); break;
    case F::CookiePath: wantString(key, value, cookie.path); break;
    case F::CookieDomain: wantString(key, value, cookie.domain); break;
    case F::CookieExpires: wantString(key, value, cookie.expires); break;
    case F::CookieHttpOnly: wantBool(key, value, cookie.httpOnly); break;
    case F::CookieSecure: wantBool(key, value, cookie.secure); break;
    case F::CookieComment: wantString(key, value, cookie.comment); break;
    default: break;
    }
}

// IE11: {"name": "value"}.
void HarSaxHandler::storeCookieMapEntry(QList<HarCookie> &cookies, const std::string &key, const Scalar &value)
{
    HarCookie &cookie = cookies.emplace_back();
    cookie.name = internName(key.data(), key.size());
    wantString(key, value, cookie.value);
}

// pair null: not kept (keepDetails off), only checked, with the same counts.
void HarSaxHandler::storeNameValue(HarNameValue *pair, HarField field, const std::string &key, const Scalar &value)
{
    if (!pair) {
        checkNameValue(field, key, value);
        return;
    }
    switch (field) {
    case F::NameValueName:
        if (value.type == Scalar::String)
            pair->name = internName(value.str, value.length);
        else if (value.type == Scalar::Null)
            typeError(key, "a string", value);
        else
            wantString(key, value, pair->name);
        break;
    case F::NameValueValue: wantString(key, value, pair->value); break;
    case F::NameValueComment: wantString(key, value, pair->comment); break;
    default: break;
    }
}

void HarSaxHandler::checkNameValue(HarField field, const std::string &key, const Scalar &value)
{
    if (field == F::NameValueName && value.type == Scalar::Null)
        typeError(key, "a string", value);
    else if (field == F::NameValueName ? value.type != Scalar::String
                                       : value.type == Scalar::Number || value.type == Scalar::Bool)
        deviate(Deviation::ValueNotString, key);
}

void HarSaxHandler::storePostData(HarPostData &post, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::PostDataMimeType: wantString(key, value, post.mimeType); break;
    case F::PostDataText: wantBytes(key, value, m_options.keepBodies ? &post.text : nullptr); break;
    case F::PostDataComment: wantString(key, value, post.comment); break;
    default: break;
    }
}

void HarSaxHandler::storeParam(HarParam &param, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::ParamName: wantString(key, value, param.name); break;
    case F::ParamValue: wantString(key, value, param.value); break;
    case F::ParamFileName: wantString(key, value, param.fileName); break;
    case F::ParamContentType: wantString(key, value, param.contentType); break;
    case F::ParamComment: wantString(key, value, param.comment); break;
    default: break;
    }
}

void HarSaxHandler::storeContent(HarContent &content, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::ContentSize: wantInt64(key, value, content.size); break;
    case F::ContentCompression: {
        qint64 compression = 0;
        if (value.type != Scalar::Null && wantInt64(key, value, compression))
            content.compression = compression;
        break;
    }
    case F::ContentMimeType: wantString(key, value, content.mimeType); break;
    case F::ContentText:
        if (value.type != Scalar::Null)
            content.hasText = true;
        wantBytes(key, value, m_options.keepBodies ? &content.text : nullptr);
        break;
    case F::ContentEncoding: wantString(key, value, content.encoding); break;
    case F::ContentComment: wantString(key, value, content.comment); break;
    default: break;
    }
}

void HarSaxHandler::storeCache(HarCache &cache, HarField field, const std::string &key, const Scalar &value)
{
    if (field == F::CacheComment)
        wantString(key, value, cache.comment);
}

void HarSaxHandler::storeCacheState(HarCacheState &state, HarField field, const std::string &key, const Scalar &value)
{
    switch (field) {
    case F::CacheStateExpires: wantString(key, value, state.expires); break;
    case F::CacheStateLastAccess: wantString(key, value, state.lastAccess); break;
    case F::CacheStateETag: wantString(key, value, state.eTag); break;
    case F::CacheStateComment: wantString(key, value, state.comment); break;
    case F::CacheStateHitCount: {
        qint64 hits = 0;
        if (wantWhole(key, value, 0, std::numeric_limits<int>::max(), hits))
            state.hitCount = static_cast<int>(hits);
        break;
    }
    default: break;
    }
}

void HarSaxHandler::storeTimings(HarTimings &timings, HarField field, const std::string &key, const Scalar &value)
{
    if (const std::optional<HarPhase> phase = timingsPhase(field)) {
        double ms = -1;
        if (wantNumber(key, value, ms))
            timings.setPhase(*phase, ms);
    } else if (field == F::TimingsComment) {
        wantString(key, value, timings.comment);
    }
}

// --- conversions -----------------------------------------------------------------------------

// method and url: only a string will do (a number there is not a request line).
bool HarSaxHandler::wantStrictString(const std::string &key, const Scalar &value, QString &out)
{
    if (value.type != Scalar::String) {
        typeError(key, "a string", value);
        return false;
    }
    return wantString(key, value, out);
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

} // namespace statusscope::har_detail
