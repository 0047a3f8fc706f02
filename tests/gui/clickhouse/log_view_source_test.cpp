// SPDX-License-Identifier: GPL-3.0-or-later
// File › Open Log Source… against a real clickhouse-server: the connection dialog (test
// connection, column mapper) and the log tab over the source, the same LogView files open in
// (overview, zoom re-bucketed by the server, sample rows of a clicked bar and of a spike, the
// filter bar counted on the server, errors shown with the source's name).

// qcustomplot.h (2.1) needs Qt's foreach, which the project turns off (see log_chart.cpp).
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "core/logs/source/log_source.h"
#include "tests/support/clickhouse_server.h"
#include "tests/support/test_support.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_filter_bar.h"
#include "ui/logs/log_source_action.h"
#include "ui/logs/log_source_dialog.h"
#include "ui/logs/log_view.h"
#include "ui/logs/source_passwords.h"
#include "ui/main_window.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest/QTest>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

using statusscope::logs::ColumnRole;
using statusscope::test::ClickHouseServer;
using statusscope::test::fixturePath;
using statusscope::test::ProcessResult;
using statusscope::test::runCli;
using statusscope::test::runProcess;
using statusscope::ui::LogSourceDialog;
using statusscope::ui::LogView;

namespace {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

template<typename Object, typename Signal>
bool waitFor(Object *object, Signal signal, int timeoutMs = 60000)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(object, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

class SourceLogTab : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.start()) << m_server.error().toStdString();
        m_log = m_dir.filePath(QStringLiteral("access.log"));
        const ProcessResult generated = runProcess(
            QStringLiteral("python3"),
            {fixturePath(QStringLiteral("logs/gen_access_log.py")), QStringLiteral("--seed"), QStringLiteral("9"),
             QStringLiteral("--lines"), QStringLiteral("30000"), QStringLiteral("--malformed-rate"),
             QStringLiteral("0.002"), QStringLiteral("-o"), m_log},
            120000);
        ASSERT_EQ(generated.exitCode, 0) << ::testing::PrintToString(generated);
        const QString passwordFile = ClickHouseServer::writePasswordFile(m_dir.path());
        ASSERT_FALSE(passwordFile.isEmpty());
        m_url = m_server.sourceUrl(QStringLiteral("default.access"));
        const ProcessResult loaded = runCli({QStringLiteral("logs"), QStringLiteral("--password-file"), passwordFile,
                                             QStringLiteral("--to"), m_url, m_log},
                                            120000);
        ASSERT_EQ(loaded.exitCode, 0) << ::testing::PrintToString(loaded);
        const ProcessResult local = runCli({QStringLiteral("logs"), QStringLiteral("--json"), m_log}, 120000);
        m_local = QJsonDocument::fromJson(local.out).object();
    }

    // The dialog filled in, tested and accepted: what File › Open Log Source… does.
    std::shared_ptr<statusscope::logs::LogSource> openThroughDialog(const QString &password, const QString &url = {})
    {
        LogSourceDialog dialog;
        dialog.urlEdit()->setText(url.isEmpty() ? m_url : url);
        dialog.passwordEdit()->setText(password);
        dialog.testConnection();
        if (!waitFor(&dialog, &LogSourceDialog::tested))
            return {};
        return dialog.makeSource();
    }

    ClickHouseServer m_server;
    QTemporaryDir m_dir;
    QString m_log;
    QString m_url;
    QJsonObject m_local;
};

TEST_F(SourceLogTab, TestConnectionFillsTheColumnMapperWithTheGuess)
{
    LogSourceDialog dialog;
    dialog.urlEdit()->setText(m_url);
    dialog.passwordEdit()->setText(ClickHouseServer::password());
    dialog.testConnection();
    ASSERT_TRUE(waitFor(&dialog, &LogSourceDialog::tested));
    EXPECT_TRUE(dialog.testResult()->text().startsWith(QStringLiteral("Connected: 10 columns")))
        << dialog.testResult()->text().toStdString();
    EXPECT_EQ(dialog.columnBox(ColumnRole::Time)->currentData().toString(), QStringLiteral("ts"));
    EXPECT_EQ(dialog.columnBox(ColumnRole::Status)->currentData().toString(), QStringLiteral("status"));
    EXPECT_EQ(dialog.columnBox(ColumnRole::Client)->currentData().toString(), QStringLiteral("client"));
    EXPECT_TRUE(dialog.columnBox(ColumnRole::Path)->isEnabled());

    dialog.passwordEdit()->setText(QStringLiteral("wrong"));
    dialog.testConnection();
    ASSERT_TRUE(waitFor(&dialog, &LogSourceDialog::tested));
    EXPECT_TRUE(dialog.testResult()->text().contains(QStringLiteral("wrong user or password")))
        << dialog.testResult()->text().toStdString();
}

