// SPDX-License-Identifier: GPL-3.0-or-later
// Security: the composer never follows an https → http redirect silently. The engine
// stops at the hop with a finding; the composer asks; only "Follow anyway" sends it again and
// reaches the plain-HTTP server.
#include "tests/gui/composer/gui_wait.h"
#include "tests/support/scripted_replies.h"
#include "tests/support/scripted_server.h"
#include "tests/support/test_certificates.h"
#include "ui/composer/composer_widget.h"
#include "ui/timeline/timeline_view.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace statusscope;
using namespace statusscope::test;

namespace {

TEST(DowngradePrompt, TheComposerStopsAsksAndFollowsOnlyWhenTold)
{
    QTemporaryDir dir;
    const TestCertificate cert = makeSelfSigned(dir.path(), QStringLiteral("localhost"), QStringLiteral("localhost"),
                                                {QStringLiteral("DNS:localhost")});
    ASSERT_TRUE(cert.error.isEmpty()) << cert.error.toStdString();
    ScriptedServer plain(answerEveryRequest("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nplain"));
    ScriptedServer tls(answerEveryRequest("HTTP/1.1 301 Moved\r\nLocation: " + plain.url(QStringLiteral("/landing")).toLatin1()
                              + "\r\nContent-Length: 0\r\n\r\n"),
                       TlsIdentity{cert.certPath, cert.keyPath});

    ui::ComposerWidget composer;
    ui::ComposerState s = composer.state();
    s.url = tls.url(QStringLiteral("/"), QStringLiteral("localhost"));
    s.followRedirects = true;
    s.caFile = cert.certPath;
    composer.setState(s);
    int asked = 0;
    bool answerYes = false;
    QUrl askedTo;
    composer.setDowngradePrompt([&](const QUrl &from, const QUrl &to) {
        ++asked;
        EXPECT_EQ(from.scheme(), QStringLiteral("https"));
        askedTo = to;
        return answerYes;
    });

    composer.send();
    ASSERT_TRUE(waitUntil([&] { return !composer.isRunning(); }));
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(askedTo.scheme(), QStringLiteral("http"));
    EXPECT_EQ(composer.timeline()->exchange().finalStatus(), std::optional<int>(301));
    EXPECT_EQ(plain.connections(), 0) << "declined: nothing went out in plain text";

    answerYes = true;
    composer.send();
    ASSERT_TRUE(waitUntil([&] { return !composer.isRunning() && composer.timeline()->exchange().finalStatus() == 200; }));
    EXPECT_EQ(asked, 2);
    EXPECT_EQ(plain.connections(), 1);
    EXPECT_EQ(composer.timeline()->exchange().attempts.size(), 2);
}

} // namespace
