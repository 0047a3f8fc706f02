// SPDX-License-Identifier: GPL-3.0-or-later
// The Expect probe in the GUI, through the app's real wiring: started from the composer's
// "Probe Expect handling…" against a real nginx and a real Python http.server, its table must
// list the checks in the contract's order with the same verdicts as `statusscope-cli probe
// --json` on the same server; nothing reaches a server before the user runs it (connections
// counted by a scripted server), a host from a saved exchange is put to NetworkConsent first,
// Cancel stops the battery, and the status and guide cells open their guides in the Guide dock.

#include "core/probe/probe_types.h"
#include "tests/gui/endtoend/app_harness.h"
#include "tests/support/nginx_server.h"
#include "tests/support/python_server.h"
#include "tests/support/scripted_server.h"
#include "tests/support/test_support.h"
#include "ui/composer/composer_widget.h"
#include "ui/diagnose/findings_panel.h"
#include "ui/diagnose/network_consent.h"
#include "ui/probe/probe_results_model.h"
#include "ui/probe/probe_view.h"
#include "ui/request_workspace.h"
#include "ui/timeline/timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;
using statusscope::test::AppHarness;
using statusscope::test::waitUntil;

namespace {

constexpr int kBatteryTimeoutMs = 120000;

// A new request tab through File > New Request, the URL typed and the method picked as a user
// would, then "Probe Expect handling…" clicked: the probe tab it opens.
ProbeView *probeFromComposer(AppHarness &app, const QString &url, const QString &method = QStringLiteral("PUT"))
{
    auto *newRequest = app.window()->findChild<QAction *>(QStringLiteral("actionNewRequest"));
    EXPECT_NE(newRequest, nullptr);
    if (!newRequest)
        return nullptr;
    newRequest->trigger();
    auto *composer = qobject_cast<ComposerWidget *>(app.window()->documents()->currentWidget());
    EXPECT_NE(composer, nullptr);
    if (!composer)
        return nullptr;
    auto *urlField = composer->findChild<QLineEdit *>(QStringLiteral("composerUrl"));
    QTest::keyClicks(urlField, url);
    composer->findChild<QComboBox *>(QStringLiteral("composerMethod"))->setCurrentText(method);
    auto *button = composer->findChild<QToolButton *>(QStringLiteral("composerProbeButton"));
    EXPECT_NE(button, nullptr);
    if (!button)
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    return qobject_cast<ProbeView *>(app.window()->documents()->currentWidget());
}

void clickRun(ProbeView *view)
{
    auto *run = view->findChild<QPushButton *>(QStringLiteral("probeRun"));
    ASSERT_NE(run, nullptr);
    ASSERT_TRUE(run->isVisible() && run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
}

QStringList rowIds(const ProbeView *view)
{
    QStringList ids;
    const ProbeResultsModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(ProbeResultsModel::CheckIdRole).toString();
    return ids;
}

QStringList rowVerdicts(const ProbeView *view)
{
    QStringList verdicts;
    const ProbeResultsModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        verdicts << model->index(row, 0).data(ProbeResultsModel::VerdictRole).toString();
    return verdicts;
}

QStringList jsonField(const QJsonObject &report, const char *field)
{
    QStringList values;
    for (const QJsonValue &check : report.value(QStringLiteral("checks")).toArray())
        values << check.toObject().value(QLatin1String(field)).toString();
    return values;
}

QStringList contractIds()
{
    QStringList ids;
    for (const probe::CheckId id : probe::kAllChecks)
        ids << probe::checkName(id);
    return ids;
}

int rowOf(const ProbeView *view, const QString &id)
{
    return rowIds(view).indexOf(id);
}

// The composer's probe against a real server, compared with the CLI on the same URL.
void probeMatchesCli(const QString &url)
{
    AppHarness app;
    ProbeView *view = probeFromComposer(app, url);
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->stage(), ProbeView::Stage::Plan);
    clickRun(view);
    ASSERT_TRUE(waitUntil([view] { return view->stage() == ProbeView::Stage::Finished; }, kBatteryTimeoutMs));
    ASSERT_FALSE(view->report().cancelled);

    EXPECT_EQ(rowIds(view), contractIds());
    const test::ProcessResult cli = test::runCli({QStringLiteral("probe"), url, QStringLiteral("--json")}, kBatteryTimeoutMs);
    ASSERT_EQ(cli.exitCode, 0) << cli.err.toStdString();
    const QJsonObject cliReport = QJsonDocument::fromJson(cli.out).object();
    EXPECT_EQ(jsonField(cliReport, "id"), rowIds(view));
    EXPECT_EQ(jsonField(cliReport, "verdict"), rowVerdicts(view)) << "GUI:\n" << view->jsonText().toStdString()
                                                                 << "\nCLI:\n" << cli.out.toStdString();

    // Copy as JSON puts the CLI's JSON contract on the clipboard, the table's verdicts in it.
    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("probeCopyJson")), Qt::LeftButton);
    const QJsonObject copied = QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8()).object();
    EXPECT_EQ(copied.keys(), cliReport.keys());
    EXPECT_EQ(jsonField(copied, "verdict"), rowVerdicts(view));
    EXPECT_EQ(copied.value(QStringLiteral("url")).toString(), cliReport.value(QStringLiteral("url")).toString());
    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("probeCopySummary")), Qt::LeftButton);
    EXPECT_TRUE(QApplication::clipboard()->text().endsWith(view->report().summary));
    EXPECT_FALSE(view->report().summary.isEmpty());

    // The guide cell and the status cell open their guides through the app's navigator.
    const int early = rowOf(view, QStringLiteral("early_final"));
    ASSERT_GE(early, 0);
    const QString guide = view->model()->index(early, 0).data(ProbeResultsModel::GuideRole).toString();
    EXPECT_EQ(guide, jsonField(cliReport, "guide").value(early));
    app.takeShown();
    test::clickBadge(view->table(), view->model()->index(early, ProbeResultsModel::GuideColumn));
    EXPECT_EQ(app.takeShown(), QStringList{guide});
    EXPECT_EQ(app.browserGuide(), guide);
    const int status = view->model()->index(early, 0).data(ProbeResultsModel::StatusRole).toInt();
    ASSERT_GT(status, 0);
    test::clickBadge(view->table(), view->model()->index(early, ProbeResultsModel::StatusColumn));
    EXPECT_EQ(app.takeShown(), QStringList{QString::number(status)});
}

