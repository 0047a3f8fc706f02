// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_writer.h"

#include "core/har/har_number.h"
#include "core/har/rapidjson_config.h"

#include <QBuffer>
#include <QSaveFile>
#include <QSet>

#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

namespace statusscope {

namespace {

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
        key("log");
        w.StartObject();
        key("version");
        str(QStringLiteral("1.2"));
        key("creator");
        creator(log.creator);
        if (log.browser) {
            key("browser");
            creator(*log.browser);
        }
        key("pages");
        w.StartArray();
        for (const HarPage &p : log.pages)
            page(p);
        w.EndArray();
        key("entries");
        w.StartArray();
        for (const HarEntry &e : log.entries)
            entry(e);
        w.EndArray();
        comment(log.comment);
        custom(log.custom);
        w.EndObject();
        w.EndObject();
    }

private:
    void key(const char *name) { w.Key(name); }
    void str(const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        w.String(utf8.constData(), static_cast<rapidjson::SizeType>(utf8.size()));
    }
    void bytes(const QByteArray &utf8) { w.String(utf8.constData(), static_cast<rapidjson::SizeType>(utf8.size())); }
    void field(const char *name, const QString &text)
    {
        key(name);
        str(text);
    }
    void optionalField(const char *name, const QString &text)
    {
        if (!text.isEmpty())
            field(name, text);
    }
    void number(const char *name, double value)
    {
        key(name);
        // Whole numbers as integers ("12", not "12.0"), even a 1e300 ms timing read from some HAR.
        if (const std::optional<qint64> whole = har_detail::wholeNumber(value))
            w.Int64(*whole);
        else
            w.Double(value);
    }
    void comment(const QString &text) { optionalField("comment", text); }
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
        field("name", c.name);
        field("version", c.version);
        comment(c.comment);
        w.EndObject();
    }

    void page(const HarPage &p)
    {
        w.StartObject();
        field("startedDateTime", p.startedDateTime);
        field("id", p.id);
        field("title", p.title);
        key("pageTimings");
        w.StartObject();
        number("onContentLoad", p.onContentLoad);
        number("onLoad", p.onLoad);
        w.EndObject();
        comment(p.comment);
        custom(p.custom);
        w.EndObject();
    }

    void nameValues(const char *name, const QList<HarNameValue> &list)
    {
        key(name);
        w.StartArray();
        for (const HarNameValue &nv : list) {
            w.StartObject();
            field("name", nv.name);
            field("value", nv.value);
            comment(nv.comment);
            w.EndObject();
        }
        w.EndArray();
    }

    void cookies(const QList<HarCookie> &list)
    {
        key("cookies");
        w.StartArray();
        for (const HarCookie &c : list) {
            w.StartObject();
            field("name", c.name);
            field("value", c.value);
            optionalField("path", c.path);
            optionalField("domain", c.domain);
            optionalField("expires", c.expires);
            if (c.httpOnly) {
                key("httpOnly");
                w.Bool(*c.httpOnly);
            }
            if (c.secure) {
                key("secure");
                w.Bool(*c.secure);
            }
            comment(c.comment);
            w.EndObject();
        }
        w.EndArray();
    }

    void request(const HarRequest &r)
    {
        w.StartObject();
        field("method", r.method);
        field("url", r.url);
        field("httpVersion", r.httpVersion);
        cookies(r.cookies);
        nameValues("headers", r.headers);
        nameValues("queryString", r.queryString);
        if (r.postData) {
            key("postData");
            w.StartObject();
            field("mimeType", r.postData->mimeType);
            key("text");
            bytes(r.postData->text);
            if (!r.postData->params.isEmpty()) {
                key("params");
                w.StartArray();
                for (const HarParam &p : r.postData->params) {
                    w.StartObject();
                    field("name", p.name);
                    optionalField("value", p.value);
                    optionalField("fileName", p.fileName);
                    optionalField("contentType", p.contentType);
                    comment(p.comment);
                    w.EndObject();
                }
                w.EndArray();
            }
            comment(r.postData->comment);
            w.EndObject();
        }
        number("headersSize", static_cast<double>(r.headersSize));
        number("bodySize", static_cast<double>(r.bodySize));
        comment(r.comment);
        custom(r.custom);
        w.EndObject();
    }

    void response(const HarResponse &r)
    {
        w.StartObject();
        number("status", r.status);
        field("statusText", r.statusText);
        field("httpVersion", r.httpVersion);
        cookies(r.cookies);
        nameValues("headers", r.headers);
        key("content");
        w.StartObject();
        number("size", static_cast<double>(r.content.size));
        if (r.content.compression)
            number("compression", static_cast<double>(*r.content.compression));
        field("mimeType", r.content.mimeType);
        if (r.content.hasText) {
            key("text");
            bytes(r.content.text);
        }
        optionalField("encoding", r.content.encoding);
        comment(r.content.comment);
        custom(r.content.custom);
        w.EndObject();
        field("redirectURL", r.redirectUrl);
        number("headersSize", static_cast<double>(r.headersSize));
        number("bodySize", static_cast<double>(r.bodySize));
        comment(r.comment);
        custom(r.custom);
        w.EndObject();
    }

    void cacheState(const char *name, const std::optional<HarCacheState> &state)
    {
        if (!state)
            return;
        key(name);
        w.StartObject();
        optionalField("expires", state->expires);
        field("lastAccess", state->lastAccess);
        field("eTag", state->eTag);
        number("hitCount", state->hitCount);
        comment(state->comment);
        w.EndObject();
    }

    void entry(const HarEntry &e)
    {
        w.StartObject();
        optionalField("pageref", e.pageref);
        field("startedDateTime", e.startedDateTime);
        number("time", e.time);
        key("request");
        request(e.request);
        key("response");
        response(e.response);
        key("cache");
        w.StartObject();
        cacheState("beforeRequest", e.cache.beforeRequest);
        cacheState("afterRequest", e.cache.afterRequest);
        comment(e.cache.comment);
        w.EndObject();
        key("timings");
        w.StartObject();
        for (int p = 0; p < static_cast<int>(HarPhase::PhaseCount); ++p) {
            const auto phase = static_cast<HarPhase>(p);
            number(toString(phase).toLatin1().constData(), e.timings.phase(phase));
        }
        comment(e.timings.comment);
        custom(e.timings.custom);
        w.EndObject();
        optionalField("serverIPAddress", e.serverIpAddress);
        optionalField("connection", e.connection);
        comment(e.comment);
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
