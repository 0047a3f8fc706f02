// "Open the logs filtered to this status": with a log tab open, the check selects the status in
// it (LogView::focusStatus) and says how many requests had it.
#include "../composer/gui_wait.h"

#include "ui/diagnose/check_runner.h"
#include "ui/logs/log_view.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

TEST(OpenLogsCheckTest, SelectsTheStatusInTheOpenLogTab)
{
    QTemporaryDir dir;
    const QString logPath = dir.filePath(QStringLiteral("access.log"));
    {
        QFile file(logPath);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 12; ++i)
            file.write("10.0.0.1 - - [13/May/2024:10:00:0" + QByteArray::number(i % 10) + " +0200] \"PUT /files HTTP/1.1\" "
                       + (i < 3 ? "417" : "200") + " 5 \"-\" \"curl\"\n");
    }
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(&settings);
    RequestWorkspace workspace(&window, dir.filePath(QStringLiteral("history.db")));

    // No log open: the check says so.
    http::Exchange exchange;
    http::Attempt attempt;
    attempt.response = http::Response{};
    attempt.response->status = 417;
    exchange.attempts << attempt;
    EXPECT_TRUE(workspace.focusStatusInLogs(417).isEmpty());

    auto *log = new LogView({logPath}, window.documents());
    window.addDocument(log, QStringLiteral("access.log"));
    ASSERT_TRUE(test::waitUntil([&] { return !log->isLoading() && log->summary().linesParsed == 12; }, 30000));

    CheckRunner runner;
    runner.setContext(CheckContext{exchange, std::nullopt, {}, [&](int status) { return workspace.focusStatusInLogs(status); }});
    std::optional<CheckResult> result;
    QObject::connect(&runner, &CheckRunner::finished, &runner, [&](const CheckResult &r) { result = r; });
    runner.start(diagnose::CheckKind::OpenLogsFiltered);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->observed.contains(QStringLiteral("417 selected"))) << qPrintable(result->observed);
    EXPECT_TRUE(result->observed.contains(QStringLiteral("3 request"))) << qPrintable(result->observed);
    const QList<QModelIndex> rows = log->statusTable()->selectionModel()->selectedRows();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().data().toInt(), 417);
    EXPECT_EQ(log->focusStatus(503), 0); // a status the log does not have
}
