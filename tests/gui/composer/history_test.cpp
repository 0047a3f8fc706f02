// SPDX-License-Identifier: GPL-3.0-or-later
// History across restarts of the main window, a corrupt history file, reopen/re-send, and
// saving an exchange then opening it back as a timeline tab.
#include "gui_wait.h"
#include "composer_server.h"

#include "core/files/file_kind.h"
#include "ui/composer/composer_widget.h"
#include "ui/guide_dock.h"
#include "ui/history/history_panel.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"
#include "ui/status/status_link.h"
#include "tests/support/test_support.h"
#include "ui/timeline/timeline_view.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::test::ComposerServer;
using statusscope::test::waitUntil;
using statusscope::ui::ComposerState;
using statusscope::ui::ComposerWidget;
using statusscope::ui::HistoryPanel;
using statusscope::ui::MainWindow;
using statusscope::ui::RequestWorkspace;
using statusscope::ui::TimelineView;

namespace {

class HistoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    }
    QString historyPath() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }

    // The app's wiring, as app/main.cpp does it.
    struct App
    {
        explicit App(QSettings *settings, const QString &history)
            : window(settings)
            , workspace(&window, history)
        {
            window.setRequestFactory([this](QWidget *parent) -> QWidget * { return workspace.createComposer(parent); });
            window.registerViewer(FileKind::ExchangeJson, [this](const QString &path, QWidget *parent) {
                return workspace.openExchangeFile(path, parent);
            });
        }
        MainWindow window;
        RequestWorkspace workspace;
    };

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void sendGet(RequestWorkspace &workspace, const QString &url)
{
    ComposerWidget *composer = workspace.newComposerTab();
    ComposerState s;
    s.method = QStringLiteral("POST");
    s.url = url;
    s.bodyMode = ui::BodyMode::Raw;
    s.rawText = QStringLiteral("hello");
    composer->setState(s);
    composer->send();
    ASSERT_TRUE(waitUntil([&] { return !composer->isRunning(); }));
    ASSERT_EQ(composer->timeline()->exchange().finalStatus(), std::optional<int>(200));
}

} // namespace

TEST_F(HistoryTest, PersistsAcrossARestartOfTheMainWindow)
{
    ComposerServer server(ComposerServer::Script::Continue100);
    const QString url = server.url(QStringLiteral("/remember-me"));
    {
        App app(m_settings.get(), historyPath());
        EXPECT_EQ(app.workspace.historyOpenResult().state, HistoryStore::OpenState::Ready);
        sendGet(app.workspace, url);
        EXPECT_EQ(app.workspace.historyPanel()->list()->topLevelItemCount(), 1);
        app.window.close();
    }
    App app(m_settings.get(), historyPath());
    QTreeWidget *list = app.workspace.historyPanel()->list();
    ASSERT_EQ(list->topLevelItemCount(), 1);
    QTreeWidgetItem *item = list->topLevelItem(0);
    EXPECT_EQ(item->text(HistoryPanel::MethodColumn), QStringLiteral("POST"));
    EXPECT_EQ(item->text(HistoryPanel::UrlColumn), url);
    EXPECT_EQ(item->data(HistoryPanel::StatusColumn, HistoryPanel::StatusRole).toInt(), 200);

    // Reopen: a timeline tab with the exchange and the stored body.
    TimelineView *view = app.workspace.reopenFromHistory(item->data(0, HistoryPanel::IdRole).toLongLong());
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(app.window.documents()->currentWidget(), view);
    ASSERT_EQ(view->exchange().attempts.size(), 1);
    EXPECT_EQ(view->exchange().finalStatus(), std::optional<int>(200));
    ASSERT_TRUE(view->exchange().attempts.first().response.has_value());
    EXPECT_TRUE(view->exchange().attempts.first().response->body.startsWith("{\"ok\":true"));

    // Re-send: a new composer with the same request, sent again, and a second history entry.
    ComposerWidget *again = app.workspace.resendFromHistory(item->data(0, HistoryPanel::IdRole).toLongLong());
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(again->state().url, url);
    EXPECT_EQ(again->state().rawText, QStringLiteral("hello"));
    ASSERT_TRUE(waitUntil([&] { return !again->isRunning(); }));
    EXPECT_EQ(list->topLevelItemCount(), 2);

    // Search, delete.
    auto *search = app.workspace.historyPanel()->findChild<QLineEdit *>(QStringLiteral("historySearch"));
    search->setText(QStringLiteral("no-such-thing"));
    EXPECT_EQ(list->topLevelItemCount(), 0);
    search->setText(QStringLiteral("remember"));
    EXPECT_EQ(list->topLevelItemCount(), 2);
    search->clear();
    list->setCurrentItem(list->topLevelItem(0));
    app.workspace.historyPanel()->findChild<QToolButton *>(QStringLiteral("historyDelete"))->click();
    EXPECT_EQ(list->topLevelItemCount(), 1);
    EXPECT_EQ(app.workspace.history()->count(), 1);
}

