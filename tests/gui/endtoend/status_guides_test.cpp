// SPDX-License-Identifier: GPL-3.0-or-later
// End to end through the app's own wiring (app/app_wiring): a real HAR, a real access log and
// saved exchanges are opened as a user opens them, and every surface that shows a status is
// clicked (or keyed) the way a user would; each must bring the right guide into the Guide dock.
// A surface the wiring forgets (a viewer registered without the Guide connection) fails here.

// qcustomplot.h (2.1) needs Qt's foreach, which the project turns off (see log_chart.cpp).
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "app_harness.h"
#include "core/history/history_store.h"
#include "tests/support/test_support.h"
#include "ui/diagnose/findings_panel.h"
#include "ui/diagnose/har_diagnosis.h"
#include "ui/diagnose/troubleshooting_panel.h"
#include "ui/guide_dock.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_entry_details.h"
#include "ui/har/har_view.h"
#include "ui/history/history_panel.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_view.h"
#include "ui/request_workspace.h"
#include "ui/timeline/timeline_view.h"

#include <QFile>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;
using statusscope::test::AppHarness;
using statusscope::test::clickBadge;
using statusscope::test::clickCell;
using statusscope::test::doubleClickCell;
using statusscope::test::waitUntil;

namespace {

const QStringList kNone;

QStringList one(const char *code)
{
    return {QString::fromLatin1(code)};
}

int rowWithStatus(const QTableWidget *table, int status)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0) && table->item(row, 0)->data(Qt::DisplayRole).toInt() == status)
            return row;
    }
    return -1;
}

LogView *openLog(AppHarness &app)
{
    auto *view = qobject_cast<LogView *>(
        app.window()->openFile(test::fixturePath(QStringLiteral("logs/api-429-spike.log"))));
    if (!view) {
        ADD_FAILURE() << "the access log did not open in a log tab";
        return nullptr;
    }
    EXPECT_TRUE(waitUntil([view] { return !view->isLoading() && view->summary().linesTotal > 0; }));
    view->chart()->plot()->replot(); // lays the legend out
    app.takeShown();
    return view;
}

void doubleClickPlot(QCustomPlot *plot, QPointF at)
{
    QMouseEvent event(QEvent::MouseButtonDblClick, at, plot->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(plot, &event);
}

HarView *openHar(AppHarness &app)
{
    auto *view = qobject_cast<HarView *>(
        app.window()->openFile(test::fixturePath(QStringLiteral("diagnose/troubled-page.har"))));
    if (!view) {
        ADD_FAILURE() << "the HAR did not open in a HAR tab";
        return nullptr;
    }
    EXPECT_TRUE(waitUntil([view] { return view->loadState() == HarView::LoadState::Loaded; }));
    app.takeShown();
    return view;
}

// The table row (view order) of the first entry with `status`.
QModelIndex harIndex(HarView *view, int status)
{
    QAbstractItemModel *model = view->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, HarEntriesModel::StatusColumn);
        if (index.data(HarEntriesModel::StatusRole).toInt() == status)
            return index;
    }
    return {};
}

TimelineView *openExchange(AppHarness &app, const char *name)
{
    auto *view = qobject_cast<TimelineView *>(
        app.window()->openFile(test::fixturePath(QStringLiteral("diagnose/") + QString::fromLatin1(name))));
    EXPECT_NE(view, nullptr) << name << " did not open in a timeline tab";
    app.takeShown();
    return view;
}

} // namespace

// --- Access log ----------------------------------------------------------------------------

