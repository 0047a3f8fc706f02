// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_writer.h"

#include "core/har/har_number.h"
#include "core/har/har_schema.h"
#include "core/har/rapidjson_config.h"

#include <QBuffer>
#include <QSaveFile>
#include <QSet>

#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

namespace statusscope {

namespace {

using har_detail::HarField;
using F = HarField;

// RapidJSON output stream onto a QIODevice, through a fixed buffer.
class DeviceStream
{
public:
    using Ch = char;
    static constexpr size_t kBufferBytes = 64 * 1024;

    explicit DeviceStream(QIODevice &device) : m_device(device) { m_buffer.reserve(kBufferBytes); }
    void Put(char c)
    {
        m_buffer.push_back(c);
        if (m_buffer.size() >= kBufferBytes)
            Flush();
    }
    void Flush()
    {
        if (!m_buffer.empty() && m_device.write(m_buffer.data(), static_cast<qint64>(m_buffer.size()))
                                     != static_cast<qint64>(m_buffer.size()))
            m_failed = true;
        m_buffer.clear();
    }
    bool failed() const { return m_failed; }

private:
    QIODevice &m_device;
    std::vector<char> m_buffer;
    bool m_failed = false;
};

template<typename Writer>
class HarJsonWriter
{
public:
    explicit HarJsonWriter(Writer &writer) : w(writer) {}

    void log(const HarLog &log)
    {
        w.StartObject();
        key(F::RootLog);
        w.StartObject();
        field(F::LogVersion, QStringLiteral("1.2"));
        key(F::LogCreator);
        creator(log.creator);
        if (log.browser) {
            key(F::LogBrowser);
            creator(*log.browser);
        }
        key(F::LogPages);
        w.StartArray();
        for (const HarPage &p : log.pages)
            page(p);
        w.EndArray();
        key(F::LogEntries);
        w.StartArray();
        for (const HarEntry &e : log.entries)
            entry(e);
        w.EndArray();
        field(F::LogComment, log.comment);
        custom(log.custom);
        w.EndObject();
        w.EndObject();
    }

private:
    // Names and "leave out when empty" come from the schema the reader uses (har_schema.h).
    void key(HarField field)
    {
        const std::string_view name = har_detail::fieldName(field);
        w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    }
    void str(const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        w.String(utf8.constData(), static_cast<rapidjson::SizeType>(utf8.size()));
    }
    void bytes(const QByteArray &utf8) { w.String(utf8.constData(), static_cast<rapidjson::SizeType>(utf8.size())); }
    void field(HarField field, const QString &text)
    {
        if (text.isEmpty() && har_detail::fieldSpec(field).writeWhen == har_detail::HarEmit::WhenSet)
            return;
        key(field);
        str(text);
    }
    void number(HarField field, double value)
    {
        key(field);
        // Whole numbers as integers ("12", not "12.0"), even a 1e300 ms timing read from some HAR.
        if (const std::optional<qint64> whole = har_detail::wholeNumber(value))
            w.Int64(*whole);
        else
            w.Double(value);
    }
    void custom(const HarCustomFields &fields)
    {
        for (const HarCustomField &f : fields) {
            const QByteArray name = f.name.toUtf8();
            w.Key(name.constData(), static_cast<rapidjson::SizeType>(name.size()));
            // Kept as compact JSON by the reader: written back verbatim.
            w.RawValue(f.json.constData(), static_cast<size_t>(f.json.size()), rapidjson::kObjectType);
        }
    }

    void creator(const HarCreator &c)
    {
        w.StartObject();
        field(F::CreatorName, c.name);
        field(F::CreatorVersion, c.version);
        field(F::CreatorComment, c.comment);
        w.EndObject();
    }

    void page(const HarPage &p)
    {
        w.StartObject();
        field(F::PageStartedDateTime, p.startedDateTime);
        field(F::PageId, p.id);
        field(F::PageTitle, p.title);
        key(F::PagePageTimings);
        w.StartObject();
        number(F::PageTimingsOnContentLoad, p.onContentLoad);
        number(F::PageTimingsOnLoad, p.onLoad);
        w.EndObject();
        field(F::PageComment, p.comment);
        custom(p.custom);
        w.EndObject();
    }

    void nameValues(HarField name, const QList<HarNameValue> &list)
    {
        key(name);
        w.StartArray();
        for (const HarNameValue &nv : list) {
            w.StartObject();
            field(F::NameValueName, nv.name);
            field(F::NameValueValue, nv.value);
            field(F::NameValueComment, nv.comment);
            w.EndObject();
        }
        w.EndArray();
    }

    void cookies(HarField name, const QList<HarCookie> &list)
    {
        key(name);
        w.StartArray();
        for (const HarCookie &c : list) {
            w.StartObject();
            field(F::CookieName, c.name);
            field(F::CookieValue, c.value);
            field(F::CookiePath, c.path);
            field(F::CookieDomain, c.domain);
            field(F::CookieExpires, c.expires);
            if (c.httpOnly) {
                key(F::CookieHttpOnly);
                w.Bool(*c.httpOnly);
            }
            if (c.secure) {
                key(F::CookieSecure);
                w.Bool(*c.secure);
            }
            field(F::CookieComment, c.comment);
            w.EndObject();
        }
        w.EndArray();
    }

