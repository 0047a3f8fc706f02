// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_summary.h"
#include "tests/support/test_support.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_entry_details.h"
#include "ui/har/har_export_dialog.h"
#include "ui/har/har_filter_bar.h"
#include "ui/har/har_view.h"

#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <functional>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

// Runs the event loop until `view` reports the end of loading (or 20 s pass).
bool waitLoaded(HarView &view)
{
    QEventLoop loop;
    bool ok = false;
    bool done = false;
    QObject::connect(&view, &HarView::loadFinished, &loop, [&](bool success) {
        ok = success;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    if (view.isLoading())
        loop.exec();
    return done && ok;
}

QString fixture(const char *name)
{
    return test::fixturePath(QStringLiteral("har/") + QString::fromLatin1(name));
}

// A large HAR (~40 MB, 12,000 entries) made by repeating the entries of a fixture, so reading
// takes long enough to watch progress and to cancel.
QString writeLargeHar(const QTemporaryDir &dir)
{
    QFile source(fixture("generated-120.har"));
    EXPECT_TRUE(source.open(QIODevice::ReadOnly));
    const QByteArray text = source.readAll();
    const qsizetype open = text.indexOf("\"entries\": [") + qsizetype(std::strlen("\"entries\": ["));
    // gen_har.py writes "pages" before "entries", so the last ']' closes the entries array.
    const QByteArray entries = text.mid(open, text.lastIndexOf(']') - open);
    QByteArray big = "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"t\", \"version\": \"1\"}, \"entries\": [";
    for (int i = 0; i < 100; ++i) {
        if (i > 0)
            big += ',';
        big += entries;
    }
    big += "]}}";
    const QString path = dir.filePath(QStringLiteral("large.har"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(big);
    return path;
}

} // namespace

// The scenario: open a HAR, filter 4xx, select a row, the status goes out.
TEST(HarView, Filter4xxSelectRowEmitsThatStatus)
{
    HarView view(fixture("generated-120.har"));
    view.resize(1200, 800);
    view.show();
    ASSERT_TRUE(waitLoaded(view));
    QTableView *table = view.findChild<QTableView *>(QStringLiteral("harTable"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->model()->rowCount(), 120);

    QToolButton *chip = view.findChild<QToolButton *>(QStringLiteral("harChip_4xx"));
    ASSERT_NE(chip, nullptr);
    chip->click();
    ASSERT_EQ(table->model()->rowCount(), 2); // the oracle's two 404s
    for (int row = 0; row < table->model()->rowCount(); ++row)
        EXPECT_EQ(table->model()->index(row, HarEntriesModel::StatusColumn).data(HarEntriesModel::RawValueRole).toInt(), 404);

    QList<int> statuses;
    QObject::connect(&view, &HarView::statusActivated, &view,
                     [&statuses](const StatusActivation &activation) { statuses.append(activation.codeId.toInt()); });
    table->selectRow(1);
    ASSERT_EQ(statuses, QList<int>{404});
    ASSERT_NE(view.currentEntry(), nullptr);
    EXPECT_EQ(view.currentEntry()->response.status, 404);
    // The details pane follows the selection.
    auto *title = view.details()->findChild<QLabel *>();
    ASSERT_NE(title, nullptr);
    EXPECT_TRUE(title->text().contains(QLatin1String("404"))) << title->text().toStdString();
}

// Times sort by their value, not by their text ("95 ms" after "1.20 s"): the fixture has
// times whose text order differs from their value order, so a text sort fails the loop.
TEST(HarView, SortsByRawValueNotText)
{
    HarView view(fixture("generated-120.har"));
    ASSERT_TRUE(waitLoaded(view));
    QTableView *table = view.table();
    table->sortByColumn(HarEntriesModel::TimeColumn, Qt::DescendingOrder);
    const QAbstractItemModel *model = table->model();
    ASSERT_EQ(model->rowCount(), 120);
    QList<double> times;
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, HarEntriesModel::TimeColumn);
        times << index.data(HarEntriesModel::RawValueRole).toDouble();
        texts << index.data(Qt::DisplayRole).toString();
    }
    for (int row = 1; row < times.size(); ++row)
        EXPECT_LE(times.at(row), times.at(row - 1)) << "row " << row << ": " << texts.at(row).toStdString()
                                                    << " after " << texts.at(row - 1).toStdString();
    EXPECT_GT(times.first(), times.last());
    // The same rows in text order would be another order: this fixture tells the two apart.
    QStringList byText = texts;
    std::sort(byText.begin(), byText.end(), std::greater<>());
    EXPECT_NE(byText, texts);
}

TEST(HarView, SummaryClicksFilter)
{
    HarView view(fixture("generated-120.har"));
    ASSERT_TRUE(waitLoaded(view));
    QTableView *table = view.table();
    auto *failed = view.findChild<QToolButton *>(QStringLiteral("harSummary_failed"));
    ASSERT_NE(failed, nullptr);
    failed->click();
    EXPECT_EQ(table->model()->rowCount(), 6); // 4 with no response + 2 404s
    auto *slowest = view.findChild<QToolButton *>(QStringLiteral("harSummary_slowest"));
    ASSERT_NE(slowest, nullptr);
    view.filterBar()->clear();
    slowest->click();
    EXPECT_EQ(table->model()->rowCount(), kSlowestEntries);
    view.filterBar()->clear();
    EXPECT_EQ(table->model()->rowCount(), 120);
}

TEST(HarView, LargeFileReportsProgressAndCanBeCancelled)
{
    QTemporaryDir dir;
    const QString path = writeLargeHar(dir);
    {
        HarView view(path);
        ASSERT_TRUE(waitLoaded(view));
        EXPECT_EQ(view.table()->model()->rowCount(), 12000);
        auto *progress = view.findChild<QProgressBar *>(QStringLiteral("harProgress"));
        ASSERT_NE(progress, nullptr);
        EXPECT_GT(progress->value(), 0); // intermediate progress reached the GUI thread
    }
    HarView view(path);
    view.cancelLoading(); // the reader is at most a few entries in: it stops at the next one
    EXPECT_FALSE(waitLoaded(view));
    EXPECT_EQ(view.loadState(), HarView::LoadState::Failed);
    auto *message = view.findChild<QLabel *>(QStringLiteral("harMessage"));
    ASSERT_NE(message, nullptr);
    EXPECT_EQ(message->text(), QStringLiteral("Reading was cancelled."));
}

TEST(HarView, NotAHarShowsThePreciseError)
{
    HarView view(fixture("not-json.har"));
    EXPECT_FALSE(waitLoaded(view));
    auto *message = view.findChild<QLabel *>(QStringLiteral("harMessage"));
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(message->text().contains(QLatin1String("byte 110, line 8, column 5"))) << message->text().toStdString();
}

TEST(HarView, BrokenEntriesAreShownAsSkipped)
{
    HarView view(fixture("broken-entries.har"));
    ASSERT_TRUE(waitLoaded(view));
    EXPECT_EQ(view.table()->model()->rowCount(), 2);
    auto *note = view.findChild<QLabel *>(QStringLiteral("harSkipped"));
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->text().contains(QLatin1String("log.entries[1].response.status: missing")));
}

// IE11's object cookies: every entry in the table, the deviation named with its count and
// first paths; invalid UTF-8: the warning with the byte offset.
TEST(HarView, DeviationsAndWarningsAreShownAboveTheTable)
{
    HarView view(fixture("ie11-object-cookies.har"));
    ASSERT_TRUE(waitLoaded(view));
    EXPECT_EQ(view.table()->model()->rowCount(), 25);
    auto *note = view.findChild<QLabel *>(QStringLiteral("harDeviations"));
    ASSERT_NE(note, nullptr);
    EXPECT_FALSE(note->isHidden());
    EXPECT_TRUE(note->text().contains(QLatin1String("Internet Explorer 11"))) << note->text().toStdString();
    EXPECT_TRUE(note->text().contains(QStringLiteral("× 26 (cookies_object)"))) << note->text().toStdString();
    EXPECT_TRUE(note->text().contains(QLatin1String("log.entries[0].request.cookies")));

    HarView bad(fixture("invalid-utf8.har"));
    ASSERT_TRUE(waitLoaded(bad));
    EXPECT_EQ(bad.table()->model()->rowCount(), 2);
    auto *warning = bad.findChild<QLabel *>(QStringLiteral("harDeviations"));
    ASSERT_NE(warning, nullptr);
    EXPECT_TRUE(warning->text().startsWith(QLatin1String("Warning: invalid UTF-8 at log.entries[0]: byte 387")))
        << warning->text().toStdString();

    HarView clean(fixture("chrome51-issue23.har"));
    ASSERT_TRUE(waitLoaded(clean));
    auto *none = clean.findChild<QLabel *>(QStringLiteral("harDeviations"));
    ASSERT_NE(none, nullptr);
    EXPECT_TRUE(none->isHidden()) << none->text().toStdString();
}

TEST(HarView, ExportDialogPreviewsRedactionsAndWritesASanitizedFile)
{
    HarView view(fixture("secrets.har"));
    ASSERT_TRUE(waitLoaded(view));
    HarExportDialog dialog(view.log(), {}, fixture("secrets.har"));
    QEventLoop loop;
    int redactions = -1;
    QObject::connect(&dialog, &HarExportDialog::previewReady, &loop, [&](int count) {
        redactions = count;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    if (dialog.isPreparing())
        loop.exec();
    EXPECT_EQ(redactions, 22);
    auto *preview = dialog.findChild<QTreeWidget *>(QStringLiteral("harExportPreview"));
    ASSERT_NE(preview, nullptr);
    EXPECT_EQ(preview->topLevelItemCount(), 22);
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("out.har"));
    ASSERT_TRUE(dialog.exportTo(path, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    EXPECT_FALSE(written.contains("SECRET"));
    EXPECT_TRUE(written.contains("Bearer REDACTED"));
}

TEST(HarView, DetailsShowDecodedBodiesAndTimings)
{
    HarView view(fixture("svg-base64.har"));
    ASSERT_TRUE(waitLoaded(view));
    view.table()->selectRow(0);
    HarEntryDetails *details = view.details();
    EXPECT_TRUE(details->tabs()->isEnabled());
    EXPECT_EQ(details->tabs()->count(), 6);
    EXPECT_EQ(details->tabs()->tabText(5), QStringLiteral("Timings"));
    // The SVG response is drawn (Qt's SVG image plugin, libqt6svg6, is a dependency), not
    // reported as an unsupported format.
    details->tabs()->setCurrentIndex(4);
    QLabel *image = details->tabs()->widget(4)->findChild<QLabel *>(QStringLiteral("harBodyImage"));
    ASSERT_NE(image, nullptr);
    EXPECT_FALSE(image->pixmap().isNull());
}

// DevTools' filter syntax in the text field, with the "N of M shown" count and the problems
// line; generated-120.har holds 2 × 404, 19 × 304, 114 GET and 4 POST.
TEST(HarView, FilterFieldTakesDevToolsSyntaxAndCountsWhatIsShown)
{
    HarView view(fixture("generated-120.har"));
    view.resize(1280, 800);
    view.show();
    ASSERT_TRUE(waitLoaded(view));
    QTableView *table = view.table();
    auto *text = view.findChild<QLineEdit *>(QStringLiteral("harFilterText"));
    auto *counts = view.findChild<QLabel *>(QStringLiteral("harFilterCounts"));
    auto *problems = view.findChild<QLabel *>(QStringLiteral("harFilterProblems"));
    ASSERT_NE(text, nullptr);
    ASSERT_NE(counts, nullptr);
    ASSERT_NE(problems, nullptr);
    EXPECT_FALSE(counts->isVisible());

    text->setText(QStringLiteral("404"));
    ASSERT_EQ(table->model()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        EXPECT_EQ(table->model()->index(row, HarEntriesModel::StatusColumn).data(HarEntriesModel::RawValueRole).toInt(), 404);
    EXPECT_TRUE(counts->isVisible());
    EXPECT_EQ(counts->text(), QStringLiteral("2 of 120 shown"));

    text->setText(QStringLiteral("-status-code:200 -status-code:304 method:GET"));
    // Counted in the fixture with Python: GET and neither 200 nor 304.
    ASSERT_EQ(table->model()->rowCount(), 9);
    EXPECT_EQ(counts->text(), QStringLiteral("%1 of 120 shown").arg(9));
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const int status = table->model()->index(row, HarEntriesModel::StatusColumn).data(HarEntriesModel::RawValueRole).toInt();
        EXPECT_NE(status, 200);
        EXPECT_NE(status, 304);
        EXPECT_EQ(table->model()->index(row, HarEntriesModel::MethodColumn).data().toString(), QStringLiteral("GET"));
    }

    text->setText(QStringLiteral("larger-than:1X"));
    EXPECT_TRUE(problems->isVisible());
    EXPECT_TRUE(problems->text().contains(QLatin1String("larger-than:1X"))) << problems->text().toStdString();
    EXPECT_EQ(table->model()->rowCount(), 120);

    view.filterBar()->clear();
    EXPECT_FALSE(problems->isVisible());
    EXPECT_FALSE(counts->isVisible());
    EXPECT_EQ(table->model()->rowCount(), 120);
}

// A 1,500-character URL must not take the table's width (Type, Size, Time and the waterfall
// stay in view at 1280 px, the Path is elided in the middle), and five-digit indexes fit.
TEST(HarView, ColumnsFitAt1280WithLongUrlsAndFiveDigitIndexes)
{
    QTemporaryDir dir;
    QFile source(fixture("generated-120.har"));
    ASSERT_TRUE(source.open(QIODevice::ReadOnly));
    QByteArray text = source.readAll();
    const QByteArray longPath = "/search?q=" + QByteArray(1500, 'x');
    text.replace("https://app.example.io/settings/profile", "https://app.example.io" + longPath);
    const QString longHar = dir.filePath(QStringLiteral("long-url.har"));
    QFile out(longHar);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();

    HarView view(longHar);
    view.resize(1280, 800);
    view.show();
    ASSERT_TRUE(waitLoaded(view));
    QTableView *table = view.table();
    EXPECT_EQ(table->textElideMode(), Qt::ElideMiddle);
    const int waterfallRight = table->columnViewportPosition(HarEntriesModel::WaterfallColumn)
                             + table->columnWidth(HarEntriesModel::WaterfallColumn);
    EXPECT_LE(waterfallRight, table->viewport()->width());
    EXPECT_GE(table->columnWidth(HarEntriesModel::PathColumn), 100);
    EXPECT_LE(table->columnWidth(HarEntriesModel::HostColumn), 220);

    HarView large(writeLargeHar(dir));
    large.resize(1280, 800);
    large.show();
    ASSERT_TRUE(waitLoaded(large));
    const QFontMetrics metrics = large.table()->fontMetrics();
    EXPECT_GT(large.table()->columnWidth(HarEntriesModel::IndexColumn), metrics.horizontalAdvance(QStringLiteral("11999")));
}
