// SPDX-License-Identifier: GPL-3.0-or-later
// multipart/form-data on the wire: the engine streams a form to the scripted server, which
// records every byte; curl -F (the reference client) sends the same parts with the same layout;
// and `statusscope-cli send -F` and curl -F leave Python's own MIME parser with the same parts.
#include "tests/integration/http/scripted_helpers.h"
#include "tests/support/curl_reference.h"
#include "tests/support/python_server.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::test;

namespace {

// Reads one request, answers 100 to an Expect, reads the announced body, answers 200.
ScriptedServer::Script recordOneRequest()
{
    return [](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        const QByteArray head = peer.readHead();
        if (head.toLower().contains("expect: 100-continue"))
            peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        peer.readBytes(contentLength(head), 20000);
        peer.write(kOk);
        peer.waitForClientClose(2000);
    };
}

QByteArray boundaryOf(const QByteArray &head)
{
    const qsizetype at = head.indexOf("boundary=");
    return at < 0 ? QByteArray() : head.mid(at + 9, head.indexOf("\r\n", at) - at - 9);
}

class MultipartWire : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_small = writeTestFile(m_dir.path(), QStringLiteral("notes.txt"), "line one\r\nline two\n");
        QByteArray big(2 * 1024 * 1024 + 17, '\0');
        QRandomGenerator rng(7);
        rng.fillRange(reinterpret_cast<quint32 *>(big.data()), big.size() / 4);
        m_bigBytes = big;
        m_big = writeTestFile(m_dir.path(), QStringLiteral("scan \"1\".bin"), big);
    }

    // The body by hand, as RFC 7578 and curl lay it out.
    QByteArray expectedBody(const QByteArray &b) const
    {
        return "--" + b + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQ3 report\r\n"
               "--" + b + "\r\nContent-Disposition: form-data; name=\"notes\"; filename=\"notes.txt\"\r\n"
               "Content-Type: text/plain\r\n\r\nline one\r\nline two\n\r\n"
               "--" + b + "\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"scan %221%22.bin\"\r\n"
               "Content-Type: application/octet-stream\r\n\r\n" + m_bigBytes + "\r\n"
               "--" + b + "--\r\n";
    }

    QStringList curlFormArgs() const
    {
        return {QStringLiteral("-F"), QStringLiteral("title=Q3 report"), QStringLiteral("-F"),
                QStringLiteral("notes=@") + m_small, QStringLiteral("-F"), QStringLiteral("scan=@\"%1\"").arg(QString(m_big).replace(QLatin1Char('"'), QStringLiteral("\\\"")))};
    }

    QTemporaryDir m_dir;
    QString m_small;
    QString m_big;
    QByteArray m_bigBytes;
};

TEST_F(MultipartWire, TheEngineStreamsTheFormWithItsLengthUpFront)
{
    ScriptedServer server(recordOneRequest());
    http::RequestSpec spec;
    spec.method = "POST";
    spec.url = QUrl(server.url(QStringLiteral("/up")));
    spec.setForm({{QStringLiteral("title"), QStringLiteral("Q3 report"), {}, {}, {}},
                  {QStringLiteral("notes"), {}, m_small, {}, {}},
                  {QStringLiteral("scan"), {}, m_big, {}, {}}});
    const http::Exchange x = http::runExchange(spec);
    ASSERT_TRUE(server.waitFinished(20000));
    ASSERT_EQ(x.finalStatus(), std::optional<int>(200)) << x.error().message.toStdString();
    const http::Attempt &a = x.attempts.last();
    // Over 1 MiB: Expect: 100-continue, which needs the length before the first body byte.
    EXPECT_TRUE(a.request.expectSent);
    ASSERT_EQ(a.interim.size(), 1);
    EXPECT_EQ(a.interim.first().status, 100);

    const QByteArray received = server.received();
    const qsizetype split = received.indexOf("\r\n\r\n") + 4;
    const QByteArray head = received.left(split);
    const QByteArray body = received.mid(split);
    EXPECT_EQ(boundaryOf(head), spec.formBoundary);
    EXPECT_TRUE(head.contains("\r\nContent-Type: multipart/form-data; boundary=" + spec.formBoundary + "\r\n")) << head.constData();
    EXPECT_EQ(contentLength(head), body.size());
    EXPECT_EQ(a.request.bodySentBytes, body.size());
    EXPECT_TRUE(body == expectedBody(spec.formBoundary)) << "body differs; its first bytes: " << body.left(400).constData();
}

TEST_F(MultipartWire, CurlSendsTheSamePartLayout)
{
    ScriptedServer server(recordOneRequest());
    const CurlOutcome curl = runCurl(curlFormArgs() << server.url(QStringLiteral("/up")));
    ASSERT_TRUE(curl.ran && curl.exitCode == 0) << curl.trace.toStdString();
    ASSERT_TRUE(server.waitFinished(20000));
    const QByteArray received = server.received();
    const qsizetype split = received.indexOf("\r\n\r\n") + 4;
    const QByteArray head = received.left(split);
    const QByteArray boundary = boundaryOf(head);
    ASSERT_EQ(boundary.size(), http::newFormBoundary().size()) << "our boundaries have curl's shape: " << head.constData();
    EXPECT_TRUE(received.mid(split) == expectedBody(boundary)) << received.mid(split, 400).constData();
    EXPECT_TRUE(head.toLower().contains("expect: 100-continue")) << "curl too asks first at this size";
}

TEST_F(MultipartWire, CliAndCurlLeavePythonsParserWithTheSameParts)
{
    PythonHttpServer python;
    ASSERT_TRUE(python.start()) << python.error().toStdString();
    const QString url = python.url(QStringLiteral("/form"));
    const QString oursFile = m_dir.filePath(QStringLiteral("ours.txt"));
    const QString curlsFile = m_dir.filePath(QStringLiteral("curls.txt"));
    const ProcessResult ours = runCli(QStringList{QStringLiteral("send")} << curlFormArgs() << QStringLiteral("-o") << oursFile << url, 60000);
    ASSERT_EQ(ours.exitCode, 0) << ours.err.constData();
    // curl itself rather than runCurl, whose own -o would take the body.
    const ProcessResult curl = runProcess(QStringLiteral("/usr/bin/curl"),
                                          QStringList{QStringLiteral("-sS"), QStringLiteral("-o"), curlsFile} << curlFormArgs() << url);
    ASSERT_EQ(curl.exitCode, 0) << curl.err.constData();
    QFile a(oursFile);
    QFile b(curlsFile);
    ASSERT_TRUE(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray parts = a.readAll();
    EXPECT_EQ(parts, b.readAll());
    EXPECT_EQ(parts.count('\n'), 3) << parts.constData();
    EXPECT_TRUE(parts.startsWith("title|None|None|9|")) << parts.constData();
    EXPECT_TRUE(parts.contains("\nscan|scan %221%22.bin|application/octet-stream|2097169|")) << parts.constData();
}

} // namespace
