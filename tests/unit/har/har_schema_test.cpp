// SPDX-License-Identifier: GPL-3.0-or-later
// The schema table the HAR reader and writer share: every row is found under its own object,
// the writer's names are the ones the reader knows, and each Required or Expected row has the
// consequence the table gives it when the field is taken out of a file.
#include "core/har/har_reader.h"
#include "core/har/har_schema.h"
#include "core/har/har_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace statusscope;
using namespace statusscope::har_detail;

namespace {

// Every field of every record set to something other than its default, so that the writer
// writes each one (nothing is "left out when empty").
HarLog everyFieldSet()
{
    HarLog log;
    log.version = QStringLiteral("1.2");
    log.creator = {QStringLiteral("maker"), QStringLiteral("2"), QStringLiteral("creator note")};
    log.browser = HarCreator{QStringLiteral("browser"), QStringLiteral("3"), QStringLiteral("browser note")};
    log.comment = QStringLiteral("log note");
    HarPage page;
    page.id = QStringLiteral("page_1");
    page.title = QStringLiteral("Title");
    page.startedDateTime = QStringLiteral("2026-11-20T10:00:00.000Z");
    page.startedMs = parseHarTime(page.startedDateTime);
    page.onContentLoad = 12;
    page.onLoad = 34;
    page.comment = QStringLiteral("page note");
    log.pages = {page};

    HarEntry e;
    e.index = 0;
    e.pageref = QStringLiteral("page_1");
    e.startedDateTime = QStringLiteral("2026-11-20T10:00:01.000Z");
    e.startedMs = parseHarTime(e.startedDateTime);
    e.time = 50;
    e.serverIpAddress = QStringLiteral("192.0.2.1");
    e.connection = QStringLiteral("443");
    e.comment = QStringLiteral("entry note");
    HarRequest &rq = e.request;
    rq.method = QStringLiteral("POST");
    rq.url = QStringLiteral("https://example.test/form?q=1");
    rq.httpVersion = QStringLiteral("HTTP/1.1");
    rq.cookies = {HarCookie{QStringLiteral("sid"), QStringLiteral("abc"), QStringLiteral("/"),
                            QStringLiteral("example.test"), QStringLiteral("2027-01-01T00:00:00.000Z"), true, false,
                            QStringLiteral("cookie note")}};
    rq.headers = {HarNameValue{QStringLiteral("Accept"), QStringLiteral("*/*"), QStringLiteral("header note")}};
    rq.queryString = {HarNameValue{QStringLiteral("q"), QStringLiteral("1"), QStringLiteral("query note")}};
    HarPostData post;
    post.mimeType = QStringLiteral("multipart/form-data");
    post.text = "a=b";
    post.params = {HarParam{QStringLiteral("file"), QStringLiteral("v"), QStringLiteral("f.txt"),
                            QStringLiteral("text/plain"), QStringLiteral("param note")}};
    post.comment = QStringLiteral("post note");
    rq.postData = post;
    rq.headersSize = 100;
    rq.bodySize = 3;
    rq.comment = QStringLiteral("request note");
    HarResponse &rs = e.response;
    rs.status = 201;
    rs.statusText = QStringLiteral("Created");
    rs.httpVersion = QStringLiteral("HTTP/1.1");
    rs.cookies = rq.cookies;
    rs.headers = {HarNameValue{QStringLiteral("Server"), QStringLiteral("test"), {}}};
    rs.content.size = 2;
    rs.content.compression = 1;
    rs.content.mimeType = QStringLiteral("application/json");
    rs.content.text = "e30=";
    rs.content.hasText = true;
    rs.content.encoding = QStringLiteral("base64");
    rs.content.comment = QStringLiteral("content note");
    rs.redirectUrl = QStringLiteral("https://example.test/next");
    rs.headersSize = 80;
    rs.bodySize = 2;
    rs.comment = QStringLiteral("response note");
    const HarCacheState state{QStringLiteral("2027-01-01T00:00:00.000Z"), QStringLiteral("2026-11-20T09:00:00.000Z"),
                              QStringLiteral("\"etag\""), 4, QStringLiteral("state note")};
    e.cache.beforeRequest = state;
    e.cache.afterRequest = state;
    e.cache.comment = QStringLiteral("cache note");
    for (int p = 0; p < static_cast<int>(HarPhase::PhaseCount); ++p)
        e.timings.setPhase(static_cast<HarPhase>(p), p + 1);
    e.timings.comment = QStringLiteral("timings note");
    log.entries = {e};
    return log;
}

// Where the first object of each node stands in the document everyFieldSet() writes.
const std::map<HarNode, QStringList> kObjectPath = {
    {HarNode::Root, {}},
    {HarNode::Log, {QStringLiteral("log")}},
    {HarNode::Entry, {QStringLiteral("log"), QStringLiteral("entries"), QStringLiteral("0")}},
    {HarNode::Request, {QStringLiteral("log"), QStringLiteral("entries"), QStringLiteral("0"), QStringLiteral("request")}},
    {HarNode::Response,
     {QStringLiteral("log"), QStringLiteral("entries"), QStringLiteral("0"), QStringLiteral("response")}},
    {HarNode::NameValue,
     {QStringLiteral("log"), QStringLiteral("entries"), QStringLiteral("0"), QStringLiteral("request"),
      QStringLiteral("headers"), QStringLiteral("0")}},
};

// `value` with the member `name` removed from the object at `path`.
QJsonValue without(const QJsonValue &value, QStringList path, const QString &name)
{
    if (path.isEmpty()) {
        QJsonObject object = value.toObject();
        object.remove(name);
        return object;
    }
    const QString step = path.takeFirst();
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const int index = step.toInt();
        array[index] = without(array[index], path, name);
        return array;
    }
    QJsonObject object = value.toObject();
    object[step] = without(object[step], path, name);
    return object;
}

