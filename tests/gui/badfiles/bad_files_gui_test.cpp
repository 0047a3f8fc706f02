// SPDX-License-Identifier: GPL-3.0-or-later
// Bad files in the GUI: the HAR tab and the log tab show a clear error (or a partial
// result with counts) for a HAR cut at every 1/100th, a 0-byte file, a directory, an
// unreadable file, a named pipe, and a log with 30% garbage lines; none of them crashes or
// hangs the GUI thread.
#include "tests/support/bad_files.h"
#include "tests/support/test_support.h"
#include "ui/har/har_view.h"
#include "ui/logs/log_view.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace statusscope;
using namespace statusscope::ui;
using namespace statusscope::test;

namespace {

// Loading a bad file must end well before this.
constexpr int kLoadTimeoutMs = 20000;

// The text the HAR tab shows once loading ended, or empty if it never ended.
QString harOutcome(const QString &path, HarView::LoadState *state)
{
    HarView view(path);
    QEventLoop loop;
    bool done = false;
    QObject::connect(&view, &HarView::loadFinished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(kLoadTimeoutMs, &loop, &QEventLoop::quit);
    if (view.isLoading())
        loop.exec();
    else
        done = true;
    *state = view.loadState();
    const auto *message = view.findChild<QLabel *>(QStringLiteral("harMessage"));
    return done && message ? message->text() : QString();
}

// Waits for the log tab to show its outcome (counts or the error); returns that status line,
// or empty if it never came. Polls the label, since a fast failure may finish before any
// signal could be connected.
QString logOutcome(LogView &view)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kLoadTimeoutMs) {
        for (const QLabel *label : view.findChildren<QLabel *>()) {
            if (label->text().startsWith(QStringLiteral("Could not read")) || label->text().contains(QStringLiteral("lines skipped")))
                return label->text();
        }
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return {};
}

TEST(BadFilesGui, HarCutAtEveryHundredthShowsTheErrorWithItsByteOffset)
{
    QTemporaryDir dir;
    for (int percent = 1; percent < 100; ++percent) {
        HarView::LoadState state = HarView::LoadState::Loading;
        const QString text = harOutcome(writeCutHar(dir.path(), cutSourceHar(), percent), &state);
        EXPECT_EQ(state, HarView::LoadState::Failed) << percent << "%";
        EXPECT_TRUE(text.contains(QStringLiteral("is not a HAR file")) && text.contains(QStringLiteral("byte ")))
            << percent << "%: " << text.toStdString();
    }
}

TEST(BadFilesGui, EmptyDirectoryFifoAndUnreadableHarShowClearErrors)
{
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.har"));
    QFile(empty).open(QIODevice::WriteOnly);
    const QString fifo = dir.filePath(QStringLiteral("pipe.har"));
    ASSERT_EQ(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QString why;
    const QString unreadable = unreadablePath(dir.path(), &why);
    const struct
    {
        QString path;
        const char *expected;
    } cases[] = {
        {empty, "byte 0"},
        {dir.path(), "is a directory"},
        {fifo, "not a regular file"},
        {unreadable, "Cannot read"},
    };
    for (const auto &c : cases) {
        HarView::LoadState state = HarView::LoadState::Loading;
        const QString text = harOutcome(c.path, &state);
        EXPECT_EQ(state, HarView::LoadState::Failed) << c.path.toStdString();
        EXPECT_TRUE(text.contains(QLatin1String(c.expected))) << c.path.toStdString() << " (" << why.toStdString()
                                                              << "): " << text.toStdString();
    }
}

TEST(BadFilesGui, LogTabShowsCountsForGarbageAndErrorsForFilesItCannotRead)
{
    QTemporaryDir dir;
    const QString garbage = dir.filePath(QStringLiteral("garbage.log"));
    const GarbageLog expected = writeGarbageLog(garbage, 2 * 1000 * 1000);
    {
        LogView view({garbage});
        const QString text = logOutcome(view);
        EXPECT_EQ(view.summary().linesParsed, expected.valid) << text.toStdString();
        EXPECT_EQ(view.summary().linesSkipped, expected.garbage) << text.toStdString();
        EXPECT_TRUE(text.contains(QStringLiteral("%1 lines skipped").arg(expected.garbage))) << text.toStdString();
    }
    const QString empty = dir.filePath(QStringLiteral("empty.log"));
    QFile(empty).open(QIODevice::WriteOnly);
    const QString fifo = dir.filePath(QStringLiteral("pipe.log"));
    ASSERT_EQ(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    {
        LogView view({empty});
        const QString text = logOutcome(view);
        EXPECT_TRUE(text.contains(QStringLiteral("0 lines skipped"))) << "an empty log is an empty result: " << text.toStdString();
    }
    for (const QString &path : {dir.path(), fifo}) {
        LogView view({path});
        const QString text = logOutcome(view);
        EXPECT_TRUE(text.startsWith(QStringLiteral("Could not read the log"))) << path.toStdString() << ": " << text.toStdString();
    }
}

} // namespace