TEST_F(SourceLogTab, TheTabChartsTheServersCountsZoomsAndFetchesSampleRows)
{
    const auto source = openThroughDialog(ClickHouseServer::password());
    ASSERT_TRUE(source);
    LogView view(source);
    ASSERT_TRUE(waitFor(&view, &LogView::loadFinished)) << view.errorText().toStdString();
    // The same statuses, counts and spikes as the file read here.
    const QJsonObject statuses = m_local[QStringLiteral("status_counts")].toObject();
    ASSERT_EQ(view.statusTable()->rowCount(), statuses.size());
    for (int row = 0; row < view.statusTable()->rowCount(); ++row) {
        const QString status = view.statusTable()->item(row, 0)->data(Qt::DisplayRole).toString();
        EXPECT_EQ(view.statusTable()->item(row, 1)->data(Qt::DisplayRole).toLongLong(),
                  statuses[status].toInteger())
            << status.toStdString();
    }
    EXPECT_EQ(view.summary().spikes.size(), m_local[QStringLiteral("spikes")].toArray().size());
    EXPECT_EQ(view.chart()->buckets().size(),
              m_local[QStringLiteral("series")][QStringLiteral("buckets")].toArray().size());

    // Zoom into one hour: the server re-buckets it into minutes.
    const auto first = view.chart()->buckets().front().startMs;
    QCustomPlot *plot = view.chart()->plot();
    plot->xAxis->setRange(double(first) / 1000 + 3600 * 10, double(first) / 1000 + 3600 * 11);
    ASSERT_TRUE(waitFor(&view, &LogView::seriesUpdated)) << view.errorText().toStdString();
    EXPECT_EQ(view.chart()->currentBucketSeconds(), 60);
    EXPECT_GE(view.chart()->buckets().size(), 59);

    // A bar's sample rows come from the server with LIMIT.
    const auto bucket = view.chart()->buckets().at(10);
    view.showBucket(bucket.startMs, bucket.startMs + 60000);
    ASSERT_TRUE(waitFor(&view, &LogView::bucketSamplesReady)) << view.errorText().toStdString();
    ASSERT_EQ(view.sampleTable()->rowCount(), int(std::min<qint64>(bucket.total, 20)));
    EXPECT_GE(view.sampleTable()->item(0, 0)->data(Qt::DisplayRole).toInt(), 100);
    // The time of day in the cell, the whole timestamp in its tooltip.
    static const QRegularExpression timeOfDay(QStringLiteral("^[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]{3})?$"));
    EXPECT_TRUE(timeOfDay.match(view.sampleTable()->item(0, 1)->text()).hasMatch())
        << view.sampleTable()->item(0, 1)->text().toStdString();
    EXPECT_TRUE(view.sampleTable()->item(0, 1)->toolTip().startsWith(QStringLiteral("2024-05-13T")))
        << view.sampleTable()->item(0, 1)->toolTip().toStdString();
    EXPECT_TRUE(view.sampleTable()->item(0, 2)->text().contains(QLatin1Char('/')))
        << view.sampleTable()->item(0, 2)->text().toStdString();

    // A click on a spike's label: the rows of the spike's status in its range, from the server.
    view.chart()->showAll();
    ASSERT_FALSE(view.summary().spikes.isEmpty());
    const statusscope::logs::Spike spike = view.summary().spikes.front();
    emit view.chart()->bucketClicked(spike.startMs, spike.endMs);
    emit view.chart()->spikeClicked(spike.status, spike.startMs, spike.endMs);
    ASSERT_TRUE(waitFor(&view, &LogView::bucketSamplesReady)) << view.errorText().toStdString();
    ASSERT_GT(view.sampleTable()->rowCount(), 0);
    ASSERT_LE(view.sampleTable()->rowCount(), 20);
    for (int row = 0; row < view.sampleTable()->rowCount(); ++row) {
        EXPECT_EQ(view.sampleTable()->item(row, 0)->data(Qt::DisplayRole).toInt(), spike.status) << row;
        EXPECT_FALSE(view.sampleTable()->isRowHidden(row)) << row;
    }
}

