// SPDX-License-Identifier: GPL-3.0-or-later
// multipart/form-data bodies: the part layout curl sends, names quoted per RFC 7578, the size
// known before the first byte, and files read as the body goes out rather than up front.
#include "core/http/body_source.h"
#include "core/http/multipart_device.h"
#include "core/http/request_builder.h"

#include "tests/support/test_support.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::http;

namespace {

QByteArray readAll(QIODevice &device, qint64 chunk)
{
    QByteArray out;
    while (!device.atEnd()) {
        const QByteArray piece = device.read(chunk);
        if (piece.isEmpty())
            break;
        out += piece;
    }
    return out;
}

} // namespace

TEST(FormData, PartsAreLaidOutAsCurlSendsThem)
{
    QTemporaryDir dir;
    const QString txt = test::writeTestFile(dir.path(), QStringLiteral("a.txt"), "hello\n");
    const QString bin = test::writeTestFile(dir.path(), QStringLiteral("we\"ird.bin"), QByteArray("\0\1", 2));
    const QByteArray b = "------------------------0123456789abcdef";
    MultipartDevice device(b, {{QStringLiteral("field"), QStringLiteral("va"), {}, {}, {}},
                               {QStringLiteral("fi\"e ld"), {}, txt, {}, {}},
                               {QStringLiteral("b"), {}, bin, {}, QStringLiteral("x/y")},
                               {QStringLiteral("c"), {}, txt, QStringLiteral("other name.txt"), {}}});
    ASSERT_TRUE(device.open(QIODevice::ReadOnly)) << device.errorString().toStdString();
    // The bytes curl 7.88 put on the wire for -F field=va -F 'fi"e ld=@a.txt'
    // -F 'b=@we"ird.bin;type=x/y' -F 'c=@a.txt;filename=other name.txt', boundary aside.
    const QByteArray expected = "--" + b + "\r\n"
                                "Content-Disposition: form-data; name=\"field\"\r\n\r\n"
                                "va\r\n"
                                "--" + b + "\r\n"
                                "Content-Disposition: form-data; name=\"fi%22e ld\"; filename=\"a.txt\"\r\n"
                                "Content-Type: text/plain\r\n\r\n"
                                "hello\n\r\n"
                                "--" + b + "\r\n"
                                "Content-Disposition: form-data; name=\"b\"; filename=\"we%22ird.bin\"\r\n"
                                "Content-Type: x/y\r\n\r\n"
                                + QByteArray("\0\1", 2) + "\r\n"
                                "--" + b + "\r\n"
                                "Content-Disposition: form-data; name=\"c\"; filename=\"other name.txt\"\r\n"
                                "Content-Type: text/plain\r\n\r\n"
                                "hello\n\r\n"
                                "--" + b + "--\r\n";
    EXPECT_EQ(device.size(), expected.size()) << "the size is known before reading";
    EXPECT_EQ(readAll(device, 7), expected) << "odd chunk sizes cross every segment edge";
    ASSERT_TRUE(device.seek(0));
    EXPECT_EQ(readAll(device, 1 << 20), expected) << "seek(0) rewinds for a resend";
}

TEST(FormData, NamesAreQuotedAndTypesGuessed)
{
    EXPECT_EQ(quotedFormName(u"a\"b\r\nc"), QByteArray("\"a%22b%0D%0Ac\""));
    EXPECT_EQ(quotedFormName(u"é"), QByteArray("\"\xc3\xa9\""));
    EXPECT_EQ(guessFileContentType(QStringLiteral("photo.JPG")), QStringLiteral("image/jpeg"));
    EXPECT_EQ(guessFileContentType(QStringLiteral("data.json")), QStringLiteral("application/json"));
    EXPECT_EQ(guessFileContentType(QStringLiteral("blob")), QStringLiteral("application/octet-stream"));
    const QByteArray boundary = newFormBoundary();
    EXPECT_TRUE(QByteArray::fromHex(boundary.mid(24)).size() == 8 && boundary.startsWith(QByteArray(24, '-')))
        << boundary.constData();
    EXPECT_NE(newFormBoundary(), boundary);
}

TEST(FormData, FilesAreReadWhenTheirBytesGoOutNotBefore)
{
    QTemporaryDir dir;
    const qint64 size = 3 * 1024 * 1024;
    const QString path = test::writeTestFile(dir.path(), QStringLiteral("big.bin"), QByteArray(size, 'a'));
    MultipartDevice device("B", {{QStringLiteral("f"), {}, path, {}, {}}});
    ASSERT_TRUE(device.open(QIODevice::ReadOnly));
    const QByteArray head = device.read(64);
    ASSERT_TRUE(head.startsWith("--B\r\n"));
    // Rewrite the file's middle after the body started: a body assembled up front would not
    // see it; a streamed one sends what the file holds when its turn comes.
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        f.seek(size / 2);
        f.write("STREAMED");
    }
    qint64 largest = 0;
    QByteArray rest;
    while (!device.atEnd()) {
        const QByteArray piece = device.read(256 * 1024);
        ASSERT_FALSE(piece.isEmpty()) << device.errorString().toStdString();
        largest = qMax(largest, piece.size());
        rest += piece;
    }
    EXPECT_TRUE(rest.contains("STREAMED"));
    EXPECT_EQ(head.size() + rest.size(), device.size());
    EXPECT_LE(largest, 256 * 1024);
}

TEST(FormData, AFileThatShrinksFailsTheBodyInsteadOfSendingLess)
{
    QTemporaryDir dir;
    const QString path = test::writeTestFile(dir.path(), QStringLiteral("f.bin"), QByteArray(1000, 'a'));
    MultipartDevice device("B", {{QStringLiteral("f"), {}, path, {}, {}}});
    ASSERT_TRUE(device.open(QIODevice::ReadOnly));
    QFile::resize(path, 10);
    const qint64 size = device.size();
    EXPECT_LT(readAll(device, 4096).size(), size);
    EXPECT_TRUE(device.errorString().contains(QStringLiteral("ended early"))) << device.errorString().toStdString();
}

TEST(FormData, TheSpecsFormIsTheBodyWithItsContentType)
{
    QTemporaryDir dir;
    RequestSpec spec;
    spec.method = "POST";
    spec.url = QUrl(QStringLiteral("http://h/up"));
    spec.setForm({{QStringLiteral("a"), QStringLiteral("1"), {}, {}, {}}});
    EXPECT_TRUE(spec.hasBody());
    QString error;
    const std::unique_ptr<QIODevice> source = openBodySource(spec, &error);
    ASSERT_TRUE(source) << error.toStdString();
    EXPECT_EQ(bodySourceSize(spec), source->size());
    const SentRequest sent = buildRequest(spec, spec.url, {source->size(), false, false});
    EXPECT_EQ(headerValue(sent.headers, "content-type"), formContentType(spec.formBoundary));
    EXPECT_EQ(headerValue(sent.headers, "content-length"), QByteArray::number(source->size()));
    // A multipart Content-Type the user typed gets the boundary it lacks, as with curl.
    spec.headers.append(Header("Content-Type", "multipart/form-data"));
    const SentRequest typed = buildRequest(spec, spec.url, {source->size(), false, false});
    EXPECT_EQ(headerValue(typed.headers, "content-type"), "multipart/form-data; boundary=" + spec.formBoundary);

    spec.setForm({{QStringLiteral("f"), {}, dir.filePath(QStringLiteral("missing")), {}, {}}});
    EXPECT_FALSE(openBodySource(spec, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("missing"))) << error.toStdString();
}