TEST(StatusGuides, LogStatusesTableOpensTheGuideOnClickEnterAndDoubleClick)
{
    AppHarness app;
    LogView *view = openLog(app);
    ASSERT_NE(view, nullptr);
    QTableWidget *table = view->statusTable();
    const int row429 = rowWithStatus(table, 429);
    const int row404 = rowWithStatus(table, 404);
    const int row304 = rowWithStatus(table, 304);
    const int row502 = rowWithStatus(table, 502);
    ASSERT_GE(row429, 0);
    ASSERT_GE(row404, 0);
    ASSERT_GE(row304, 0);
    ASSERT_GE(row502, 0);

    clickBadge(table, table->model()->index(row429, 0));
    EXPECT_EQ(app.takeShown(), one("429")) << "click on the status badge";
    EXPECT_EQ(app.browserGuide(), QStringLiteral("429"));

    clickCell(table, table->model()->index(row404, 1));
    EXPECT_EQ(app.takeShown(), one("404")) << "click elsewhere on the row";

    table->setFocus();
    table->setCurrentCell(row304, 1);
    app.takeShown();
    QTest::keyClick(table, Qt::Key_Return);
    EXPECT_EQ(app.takeShown(), one("304")) << "Enter on the row";

    doubleClickCell(table, table->model()->index(row502, 1));
    const QStringList shown = app.takeShown();
    ASSERT_FALSE(shown.isEmpty()) << "double-click on the row";
    EXPECT_EQ(QSet<QString>(shown.cbegin(), shown.cend()), QSet<QString>{QStringLiteral("502")});
    EXPECT_EQ(app.browserGuide(), QStringLiteral("502"));
    EXPECT_TRUE(app.window()->guideDock()->isVisible());
}

TEST(StatusGuides, LogChartLegendAndSpikeMarkerOpenTheGuide)
{
    AppHarness app;
    LogView *view = openLog(app);
    ASSERT_NE(view, nullptr);
    QCustomPlot *plot = view->chart()->plot();

    // Legend: the 4xx entry opens the class's most frequent status (429 in this log).
    QPointF legend4xx;
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i));
        if (item && item->plottable()->name() == QStringLiteral("4xx"))
            legend4xx = QRectF(item->outerRect()).center();
    }
    ASSERT_FALSE(legend4xx.isNull()) << "no 4xx legend entry";
    doubleClickPlot(plot, legend4xx);
    EXPECT_EQ(app.takeShown(), one("429")) << "legend entry";

    ASSERT_EQ(view->summary().spikes.size(), 1);
    const logs::Spike spike = view->summary().spikes.front();
    ASSERT_EQ(spike.status, 429);
    const double key = double(spike.startMs + spike.endMs) / 2000.0 + view->summary().tzOffsetMinutes * 60.0;
    doubleClickPlot(plot, QPointF(plot->xAxis->coordToPixel(key), plot->axisRect()->center().y()));
    EXPECT_EQ(app.takeShown(), one("429")) << "spike marker";
    EXPECT_EQ(app.browserGuide(), QStringLiteral("429"));
}

TEST(StatusGuides, LogBucketDetailsAndTopErrorPathsOpenTheGuide)
{
    AppHarness app;
    LogView *view = openLog(app);
    ASSERT_NE(view, nullptr);

    QTableWidget *paths = view->pathTable();
    ASSERT_GT(paths->rowCount(), 1);
    const int path404 = rowWithStatus(paths, 404);
    ASSERT_GE(path404, 0);
    clickBadge(paths, paths->model()->index(path404, 0));
    EXPECT_EQ(app.takeShown(), one("404")) << "top error paths";

    const logs::Spike spike = view->summary().spikes.value(0);
    ASSERT_EQ(spike.status, 429);
    bool ready = false;
    QObject::connect(view, &LogView::bucketDetailsReady, view, [&ready] { ready = true; });
    view->showBucket(spike.startMs, spike.endMs);
    ASSERT_TRUE(waitUntil([&ready] { return ready; }));
    QTableWidget *bucket = view->bucketTable();
    const int row429 = rowWithStatus(bucket, 429);
    const int row200 = rowWithStatus(bucket, 200);
    ASSERT_GE(row429, 0);
    ASSERT_GE(row200, 0);
    app.takeShown();
    clickBadge(bucket, bucket->model()->index(row429, 0));
    EXPECT_EQ(app.takeShown(), one("429")) << "bucket details, badge";
    clickCell(bucket, bucket->model()->index(row200, 1));
    EXPECT_EQ(app.takeShown(), one("200")) << "bucket details, row";
}

// --- HAR ------------------------------------------------------------------------------------

