// SPDX-License-Identifier: GPL-3.0-or-later
// "Open the logs at this status" through the app's own wiring: with two logs open the user is
// asked which one, and the chosen one is filtered to the status and the exchange's time; with
// none open, opening one is offered and the opened log is filtered once read; a log without
// such requests is named plainly.

#include "app_harness.h"
#include "ui/diagnose/log_focus.h"
#include "ui/diagnose/troubleshooting_panel.h"
#include "ui/logs/log_view.h"
#include "ui/request_workspace.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableWidget>
#include <QTabWidget>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;
using statusscope::test::AppHarness;
using statusscope::test::waitUntil;

namespace {

// `count503` lines with 503 and 4 with 200 at 10:00 (+0200) on 13 May 2024.
QString writeLog(const AppHarness &app, const QString &name, int count503)
{
    const QString path = app.tempPath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < count503 + 4; ++i)
        file.write("10.0.0.1 - - [13/May/2024:10:00:0" + QByteArray::number(i % 10) + " +0200] \"GET /api HTTP/1.1\" "
                   + (i < count503 ? "503" : "200") + " 5 \"-\" \"curl\"\n");
    return path;
}

LogView *openLog(AppHarness &app, const QString &path)
{
    auto *view = qobject_cast<LogView *>(app.window()->openFile(path));
    EXPECT_NE(view, nullptr) << "the wiring opens an access log in a log tab";
    if (view) {
        EXPECT_TRUE(waitUntil([view] { return !view->isLoading() && view->summary().linesTotal > 0; }));
    }
    return view;
}

// A 503 at 10:00:05 +0200, troubleshot with the 5xx flow, whose first step opens the logs.
TroubleshootingPanel *troubleshoot503(AppHarness &app)
{
    http::Exchange exchange;
    exchange.startedAt = QDateTime::fromString(QStringLiteral("2024-05-13T08:00:05Z"), Qt::ISODate);
    exchange.url = QUrl(QStringLiteral("https://api.test/api"));
    http::Attempt attempt;
    attempt.url = exchange.url;
    attempt.request.method = "GET";
    attempt.response = http::Response{};
    attempt.response->status = 503;
    exchange.attempts << attempt;
    CheckContext context;
    context.exchange = exchange;
    TroubleshootingPanel *panel =
        app.wiring()->workspace()->openTroubleshooting(diagnose::TroubleshootingRun(diagnose::flowForStatus(503)), context);
    EXPECT_EQ(panel->run().currentStep()->automatic, diagnose::CheckKind::OpenLogsFiltered);
    return panel;
}

QString runLogsCheck(TroubleshootingPanel *panel)
{
    std::optional<CheckResult> result;
    QObject::connect(panel, &TroubleshootingPanel::checkFinished, panel, [&](const CheckResult &r) { result = r; });
    panel->runCheck();
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }));
    return result ? result->observed : QString();
}

int selectedStatus(QTableWidget *table)
{
    const QList<QModelIndex> rows = table->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data().toInt() : -1;
}

} // namespace

TEST(OpenLogs, WithTwoLogsOpenTheUserChoosesAndTheChosenOneIsFiltered)
{
    AppHarness app;
    LogView *first = openLog(app, writeLog(app, QStringLiteral("edge-a.log"), 2));
    LogView *second = openLog(app, writeLog(app, QStringLiteral("edge-b.log"), 3));
    ASSERT_TRUE(first && second);
    QStringList offered;
    int askedStatus = 0;
    app.wiring()->workspace()->logFocus()->setLogChooser([&](const QStringList &names, int status) {
        offered = names;
        askedStatus = status;
        return int(names.indexOf(QStringLiteral("edge-b.log")));
    });
    app.window()->documents()->setCurrentWidget(first);
    TroubleshootingPanel *panel = troubleshoot503(app);

    const QString observed = runLogsCheck(panel);
    EXPECT_EQ(offered, (QStringList{QStringLiteral("edge-a.log"), QStringLiteral("edge-b.log")}));
    EXPECT_EQ(askedStatus, 503);
    EXPECT_TRUE(observed.startsWith(QStringLiteral("Logs: 3 request(s) with status 503 in edge-b.log between 2024-05-13")))
        << qPrintable(observed);
    EXPECT_EQ(app.window()->documents()->currentWidget(), second) << "the chosen log comes forward";
    EXPECT_EQ(selectedStatus(second->statusTable()), 503);
    EXPECT_EQ(selectedStatus(second->bucketTable()), 503) << "the time window around the exchange";
    EXPECT_TRUE(first->statusTable()->selectionModel()->selectedRows().isEmpty()) << "the other log is left alone";

    // Declining the choice says so and touches no log.
    app.wiring()->workspace()->logFocus()->setLogChooser([](const QStringList &, int) { return -1; });
    EXPECT_EQ(runLogsCheck(panel), QStringLiteral("Logs: no log was chosen"));
}

TEST(OpenLogs, WithNoLogOpenOpeningOneIsOfferedAndItIsFilteredOnceRead)
{
    AppHarness app;
    const QString path = writeLog(app, QStringLiteral("origin.log"), 4);
    int offered = 0;
    app.wiring()->workspace()->logFocus()->setLogFileChooser([&](int status) {
        EXPECT_EQ(status, 503);
        ++offered;
        return path;
    });
    TroubleshootingPanel *panel = troubleshoot503(app);

    const QString observed = runLogsCheck(panel);
    EXPECT_EQ(offered, 1);
    auto *log = qobject_cast<LogView *>(app.window()->documents()->currentWidget());
    ASSERT_NE(log, nullptr) << "the chosen file opened in a log tab";
    EXPECT_FALSE(log->isLoading());
    EXPECT_TRUE(observed.startsWith(QStringLiteral("Logs: 4 request(s) with status 503 in origin.log between")))
        << qPrintable(observed);
    EXPECT_EQ(selectedStatus(log->statusTable()), 503);
}

TEST(OpenLogs, ALogWithoutSuchRequestsSaysSoPlainly)
{
    AppHarness app;
    LogView *log = openLog(app, writeLog(app, QStringLiteral("other-server.log"), 0));
    ASSERT_NE(log, nullptr);
    TroubleshootingPanel *panel = troubleshoot503(app);

    EXPECT_EQ(runLogsCheck(panel), QStringLiteral("Logs: other-server.log has no request with status 503 at all — this "
                                                  "may not be the log of the server that answered"));
    EXPECT_TRUE(log->statusTable()->selectionModel()->selectedRows().isEmpty()) << "nothing unrelated selected";
    auto *label = panel->findChild<QLabel *>(QStringLiteral("troubleshootResult"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QStringLiteral("has no request with status 503 at all"))) << qPrintable(label->text());
}