// Counts connections: accepts every one, answers each request head with 200 and closes, so a
// battery runs through quickly once it is allowed to.
test::ScriptedServer::Script answerEverything()
{
    return [](test::ScriptedPeer &peer) {
        while (!peer.stopRequested()) {
            if (!peer.accept(100))
                continue;
            if (peer.readHead(2000).isEmpty())
                continue;
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            peer.close();
        }
    };
}

} // namespace

TEST(ProbeGui, NginxFromComposerMatchesCliAndLinksOpenGuides)
{
    test::NginxServer nginx;
    ASSERT_TRUE(nginx.start()) << nginx.error().toStdString();
    // /small: client_max_body_size 1k, so early_final is nginx's 413 before the body.
    probeMatchesCli(nginx.url(QStringLiteral("/small")));
}

TEST(ProbeGui, PythonServerFromComposerMatchesCli)
{
    test::PythonHttpServer python;
    ASSERT_TRUE(python.start()) << python.error().toStdString();
    // Python ignores Expect (an HTTP/1.0 server): no 100, the body is read after the wait.
    probeMatchesCli(python.url(QStringLiteral("/upload")));
}

TEST(ProbeGui, ShowsWhatWillBeSentAndSendsNothingUntilRun)
{
    test::ScriptedServer server(answerEverything());
    AppHarness app;
    const QString url = server.url(QStringLiteral("/files/upload"));
    ProbeView *view = probeFromComposer(app, url, QStringLiteral("GET"));
    ASSERT_NE(view, nullptr);
    const QString plan = view->planText();
    EXPECT_TRUE(plan.contains(QStringLiteral("Host: 127.0.0.1:%1").arg(server.port()))) << plan.toStdString();
    EXPECT_TRUE(plan.contains(QStringLiteral("Method: PUT"))) << "a GET becomes PUT: the checks carry content";
    EXPECT_TRUE(plan.contains(QStringLiteral("Path: /files/upload")));
    EXPECT_TRUE(plan.contains(QStringLiteral("512 bytes")));
    EXPECT_TRUE(plan.contains(QStringLiteral("2 MiB (2,097,152 bytes)")));
    EXPECT_TRUE(plan.contains(QStringLiteral("Requests: 8,")));
    EXPECT_TRUE(plan.contains(QStringLiteral("direct only (no proxy)")));
    QTest::qWait(700);
    EXPECT_EQ(server.connections(), 0) << "the probe tab alone must not contact the server";

    clickRun(view);
    EXPECT_TRUE(waitUntil([&server] { return server.connections() >= 1; }, 10000));
    ASSERT_TRUE(waitUntil([view] { return view->stage() == ProbeView::Stage::Finished; }, kBatteryTimeoutMs));
    EXPECT_EQ(rowIds(view), contractIds());
    EXPECT_GE(server.connections(), 8);
}