QString jsonPath(const QStringList &path, std::string_view name)
{
    QString text;
    for (const QString &step : path) {
        bool isIndex = false;
        step.toInt(&isIndex);
        text += isIndex ? QStringLiteral("[%1]").arg(step) : (text.isEmpty() ? step : QLatin1Char('.') + step);
    }
    const QString leaf = QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
    return text.isEmpty() ? leaf : text + QLatin1Char('.') + leaf;
}

} // namespace

TEST(HarSchema, EveryRowIsFoundUnderItsOwnObjectAndNamesAreUniqueThere)
{
    std::map<HarNode, std::set<std::string_view>> names;
    for (int f = 0; f < kHarFieldCount; ++f) {
        const HarFieldSpec &spec = fieldSpec(static_cast<HarField>(f));
        SCOPED_TRACE(std::string(spec.name));
        EXPECT_EQ(static_cast<int>(spec.field), f);
        EXPECT_EQ(findField(spec.owner, spec.name), &spec);
        EXPECT_TRUE(names[spec.owner].insert(spec.name).second) << "duplicate name";
        EXPECT_EQ(spec.isContainer(), spec.child != HarNode::Document);
        if (spec.presence == HarPresence::Expected) {
            EXPECT_NE(spec.ifMissing, HarDeviationKind::Count);
        }
        EXPECT_TRUE(checkedFields(spec.owner).test(static_cast<size_t>(f))
                    == (spec.presence != HarPresence::Optional));
    }
    for (const auto &[owner, ownerNames] : names) {
        EXPECT_EQ(fieldsOf(owner).size(), ownerNames.size());
        for (const HarFieldSpec &spec : fieldsOf(owner))
            EXPECT_EQ(spec.owner, owner);
    }
    EXPECT_EQ(findField(HarNode::Entry, "priority"), nullptr);
    EXPECT_EQ(findField(HarNode::Request, "status"), nullptr);
}

