// SPDX-License-Identifier: GPL-3.0-or-later
// curl's -F / --form-string in the one curl model: read by paste and `send`, mapped onto the
// spec's form, written back by Copy as cURL; and --oauth2-bearer read as the header it sends.
#include "core/curl/curl_form.h"
#include "core/curl/curl_options.h"
#include "core/curl/curl_request.h"

#include "tests/support/qt_printers.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using Kind = CurlCommand::BodyKind;

namespace {

http::FormPart text(const char *name, const char *value, const char *type = "")
{
    return {QString::fromUtf8(name), QString::fromUtf8(value), {}, {}, QString::fromUtf8(type)};
}

http::FormPart file(const char *name, const QString &path, const char *filename = "", const char *type = "")
{
    return {QString::fromUtf8(name), {}, path, QString::fromUtf8(filename), QString::fromUtf8(type)};
}

} // namespace

TEST(CurlForm, ReadsCurlsSyntax)
{
    EXPECT_EQ(parseCurlForm(QStringLiteral("a=1"), false).part, text("a", "1"));
    EXPECT_EQ(parseCurlForm(QStringLiteral("up=@/tmp/x y.png"), false).part, file("up", QStringLiteral("/tmp/x y.png")));
    EXPECT_EQ(parseCurlForm(QStringLiteral("up=@a.bin;type=image/png;filename=b.png"), false).part,
              file("up", QStringLiteral("a.bin"), "b.png", "image/png"));
    EXPECT_EQ(parseCurlForm(QStringLiteral("up=@\"we;ird\\\".bin\";filename=\"x;y\""), false).part,
              file("up", QStringLiteral("we;ird\".bin"), "x;y"));
    EXPECT_EQ(parseCurlForm(QStringLiteral("t=\"a;b\";type=text/x"), false).part, text("t", "a;b", "text/x"));
    // --form-string: nothing after '=' has a meaning.
    EXPECT_EQ(parseCurlForm(QStringLiteral("t=@not;a=file"), true).part, text("t", "@not;a=file"));
    // The name is everything before the first '=', as curl reads it.
    EXPECT_EQ(parseCurlForm(QStringLiteral("fi\"e ld=v"), false).part, text("fi\"e ld", "v"));
}

TEST(CurlForm, SaysWhatItCannotSend)
{
    EXPECT_EQ(parseCurlForm(QStringLiteral("novalue"), false).error,
              QStringLiteral("-F 'novalue' has no '=': it must be NAME=CONTENT"));
    EXPECT_TRUE(parseCurlForm(QStringLiteral("a=<file.txt"), false).error.contains(QStringLiteral("<FILE")));
    EXPECT_TRUE(parseCurlForm(QStringLiteral("a=@x,y"), false).error.contains(QStringLiteral("several files")));
    EXPECT_TRUE(parseCurlForm(QStringLiteral("a=@x;headers=X-A: 1"), false).error.contains(QStringLiteral(";headers")));
}

TEST(CurlForm, EveryPartReadsBackAsItself)
{
    const QList<http::FormPart> parts{
        text("plain", "value"),        text("semi", "a;b"),          text("at", "@not-a-file"),
        text("lt", "<not-a-file"),     text("quote", "say \"hi\""),   text("typed", "{\"a\":1}", "application/json"),
        text("empty", ""),             text("spaces", "  padded  "), file("f", QStringLiteral("/tmp/a b.txt")),
        file("f2", QStringLiteral("/tmp/we;ird,\".bin"), "other \"name\".bin", "image/png"),
    };
    for (const http::FormPart &part : parts) {
        const CurlCommand::BodyPart argument = curlFormArgument(part);
        const CurlForm back = parseCurlForm(argument.value, argument.kind == Kind::FormString);
        EXPECT_TRUE(back.error.isEmpty()) << argument.value.toStdString() << ": " << back.error.toStdString();
        EXPECT_EQ(back.part, part) << argument.value.toStdString();
    }
    EXPECT_EQ(curlFormArgument(text("at", "@x")).kind, Kind::FormString) << "-F at=@x would send the file x";
    EXPECT_EQ(curlFormArgument(text("a", "1")).value, QStringLiteral("a=1"));
}

