// SPDX-License-Identifier: GPL-3.0-or-later
// Each main screen rendered in the dark theme through the real wiring: no large area may stay
// light. The theme is chosen as a user does (View › Theme › Dark) and remembered.
#include "tests/gui/endtoend/app_harness.h"
#include "tests/support/test_support.h"
#include "ui/diagnose/troubleshooting_panel.h"
#include "ui/har/har_view.h"
#include "ui/logs/log_view.h"
#include "ui/main_window.h"
#include "ui/theme.h"
#include "ui/timeline/timeline_view.h"

#include <QAction>
#include <QPainter>
#include <QImage>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace statusscope;
using test::AppHarness;
using test::waitUntil;

namespace {

constexpr int kBlock = 24;          // px: a light block this big is an area, not a glyph
constexpr int kLight = 200;         // luminance 0..255
constexpr double kLightShare = 0.9; // of a block's pixels, for the block to count as light

double luminance(QRgb rgb)
{
    return 0.2126 * qRed(rgb) + 0.7152 * qGreen(rgb) + 0.0722 * qBlue(rgb);
}

struct LightAreas
{
    int blocks = 0;
    int total = 0;
    QRect bounds;
};

// Light blocks: text and icons never fill one; a white panel, chart or button does.
LightAreas lightAreas(const QImage &image)
{
    LightAreas found;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y + kBlock <= rgb.height(); y += kBlock) {
        for (int x = 0; x + kBlock <= rgb.width(); x += kBlock) {
            int light = 0;
            for (int dy = 0; dy < kBlock; ++dy) {
                const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y + dy));
                for (int dx = 0; dx < kBlock; ++dx)
                    light += luminance(line[x + dx]) > kLight ? 1 : 0;
            }
            ++found.total;
            if (light >= kLightShare * kBlock * kBlock) {
                ++found.blocks;
                found.bounds |= QRect(x, y, kBlock, kBlock);
            }
        }
    }
    return found;
}

class DarkTheme : public ::testing::Test
{
protected:
    void SetUp() override
    {
        app.window()->findChild<QAction *>(QStringLiteral("actionTheme_dark"))->trigger();
        QCoreApplication::processEvents();
    }
    void TearDown() override { ui::applyTheme(QString::fromLatin1(ui::kThemeSystem)); }

    // The whole window as the user sees it: a screen fails when any light area is left.
    // `skip`: widgets another suite measures, painted over before counting.
    void expectDark(const char *screen, const QList<QWidget *> &skip = {})
    {
        QCoreApplication::processEvents();
        QTest::qWait(50);
        QImage image = app.window()->grab().toImage();
        QPainter painter(&image);
        for (QWidget *widget : skip)
            painter.fillRect(QRect(widget->mapTo(app.window(), QPoint(0, 0)), widget->size()), Qt::black);
        painter.end();
        const LightAreas light = lightAreas(image);
        // STATUSSCOPE_DARK_SHOTS=folder keeps what was measured, to look at a failure.
        const QString shots = qEnvironmentVariable("STATUSSCOPE_DARK_SHOTS");
        if (!shots.isEmpty())
            image.save(QStringLiteral("%1/%2.png").arg(shots, QString::fromLatin1(screen)));
        EXPECT_EQ(light.blocks, 0) << screen << ": " << light.blocks << " of " << light.total
                                   << " blocks stay light, within (" << light.bounds.x() << "," << light.bounds.y()
                                   << " " << light.bounds.width() << "x" << light.bounds.height() << ")";
    }

    QWidget *open(const char *sample)
    {
        return app.window()->openFile(test::sourcePath(QStringLiteral("resources/samples/") + QString::fromLatin1(sample)));
    }

    AppHarness app;
};

} // namespace

TEST_F(DarkTheme, IsRememberedAndMakesThePaletteDark)
{
    EXPECT_TRUE(ui::isDarkPalette());
    app.window()->saveSettings();
    QSettings settings(app.tempPath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    EXPECT_EQ(settings.value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("dark"));
}

TEST_F(DarkTheme, StartPage)
{
    expectDark("start-page");
}

TEST_F(DarkTheme, Composer)
{
    app.window()->findChild<QAction *>(QStringLiteral("actionNewRequest"))->trigger();
    expectDark("composer");
}

TEST_F(DarkTheme, TimelineOfTheSaved417)
{
    ASSERT_NE(qobject_cast<ui::TimelineView *>(open("expect-417-retried.json")), nullptr);
    expectDark("timeline");
}

TEST_F(DarkTheme, HarTab)
{
    auto *har = qobject_cast<ui::HarView *>(open("sample.har"));
    ASSERT_NE(har, nullptr);
    ASSERT_TRUE(waitUntil([har] { return har->loadState() == ui::HarView::LoadState::Loaded; }));
    har->table()->selectRow(3);
    expectDark("har");
}

TEST_F(DarkTheme, LogTab)
{
    auto *log = qobject_cast<ui::LogView *>(open("access.log"));
    ASSERT_NE(log, nullptr);
    QSignalSpy finished(log, &ui::LogView::loadFinished);
    ASSERT_TRUE(finished.count() > 0 || finished.wait(30000));
    // The chart follows the palette too (its background, axes and legend): the whole tab counts.
    expectDark("log");
}

TEST_F(DarkTheme, TroubleshootingPanel)
{
    auto *timeline = qobject_cast<ui::TimelineView *>(open("expect-417-retried.json"));
    ASSERT_NE(timeline, nullptr);
    auto *troubleshoot = timeline->findChild<QPushButton *>(QStringLiteral("timelineTroubleshoot"));
    ASSERT_NE(troubleshoot, nullptr);
    troubleshoot->click();
    ASSERT_NE(qobject_cast<ui::TroubleshootingPanel *>(app.window()->documents()->currentWidget()), nullptr);
    expectDark("troubleshooting");
}

TEST_F(DarkTheme, Guide)
{
    app.wiring()->guideNavigator()->showGuide(ui::StatusActivation::ofCode(417));
    ASSERT_EQ(app.browserGuide(), QStringLiteral("417"));
    expectDark("guide");
}

// A checked status chip must be told from an unchecked one at a glance in the dark.
TEST_F(DarkTheme, ActiveHarStatusChipStandsOut)
{
    auto *har = qobject_cast<ui::HarView *>(open("sample.har"));
    ASSERT_NE(har, nullptr);
    ASSERT_TRUE(waitUntil([har] { return har->loadState() == ui::HarView::LoadState::Loaded; }));
    auto *active = har->findChild<QToolButton *>(QStringLiteral("harChip_4xx"));
    auto *inactive = har->findChild<QToolButton *>(QStringLiteral("harChip_5xx"));
    ASSERT_NE(active, nullptr);
    ASSERT_NE(inactive, nullptr);
    active->setChecked(true);
    QCoreApplication::processEvents();
    const auto meanColour = [](QWidget *w) {
        const QImage image = w->grab().toImage().convertToFormat(QImage::Format_RGB32);
        double r = 0, g = 0, b = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QRgb p = image.pixel(x, y);
                r += qRed(p);
                g += qGreen(p);
                b += qBlue(p);
            }
        }
        const double n = double(image.width()) * image.height();
        return std::array<double, 3>{r / n, g / n, b / n};
    };
    const auto a = meanColour(active);
    const auto i = meanColour(inactive);
    const double distance = std::abs(a[0] - i[0]) + std::abs(a[1] - i[1]) + std::abs(a[2] - i[2]);
    EXPECT_GT(distance, 40.0) << "active " << a[0] << "," << a[1] << "," << a[2] << " inactive " << i[0] << ","
                              << i[1] << "," << i[2];
}