// The same tab as a file's: the filter bar counts on the server, a chosen status narrows the
// top lists, and what needs the file itself (raw lines, follow) is not offered.
TEST_F(SourceLogTab, TheFilterBarRecountsOnTheServerAndFileOnlyPartsAreHidden)
{
    const auto source = openThroughDialog(ClickHouseServer::password());
    ASSERT_TRUE(source);
    LogView view(source);
    ASSERT_TRUE(waitFor(&view, &LogView::loadFinished)) << view.errorText().toStdString();
    EXPECT_FALSE(view.findChild<QCheckBox *>(QStringLiteral("followToggle"))->isVisibleTo(&view));
    EXPECT_FALSE(view.findChild<QToolButton *>(QStringLiteral("rawLinesButton"))->isVisibleTo(&view));
    EXPECT_FALSE(view.canFollow());
    // The top panels list what the same tab lists for the file itself.
    LogView file({m_log});
    ASSERT_TRUE(file.summary().linesTotal > 0 || waitFor(&file, &LogView::loadFinished));
    for (QTableWidget *table : {view.topPathTable(), view.topClientTable(), view.topAgentTable()}) {
        QTableWidget *local = file.findChild<QTableWidget *>(table->objectName());
        ASSERT_NE(local, nullptr);
        ASSERT_GE(table->rowCount(), 3) << table->objectName().toStdString();
        QMap<QString, qint64> fromFile;
        for (int row = 0; row < local->rowCount(); ++row)
            fromFile.insert(local->item(row, 1)->text(), local->item(row, 0)->data(Qt::DisplayRole).toLongLong());
        for (int row = 0; row < std::min(table->rowCount(), 10); ++row) {
            const qint64 count = table->item(row, 0)->data(Qt::DisplayRole).toLongLong();
            EXPECT_EQ(local->item(row, 0)->data(Qt::DisplayRole).toLongLong(), count) << table->objectName().toStdString();
            // Generated clients come once or twice each: which of the tied ones is listed is
            // each side's own choice, so only paths and agents are matched by name.
            if (table != view.topClientTable()) {
                EXPECT_EQ(fromFile.value(table->item(row, 1)->text(), -1), count)
                    << table->objectName().toStdString() << ": " << table->item(row, 1)->text().toStdString();
            }
        }
    }

    const ProcessResult posts = runCli({QStringLiteral("logs"), QStringLiteral("--json"), QStringLiteral("--method"),
                                        QStringLiteral("POST"), QStringLiteral("--agent"), QStringLiteral("mozilla"), m_log},
                                       120000);
    const qint64 expected = QJsonDocument::fromJson(posts.out).object()[QStringLiteral("lines_parsed")].toInteger();
    ASSERT_GT(expected, 0);
    view.filterBar()->methodEdit()->setText(QStringLiteral("post"));
    view.filterBar()->userAgentEdit()->setText(QStringLiteral("Mozilla"));
    emit view.filterBar()->filterChanged();
    ASSERT_TRUE(waitFor(&view, &LogView::recountFinished)) << view.errorText().toStdString();
    EXPECT_EQ(view.summary().linesParsed, expected) << view.statusLabel()->text().toStdString();
    EXPECT_EQ(view.fullSummary().linesParsed, m_local[QStringLiteral("lines_parsed")].toInteger());
    qint64 charted = 0;
    for (const auto &bucket : view.chart()->buckets())
        charted += bucket.total;
    EXPECT_EQ(charted, expected);

    // The top clients of a chosen status come from the server's per-status lists.
    view.selectStatus(200);
    ASSERT_GT(view.topClientTable()->rowCount(), 0);
    qint64 listed = 0;
    for (int row = 0; row < view.topClientTable()->rowCount(); ++row)
        listed += view.topClientTable()->item(row, 0)->data(Qt::DisplayRole).toLongLong();
    EXPECT_LE(listed, view.summary().statusCounts.value(200));
    EXPECT_GT(listed, 0);
}

TEST_F(SourceLogTab, AWrongPasswordShowsTheMessageInsteadOfABlankChart)
{
    const auto source = openThroughDialog(QStringLiteral("not-it"));
    ASSERT_TRUE(source);
    LogView view(source);
    ASSERT_TRUE(waitFor(&view, &LogView::failed));
    EXPECT_TRUE(view.errorText().startsWith(m_url)) << view.errorText().toStdString();
    EXPECT_TRUE(view.errorText().contains(QStringLiteral("wrong user or password")));
    EXPECT_EQ(view.findChild<QLabel *>(QStringLiteral("sourceError"))->text(), view.errorText());
}

