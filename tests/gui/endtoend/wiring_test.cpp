// SPDX-License-Identifier: GPL-3.0-or-later
// The app's wiring itself: one viewer per file kind (a second one is refused, not silently
// swapped in), every kind the app opens gets its real viewer, and the program answers --help
// and --version without a display.

#include "app_harness.h"
#include "tests/support/test_support.h"
#include "ui/har/har_view.h"
#include "ui/logs/log_view.h"
#include "ui/timeline/timeline_view.h"

#include <QLabel>
#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

using namespace statusscope;
using statusscope::test::AppHarness;

TEST(AppWiring, RegistersEveryViewerOnce)
{
    AppHarness app;
    EXPECT_TRUE(app.wiring()->wiringError().isEmpty()) << app.wiring()->wiringError().toStdString();
    EXPECT_NE(qobject_cast<ui::HarView *>(
                  app.window()->openFile(test::fixturePath(QStringLiteral("diagnose/troubled-page.har")))),
              nullptr);
    EXPECT_NE(qobject_cast<ui::LogView *>(
                  app.window()->openFile(test::fixturePath(QStringLiteral("logs/access_log.0")))),
              nullptr);
    EXPECT_NE(qobject_cast<ui::TimelineView *>(
                  app.window()->openFile(test::fixturePath(QStringLiteral("diagnose/expect-417-retried.json")))),
              nullptr);
}

TEST(AppWiring, SecondViewerForAKindIsRefused)
{
    AppHarness app;
    bool secondUsed = false;
    auto second = [&secondUsed](const QString &, QWidget *parent) -> QWidget * {
        secondUsed = true;
        return new QLabel(parent);
    };
#ifdef QT_NO_DEBUG
    QString error;
    EXPECT_FALSE(app.window()->registerViewer(FileKind::AccessLog, second, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("already registered"))) << error.toStdString();
#else
    // Debug builds stop at the mistake.
    EXPECT_DEATH(app.window()->registerViewer(FileKind::AccessLog, second), "already registered");
#endif
    // The first, wired viewer still opens logs.
    EXPECT_NE(qobject_cast<ui::LogView *>(
                  app.window()->openFile(test::fixturePath(QStringLiteral("logs/access_log.0")))),
              nullptr);
    EXPECT_FALSE(secondUsed);
}

namespace {

// The GUI binary with no display at all: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM.
test::ProcessResult runWithoutDisplay(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XAUTHORITY"})
        env.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STATUSSCOPE_GUI_PATH), args);
    test::ProcessResult result;
    result.finished = process.waitForFinished(30000);
    if (!result.finished)
        process.kill();
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

TEST(AppWiring, HelpAndVersionNeedNoDisplay)
{
    const test::ProcessResult help = runWithoutDisplay({QStringLiteral("--help")});
    ASSERT_TRUE(help.finished);
    EXPECT_EQ(help.exitCode, 0) << help.err.toStdString();
    EXPECT_TRUE(help.out.contains("--history")) << help.out.toStdString();
    EXPECT_TRUE(help.out.contains("[FILE...]")) << help.out.toStdString();

    const test::ProcessResult version = runWithoutDisplay({QStringLiteral("--version")});
    ASSERT_TRUE(version.finished);
    EXPECT_EQ(version.exitCode, 0) << version.err.toStdString();
    EXPECT_TRUE(version.out.startsWith("StatusScope ")) << version.out.toStdString();

    // A mistyped option is a usage error, also without a display.
    const test::ProcessResult wrong = runWithoutDisplay({QStringLiteral("--no-such-option")});
    ASSERT_TRUE(wrong.finished);
    EXPECT_NE(wrong.exitCode, 0);
    EXPECT_TRUE(wrong.err.contains("no-such-option")) << wrong.err.toStdString();
}
