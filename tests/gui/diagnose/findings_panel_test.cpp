// SPDX-License-Identifier: GPL-3.0-or-later
// The Diagnosis tab of a timeline and its guide links, and the "Troubleshoot…" button that
// opens the step-by-step panel as a document tab.
#include "../composer/gui_wait.h"

#include "core/guides/guide_catalog.h"
#include "core/http_io/exchange_json_reader.h"
#include "tests/support/test_support.h"
#include "ui/diagnose/findings_panel.h"
#include "ui/diagnose/troubleshooting_panel.h"
#include "ui/guides/guide_browser.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"
#include "ui/status/guide_navigator.h"
#include "ui/status/status_link.h"
#include "ui/timeline/timeline_view.h"

#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

http::Exchange recorded(const char *name)
{
    const http::ExchangeReadResult read =
        http::readExchangeFile(test::fixturePath(QStringLiteral("diagnose/") + QString::fromLatin1(name)));
    EXPECT_TRUE(read.ok()) << qPrintable(read.describe());
    return read.exchange;
}

} // namespace

TEST(FindingsPanelTest, TimelineDiagnosisShowsThe417FindingAndItsGuideOpensThroughTheNavigator)
{
    TimelineView timeline;
    timeline.setExchange(recorded("expect-417-retried.json"));

    FindingsPanel *panel = timeline.findingsPanel();
    ASSERT_FALSE(panel->findings().isEmpty());
    EXPECT_EQ(panel->findings().first().rule, QStringLiteral("expect-417"));
    auto *tabs = timeline.findChild<QTabWidget *>(QStringLiteral("timelineTabs"));
    ASSERT_NE(tabs, nullptr);
    EXPECT_EQ(tabs->tabText(tabs->indexOf(panel)), QStringLiteral("Diagnosis (%1)").arg(panel->findings().size()));
    // The card says what was seen, the cause and the fix.
    QStringList texts;
    for (QLabel *label : panel->findChildren<QLabel *>())
        texts << label->text();
    const QString all = texts.join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(panel->findings().first().title.toHtmlEscaped()));
    EXPECT_TRUE(all.contains(QStringLiteral("Likely cause:")));
    EXPECT_TRUE(all.contains(QStringLiteral("Fix:")));

    // The guide link is the app's one status link, and it reaches the Guide dock's browser.
    ASSERT_EQ(panel->guideLinks().size(), panel->findings().size());
    StatusLinkLabel *link = panel->guideLinks().first();
    EXPECT_EQ(link->codeId(), QStringLiteral("417"));
    const GuideCatalog catalog = GuideCatalog::load();
    QDockWidget dock;
    auto *browser = new GuideBrowser(catalog);
    dock.setWidget(browser);
    GuideNavigator navigator(browser, &dock);
    QObject::connect(&timeline, &TimelineView::statusActivated, &navigator, &GuideNavigator::showGuide);
    QStringList shown;
    QObject::connect(&navigator, &GuideNavigator::guideShown, &navigator, [&](const QString &id) { shown << id; });
    link->click();
    EXPECT_EQ(shown, QStringList{QStringLiteral("417")});
    EXPECT_EQ(browser->currentId(), QStringLiteral("417"));
}

TEST(FindingsPanelTest, AHealthyExchangeHasNoFindingsAndSaysSo)
{
    TimelineView timeline;
    timeline.setExchange(recorded("healthy-201.json"));
    EXPECT_TRUE(timeline.findingsPanel()->findings().isEmpty());
    auto *empty = timeline.findingsPanel()->findChild<QLabel *>(QStringLiteral("findingsEmpty"));
    ASSERT_NE(empty, nullptr);
    EXPECT_FALSE(empty->isHidden());
    EXPECT_TRUE(timeline.findingsPanel()->guideLinks().isEmpty());
}

TEST(FindingsPanelTest, TroubleshootButtonOpensAPanelTabForTheFirstFinding)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(&settings);
    RequestWorkspace workspace(&window, dir.filePath(QStringLiteral("history.db")));
    QWidget *view = workspace.openExchangeFile(test::fixturePath(QStringLiteral("diagnose/expect-417-retried.json")),
                                               window.documents());
    auto *timeline = qobject_cast<TimelineView *>(view);
    ASSERT_NE(timeline, nullptr);
    window.addDocument(timeline, QStringLiteral("exchange"));
    ASSERT_FALSE(timeline->troubleshootButton()->isHidden());
    timeline->troubleshootButton()->click();

    auto *panel = qobject_cast<TroubleshootingPanel *>(window.documents()->currentWidget());
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(window.documents()->tabText(window.documents()->currentIndex()), QStringLiteral("Troubleshoot 417 — PUT /files"));
    EXPECT_EQ(panel->run().flow().id, QStringLiteral("expect-417"));
    ASSERT_TRUE(panel->run().finding().has_value());
    EXPECT_EQ(panel->run().finding()->rule, QStringLiteral("expect-417"));
    // A saved exchange has no body: the resend checks get one of the recorded size.
    ASSERT_TRUE(panel->checkRunner()->context().spec.has_value());
    EXPECT_EQ(panel->checkRunner()->context().spec->method, QByteArray("PUT"));
    EXPECT_EQ(panel->checkRunner()->context().spec->body.size(),
              qMin<qint64>(timeline->exchange().attempts.first().request.bodyBytes, 16 * 1024 * 1024));
}
