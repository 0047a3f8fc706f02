// SPDX-License-Identifier: GPL-3.0-or-later
// The one curl model: the option table read by each front end (paste, `send`, `probe`), and
// CurlCommand → RequestSpec with curl's meaning of each option.
#include "core/curl/curl_options.h"
#include "core/curl/curl_request.h"

#include "tests/support/qt_printers.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using Kind = CurlCommand::BodyKind;

namespace {

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

CurlParse sendParse(const QStringList &args)
{
    return parseCurlOptions(args, CurlFront::Send);
}

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    QFile f(dir.filePath(QString::fromLatin1(name)));
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return f.fileName();
}

} // namespace

TEST(CurlOptions, EverySpellingBelongsToOneRow)
{
    QSet<QString> seen;
    for (const CurlOption &row : curlOptions()) {
        ASSERT_FALSE(row.names.isEmpty());
        EXPECT_NE(row.fronts, 0u) << row.names.first().toStdString();
        EXPECT_TRUE(row.apply) << row.names.first().toStdString();
        for (const QString &name : row.names) {
            EXPECT_TRUE(name.startsWith(QLatin1Char('-'))) << name.toStdString();
            EXPECT_FALSE(seen.contains(name)) << name.toStdString() << " is in two rows";
            seen.insert(name);
        }
        if (row.takesValue() && row.accepts(CurlFront::Send)) {
            EXPECT_FALSE(row.needs.isEmpty()) << row.names.first().toStdString() << ": a usage error needs it";
        }
    }
    // Every body kind can be written back.
    for (Kind kind : {Kind::Data, Kind::DataRaw, Kind::DataBinary, Kind::UrlEncode, Kind::Upload, Kind::Form, Kind::FormString})
        EXPECT_EQ(curlBodyOption(kind).bodyKind, kind);
}

TEST(CurlOptions, HelpListsTheRowsOfItsFrontEnd)
{
    const QString send = curlOptionsHelp(CurlFront::Send);
    EXPECT_TRUE(send.contains(QStringLiteral("  -H, --header 'Name: value'  add a header"))) << send.toStdString();
    EXPECT_TRUE(send.contains(QStringLiteral("      --http1.0               send HTTP/1.0\n"))) << send.toStdString();
    EXPECT_FALSE(send.contains(QStringLiteral("--data-raw"))) << "paste-only options are not send's";
    EXPECT_FALSE(send.contains(QStringLiteral("--http1.1"))) << "accepted, not listed";
}

TEST(CurlOptions, FrontEndsDifferOnlyWhereTheyMust)
{
    // A pasted command tolerates what curl knows and we ignore; the CLI refuses it.
    const CurlParse pasted = parseCurlOptions(words("--frobnicate -s http://x/"), CurlFront::Paste);
    EXPECT_TRUE(pasted.error.isEmpty());
    EXPECT_EQ(pasted.warnings.size(), 1);
    const CurlParse sent = sendParse(words("-s http://x/"));
    EXPECT_EQ(sent.unknownOption, QStringLiteral("-s"));
    EXPECT_FALSE(sent.error.isEmpty());
    // --name=value is the CLI's; a pasted one is an unknown option, as in curl.
    EXPECT_EQ(sendParse(words("--max-time=2.5 http://x/")).command.maxTime, 2.5);
    EXPECT_FALSE(parseCurlOptions(words("--max-time=2.5 http://x/"), CurlFront::Paste).command.maxTime);
    // The probe's --method is the table's -X.
    EXPECT_EQ(parseCurlOptions(words("--method post http://x/"), CurlFront::Probe).command.method, QStringLiteral("post"));
    EXPECT_EQ(parseCurlOptions(words("-H a:b http://x/"), CurlFront::Probe).unknownOption, QStringLiteral("-H"));
    // The CLI wants "Name: value"; a paste also takes curl's "Name;" form.
    EXPECT_EQ(sendParse(words("-H NoColon http://x/")).error, QStringLiteral("header 'NoColon' has no 'Name:'"));
    EXPECT_EQ(sendParse(words("http://x/ -X")).error, QStringLiteral("-X needs a method"));
    EXPECT_EQ(sendParse(words("http://x/ http://y/")).error, QStringLiteral("more than one URL ('http://x/' and 'http://y/')"));
    EXPECT_TRUE(sendParse(words("-XPUT -kL http://x/")).error.isEmpty()) << "short options bundle on the CLI too";
}