// The writer's names are the reader's: a log with every field set comes back whole, and the
// reader meets no field it does not know and misses none it expects.
TEST(HarSchema, WhatTheWriterWritesTheReaderReadsWithoutDeviations)
{
    const HarLog log = everyFieldSet();
    const QByteArray written = harToJson(log, {false});
    const HarReadResult again = readHarData(written);
    ASSERT_TRUE(again.ok()) << again.error.describe().toStdString();
    EXPECT_TRUE(again.log.deviations.isEmpty()) << again.log.deviations.value(0).kind.toStdString() << " at "
                                                << again.log.deviations.value(0).examples.join(u' ').toStdString();
    EXPECT_EQ(again.log.entries, log.entries);
    EXPECT_EQ(again.log.pages, log.pages);
    EXPECT_EQ(again.log.creator, log.creator);
    EXPECT_EQ(again.log.browser, log.browser);
    EXPECT_EQ(again.log.comment, log.comment);
    // Each name in the table appears in what the writer wrote (bar the pageTimings comment,
    // which HarPage does not keep).
    for (int f = 0; f < kHarFieldCount; ++f) {
        const auto field = static_cast<HarField>(f);
        if (field == HarField::PageTimingsComment)
            continue;
        const std::string_view name = fieldName(field);
        const QByteArray quoted = '"' + QByteArray(name.data(), static_cast<qsizetype>(name.size())) + "\":";
        EXPECT_TRUE(written.contains(quoted)) << std::string(name);
    }
}

// Taking out a Required field is an error at its path (inside an entry: the entry is skipped
// with that reason); taking out an Expected one is counted as the table's deviation.
TEST(HarSchema, AMissingFieldHasTheConsequenceTheTableGivesIt)
{
    const QJsonDocument complete = QJsonDocument::fromJson(harToJson(everyFieldSet(), {false}));
    ASSERT_TRUE(complete.isObject());
    int checked = 0;
    for (int f = 0; f < kHarFieldCount; ++f) {
        const HarFieldSpec &spec = fieldSpec(static_cast<HarField>(f));
        if (spec.presence == HarPresence::Optional)
            continue;
        SCOPED_TRACE(std::string(spec.name));
        const auto path = kObjectPath.find(spec.owner);
        ASSERT_NE(path, kObjectPath.end()) << "no test document path for this object";
        const QString name = QString::fromLatin1(spec.name.data(), static_cast<qsizetype>(spec.name.size()));
        const QByteArray json =
            QJsonDocument(without(complete.object(), path->second, name).toObject()).toJson(QJsonDocument::Compact);
        const HarReadResult result = readHarData(json);
        const QString where = jsonPath(path->second, spec.name);
        const bool inEntry = path->second.size() > 2;
        if (spec.presence == HarPresence::Required && !inEntry) {
            EXPECT_EQ(result.error.status, HarReadStatus::NotHar);
            EXPECT_EQ(result.error.jsonPath, where);
            EXPECT_EQ(result.error.message, QStringLiteral("missing"));
        } else if (spec.presence == HarPresence::Required) {
            ASSERT_TRUE(result.ok()) << result.error.describe().toStdString();
            EXPECT_TRUE(result.log.entries.isEmpty());
            ASSERT_EQ(result.log.skipped.size(), 1);
            EXPECT_EQ(result.log.skipped[0].reason, where + QStringLiteral(": missing"));
        } else {
            ASSERT_TRUE(result.ok()) << result.error.describe().toStdString();
            ASSERT_EQ(result.log.entries.size(), 1);
            ASSERT_EQ(result.log.deviations.size(), 1);
            EXPECT_EQ(result.log.deviations[0].kind, QLatin1String(kindName(spec.ifMissing)));
            EXPECT_EQ(result.log.deviations[0].examples, QStringList{where});
        }
        ++checked;
    }
    // log, entries, request, response, time, timings, method, url, status, name, two httpVersions
    EXPECT_EQ(checked, 12);
}
