// SPDX-License-Identifier: GPL-3.0-or-later
// "Open the logs filtered to this status": with a log tab open, the check shows the status being
// troubleshot (not the exchange's final one) around the exchange's time, and says plainly when
// the log has no such requests.
#include "../composer/gui_wait.h"

#include "ui/diagnose/check_runner.h"
#include "ui/diagnose/log_focus.h"
#include "ui/logs/log_view.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QSettings>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

// 12 lines at 10:00 (+0200): 3 × 417, 9 × 200; and 5 × 201 at 14:00.
QString writeLog(const QTemporaryDir &dir)
{
    const QString logPath = dir.filePath(QStringLiteral("access.log"));
    QFile file(logPath);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 12; ++i)
        file.write("10.0.0.1 - - [13/May/2024:10:00:0" + QByteArray::number(i % 10) + " +0200] \"PUT /files HTTP/1.1\" "
                   + (i < 3 ? "417" : "200") + " 5 \"-\" \"curl\"\n");
    for (int i = 0; i < 5; ++i)
        file.write("10.0.0.1 - - [13/May/2024:14:00:0" + QByteArray::number(i) + " +0200] \"PUT /files HTTP/1.1\" 201 5 \"-\" \"curl\"\n");
    return logPath;
}

// A 417 retried without Expect to a 201, at `when`.
http::Exchange retried417(const QDateTime &when)
{
    http::Exchange exchange;
    exchange.startedAt = when;
    for (int status : {417, 201}) {
        http::Attempt attempt;
        attempt.request.method = "PUT";
        attempt.response = http::Response{};
        attempt.response->status = status;
        exchange.attempts << attempt;
    }
    return exchange;
}

struct Fixture
{
    QTemporaryDir dir;
    QSettings settings{dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
    MainWindow window{&settings};
    RequestWorkspace workspace{&window, dir.filePath(QStringLiteral("history.db"))};
    LogView *log = nullptr;

    void openLog()
    {
        log = new LogView({writeLog(dir)}, window.documents());
        window.addDocument(log, QStringLiteral("access.log"));
        ASSERT_TRUE(test::waitUntil([&] { return !log->isLoading() && log->summary().linesParsed == 17; }, 30000));
    }
    std::optional<CheckResult> run(const http::Exchange &exchange, int status)
    {
        CheckRunner runner;
        CheckContext context;
        context.exchange = exchange;
        context.status = status;
        context.openLogs = [this](int s, const QDateTime &at, LogFocus::Done done) {
            workspace.logFocus()->focus(s, at, &workspace, std::move(done));
        };
        runner.setContext(context);
        std::optional<CheckResult> result;
        QObject::connect(&runner, &CheckRunner::finished, &runner, [&](const CheckResult &r) { result = r; });
        runner.start(diagnose::CheckKind::OpenLogsFiltered);
        test::waitUntil([&] { return result.has_value(); }, 10000);
        return result;
    }
};

const QDateTime kAt1000 = QDateTime::fromString(QStringLiteral("2024-05-13T08:00:05Z"), Qt::ISODate);

} // namespace

TEST(OpenLogsCheckTest, NoLogOpenAndNoneChosenSaysSo)
{
    Fixture f;
    int offered = 0;
    f.workspace.logFocus()->setLogFileChooser([&](int status) {
        EXPECT_EQ(status, 417);
        ++offered;
        return QString(); // the user cancels the file dialog
    });
    const std::optional<CheckResult> result = f.run(retried417(kAt1000), 417);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->observed.contains(QStringLiteral("no access log is open"))) << qPrintable(result->observed);
    EXPECT_EQ(offered, 1) << "with no log open, opening one is offered";
}

TEST(OpenLogsCheckTest, ShowsTheTroubleshotStatusNotTheFinalOneInTheTimeWindow)
{
    Fixture f;
    ASSERT_NO_FATAL_FAILURE(f.openLog());
    // The exchange ended in 201 after the retry; the flow troubleshoots the 417.
    const std::optional<CheckResult> result = f.run(retried417(kAt1000), 417);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->observed.contains(QStringLiteral("3 request(s) with status 417"))) << qPrintable(result->observed);
    EXPECT_TRUE(result->observed.contains(QStringLiteral("between 2024-05-13"))) << qPrintable(result->observed);
    EXPECT_FALSE(result->observed.contains(QStringLiteral("&quot;")));
    const QList<QModelIndex> rows = f.log->statusTable()->selectionModel()->selectedRows();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().data().toInt(), 417) << "the final 201 must not be what gets selected";
    const QList<QModelIndex> bucketRows = f.log->bucketTable()->selectionModel()->selectedRows();
    ASSERT_EQ(bucketRows.size(), 1);
    EXPECT_EQ(bucketRows.first().data().toInt(), 417);
    EXPECT_EQ(f.window.documents()->currentWidget(), f.log) << "the log tab comes forward";
}

TEST(OpenLogsCheckTest, SaysPlainlyWhenTheLogHasNoSuchRequests)
{
    Fixture f;
    ASSERT_NO_FATAL_FAILURE(f.openLog());
    std::optional<CheckResult> result = f.run(retried417(kAt1000), 503);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->observed.contains(QStringLiteral("has no request with status 503 at all")))
        << qPrintable(result->observed);
    EXPECT_TRUE(f.log->statusTable()->selectionModel()->selectedRows().isEmpty()) << "nothing unrelated selected";

    // The status is in the log, but not around the exchange's time.
    result = f.run(retried417(kAt1000), 201);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->observed.contains(QStringLiteral("no request with status 201 between")))
        << qPrintable(result->observed);
    EXPECT_TRUE(result->observed.contains(QStringLiteral("5 at other times"))) << qPrintable(result->observed);

    // The exchange is after the log ends.
    result = f.run(retried417(kAt1000.addDays(3)), 417);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->observed.contains(QStringLiteral("outside it"))) << qPrintable(result->observed);
    EXPECT_EQ(f.log->focusStatus(503).total, 0);
}