TEST(StatusGuides, HarTableDetailsAndFindingsOpenTheGuide)
{
    AppHarness app;
    HarView *view = openHar(app);
    ASSERT_NE(view, nullptr);

    // Selecting a row makes the dock follow its status.
    const QModelIndex cdn503 = harIndex(view, 503);
    ASSERT_TRUE(cdn503.isValid());
    clickCell(view->table(), cdn503.siblingAtColumn(HarEntriesModel::PathColumn));
    EXPECT_EQ(app.takeShown(), one("503")) << "HAR row selected";

    // The badge in the Status column of another row.
    const QModelIndex limited = harIndex(view, 429);
    ASSERT_TRUE(limited.isValid());
    clickBadge(view->table(), limited);
    EXPECT_TRUE(app.takeShown().contains(QStringLiteral("429"))) << "HAR status badge";
    EXPECT_EQ(app.browserGuide(), QStringLiteral("429"));

    // The details' header shows the selected entry's status as a link.
    StatusLinkLabel *detailsLink = view->details()->statusLink();
    ASSERT_TRUE(detailsLink->isVisible());
    EXPECT_EQ(detailsLink->codeId(), QStringLiteral("429"));
    app.wiring()->guideNavigator()->showGuide({QStringLiteral("200"), {}});
    app.takeShown();
    QTest::mouseClick(detailsLink, Qt::LeftButton, {}, detailsLink->rect().center());
    EXPECT_EQ(app.takeShown(), one("429")) << "HAR entry details";
    EXPECT_EQ(app.browserGuide(), QStringLiteral("429"));

    // Diagnose the 429 entry: its finding links the guide.
    auto *diagnosis = view->findChild<HarDiagnosis *>();
    ASSERT_NE(diagnosis, nullptr) << "the app did not add the diagnosis to the HAR tab";
    diagnosis->diagnose();
    QCoreApplication::processEvents();
    const QList<StatusLinkLabel *> links =
        diagnosis->findingsPanel()->findChildren<StatusLinkLabel *>(QStringLiteral("findingGuide"));
    ASSERT_FALSE(links.isEmpty()) << "no finding for the 429 entry";
    const QString findingGuide = links.front()->codeId();
    EXPECT_EQ(findingGuide, QStringLiteral("429"));
    app.takeShown();
    links.front()->click();
    EXPECT_EQ(app.takeShown(), QStringList{findingGuide}) << "HAR finding";
}

// --- Saved exchanges: timeline, troubleshooting ---------------------------------------------

TEST(StatusGuides, TimelineAttemptsEventsAndBadgesOpenTheGuide)
{
    AppHarness app;
    TimelineView *view = openExchange(app, "expect-417-retried.json");
    ASSERT_NE(view, nullptr);
    auto *attempts = view->findChild<QTreeWidget *>(QStringLiteral("timelineAttempts"));
    ASSERT_NE(attempts, nullptr);
    ASSERT_GE(attempts->topLevelItemCount(), 2);
    QAbstractItemModel *model = attempts->model();
    clickBadge(attempts, model->index(0, TimelineView::AttemptStatusColumn));
    EXPECT_EQ(app.takeShown(), one("417")) << "attempt #1";
    clickBadge(attempts, model->index(1, TimelineView::AttemptStatusColumn));
    EXPECT_EQ(app.takeShown(), one("201")) << "attempt #2";

    auto *events = view->findChild<QTableWidget *>(QStringLiteral("timelineEvents"));
    ASSERT_NE(events, nullptr);
    int row417 = -1;
    for (int row = 0; row < events->rowCount() && row417 < 0; ++row) {
        if (events->model()->index(row, TimelineView::EventStatusColumn).data(TimelineView::StatusRole).toInt() == 417)
            row417 = row;
    }
    ASSERT_GE(row417, 0) << "no event shows the 417";
    view->findChild<QTabWidget *>(QStringLiteral("timelineTabs"))->setCurrentWidget(events);
    clickBadge(events, events->model()->index(row417, TimelineView::EventStatusColumn));
    EXPECT_EQ(app.takeShown(), one("417")) << "event row";

    auto *badge = view->findChild<StatusLinkLabel *>(QStringLiteral("timelineBadge"));
    ASSERT_NE(badge, nullptr);
    QTest::mouseClick(badge, Qt::LeftButton, {}, badge->rect().center());
    EXPECT_EQ(app.takeShown(), one("201")) << "final status badge";

    // The Diagnosis tab's finding about the 417.
    const QList<StatusLinkLabel *> findings =
        view->findingsPanel()->findChildren<StatusLinkLabel *>(QStringLiteral("findingGuide"));
    ASSERT_FALSE(findings.isEmpty());
    findings.front()->click();
    EXPECT_EQ(app.takeShown(), QStringList{findings.front()->codeId()}) << "timeline finding";
    EXPECT_EQ(app.browserGuide(), findings.front()->codeId());
}