TEST(CurlRequest, EverySendOptionReachesTheSpec)
{
    QTemporaryDir dir;
    const QString body = writeFile(dir, "body.bin", "0123456789");
    const QString ca = writeFile(dir, "ca.pem", "-----BEGIN CERTIFICATE-----\n");
    const CurlParse parse = sendParse(
        QStringList{QStringLiteral("-X"), QStringLiteral("PATCH"), QStringLiteral("-H"), QStringLiteral("X-A: 1"),
                    QStringLiteral("-H"), QStringLiteral("User-Agent:"), QStringLiteral("--data-binary"), QLatin1Char('@') + body,
                    QStringLiteral("--expect100"), QStringLiteral("always"), QStringLiteral("--expect100-timeout"),
                    QStringLiteral("2.5"), QStringLiteral("--no-retry-417"), QStringLiteral("--http1.0"),
                    QStringLiteral("-u"), QStringLiteral("ann:s:cret"), QStringLiteral("-k"), QStringLiteral("--cacert"), ca,
                    QStringLiteral("-L"), QStringLiteral("--max-redirs"), QStringLiteral("3"),
                    QStringLiteral("--connect-timeout"), QStringLiteral("0.25"), QStringLiteral("-m"), QStringLiteral("30"),
                    QStringLiteral("-x"), QStringLiteral("proxy.local:3128"), QStringLiteral("-o"), QStringLiteral("out.bin"),
                    QStringLiteral("--lenient"), QStringLiteral("example.com/path?q=1")});
    ASSERT_TRUE(parse.error.isEmpty()) << parse.error.toStdString();
    const CurlRequest r = requestSpecFromCurl(parse.command);
    ASSERT_EQ(r.problem, CurlRequest::Problem::None) << r.error.toStdString();
    const http::RequestSpec &s = r.spec;
    EXPECT_EQ(s.method, QByteArray("PATCH"));
    EXPECT_EQ(s.url, QUrl(QStringLiteral("http://example.com/path?q=1")));
    EXPECT_EQ(s.headers, (http::HeaderList{{"X-A", "1"}, {"Content-Type", "application/x-www-form-urlencoded"}}));
    EXPECT_EQ(s.removedHeaders, QList<QByteArray>{"user-agent"});
    EXPECT_EQ(s.bodyFile, body);
    EXPECT_TRUE(s.body.isEmpty());
    EXPECT_EQ(s.expectMode, http::ExpectMode::Always);
    EXPECT_EQ(s.expect100TimeoutMs, 2500);
    EXPECT_FALSE(s.retryOn417);
    EXPECT_EQ(s.version, http::HttpVersion::Http10);
    EXPECT_EQ(s.basicUser, QStringLiteral("ann"));
    EXPECT_EQ(s.basicPassword, QStringLiteral("s:cret"));
    EXPECT_FALSE(s.verifyTls);
    EXPECT_EQ(s.caFile, ca);
    EXPECT_TRUE(s.followRedirects);
    EXPECT_EQ(s.maxRedirects, 3);
    EXPECT_EQ(s.connectTimeoutMs, 250);
    EXPECT_EQ(s.totalTimeoutMs, 30000);
    EXPECT_EQ(s.proxy, QUrl(QStringLiteral("http://proxy.local:3128")));
    EXPECT_EQ(s.outputFile, QStringLiteral("out.bin"));
    EXPECT_TRUE(s.lenientParsing);
}

