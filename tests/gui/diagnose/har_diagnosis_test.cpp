// SPDX-License-Identifier: GPL-3.0-or-later
// The HAR tab's entry actions: Replay in composer and Diagnose.
#include "../composer/gui_wait.h"

#include "tests/support/test_support.h"
#include "ui/composer/composer_widget.h"
#include "ui/diagnose/findings_panel.h"
#include "ui/diagnose/har_diagnosis.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_entry_details.h"
#include "ui/har/har_view.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"
#include "ui/status/status_link.h"

#include <QAction>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

bool loadAndSelect(HarView &view, int entryIndex)
{
    if (!test::waitUntil([&] { return !view.isLoading(); }, 20000) || view.loadState() != HarView::LoadState::Loaded)
        return false;
    QAbstractItemModel *model = view.table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(HarEntriesModel::PositionRole).toInt() == entryIndex) {
            view.table()->setCurrentIndex(index);
            return view.currentEntry() && view.currentEntry()->index == entryIndex;
        }
    }
    return false;
}

bool hasHeader(const ComposerState &state, const QString &name)
{
    for (const KeyValueRow &row : state.headers) {
        if (row.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

TEST(HarDiagnosisTest, ReplayInComposerFillsMethodUrlHeadersAndBody)
{
    // Entry 20 of this Chrome-shaped file: an HTTP/2 POST with pseudo-headers and a JSON body.
    HarView view(test::fixturePath(QStringLiteral("har/generated-120.har")));
    auto *diagnosis = new HarDiagnosis(&view);
    ASSERT_TRUE(loadAndSelect(view, 19));
    std::optional<ComposerState> replayed;
    QObject::connect(diagnosis, &HarDiagnosis::replayRequested, &view,
                     [&](const ComposerState &state) { replayed = state; });
    diagnosis->replayAction()->trigger();
    ASSERT_TRUE(replayed.has_value());

    EXPECT_EQ(replayed->method, QStringLiteral("POST"));
    EXPECT_EQ(replayed->url, QStringLiteral("https://api.example.io/v1/cart/items"));
    EXPECT_EQ(replayed->bodyMode, BodyMode::Raw);
    EXPECT_EQ(replayed->rawContentType, QStringLiteral("application/json"));
    EXPECT_EQ(replayed->rawText, QString::fromUtf8(view.currentEntry()->request.postData->text));
    EXPECT_TRUE(replayed->rawText.contains(QStringLiteral("SKU-83778")));
    for (const char *kept : {"accept", "cookie", "origin", "referer", "user-agent"})
        EXPECT_TRUE(hasHeader(*replayed, QString::fromLatin1(kept))) << kept;
    for (const char *dropped : {":authority", ":method", ":path", ":scheme", "host", "content-length", "connection",
                                "content-type", "accept-encoding"})
        EXPECT_FALSE(hasHeader(*replayed, QString::fromLatin1(dropped))) << dropped;
    EXPECT_TRUE(replayed->compressed); // it accepted gzip: ask for what the engine can decode

    // Through the workspace, it is a new request tab with that state.
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(&settings);
    RequestWorkspace workspace(&window, dir.filePath(QStringLiteral("history.db")));
    ComposerWidget *composer = workspace.replayInComposer(*replayed);
    ASSERT_NE(composer, nullptr);
    EXPECT_EQ(window.documents()->currentWidget(), composer);
    EXPECT_EQ(composer->state().method, QStringLiteral("POST"));
    EXPECT_EQ(composer->state().url, replayed->url);
    EXPECT_EQ(composer->state().rawText, replayed->rawText);
    EXPECT_TRUE(hasHeader(composer->state(), QStringLiteral("cookie")));
    EXPECT_FALSE(composer->isRunning()); // replay fills the tab; sending is the user's call
}

TEST(HarDiagnosisTest, DiagnoseOnAStatus0EntryShowsTheNoResponseFinding)
{
    HarView view(test::fixturePath(QStringLiteral("diagnose/troubled-page.har")));
    auto *diagnosis = new HarDiagnosis(&view);
    ASSERT_TRUE(loadAndSelect(view, 2)); // a blocked request: status 0
    ASSERT_EQ(view.currentEntry()->response.status, 0);
    diagnosis->diagnoseAction()->trigger();

    FindingsPanel *panel = diagnosis->findingsPanel();
    EXPECT_EQ(view.details()->tabs()->currentWidget(), panel);
    ASSERT_FALSE(panel->findings().isEmpty());
    EXPECT_EQ(panel->findings().first().rule, QStringLiteral("no-response"));
    EXPECT_EQ(panel->findings().first().entry, 2);
    ASSERT_FALSE(panel->guideLinks().isEmpty());
    QStringList opened;
    QObject::connect(diagnosis, &HarDiagnosis::statusActivated, &view,
                     [&](const StatusActivation &activation) { opened << activation.codeId; });
    panel->guideLinks().first()->click();
    EXPECT_EQ(opened, QStringList{panel->findings().first().guide});

    // Another entry: the tab follows the selection (a 200 without findings).
    ASSERT_TRUE(loadAndSelect(view, 0));
    EXPECT_TRUE(panel->findings().isEmpty());

    // Troubleshoot… on the status-0 entry starts from its finding.
    ASSERT_TRUE(loadAndSelect(view, 2));
    std::optional<diagnose::TroubleshootingRun> run;
    QObject::connect(diagnosis, &HarDiagnosis::troubleshootRequested, &view,
                     [&](const diagnose::TroubleshootingRun &r, const CheckContext &) { run = r; });
    diagnosis->troubleshootAction()->trigger();
    ASSERT_TRUE(run.has_value());
    ASSERT_TRUE(run->finding().has_value());
    EXPECT_EQ(run->finding()->rule, QStringLiteral("no-response"));
}
