// SPDX-License-Identifier: GPL-3.0-or-later
// The composer's body and auth editors: multipart rows (text and file) in and out of curl and
// onto the wire, the JSON body checked as it is typed and pretty-printed, Bearer beside Basic.
#include "core/curl/shell_words.h"
#include "tests/gui/composer/gui_wait.h"
#include "tests/support/scripted_server.h"
#include "tests/support/test_support.h"
#include "ui/composer/composer_widget.h"
#include "ui/composer/key_value_table.h"
#include "ui/timeline/timeline_view.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::ui::BodyMode;
using statusscope::ui::ComposerState;
using statusscope::ui::ComposerWidget;
using statusscope::ui::KeyValueRow;

TEST(ComposerMultipart, CurlFormsFillTheRowsAndCopyBackAsDashF)
{
    QTemporaryDir dir;
    const QString doc = test::writeTestFile(dir.path(), QStringLiteral("doc.pdf"), "%PDF-1.4");
    ComposerWidget composer;
    ASSERT_TRUE(composer.importCurl(QStringLiteral("curl -F name=Ann -F 'doc=@%1;type=application/x-pdf' "
                                                   "--form-string 'note=@not a file' http://h/up").arg(doc)));
    const ComposerState s = composer.state();
    EXPECT_EQ(s.method, QStringLiteral("POST"));
    ASSERT_EQ(s.bodyMode, BodyMode::Multipart);
    EXPECT_EQ(s.multipart, (QList<KeyValueRow>{{QStringLiteral("name"), QStringLiteral("Ann"), true, false, {}},
                                               {QStringLiteral("doc"), doc, true, true, QStringLiteral("application/x-pdf")},
                                               {QStringLiteral("note"), QStringLiteral("@not a file"), true, false, {}}}));
    // The table shows a kind per row.
    auto *table = composer.findChild<ui::KeyValueTable *>(QStringLiteral("composerMultipart"));
    ASSERT_TRUE(table);
    ASSERT_EQ(table->table()->rowCount(), 3);
    EXPECT_EQ(qobject_cast<QComboBox *>(table->table()->cellWidget(1, 2))->currentText(), QStringLiteral("File"));
    EXPECT_EQ(qobject_cast<QComboBox *>(table->table()->cellWidget(0, 2))->currentText(), QStringLiteral("Text"));
    // The size is known before sending and shown.
    EXPECT_TRUE(composer.findChild<QLabel *>(QStringLiteral("composerMultipartSize"))->text().contains(QStringLiteral("3 parts")));

    const QString exported = composer.curlCommand(ShellDialect::Posix);
    EXPECT_TRUE(exported.contains(QStringLiteral("-F name=Ann"))) << exported.toStdString();
    EXPECT_TRUE(exported.contains(QStringLiteral("--form-string 'note=@not a file'"))) << exported.toStdString();
    ComposerWidget again;
    ASSERT_TRUE(again.importCurl(exported));
    EXPECT_EQ(again.state(), s);
}

TEST(ComposerMultipart, AFileRowIsStreamedOnTheWireWithItsPartHeaders)
{
    QTemporaryDir dir;
    const QString photo = test::writeTestFile(dir.path(), QStringLiteral("photo.png"), QByteArray(300 * 1024, 'p'));
    QByteArray received;
    test::ScriptedServer server([](test::ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        const QByteArray head = peer.readHead();
        const qsizetype at = head.toLower().indexOf("content-length:");
        const qint64 length = head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        peer.readBytes(length);
        peer.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        peer.waitForClientClose(2000);
    });
    ComposerWidget composer;
    ComposerState s;
    s.method = QStringLiteral("POST");
    s.url = server.url(QStringLiteral("/photos"));
    s.bodyMode = BodyMode::Multipart;
    s.multipart = {{QStringLiteral("caption"), QStringLiteral("été"), true, false, {}},
                   {QStringLiteral("off"), QStringLiteral("left out"), false, false, {}},
                   {QStringLiteral("photo"), photo, true, true, {}}};
    composer.setState(s);
    composer.send();
    ASSERT_TRUE(test::waitUntil([&] { return !composer.isRunning(); }, 20000));
    ASSERT_TRUE(server.waitFinished(5000));
    EXPECT_EQ(composer.timeline()->exchange().finalStatus(), std::optional<int>(201));
    received = server.received();
    const qsizetype split = received.indexOf("\r\n\r\n") + 4;
    const QByteArray head = received.left(split);
    const QByteArray body = received.mid(split);
    const qsizetype at = head.indexOf("boundary=");
    ASSERT_GT(at, 0) << head.constData();
    const QByteArray b = head.mid(at + 9, head.indexOf("\r\n", at) - at - 9);
    EXPECT_EQ(body, "--" + b + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n" + QString::fromUtf8("été").toUtf8()
                        + "\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"photo.png\"\r\n"
                        "Content-Type: image/png\r\n\r\n" + QByteArray(300 * 1024, 'p') + "\r\n--" + b + "--\r\n");
    EXPECT_TRUE(head.contains("Content-Length: " + QByteArray::number(body.size()) + "\r\n")) << head.constData();
    // Two sends, two boundaries.
    const ui::SpecResult first = ui::requestSpecFromState(composer.state());
    EXPECT_NE(first.spec.formBoundary, ui::requestSpecFromState(composer.state()).spec.formBoundary);
}

