// SPDX-License-Identifier: GPL-3.0-or-later
// curl in and out through the composer: import → composer state → export (bash and cmd) →
// import again gives the same composer state, on the real-world commands of the curl tests.
#include "tests/support/real_world_curl_commands.h"
#include "ui/composer/composer_widget.h"
#include "ui/composer/key_value_table.h"

#include <QTableWidget>

#include <QLabel>
#include <QLineEdit>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::ui::ComposerState;
using statusscope::ui::ComposerWidget;

TEST(ComposerCurl, RealWorldCommandsRoundTripThroughTheComposer)
{
    int count = 0;
    int index = 0;
    for (const char *text : statusscope::test::kRealWorldCurlCommands) {
        ComposerWidget composer;
        ASSERT_TRUE(composer.importCurl(QString::fromUtf8(text))) << index << ": " << text;
        const ComposerState imported = composer.state();
        EXPECT_FALSE(imported.url.isEmpty()) << text;
        for (ShellDialect dialect : {ShellDialect::Posix, ShellDialect::WinCmd}) {
            const bool lineBreak = imported.rawText.contains(QLatin1Char('\n'));
            if (dialect == ShellDialect::WinCmd && lineBreak)
                continue; // cmd.exe cannot carry a line break inside an argument
            const QString exported = composer.curlCommand(dialect);
            ComposerWidget again;
            ASSERT_TRUE(again.importCurl(exported)) << exported.toStdString();
            EXPECT_EQ(again.state(), imported) << "command " << index << " via " << toString(dialect).toStdString()
                                               << "\n" << text << "\n---\n" << exported.toStdString();
            ++count;
        }
        ++index;
    }
    EXPECT_GE(index, 20);
    EXPECT_GE(count, 40);
}

TEST(ComposerCurl, ImportFillsTheFieldsAndShowsWarnings)
{
    ComposerWidget composer;
    ASSERT_TRUE(composer.importCurl(QStringLiteral(
        "curl --http2 --http1.0 --expect100-timeout 2.5 -H 'Expect:' -k -u admin:pw -x http://proxy:3128 "
        "--data-binary @big.iso http://upload.example.com/put?x=1")));
    const ComposerState s = composer.state();
    EXPECT_EQ(s.method, QStringLiteral("POST"));
    EXPECT_EQ(s.url, QStringLiteral("http://upload.example.com/put?x=1"));
    EXPECT_EQ(s.bodyMode, ui::BodyMode::File);
    EXPECT_EQ(s.bodyFile, QStringLiteral("big.iso"));
    EXPECT_EQ(s.expectMode, http::ExpectMode::Never);
    EXPECT_EQ(s.expect100TimeoutS, std::optional<double>(2.5));
    EXPECT_TRUE(s.http10);
    EXPECT_FALSE(s.verifyTls);
    EXPECT_EQ(s.user, QStringLiteral("admin:pw"));
    EXPECT_EQ(s.proxy, QStringLiteral("http://proxy:3128"));
    // --http2 has no effect here: the import says so.
    EXPECT_FALSE(composer.importWarnings().isEmpty());
    auto *note = composer.findChild<QLabel *>(QStringLiteral("composerImportNote"));
    EXPECT_TRUE(note->text().contains(QStringLiteral("Warnings"))) << note->text().toStdString();
    // Verify TLS off shows the warning.
    EXPECT_TRUE(composer.findChild<QLabel *>(QStringLiteral("composerTlsWarning"))->isVisibleTo(&composer));
}

TEST(ComposerCurl, PastingACommandIntoTheUrlFieldImportsIt)
{
    ComposerWidget composer;
    auto *url = composer.findChild<QLineEdit *>(QStringLiteral("composerUrl"));
    ASSERT_NE(url, nullptr);
    url->setFocus();
    url->insert(QStringLiteral("curl -X DELETE -H 'X-Trace: 1' https://api.example.com/items/7"));
    emit url->textEdited(url->text());
    const ComposerState s = composer.state();
    EXPECT_EQ(s.method, QStringLiteral("DELETE"));
    EXPECT_EQ(s.url, QStringLiteral("https://api.example.com/items/7"));
    ASSERT_EQ(s.headers.size(), 1);
    EXPECT_EQ(s.headers.first().name, QStringLiteral("X-Trace"));
}

TEST(ComposerCurl, QueryTableFollowsTheUrlAndTheUrlFollowsTheTable)
{
    ComposerWidget composer;
    ComposerState s;
    s.url = QStringLiteral("https://example.com/search?q=status%20codes&lang=en");
    composer.setState(s);
    auto *params = composer.findChild<ui::KeyValueTable *>(QStringLiteral("composerParams"));
    ASSERT_NE(params, nullptr);
    EXPECT_EQ(params->rows(), (QList<ui::KeyValueRow>{{QStringLiteral("q"), QStringLiteral("status codes"), true},
                                                      {QStringLiteral("lang"), QStringLiteral("en"), true}}));
    params->table()->item(1, 1)->setText(QStringLiteral("de"));
    EXPECT_EQ(composer.state().url, QStringLiteral("https://example.com/search?q=status%20codes&lang=de"));
    params->table()->item(0, 0)->setCheckState(Qt::Unchecked); // disabled rows leave the URL
    EXPECT_EQ(composer.state().url, QStringLiteral("https://example.com/search?lang=de"));

    auto *url = composer.findChild<QLineEdit *>(QStringLiteral("composerUrl"));
    auto *problem = composer.findChild<QLabel *>(QStringLiteral("composerUrlProblem"));
    EXPECT_TRUE(problem->text().isEmpty());
    url->setText(QStringLiteral("ftp://example.com/file"));
    EXPECT_TRUE(problem->text().contains(QStringLiteral("Only http:// and https://"))) << problem->text().toStdString();
    url->setText(QStringLiteral("http://example.com:99999/"));
    EXPECT_FALSE(problem->text().isEmpty());
}