TEST(ProbeGui, HostFromASavedExchangeAsksConsentFirst)
{
    test::ScriptedServer server(answerEverything());
    AppHarness app;
    // The saved 417 exchange, its host moved to the counting server.
    QFile source(test::fixturePath(QStringLiteral("diagnose/expect-417-retried.json")));
    ASSERT_TRUE(source.open(QIODevice::ReadOnly));
    QByteArray json = source.readAll();
    json.replace("upload.test:8080", "127.0.0.1:" + QByteArray::number(server.port()));
    json.replace("\"upload.test\"", "\"127.0.0.1\"");
    const QString path = app.tempPath(QStringLiteral("upload-417.json"));
    QFile out(path);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(json);
    out.close();

    auto *timeline = qobject_cast<TimelineView *>(app.window()->openFile(path));
    ASSERT_NE(timeline, nullptr);
    auto *probeButton = timeline->findingsPanel()->findChild<QPushButton *>(QStringLiteral("findingProbeExpect"));
    ASSERT_NE(probeButton, nullptr) << "the 417 finding offers the probe";
    probeButton->click();
    auto *view = qobject_cast<ProbeView *>(app.window()->documents()->currentWidget());
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->target().fromFile());

    NetworkConsent *consent = app.wiring()->workspace()->networkConsent();
    clickRun(view);
    ASSERT_TRUE(waitUntil([consent] { return consent->pendingQuestion() && consent->pendingQuestion()->isVisible(); }, 5000));
    const QString question = consent->pendingQuestion()->text();
    EXPECT_TRUE(question.contains(QStringLiteral("127.0.0.1:%1").arg(server.port()))) << question.toStdString();
    EXPECT_TRUE(question.contains(QStringLiteral("PUT"))) << question.toStdString();
    EXPECT_TRUE(question.contains(QStringLiteral("2,097,152-byte body"))) << question.toStdString();
    EXPECT_TRUE(question.contains(QStringLiteral("upload-417.json"))) << question.toStdString();
    QTest::qWait(500);
    EXPECT_EQ(server.connections(), 0) << "nothing before the answer";

    consent->pendingQuestion()->findChild<QPushButton *>(QStringLiteral("networkConsentRefuse"))->click();
    QTest::qWait(500);
    EXPECT_EQ(server.connections(), 0) << "nothing after a refusal";
    EXPECT_EQ(view->stage(), ProbeView::Stage::Plan);

    clickRun(view);
    ASSERT_TRUE(waitUntil([consent] { return consent->pendingQuestion() && consent->pendingQuestion()->isVisible(); }, 5000));
    consent->pendingQuestion()->findChild<QPushButton *>(QStringLiteral("networkConsentAllow"))->click();
    EXPECT_TRUE(waitUntil([&server] { return server.connections() >= 1; }, 10000));
    ASSERT_TRUE(waitUntil([view] { return view->stage() == ProbeView::Stage::Finished; }, kBatteryTimeoutMs));
    EXPECT_EQ(rowIds(view), contractIds());
}

TEST(ProbeGui, CancelStopsTheBattery)
{
    // Holds each request unanswered for 3 s, then closes it and takes the next connection: a
    // battery that kept going would open a second connection soon after.
    test::ScriptedServer server([](test::ScriptedPeer &peer) {
        while (!peer.stopRequested()) {
            if (!peer.accept(100))
                continue;
            peer.readHead(2000);
            for (int i = 0; i < 60 && !peer.stopRequested(); ++i)
                peer.sleepMs(50);
            peer.close();
        }
    });
    AppHarness app;
    ProbeView *view = probeFromComposer(app, server.url(QStringLiteral("/upload")));
    ASSERT_NE(view, nullptr);
    clickRun(view);
    ASSERT_TRUE(waitUntil([&server] { return server.connections() == 1; }, 10000));
    auto *cancel = view->findChild<QPushButton *>(QStringLiteral("probeCancel"));
    ASSERT_TRUE(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    EXPECT_EQ(view->stage(), ProbeView::Stage::Finished);
    EXPECT_TRUE(view->report().cancelled);
    EXPECT_TRUE(view->report().checks.isEmpty());
    for (int row = 0; row < view->model()->rowCount(); ++row)
        EXPECT_EQ(view->model()->rowState(row), ProbeResultsModel::RowState::NotRun) << row;
    QTest::qWait(4000); // past the server's hold: a running battery would have connected again
    EXPECT_EQ(server.connections(), 1);
}
