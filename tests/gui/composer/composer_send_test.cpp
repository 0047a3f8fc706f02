// SPDX-License-Identifier: GPL-3.0-or-later
// Compose, send to a loopback scripted server, and read the timeline as a user would.
#include "gui_wait.h"
#include "composer_server.h"

#include "ui/composer/composer_widget.h"
#include "ui/timeline/timeline_view.h"

#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::test::ComposerServer;
using statusscope::test::waitUntil;
using statusscope::ui::ComposerState;
using statusscope::ui::ComposerWidget;
using statusscope::ui::TimelineView;

namespace {

QStringList column(const QTableWidget *table, int col)
{
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r)
        out << (table->item(r, col) ? table->item(r, col)->text() : QString());
    return out;
}

int rowContaining(const QStringList &rows, const QString &needle)
{
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).contains(needle))
            return i;
    }
    return -1;
}

ComposerState post(const QString &url, const QByteArray &body)
{
    ComposerState s;
    s.method = QStringLiteral("POST");
    s.url = url;
    s.bodyMode = ui::BodyMode::Raw;
    s.rawText = QString::fromLatin1(body);
    s.rawContentType = QStringLiteral("text/plain");
    return s;
}

bool sendAndWait(ComposerWidget &composer, int timeoutMs = 15000)
{
    composer.send();
    return waitUntil([&] { return !composer.isRunning(); }, timeoutMs);
}

} // namespace

TEST(ComposerSend, ShowsThe100RowTheBodyRowAndTheFinal200WithPhasesInOrder)
{
    ComposerServer server(ComposerServer::Script::Continue100);
    ComposerWidget composer;
    // 2 MiB: above the 1 MiB threshold, so Expect: auto sends Expect: 100-continue.
    composer.setState(post(server.url(QStringLiteral("/upload")), QByteArray(2 * 1024 * 1024, 'x')));
    ASSERT_TRUE(sendAndWait(composer));

    const http::Exchange &x = composer.timeline()->exchange();
    ASSERT_EQ(x.attempts.size(), 1);
    ASSERT_EQ(x.finalStatus(), std::optional<int>(200));
    EXPECT_EQ(server.bodyBytesRead(), 2 * 1024 * 1024);

    auto *events = composer.findChild<QTableWidget *>(QStringLiteral("timelineEvents"));
    ASSERT_NE(events, nullptr);
    const QStringList what = column(events, TimelineView::EventTextColumn);
    const int continueRow = rowContaining(what, QStringLiteral("← HTTP/1.1 100 Continue"));
    const int bodyRow = rowContaining(what, QStringLiteral("→ body 2,097,152 bytes"));
    const int finalRow = rowContaining(what, QStringLiteral("← HTTP/1.1 200 OK"));
    EXPECT_GE(continueRow, 0) << what.join(QLatin1Char('\n')).toStdString();
    EXPECT_GT(bodyRow, continueRow);
    EXPECT_GT(finalRow, bodyRow);
    // The status column carries the codes for the status links.
    EXPECT_EQ(events->item(continueRow, TimelineView::EventStatusColumn)->data(TimelineView::StatusRole).toInt(), 100);
    EXPECT_EQ(events->item(finalRow, TimelineView::EventStatusColumn)->data(TimelineView::StatusRole).toInt(), 200);

    auto *phases = composer.findChild<QTableWidget *>(QStringLiteral("timelinePhases"));
    ASSERT_NE(phases, nullptr);
    const QStringList names = column(phases, TimelineView::PhaseNameColumn);
    EXPECT_EQ(names, (QStringList{QStringLiteral("Connect"), QStringLiteral("Headers sent"), QStringLiteral("Wait for 100"),
                                  QStringLiteral("Upload"), QStringLiteral("Waiting (TTFB)"), QStringLiteral("Download")}));
    double previous = -1;
    for (const QString &start : column(phases, TimelineView::PhaseStartColumn)) {
        const double ms = start.section(QLatin1Char(' '), 0, 0).toDouble();
        EXPECT_GE(ms, previous) << start.toStdString();
        previous = ms;
    }
    auto *wait = composer.findChild<QLabel *>(QStringLiteral("timelineWait100"));
    EXPECT_TRUE(wait->text().contains(QStringLiteral("a 100 at"))) << wait->text().toStdString();

    auto *attempts = composer.findChild<QTreeWidget *>(QStringLiteral("timelineAttempts"));
    ASSERT_EQ(attempts->topLevelItemCount(), 1);
    QTreeWidgetItem *attempt = attempts->topLevelItem(0);
    ASSERT_EQ(attempt->childCount(), 2); // the 100 row and the final response row
    EXPECT_EQ(attempt->child(0)->data(TimelineView::AttemptStatusColumn, TimelineView::StatusRole).toInt(), 100);
    EXPECT_EQ(attempt->child(1)->data(TimelineView::AttemptStatusColumn, TimelineView::StatusRole).toInt(), 200);
}