TEST_F(HistoryTest, ACorruptFileIsMovedAsideWithAMessageAndTheAppStarts)
{
    {
        QFile bad(historyPath());
        ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray("this is not a database, it is a shopping list\n").repeated(200));
    }
    App app(m_settings.get(), historyPath());
    const HistoryStore::OpenResult result = app.workspace.historyOpenResult();
    EXPECT_EQ(result.state, HistoryStore::OpenState::RecoveredFresh);
    ASSERT_FALSE(result.movedAsidePath.isEmpty());
    EXPECT_TRUE(QFile::exists(result.movedAsidePath)); // never deleted
    EXPECT_FALSE(app.window.statusBar()->currentMessage().isEmpty());
    auto *box = app.window.findChild<QMessageBox *>(QStringLiteral("historyProblemBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_FALSE(box->text().isEmpty());
    EXPECT_TRUE(box->informativeText().contains(result.movedAsidePath));
    // History still works in the fresh file.
    EXPECT_TRUE(app.workspace.history()->isOpen());
    EXPECT_EQ(app.workspace.history()->count(), 0);
}

TEST_F(HistoryTest, SavedExchangeOpensBackAsATimelineTab)
{
    ComposerServer server(ComposerServer::Script::Reject417);
    App app(m_settings.get(), historyPath());
    ComposerWidget *composer = app.workspace.newComposerTab();
    ComposerState s;
    s.method = QStringLiteral("PUT");
    s.url = server.url(QStringLiteral("/saved"));
    s.bodyMode = ui::BodyMode::Raw;
    s.rawText = QStringLiteral("payload");
    s.expectMode = http::ExpectMode::Always;
    composer->setState(s);
    composer->send();
    ASSERT_TRUE(waitUntil([&] { return !composer->isRunning(); }));

    const QString json = m_dir.filePath(QStringLiteral("exchange.json"));
    const QString har = m_dir.filePath(QStringLiteral("exchange.har"));
    ASSERT_TRUE(app.workspace.saveExchange(composer->timeline()->exchange(), json));
    ASSERT_TRUE(app.workspace.saveExchange(composer->timeline()->exchange(), har));
    EXPECT_EQ(probeFile(json).kind, FileKind::ExchangeJson);
    EXPECT_EQ(probeFile(har).kind, FileKind::Har);

    auto *view = qobject_cast<TimelineView *>(app.window.openFile(json));
    ASSERT_NE(view, nullptr);
    ASSERT_EQ(view->exchange().attempts.size(), 2);
    EXPECT_EQ(view->exchange().attempts.at(0).response->status, 417);
    EXPECT_EQ(view->exchange().attempts.at(1).reason, http::AttemptReason::RetryWithoutExpect);
    EXPECT_EQ(view->exchange().finalStatus(), std::optional<int>(200));
    // Same events at the same offsets as the live exchange (to the microsecond JSON keeps).
    const http::Exchange &live = composer->timeline()->exchange();
    ASSERT_EQ(view->exchange().attempts.at(1).events.size(), live.attempts.at(1).events.size());
    EXPECT_NEAR(view->exchange().msFromStart(view->exchange().attempts.at(1).endNs()),
                live.msFromStart(live.attempts.at(1).endNs()), 0.001);
}

TEST_F(HistoryTest, ClickingAStatusShowsItInTheGuideDock)
{
    App app(m_settings.get(), historyPath());
    EXPECT_TRUE(app.window.guideDock()->isShowingEmptyState());
    app.workspace.showStatusGuide({QStringLiteral("417"), {}});
    EXPECT_FALSE(app.window.guideDock()->isShowingEmptyState());
    auto *summary = app.window.guideDock()->findChild<QLabel *>(QStringLiteral("statusGuideSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().contains(QStringLiteral("417 Expectation Failed")));
    EXPECT_TRUE(summary->text().contains(QStringLiteral("4xx Client error")));
}

TEST_F(HistoryTest, AnExchangeSavedByTheCliOpensAsATimelineTab)
{
    ComposerServer server(ComposerServer::Script::Reject417);
    const QString body = m_dir.filePath(QStringLiteral("body.txt"));
    {
        QFile file(body);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(1000, 'b'));
    }
    const test::ProcessResult cli = test::runCli({QStringLiteral("send"), QStringLiteral("--json"), QStringLiteral("--expect100"),
                                                  QStringLiteral("always"), QStringLiteral("--data-binary"),
                                                  QLatin1Char('@') + body, server.url(QStringLiteral("/cli"))});
    ASSERT_EQ(cli.exitCode, 0) << cli.err.toStdString();
    const QString path = m_dir.filePath(QStringLiteral("cli-exchange.json"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(cli.out);
    }
    App app(m_settings.get(), historyPath());
    auto *view = qobject_cast<TimelineView *>(app.window.openFile(path));
    ASSERT_NE(view, nullptr) << "the ExchangeJson viewer was not used";
    ASSERT_EQ(view->exchange().attempts.size(), 2);
    EXPECT_EQ(view->exchange().attempts.at(0).response->status, 417);
    ASSERT_EQ(view->exchange().attempts.at(1).interim.size(), 1);
    EXPECT_EQ(view->exchange().attempts.at(1).interim.first().status, 103);
    EXPECT_EQ(view->exchange().finalStatus(), std::optional<int>(200));
    auto *attempts = view->findChild<QTreeWidget *>(QStringLiteral("timelineAttempts"));
    EXPECT_EQ(attempts->topLevelItemCount(), 2);
}

TEST_F(HistoryTest, TheStatusLinkLabelEmitsItsCode)
{
    ui::StatusLinkLabel label;
    label.setStatus(503);
    EXPECT_EQ(label.codeId(), QStringLiteral("503"));
    EXPECT_TRUE(label.text().contains(QStringLiteral("Service Unavailable")));
    QString activated;
    QObject::connect(&label, &ui::StatusLinkLabel::statusActivated, &label,
                     [&activated](const ui::StatusActivation &activation) { activated = activation.codeId; });
    label.click();
    EXPECT_EQ(activated, QStringLiteral("503"));
}
