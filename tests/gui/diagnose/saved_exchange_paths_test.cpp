// SPDX-License-Identifier: GPL-3.0-or-later
// Every saved exchange in tests/fixtures/diagnose opens the same way in the GUI (File > Open,
// RequestWorkspace::openExchangeFile) and in `statusscope-cli diagnose --json`: both open it or
// both refuse it with the same reason; when opened, both show the same findings and the same
// skipped parts. The two used to have a reader each, and a file from a newer writer opened in
// one and failed in the other.

#include "tests/support/test_support.h"
#include "ui/diagnose/findings_panel.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"
#include "ui/timeline/timeline_view.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

struct Outcome
{
    bool opened = false;
    QString error;        // why it was refused
    QStringList findings; // "rule | guide | title | explanation"
    QStringList warnings; // parts skipped
};

QString findingLine(const QString &rule, const QString &guide, const QString &title, const QString &explanation)
{
    return QStringList{rule, guide, title, explanation}.join(QStringLiteral(" | "));
}

QString unescapeHtml(QString text)
{
    return text.replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

Outcome openInGui(RequestWorkspace &workspace, const QString &path)
{
    Outcome out;
    std::unique_ptr<QWidget> view(workspace.openExchangeFile(path, nullptr));
    if (auto *timeline = qobject_cast<TimelineView *>(view.get())) {
        out.opened = true;
        for (const diagnose::Finding &f : timeline->findingsPanel()->findings())
            out.findings << findingLine(f.rule, f.guide, f.title, f.explanation);
        const QString note = timeline->findChild<QLabel *>(QStringLiteral("timelineNote"))->text();
        const qsizetype skipped = note.indexOf(QStringLiteral("Skipped: "));
        if (skipped >= 0)
            out.warnings = note.mid(skipped + 9).split(QStringLiteral("; "));
    } else if (auto *label = qobject_cast<QLabel *>(view.get())) {
        EXPECT_EQ(label->objectName(), QStringLiteral("exchangeReadError"));
        out.error = unescapeHtml(label->text().section(QStringLiteral("<br>"), 1));
    } else {
        ADD_FAILURE() << "openExchangeFile gave neither a timeline nor an error for " << path.toStdString();
    }
    return out;
}

Outcome openInCli(const QString &path)
{
    Outcome out;
    const test::ProcessResult run = test::runCli({QStringLiteral("diagnose"), path, QStringLiteral("--json")});
    EXPECT_TRUE(run.finished) << path.toStdString();
    const QString err = QString::fromUtf8(run.err);
    if (run.exitCode != 0) {
        EXPECT_EQ(run.exitCode, 7) << path.toStdString() << ": " << run.err.toStdString();
        const QString prefix = QStringLiteral("statusscope-cli: %1: not a saved exchange: ").arg(path);
        EXPECT_TRUE(err.startsWith(prefix)) << err.toStdString();
        out.error = err.mid(prefix.size()).trimmed();
        return out;
    }
    out.opened = true;
    const QJsonArray findings = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("findings")).toArray();
    for (const QJsonValue &v : findings) {
        const QJsonObject f = v.toObject();
        out.findings << findingLine(f.value(QStringLiteral("rule")).toString(), f.value(QStringLiteral("guide")).toString(),
                                    f.value(QStringLiteral("title")).toString(),
                                    f.value(QStringLiteral("explanation")).toString());
    }
    const QString warningPrefix = QStringLiteral("statusscope-cli: warning: %1: ").arg(path);
    for (const QString &line : err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        EXPECT_TRUE(line.startsWith(warningPrefix)) << line.toStdString();
        out.warnings << line.mid(warningPrefix.size());
    }
    return out;
}

TEST(SavedExchangePaths, GuiAndCliReadEveryFixtureAlike)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(&settings);
    RequestWorkspace workspace(&window, dir.filePath(QStringLiteral("history.db")));

    const QDir fixtures(test::fixturePath(QStringLiteral("diagnose")));
    const QStringList names = fixtures.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    ASSERT_GE(names.size(), 10);
    int opened = 0, refused = 0, warned = 0, withFindings = 0;
    for (const QString &name : names) {
        SCOPED_TRACE(name.toStdString());
        const QString path = fixtures.filePath(name);
        const Outcome gui = openInGui(workspace, path);
        const Outcome cli = openInCli(path);
        ASSERT_EQ(gui.opened, cli.opened) << "GUI: " << gui.error.toStdString() << "\nCLI: " << cli.error.toStdString();
        EXPECT_EQ(gui.error, cli.error);
        EXPECT_EQ(gui.findings, cli.findings);
        EXPECT_EQ(gui.warnings, cli.warnings);
        opened += gui.opened;
        refused += !gui.opened;
        warned += !gui.warnings.isEmpty();
        withFindings += !gui.findings.isEmpty();
        EXPECT_TRUE(gui.opened || !gui.error.isEmpty()) << "refused without a reason";
    }
    // The fixtures cover each branch, so the comparison above is never between two empty sides.
    EXPECT_GE(opened, 8);
    EXPECT_EQ(refused, 2); // truncated.json (not JSON), wrong-type.json (a field of the wrong type)
    EXPECT_EQ(warned, 1);  // future-fields.json: an event type from a newer writer
    EXPECT_GE(withFindings, 6);
}

// The file from a newer writer: an unknown event type and unknown fields open everywhere, and
// the event is named as skipped; the rest of the exchange is intact.
TEST(SavedExchangePaths, ANewerWritersFileOpensWithTheUnknownEventNamed)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(&settings);
    RequestWorkspace workspace(&window, dir.filePath(QStringLiteral("history.db")));
    const QString path = test::fixturePath(QStringLiteral("diagnose/future-fields.json"));

    std::unique_ptr<QWidget> view(workspace.openExchangeFile(path, nullptr));
    auto *timeline = qobject_cast<TimelineView *>(view.get());
    ASSERT_NE(timeline, nullptr);
    EXPECT_EQ(timeline->exchange().finalStatus(), std::optional<int>(201));
    const QString note = timeline->findChild<QLabel *>(QStringLiteral("timelineNote"))->text();
    EXPECT_TRUE(note.contains(QStringLiteral("attempts[0].events[4]: unknown event type \"alt_svc_seen\" skipped")))
        << note.toStdString();

    const test::ProcessResult run = test::runCli({QStringLiteral("diagnose"), path});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.startsWith("future-fields.json (exchange): no findings")) << run.out.toStdString();
    EXPECT_TRUE(run.err.contains("unknown event type \"alt_svc_seen\" skipped")) << run.err.toStdString();
}

} // namespace