TEST(ComposerSend, A417WithRetryShowsTwoLinkedAttempts)
{
    ComposerServer server(ComposerServer::Script::Reject417);
    ComposerWidget composer;
    ComposerState s = post(server.url(QStringLiteral("/put")), QByteArray(4096, 'y'));
    s.expectMode = http::ExpectMode::Always;
    composer.setState(s);
    ASSERT_TRUE(sendAndWait(composer));

    const http::Exchange &x = composer.timeline()->exchange();
    ASSERT_EQ(x.attempts.size(), 2);
    EXPECT_EQ(x.finalStatus(), std::optional<int>(200));
    ASSERT_EQ(server.requestHeads().size(), 2);
    EXPECT_TRUE(server.requestHeads().at(0).toLower().contains("expect: 100-continue"));
    EXPECT_FALSE(server.requestHeads().at(1).toLower().contains("expect:"));

    auto *attempts = composer.findChild<QTreeWidget *>(QStringLiteral("timelineAttempts"));
    ASSERT_EQ(attempts->topLevelItemCount(), 2);
    EXPECT_EQ(attempts->topLevelItem(0)->data(TimelineView::AttemptStatusColumn, TimelineView::StatusRole).toInt(), 417);
    EXPECT_EQ(attempts->topLevelItem(1)->data(TimelineView::AttemptStatusColumn, TimelineView::StatusRole).toInt(), 200);
    EXPECT_TRUE(attempts->topLevelItem(1)->text(0).contains(QStringLiteral("retry without Expect (after 417 in #1)")))
        << attempts->topLevelItem(1)->text(0).toStdString();

    auto *events = composer.findChild<QTableWidget *>(QStringLiteral("timelineEvents"));
    const QStringList what = column(events, TimelineView::EventTextColumn);
    const int rejected = rowContaining(what, QStringLiteral("← HTTP/1.1 417 Expectation Failed"));
    const int retry = rowContaining(what, QStringLiteral("↻ retry without Expect"));
    const int body = rowContaining(what, QStringLiteral("→ body 4,096 bytes"));
    EXPECT_GE(rejected, 0) << what.join(QLatin1Char('\n')).toStdString();
    EXPECT_GT(retry, rejected);
    EXPECT_GT(body, retry);

    // The first attempt's wait for 100 ended with the 417.
    composer.timeline()->selectAttempt(0);
    auto *wait = composer.findChild<QLabel *>(QStringLiteral("timelineWait100"));
    EXPECT_TRUE(wait->text().contains(QStringLiteral("a 417 at"))) << wait->text().toStdString();
}

TEST(ComposerSend, CancelMidUploadStopsTheExchange)
{
    ComposerServer server(ComposerServer::Script::NeverReadBody);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.bin"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_TRUE(file.resize(256LL * 1024 * 1024)); // far more than socket buffers hold
    }
    ComposerWidget composer;
    ComposerState s;
    s.method = QStringLiteral("PUT");
    s.url = server.url(QStringLiteral("/big"));
    s.bodyMode = ui::BodyMode::File;
    s.bodyFile = path;
    s.expectMode = http::ExpectMode::Never;
    composer.setState(s);
    composer.send();
    auto *progress = composer.findChild<QLabel *>(QStringLiteral("composerProgressText"));
    ASSERT_TRUE(waitUntil([&] { return progress->isVisibleTo(&composer) && progress->text().contains(QStringLiteral("uploaded")); }))
        << progress->text().toStdString();
    EXPECT_TRUE(composer.isRunning());
    EXPECT_TRUE(progress->text().contains(QStringLiteral("of 256.0 MiB"))) << progress->text().toStdString();

    composer.cancel();
    ASSERT_TRUE(waitUntil([&] { return !composer.isRunning(); }));
    const http::Exchange &x = composer.timeline()->exchange();
    ASSERT_EQ(x.attempts.size(), 1);
    EXPECT_EQ(x.error().kind, http::ErrorKind::Cancelled);
    EXPECT_FALSE(x.finalStatus().has_value());
    EXPECT_LT(x.attempts.first().request.bodySentBytes, 256LL * 1024 * 1024);
    auto *summary = composer.findChild<QLabel *>(QStringLiteral("timelineSummary"));
    EXPECT_TRUE(summary->text().contains(QStringLiteral("cancelled"))) << summary->text().toStdString();
    auto *phases = composer.findChild<QTableWidget *>(QStringLiteral("timelinePhases"));
    EXPECT_TRUE(column(phases, TimelineView::PhaseNameColumn).contains(QStringLiteral("Upload")));
}

TEST(ComposerSend, DisabledHeadersStayOutAndDuplicatesAreSent)
{
    ComposerServer server(ComposerServer::Script::Continue100);
    ComposerWidget composer;
    ComposerState s = post(server.url(QStringLiteral("/h")), "x=1");
    s.headers = {{QStringLiteral("X-Tag"), QStringLiteral("one"), true},
                 {QStringLiteral("X-Tag"), QStringLiteral("two"), true},
                 {QStringLiteral("X-Off"), QStringLiteral("never"), false}};
    s.removedHeaders = {QStringLiteral("User-Agent")};
    composer.setState(s);
    EXPECT_EQ(composer.state().headers, s.headers);
    ASSERT_TRUE(sendAndWait(composer));
    ASSERT_EQ(server.requestHeads().size(), 1);
    const QByteArray head = server.requestHeads().first();
    EXPECT_TRUE(head.contains("\r\nX-Tag: one\r\nX-Tag: two\r\n")) << head.toStdString();
    EXPECT_FALSE(head.contains("X-Off")) << head.toStdString();
    EXPECT_FALSE(head.toLower().contains("user-agent")) << head.toStdString();
    EXPECT_TRUE(head.contains("Content-Type: text/plain")) << head.toStdString();
}