TEST(CurlForm, PastedFormsBecomeTheSpecsForm)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("a.txt")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("hello\n");
    f.close();
    const CurlImport import = importCurlCommand(
        QStringLiteral("curl -F 'name=Ann' -F 'doc=@%1;type=text/x' --form-string 'note=@literal' http://x/up").arg(f.fileName()));
    ASSERT_TRUE(import.error.isEmpty()) << import.error.toStdString();
    EXPECT_EQ(import.command.effectiveMethod(), QStringLiteral("POST"));
    const CurlRequest request = requestSpecFromCurl(import.command);
    ASSERT_TRUE(request.error.isEmpty()) << request.error.toStdString();
    EXPECT_EQ(request.spec.form, (QList<http::FormPart>{text("name", "Ann"), file("doc", f.fileName(), "", "text/x"),
                                                         text("note", "@literal")}));
    EXPECT_TRUE(request.spec.formBoundary.startsWith(QByteArray(24, '-')));
    EXPECT_EQ(request.spec.formBoundary.size(), 40);
    EXPECT_FALSE(http::hasHeader(request.spec.headers, "content-type")) << "the request builder adds the form's";
    // Copy as cURL writes the same options back.
    const QString exported = exportCurlCommand(import.command);
    EXPECT_TRUE(exported.contains(QStringLiteral("-F name=Ann"))) << exported.toStdString();
    EXPECT_TRUE(exported.contains(QStringLiteral("--form-string note=@literal"))) << exported.toStdString();
    EXPECT_EQ(importCurlCommand(exported).command, import.command);
}

TEST(CurlForm, EachRequestGetsItsOwnBoundary)
{
    const CurlImport import = importCurlCommand(QStringLiteral("curl -F a=1 http://x/"));
    EXPECT_NE(requestSpecFromCurl(import.command).spec.formBoundary, requestSpecFromCurl(import.command).spec.formBoundary);
}

TEST(CurlForm, FrontEndsTreatUnsupportedPartsTheirWay)
{
    const CurlParse sent = parseCurlOptions({QStringLiteral("-F"), QStringLiteral("a=<x"), QStringLiteral("http://x/")}, CurlFront::Send);
    EXPECT_TRUE(sent.error.contains(QStringLiteral("<FILE"))) << sent.error.toStdString();
    const CurlParse pasted = parseCurlOptions({QStringLiteral("-F"), QStringLiteral("a=<x"), QStringLiteral("-F"),
                                               QStringLiteral("b=2"), QStringLiteral("http://x/")},
                                              CurlFront::Paste);
    EXPECT_TRUE(pasted.error.isEmpty());
    ASSERT_EQ(pasted.warnings.size(), 1);
    EXPECT_EQ(pasted.command.body, (QList<CurlCommand::BodyPart>{{Kind::Form, QStringLiteral("b=2")}}));
    // One kind of body, as curl says.
    const CurlImport mixed = importCurlCommand(QStringLiteral("curl -F a=1 -d b=2 http://x/"));
    EXPECT_EQ(requestSpecFromCurl(mixed.command).problem, CurlRequest::Problem::Usage);
    const CurlImport missing = importCurlCommand(QStringLiteral("curl -F a=@/nonexistent/f http://x/"));
    EXPECT_EQ(requestSpecFromCurl(missing.command).problem, CurlRequest::Problem::File);
}

TEST(CurlBearer, OAuth2BearerIsTheHeaderItSends)
{
    const CurlImport import = importCurlCommand(QStringLiteral("curl --oauth2-bearer abc.def http://x/"));
    ASSERT_TRUE(import.error.isEmpty());
    EXPECT_EQ(import.command.headers, (QList<QPair<QString, QString>>{{QStringLiteral("Authorization"), QStringLiteral("Bearer abc.def")}}));
    EXPECT_EQ(exportCurlCommand(import.command), QStringLiteral("curl http://x/ -H 'Authorization: Bearer abc.def'"));
    const CurlParse sent = parseCurlOptions({QStringLiteral("--oauth2-bearer"), QStringLiteral("t"), QStringLiteral("http://x/")}, CurlFront::Send);
    EXPECT_EQ(http::headerValue(requestSpecFromCurl(sent.command).spec.headers, "authorization"), QByteArray("Bearer t"));
}
