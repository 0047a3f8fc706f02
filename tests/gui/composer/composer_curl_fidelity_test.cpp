// SPDX-License-Identifier: GPL-3.0-or-later
// "Copy as cURL" must say what the composer really sends. The composer sends a request to a
// loopback nginx through the engine; the real curl then runs the copied command against the
// same nginx with --trace-ascii; method, headers (all but User-Agent, which names each client)
// and body bytes must be the same.
#include "core/curl/shell_words.h"
#include "core/http/http_engine.h"
#include "tests/support/curl_reference.h"
#include "tests/support/nginx_server.h"
#include "ui/composer/composer_widget.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::ui::BodyMode;
using statusscope::ui::ComposerState;
using statusscope::ui::ComposerWidget;

namespace {

// A body curl -d @file would change (it drops CR and LF) and the bytes a trace shows as '.'.
const QByteArray kFileBody = QByteArrayLiteral("first line\r\nsecond: 100% \"quoted\" & more\n\ttab\x01 end");

QList<QByteArray> headerLines(const http::HeaderList &headers)
{
    QList<QByteArray> lines;
    for (const http::Header &h : headers) {
        if (h.first.compare("User-Agent", Qt::CaseInsensitive) != 0)
            lines << (h.first + ": " + h.second).toLower();
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

QList<QByteArray> curlHeaderLines(const QList<QByteArray> &sent)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : sent) {
        if (!line.toLower().startsWith("user-agent:"))
            lines << line.toLower();
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

class CopyAsCurlFidelity : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_nginx.start()) << m_nginx.error().toStdString();
        ASSERT_TRUE(m_dir.isValid());
        QFile f(m_dir.filePath(QStringLiteral("body file.bin")));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(kFileBody);
        m_bodyFile = f.fileName();
    }

    // Sends `state` through the engine and its "Copy as cURL" through curl; compares.
    void expectSameRequest(const ComposerState &state)
    {
        ComposerWidget composer;
        composer.setState(state);
        const ui::SpecResult built = ui::requestSpecFromState(composer.state());
        ASSERT_TRUE(built.error.isEmpty()) << built.error.toStdString();
        const http::Exchange ours = http::runExchange(built.spec);
        ASSERT_FALSE(ours.attempts.isEmpty());
        const http::SentRequest &sent = ours.attempts.first().request;

        const QString exported = composer.curlCommand(ShellDialect::Posix);
        const ShellWords words = splitShellWords(exported, ShellDialect::Posix);
        ASSERT_TRUE(words.error.isEmpty()) << words.error.toStdString();
        const test::CurlOutcome curl = test::runCurl(words.words.mid(1)); // without "curl"
        ASSERT_TRUE(curl.ran) << exported.toStdString();
        const std::string context = exported.toStdString() + "\n" + curl.trace.toStdString();

        EXPECT_EQ(curl.requestLine, sent.method + ' ' + sent.target + " HTTP/1.1") << context;
        EXPECT_EQ(curlHeaderLines(curl.sentHeaders), headerLines(sent.headers)) << context;
        EXPECT_EQ(curl.bodySentBytes, kFileBody.size()) << context;
        EXPECT_EQ(sent.bodySentBytes, kFileBody.size());
        EXPECT_EQ(curl.sentBody, test::traceAsciiRendering(kFileBody)) << context;
        EXPECT_EQ(curl.finalStatus, ours.finalStatus().value_or(-1)) << context;
    }

    ComposerState fileState(const QString &method, const QString &path) const
    {
        ComposerState s;
        s.method = method;
        s.url = m_nginx.url(path);
        s.bodyMode = BodyMode::File;
        s.bodyFile = m_bodyFile;
        s.headers = {{QStringLiteral("X-Trace"), QStringLiteral("fidelity"), true}};
        return s;
    }

    test::NginxServer m_nginx;
    QTemporaryDir m_dir;
    QString m_bodyFile;
};

TEST_F(CopyAsCurlFidelity, FileBodyWithPut)
{
    const ComposerState s = fileState(QStringLiteral("PUT"), QStringLiteral("/upload"));
    ComposerWidget composer;
    composer.setState(s);
    EXPECT_TRUE(composer.curlCommand(ShellDialect::Posix).contains(QStringLiteral("-T "))) << "streamed, as we do";
    expectSameRequest(s);
}

TEST_F(CopyAsCurlFidelity, FileBodyWithPost)
{
    expectSameRequest(fileState(QStringLiteral("POST"), QStringLiteral("/upload")));
}

TEST_F(CopyAsCurlFidelity, FileBodyWithTheUsersContentType)
{
    ComposerState s = fileState(QStringLiteral("POST"), QStringLiteral("/upload"));
    s.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/octet-stream"), true});
    expectSameRequest(s);
}

// curl -T would append the file's name to a URL that ends in '/': the copy uses
// --data-binary @file there, with curl's own Content-Type removed.
TEST_F(CopyAsCurlFidelity, FileBodyToAUrlEndingInASlash)
{
    const ComposerState s = fileState(QStringLiteral("PUT"), QStringLiteral("/"));
    ComposerWidget composer;
    composer.setState(s);
    const QString exported = composer.curlCommand(ShellDialect::Posix);
    EXPECT_TRUE(exported.contains(QStringLiteral("--data-binary"))) << exported.toStdString();
    EXPECT_TRUE(exported.contains(QStringLiteral("-H Content-Type:"))) << exported.toStdString();
    expectSameRequest(s);
}

} // namespace
