#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The real app for end-to-end GUI tests: a MainWindow with exactly the wiring main() installs
// (app/app_wiring), a private settings file and history database, and a record of every guide
// the Guide dock was asked to show.

#include "app/app_wiring.h"
#include "core/guides/guide_catalog.h"
#include "ui/guides/guide_browser.h"
#include "ui/main_window.h"
#include "ui/status/guide_navigator.h"
#include "ui/status/status_link.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace statusscope::test {

class AppHarness
{
public:
    AppHarness()
        : m_settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , m_window(std::make_unique<ui::MainWindow>(&m_settings))
        , m_wiring(std::make_unique<app::AppWiring>(m_window.get(), catalog(),
                                                    m_dir.filePath(QStringLiteral("history.sqlite"))))
    {
        QObject::connect(m_wiring->guideNavigator(), &ui::GuideNavigator::guideShown, m_window.get(),
                         [this](const QString &codeId) { m_shown << codeId; });
        m_window->resize(1280, 800);
        m_window->show();
    }
    ~AppHarness()
    {
        m_wiring.reset(); // as in main(): the wiring goes before its window
        m_window.reset();
    }
    AppHarness(const AppHarness &) = delete;
    AppHarness &operator=(const AppHarness &) = delete;

    static const GuideCatalog &catalog()
    {
        static const GuideCatalog guides = GuideCatalog::load();
        return guides;
    }

    ui::MainWindow *window() const { return m_window.get(); }
    app::AppWiring *wiring() const { return m_wiring.get(); }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    // The guides shown through the Guide dock since the last take, then forgets them.
    QStringList takeShown()
    {
        QCoreApplication::processEvents();
        return std::exchange(m_shown, {});
    }
    QString browserGuide() const { return m_wiring->guideBrowser()->currentId(); }

private:
    QTemporaryDir m_dir;
    QSettings m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppWiring> m_wiring;
    QStringList m_shown;
};

// Runs the event loop until `done` is true or `timeoutMs` passes; the final value of done().
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QTest::qWait(20);
    return done();
}

// Clicks the status badge a StatusLinkDelegate paints in `index`'s cell, as a user would.
inline void clickBadge(QAbstractItemView *view, const QModelIndex &index)
{
    auto *delegate = qobject_cast<ui::StatusLinkDelegate *>(view->itemDelegateForIndex(index));
    ASSERT_NE(delegate, nullptr) << "no status link in that column";
    view->scrollTo(index);
    const QRect badge = delegate->badgeRectFor(view, index);
    ASSERT_FALSE(badge.isEmpty()) << "no badge painted at row " << index.row();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, badge.center());
}

// Clicks the middle of a cell (away from any badge).
inline void clickCell(QAbstractItemView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

// The events a real double-click produces: press, release, double-click, release (QTest's
// mouseDClick on a widget sends the double-click event alone, which item views ignore).
inline void doubleClickCell(QAbstractItemView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    const QPoint at = view->visualRect(index).center();
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, at);
}

} // namespace statusscope::test