TEST(CurlRequest, MethodAndContentTypeAreCurls)
{
    const auto spec = [](const char *text) { return requestSpecFromCurl(parseCurlOptions(words(text), CurlFront::Paste).command); };
    EXPECT_EQ(spec("http://x/").spec.method, QByteArray("GET"));
    EXPECT_EQ(spec("-I http://x/").spec.method, QByteArray("HEAD"));
    const CurlRequest data = spec("-d a=1 -d b=2 http://x/");
    EXPECT_EQ(data.spec.method, QByteArray("POST"));
    EXPECT_EQ(data.spec.body, QByteArray("a=1&b=2"));
    EXPECT_EQ(http::headerValue(data.spec.headers, "content-type"), QByteArray("application/x-www-form-urlencoded"));
    // The user's type wins; a removed one stays removed.
    EXPECT_EQ(http::headerValue(spec("-H Content-Type:text/plain -d x http://x/").spec.headers, "content-type"),
              QByteArray("text/plain"));
    EXPECT_FALSE(http::hasHeader(spec("-H Content-Type: -d x http://x/").spec.headers, "content-type"));
    // --data-urlencode encodes; -G moves the data into the query.
    EXPECT_EQ(spec("--data-urlencode q=a&b http://x/").spec.body, QByteArray("q=a%26b"));
    const CurlRequest get = spec("-G -d q=1 http://x/?a=2");
    EXPECT_EQ(get.spec.method, QByteArray("GET"));
    EXPECT_EQ(get.spec.url, QUrl(QStringLiteral("http://x/?a=2&q=1")));
    EXPECT_FALSE(get.spec.hasBody());
    EXPECT_TRUE(http::headerValue(spec("--compressed http://x/").spec.headers, "accept-encoding").has_value());
}

TEST(CurlRequest, UploadIsAPutWithoutAContentType)
{
    QTemporaryDir dir;
    const QString file = writeFile(dir, "report.pdf", "%PDF");
    const CurlRequest r = requestSpecFromCurl(
        parseCurlOptions({QStringLiteral("-T"), file, QStringLiteral("http://x/report.pdf")}, CurlFront::Paste).command);
    ASSERT_EQ(r.problem, CurlRequest::Problem::None) << r.error.toStdString();
    EXPECT_EQ(r.spec.method, QByteArray("PUT"));
    EXPECT_EQ(r.spec.bodyFile, file);
    EXPECT_FALSE(http::hasHeader(r.spec.headers, "content-type"));
}

TEST(CurlRequest, ProblemsSayWhatAndWhichKind)
{
    const auto problem = [](const QStringList &args) { return requestSpecFromCurl(sendParse(args).command); };
    const CurlRequest missing = problem({QStringLiteral("-d"), QStringLiteral("@/nonexistent/file"), QStringLiteral("http://x/")});
    EXPECT_EQ(missing.problem, CurlRequest::Problem::File);
    EXPECT_EQ(missing.error, QStringLiteral("cannot read body file '/nonexistent/file'"));
    EXPECT_EQ(problem({QStringLiteral("--cacert"), QStringLiteral("/nonexistent/ca.pem"), QStringLiteral("http://x/")}).problem,
              CurlRequest::Problem::File);
    EXPECT_EQ(problem({QStringLiteral("ftp://x/")}).error, QStringLiteral("'ftp://x/' is not an http:// or https:// URL"));
    EXPECT_EQ(problem({QStringLiteral("-x"), QStringLiteral("socks5://p:1080"), QStringLiteral("http://x/")}).error,
              QStringLiteral("--proxy: only http:// proxies are supported"));
    EXPECT_EQ(problem({QStringLiteral("-m"), QStringLiteral("9999999"), QStringLiteral("http://x/")}).problem,
              CurlRequest::Problem::Usage);
    EXPECT_EQ(problem({QStringLiteral("-d"), QStringLiteral("a"), QStringLiteral("-d"), QStringLiteral("@f"), QStringLiteral("http://x/")})
                  .problem,
              CurlRequest::Problem::Usage);
    EXPECT_EQ(sendParse({QStringLiteral("--max-redirs"), QStringLiteral("-1"), QStringLiteral("http://x/")}).error,
              QStringLiteral("--max-redirs needs a whole number, got '-1'"));
    EXPECT_EQ(sendParse({QStringLiteral("--expect100"), QStringLiteral("sometimes"), QStringLiteral("http://x/")}).error,
              QStringLiteral("--expect100: 'sometimes' is not auto, always or never"));
}

TEST(CurlExport, UploadGoesOutAsDashT)
{
    CurlCommand c;
    c.url = QStringLiteral("http://files.example/report.pdf");
    c.body.append({Kind::Upload, QStringLiteral("my report.pdf")});
    const QString exported = exportCurlCommand(c);
    EXPECT_EQ(exported, QStringLiteral("curl http://files.example/report.pdf -T 'my report.pdf'"));
    EXPECT_EQ(importCurlCommand(exported).command, c);
}
