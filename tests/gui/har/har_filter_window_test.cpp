// SPDX-License-Identifier: GPL-3.0-or-later
// The HAR filter bar in the real window: completion of DevTools' keys as a user types them, a
// bare status number filtering on the status (not on URLs that contain its digits), status
// chips that look checked in dark mode, and an SVG body drawn as an image.
#include "tests/gui/har/har_window_support.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_entry_details.h"
#include "ui/har/har_filter_bar.h"
#include "ui/theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

QStringList popupRows(QCompleter *completer)
{
    QStringList rows;
    const QAbstractItemModel *model = completer->completionModel();
    for (int row = 0; row < model->rowCount(); ++row)
        rows << model->index(row, 0).data().toString();
    return rows;
}

QColor averageColor(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    qint64 r = 0, g = 0, b = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x) {
            const QColor pixel = rgb.pixelColor(x, y);
            r += pixel.red();
            g += pixel.green();
            b += pixel.blue();
        }
    }
    const qint64 n = std::max<qint64>(1, qint64(rgb.width()) * rgb.height());
    return QColor(int(r / n), int(g / n), int(b / n));
}

} // namespace

TEST(HarFilterWindow, KeysCompleteAsTheyAreTyped)
{
    test::AppHarness app;
    HarView *view = test::openHar(app, test::harFixture("generated-120.har"));
    ASSERT_NE(view, nullptr);
    auto *text = view->findChild<QLineEdit *>(QStringLiteral("harFilterText"));
    auto *completer = view->filterBar()->findChild<QCompleter *>();
    ASSERT_NE(text, nullptr);
    ASSERT_NE(completer, nullptr);
    text->setFocus();
    QTest::keyClicks(text, QStringLiteral("status-c"));
    ASSERT_TRUE(completer->popup()->isVisible());
    const QStringList offered = popupRows(completer);
    EXPECT_TRUE(offered.contains(QStringLiteral("status-code:404"))) << offered.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(offered.contains(QStringLiteral("status-code:4xx")));
    for (const QString &row : offered)
        EXPECT_TRUE(row.startsWith(QLatin1String("status-code:"))) << row.toStdString();
    const int row404 = static_cast<int>(offered.indexOf(QStringLiteral("status-code:404")));
    completer->popup()->setCurrentIndex(completer->completionModel()->index(row404, 0));
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    EXPECT_EQ(text->text(), QStringLiteral("status-code:404"));
    EXPECT_EQ(view->table()->model()->rowCount(), 2);

    // A negated key completes after its "-", and the rest of the field stays.
    QTest::keyClicks(text, QStringLiteral(" -meth"));
    ASSERT_TRUE(completer->popup()->isVisible());
    const QStringList methods = popupRows(completer);
    ASSERT_TRUE(methods.contains(QStringLiteral("method:GET"))) << methods.join(QLatin1Char(' ')).toStdString();
    completer->popup()->setCurrentIndex(completer->completionModel()->index(static_cast<int>(methods.indexOf(QStringLiteral("method:GET"))), 0));
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    EXPECT_EQ(text->text(), QStringLiteral("status-code:404 -method:GET"));
    EXPECT_EQ(view->table()->model()->rowCount(), 0); // both 404s are GETs
}

// DevTools looks for a bare "417" in URLs; here it filters on the status, because in an
// inspector of statuses a typed code means that status. Quoted, it searches the URLs.
TEST(HarFilterWindow, ABareStatusNumberFiltersOnTheStatusNotOnUrlDigits)
{
    test::AppHarness app;
    // Entry 53 is a 404 whose URL now carries the digits 417.
    const QString path = test::writeEditedHar(app.tempPath(QStringLiteral("digits.har")), "recommendations?for=23981",
                                               "recommendations?for=417");
    ASSERT_FALSE(path.isEmpty());
    HarView *view = test::openHar(app, path);
    ASSERT_NE(view, nullptr);
    auto *text = view->findChild<QLineEdit *>(QStringLiteral("harFilterText"));
    auto *counts = view->findChild<QLabel *>(QStringLiteral("harFilterCounts"));
    ASSERT_NE(text, nullptr);
    ASSERT_NE(counts, nullptr);
    QTableView *table = view->table();

    QTest::keyClicks(text, QStringLiteral("417"));
    EXPECT_EQ(table->model()->rowCount(), 0);
    EXPECT_EQ(counts->text(), QStringLiteral("0 of 120 shown"));
    text->setText(QStringLiteral("\"417\""));
    ASSERT_EQ(table->model()->rowCount(), 1);
    EXPECT_EQ(table->model()->index(0, HarEntriesModel::StatusColumn).data(HarEntriesModel::RawValueRole).toInt(), 404);
    text->setText(QStringLiteral("404"));
    EXPECT_EQ(table->model()->rowCount(), 2);
    EXPECT_EQ(counts->text(), QStringLiteral("2 of 120 shown"));
}

TEST(HarFilterWindow, ACheckedStatusChipLooksCheckedInDarkMode)
{
    applyTheme(QString::fromLatin1(kThemeDark));
    {
        test::AppHarness app;
        HarView *view = test::openHar(app, test::harFixture("generated-120.har"));
        ASSERT_NE(view, nullptr);
        auto *on = view->findChild<QToolButton *>(QStringLiteral("harChip_4xx"));
        auto *off = view->findChild<QToolButton *>(QStringLiteral("harChip_2xx"));
        ASSERT_NE(on, nullptr);
        ASSERT_NE(off, nullptr);
        on->click();
        ASSERT_TRUE(on->isChecked());
        ASSERT_FALSE(off->isChecked());
        QTest::qWait(20);
        // The chips' middles, away from their rounded ends.
        auto middle = [](QToolButton *chip) {
            const QImage image = chip->grab().toImage();
            return averageColor(image.copy(image.width() / 4, image.height() / 4, image.width() / 2, image.height() / 2));
        };
        const QColor checked = middle(on);
        const QColor unchecked = middle(off);
        const int distance = std::abs(checked.red() - unchecked.red()) + std::abs(checked.green() - unchecked.green())
                           + std::abs(checked.blue() - unchecked.blue());
        EXPECT_GE(distance, 120) << checked.name().toStdString() << " vs " << unchecked.name().toStdString();
    }
    applyTheme(QString::fromLatin1(kThemeLight));
}

TEST(HarFilterWindow, SvgResponseBodyIsDrawn)
{
    test::AppHarness app;
    HarView *view = test::openHar(app, test::harFixture("svg-base64.har"));
    ASSERT_NE(view, nullptr);
    test::clickCell(view->table(), view->table()->model()->index(0, HarEntriesModel::PathColumn));
    QTabWidget *tabs = view->details()->tabs();
    int response = -1;
    for (int tab = 0; tab < tabs->count(); ++tab)
        if (tabs->tabText(tab) == QStringLiteral("Response body"))
            response = tab;
    ASSERT_GE(response, 0);
    tabs->setCurrentIndex(response);
    QTest::qWait(20);
    auto *image = tabs->widget(response)->findChild<QLabel *>(QStringLiteral("harBodyImage"));
    ASSERT_NE(image, nullptr);
    ASSERT_TRUE(image->isVisible());
    const QImage drawn = image->pixmap().toImage();
    ASSERT_FALSE(drawn.isNull());
    // Rendered, not blank: more than one colour among its pixels.
    QSet<QRgb> colors;
    for (int y = 0; y < drawn.height(); y += 2)
        for (int x = 0; x < drawn.width(); x += 2)
            colors.insert(drawn.pixel(x, y));
    EXPECT_GE(colors.size(), 2);
}