    void postData(const HarPostData &post)
    {
        key(F::RequestPostData);
        w.StartObject();
        field(F::PostDataMimeType, post.mimeType);
        key(F::PostDataText);
        bytes(post.text);
        if (!post.params.isEmpty()) {
            key(F::PostDataParams);
            w.StartArray();
            for (const HarParam &p : post.params) {
                w.StartObject();
                field(F::ParamName, p.name);
                field(F::ParamValue, p.value);
                field(F::ParamFileName, p.fileName);
                field(F::ParamContentType, p.contentType);
                field(F::ParamComment, p.comment);
                w.EndObject();
            }
            w.EndArray();
        }
        field(F::PostDataComment, post.comment);
        w.EndObject();
    }

    void request(const HarRequest &r)
    {
        w.StartObject();
        field(F::RequestMethod, r.method);
        field(F::RequestUrl, r.url);
        field(F::RequestHttpVersion, r.httpVersion);
        cookies(F::RequestCookies, r.cookies);
        nameValues(F::RequestHeaders, r.headers);
        nameValues(F::RequestQueryString, r.queryString);
        if (r.postData)
            postData(*r.postData);
        number(F::RequestHeadersSize, static_cast<double>(r.headersSize));
        number(F::RequestBodySize, static_cast<double>(r.bodySize));
        field(F::RequestComment, r.comment);
        custom(r.custom);
        w.EndObject();
    }

    void content(const HarContent &c)
    {
        key(F::ResponseContent);
        w.StartObject();
        number(F::ContentSize, static_cast<double>(c.size));
        if (c.compression)
            number(F::ContentCompression, static_cast<double>(*c.compression));
        field(F::ContentMimeType, c.mimeType);
        if (c.hasText) {
            key(F::ContentText);
            bytes(c.text);
        }
        field(F::ContentEncoding, c.encoding);
        field(F::ContentComment, c.comment);
        custom(c.custom);
        w.EndObject();
    }

    void response(const HarResponse &r)
    {
        w.StartObject();
        number(F::ResponseStatus, r.status);
        field(F::ResponseStatusText, r.statusText);
        field(F::ResponseHttpVersion, r.httpVersion);
        cookies(F::ResponseCookies, r.cookies);
        nameValues(F::ResponseHeaders, r.headers);
        content(r.content);
        field(F::ResponseRedirectUrl, r.redirectUrl);
        number(F::ResponseHeadersSize, static_cast<double>(r.headersSize));
        number(F::ResponseBodySize, static_cast<double>(r.bodySize));
        field(F::ResponseComment, r.comment);
        custom(r.custom);
        w.EndObject();
    }

    void cacheState(HarField name, const std::optional<HarCacheState> &state)
    {
        if (!state)
            return;
        key(name);
        w.StartObject();
        field(F::CacheStateExpires, state->expires);
        field(F::CacheStateLastAccess, state->lastAccess);
        field(F::CacheStateETag, state->eTag);
        number(F::CacheStateHitCount, state->hitCount);
        field(F::CacheStateComment, state->comment);
        w.EndObject();
    }

    void timings(const HarTimings &t)
    {
        key(F::EntryTimings);
        w.StartObject();
        for (int p = 0; p < static_cast<int>(HarPhase::PhaseCount); ++p) {
            const auto phase = static_cast<HarPhase>(p);
            number(har_detail::timingsField(phase), t.phase(phase));
        }
        field(F::TimingsComment, t.comment);
        custom(t.custom);
        w.EndObject();
    }

    void entry(const HarEntry &e)
    {
        w.StartObject();
        field(F::EntryPageref, e.pageref);
        field(F::EntryStartedDateTime, e.startedDateTime);
        number(F::EntryTime, e.time);
        key(F::EntryRequest);
        request(e.request);
        key(F::EntryResponse);
        response(e.response);
        key(F::EntryCache);
        w.StartObject();
        cacheState(F::CacheBeforeRequest, e.cache.beforeRequest);
        cacheState(F::CacheAfterRequest, e.cache.afterRequest);
        field(F::CacheComment, e.cache.comment);
        w.EndObject();
        timings(e.timings);
        field(F::EntryServerIpAddress, e.serverIpAddress);
        field(F::EntryConnection, e.connection);
        field(F::EntryComment, e.comment);
        custom(e.custom);
        w.EndObject();
    }

    Writer &w;
};

} // namespace

bool writeHar(const HarLog &log, QIODevice &device, const HarWriteOptions &options)
{
    DeviceStream stream(device);
    if (options.pretty) {
        rapidjson::PrettyWriter<DeviceStream> writer(stream);
        writer.SetIndent(' ', 2);
        HarJsonWriter<rapidjson::PrettyWriter<DeviceStream>>(writer).log(log);
    } else {
        rapidjson::Writer<DeviceStream> writer(stream);
        HarJsonWriter<rapidjson::Writer<DeviceStream>>(writer).log(log);
    }
    stream.Put('\n');
    stream.Flush();
    return !stream.failed();
}

QByteArray harToJson(const HarLog &log, const HarWriteOptions &options)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    writeHar(log, buffer, options);
    return out;
}

bool writeHarFile(const HarLog &log, const QString &path, QString *error, const HarWriteOptions &options)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    if (!writeHar(log, file, options) || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

HarLog selectEntries(const HarLog &log, const QList<int> &positions)
{
    HarLog selection;
    selection.version = log.version;
    selection.creator = log.creator;
    selection.browser = log.browser;
    selection.comment = log.comment;
    selection.custom = log.custom;
    QSet<QString> pagerefs;
    for (int position : positions) {
        if (position < 0 || position >= log.entries.size())
            continue;
        selection.entries.append(log.entries[position]);
        pagerefs.insert(log.entries[position].pageref);
    }
    for (const HarPage &page : log.pages) {
        if (pagerefs.contains(page.id))
            selection.pages.append(page);
    }
    return selection;
}

} // namespace statusscope