TEST(ComposerJson, ErrorsShowUnderTheEditorAsYouTypeAndPrettyPrintKeepsOrder)
{
    ComposerWidget composer;
    composer.show();
    // Shortcuts go to the active window only.
    QApplication::setActiveWindow(&composer);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&composer));
    ComposerState s;
    s.method = QStringLiteral("POST");
    s.url = QStringLiteral("http://h/items");
    s.bodyMode = BodyMode::Raw;
    s.rawContentType = QStringLiteral("application/json");
    composer.setState(s);
    auto *editor = composer.findChild<QPlainTextEdit *>(QStringLiteral("composerRawText"));
    auto *status = composer.findChild<QLabel *>(QStringLiteral("composerJsonStatus"));
    auto *pretty = composer.findChild<QPushButton *>(QStringLiteral("composerPrettyJson"));
    ASSERT_TRUE(editor && status && pretty);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("{\"z\": 1,"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, QStringLiteral(" \"a\": [1 2]}"));
    EXPECT_TRUE(status->isVisibleTo(&composer));
    EXPECT_TRUE(status->text().contains(QStringLiteral("Line 2, column 10"))) << status->text().toStdString();
    EXPECT_FALSE(pretty->isEnabled()) << "nothing to re-indent in a broken text";
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr) << "an error is shown inline, never as a dialog";

    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("{\"z\":1.50,\"a\":[1,2]}"));
    EXPECT_TRUE(status->text().contains(QStringLiteral("Valid JSON"))) << status->text().toStdString();
    QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("{\n  \"z\": 1.50,\n  \"a\": [\n    1,\n    2\n  ]\n}"));
    // Content-Type comes from the picker unless a header sets it.
    const ui::SpecResult built = ui::requestSpecFromState(composer.state());
    EXPECT_EQ(http::headerValue(built.spec.headers, "content-type"), QByteArray("application/json"));
    // Text that is not JSON shows no JSON verdict and no pretty-print.
    auto *type = composer.findChild<QComboBox *>(QStringLiteral("composerRawType"));
    type->setCurrentText(QStringLiteral("text/plain"));
    EXPECT_FALSE(status->isVisibleTo(&composer));
    EXPECT_FALSE(pretty->isVisibleTo(&composer));
}

TEST(ComposerAuth, BearerSitsBesideBasicAndCopiesAsAHeader)
{
    ComposerWidget composer;
    ASSERT_TRUE(composer.importCurl(QStringLiteral("curl --oauth2-bearer tok.123 http://h/me")));
    ComposerState s = composer.state();
    EXPECT_EQ(s.bearerToken, QStringLiteral("tok.123"));
    EXPECT_TRUE(s.headers.isEmpty()) << "the token lives in the auth field, not twice";
    EXPECT_EQ(composer.findChild<QComboBox *>(QStringLiteral("composerAuthMode"))->currentIndex(), 2);
    EXPECT_EQ(composer.curlCommand(ShellDialect::Posix), QStringLiteral("curl http://h/me -H 'Authorization: Bearer tok.123'"));
    const ui::SpecResult built = ui::requestSpecFromState(s);
    EXPECT_EQ(http::headerValue(built.spec.headers, "authorization"), QByteArray("Bearer tok.123"));

    // Switching the mode to Basic turns the same field into USER:PASSWORD.
    composer.findChild<QComboBox *>(QStringLiteral("composerAuthMode"))->setCurrentIndex(1);
    composer.findChild<QLineEdit *>(QStringLiteral("composerUser"))->setText(QStringLiteral("ann:pw"));
    s = composer.state();
    EXPECT_EQ(s.user, QStringLiteral("ann:pw"));
    EXPECT_TRUE(s.bearerToken.isEmpty());
    s.bearerToken = QStringLiteral("x");
    EXPECT_FALSE(ui::requestSpecFromState(s).error.isEmpty()) << "one Authorization, not two";
}