TEST_F(SourceLogTab, ALongOverviewShowsProgressAndCancelStopsItWithTheWindowResponsive)
{
    // About five seconds per query of the overview: long enough to watch and cancel.
    ASSERT_TRUE(m_server.createSlowTable(QStringLiteral("default.slow"), 2000000, 0.3)) << m_server.error().toStdString();
    const QString url = m_server.sourceUrl(QStringLiteral("default.slow"));
    const auto source = openThroughDialog(ClickHouseServer::password(), url);
    ASSERT_TRUE(source);
    // The GUI thread's own pulse: a 20 ms timer, and the longest it went without firing.
    QElapsedTimer sinceTick;
    qint64 longestGapMs = 0;
    QTimer pulse;
    pulse.setInterval(20);
    QObject::connect(&pulse, &QTimer::timeout, &pulse, [&] { longestGapMs = std::max(longestGapMs, sinceTick.restart()); });
    sinceTick.start();
    pulse.start();

    auto tab = std::make_unique<LogView>(source);
    LogView &view = *tab;
    view.resize(1200, 700);
    view.show();
    EXPECT_TRUE(view.progressBar()->isVisible());
    ASSERT_TRUE(waitUntil([&] { return view.progressBar()->maximum() == 1000 && view.progressBar()->value() > 0; },
                          30000))
        << view.statusLabel()->text().toStdString();
    static const QRegularExpression measured(QStringLiteral(
        "counting rows: [0-9,]+ of 2,0[0-9]{2},[0-9]{3} rows \\([0-9]{1,2}%\\), [0-9]+\\.[0-9] s$"));
    EXPECT_TRUE(measured.match(view.statusLabel()->text()).hasMatch()) << view.statusLabel()->text().toStdString();
    ASSERT_TRUE(view.isBusy());
    ASSERT_TRUE(view.cancelButton()->isEnabled());

    QElapsedTimer cancelled;
    cancelled.start();
    QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
    EXPECT_FALSE(view.cancelButton()->isEnabled());
    EXPECT_TRUE(view.statusLabel()->text().startsWith(QStringLiteral("Cancelling"))) << view.statusLabel()->text().toStdString();
    ASSERT_TRUE(waitFor(&view, &LogView::failed, 10000));
    pulse.stop();
    EXPECT_LT(cancelled.elapsed(), 3000);
    EXPECT_EQ(view.errorText(), url + QStringLiteral(": cancelled; the query was stopped on the server"));
    auto *message = view.findChild<QLabel *>(QStringLiteral("sourceError"));
    EXPECT_TRUE(message->isVisible());
    EXPECT_EQ(message->text(), view.errorText());
    EXPECT_EQ(view.statusLabel()->text(), QStringLiteral("Cancelled"));
    EXPECT_FALSE(view.progressBar()->isVisible());
    EXPECT_FALSE(view.isBusy());
    EXPECT_EQ(m_server.statusScopeQueriesLeftAfter(), 0);
    EXPECT_LT(longestGapMs, 500) << "the GUI thread was blocked while the query ran or was cancelled";

    // "Try again" asks anew: busy again, the message gone.
    auto *retry = view.findChild<QPushButton *>(QStringLiteral("sourceRetry"));
    ASSERT_NE(retry, nullptr);
    EXPECT_TRUE(retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    EXPECT_TRUE(view.isBusy());
    EXPECT_FALSE(message->isVisible());
    EXPECT_TRUE(view.progressBar()->isVisible());
    // Closing the tab at once cancels the call even before it has started on its thread.
    QElapsedTimer closing;
    closing.start();
    tab.reset();
    EXPECT_LT(closing.elapsed(), 3000);
    EXPECT_EQ(m_server.statusScopeQueriesLeftAfter(), 0);
}

TEST_F(SourceLogTab, FileMenuOffersOpenLogSourceAfterOpen)
{
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    statusscope::ui::MainWindow window(&settings);
    QAction *action = statusscope::ui::installOpenLogSourceAction(&window, {});
    auto *file = window.findChild<QMenu *>(QStringLiteral("menuFile"));
    ASSERT_NE(file, nullptr);
    const QList<QAction *> actions = file->actions();
    const qsizetype open = actions.indexOf(window.findChild<QAction *>(QStringLiteral("actionOpen")));
    ASSERT_GE(open, 0);
    EXPECT_EQ(actions.indexOf(action), open + 1);
}

} // namespace

namespace {

// Without a keychain service (as here: no Secret Service on the test machine) a password is
// still kept for the session, so the dialog asks once.
TEST(SourcePasswords, KeptForTheSessionWhenNoKeychainAnswers)
{
    auto &passwords = statusscope::ui::SourcePasswords::instance();
    const QString key = QStringLiteral("clickhouse://tester@127.0.0.1:1/default.session_only");
    EXPECT_TRUE(passwords.find(key).isEmpty());
    passwords.remember(key, QStringLiteral("s3cret"));
    EXPECT_EQ(passwords.find(key), QStringLiteral("s3cret"));
}

} // namespace