TEST(StatusGuides, TimelineInterimRowOpensItsGuide)
{
    AppHarness app;
    TimelineView *view = openExchange(app, "healthy-201.json");
    ASSERT_NE(view, nullptr);
    auto *attempts = view->findChild<QTreeWidget *>(QStringLiteral("timelineAttempts"));
    ASSERT_NE(attempts, nullptr);
    QTreeWidgetItem *attempt = attempts->topLevelItem(0);
    ASSERT_NE(attempt, nullptr);
    attempts->expandAll();
    QTreeWidgetItem *interim = nullptr;
    for (int i = 0; i < attempt->childCount() && !interim; ++i) {
        if (attempt->child(i)->data(TimelineView::AttemptStatusColumn, TimelineView::StatusRole).toInt() == 100)
            interim = attempt->child(i);
    }
    ASSERT_NE(interim, nullptr) << "no interim row for the 100 Continue";
    QModelIndex index = attempts->model()->index(attempt->indexOfChild(interim), TimelineView::AttemptStatusColumn,
                                                 attempts->model()->index(0, 0));
    clickBadge(attempts, index);
    EXPECT_EQ(app.takeShown(), one("100")) << "interim row";
    EXPECT_EQ(app.browserGuide(), QStringLiteral("100"));
}

TEST(StatusGuides, TroubleshootingHeaderOpensTheGuide)
{
    AppHarness app;
    TimelineView *view = openExchange(app, "expect-417-retried.json");
    ASSERT_NE(view, nullptr);
    view->requestTroubleshooting();
    auto *panel = qobject_cast<TroubleshootingPanel *>(app.window()->documents()->currentWidget());
    ASSERT_NE(panel, nullptr) << "Troubleshoot… did not open a troubleshooting tab";
    auto *header = panel->findChild<StatusLinkLabel *>(QStringLiteral("troubleshootGuide"));
    ASSERT_NE(header, nullptr);
    EXPECT_EQ(header->codeId(), QStringLiteral("417"));
    app.takeShown();
    QTest::mouseClick(header, Qt::LeftButton, {}, header->rect().center());
    EXPECT_EQ(app.takeShown(), one("417")) << "troubleshooting header";
    EXPECT_EQ(app.browserGuide(), QStringLiteral("417"));
}

// --- History ---------------------------------------------------------------------------------

TEST(StatusGuides, HistoryStatusOpensTheGuide)
{
    AppHarness app;
    QFile saved(test::fixturePath(QStringLiteral("diagnose/rate-limited-429.json")));
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    HistoryEntry entry;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.method = QStringLiteral("GET");
    entry.url = QStringLiteral("http://127.0.0.1:9/api/search");
    entry.finalStatus = 429;
    entry.exchangeJson = saved.readAll();
    ASSERT_GT(app.wiring()->workspace()->history()->add(entry), 0);
    HistoryPanel *panel = app.wiring()->workspace()->historyPanel();
    panel->refresh();
    QTreeWidget *list = panel->list();
    ASSERT_EQ(list->topLevelItemCount(), 1);
    clickBadge(list, list->model()->index(0, HistoryPanel::StatusColumn));
    EXPECT_EQ(app.takeShown(), one("429")) << "history row";
    EXPECT_EQ(app.browserGuide(), QStringLiteral("429"));
}

// --- The guides themselves -----------------------------------------------------------------

TEST(StatusGuides, GuideToGuideLinksNavigateInTheDock)
{
    AppHarness app;
    GuideBrowser *browser = app.wiring()->guideBrowser();
    app.wiring()->guideNavigator()->showGuide({QStringLiteral("417"), {}});
    ASSERT_EQ(browser->currentId(), QStringLiteral("417"));
    // The first guide: link the 417 guide renders (related codes, "see also").
    const QString html = browser->view()->toHtml();
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("href=\"guide:([^\"]+)\"")).match(html);
    ASSERT_TRUE(match.hasMatch()) << "the 417 guide links no other guide";
    const QString target = match.captured(1);
    ASSERT_NE(target, QStringLiteral("417"));
    emit browser->view()->anchorClicked(QUrl(QStringLiteral("guide:") + target));
    EXPECT_EQ(browser->currentId(), target);
    ASSERT_TRUE(browser->canGoBack());
    browser->back();
    EXPECT_EQ(browser->currentId(), QStringLiteral("417"));
}
