// SPDX-License-Identifier: GPL-3.0-or-later
// Timings you can trust: the same requests sent from the GUI (through the app's real wiring,
// as a user's Send) and from statusscope-cli to the same nginx must show the same connect and
// time-to-first-byte medians, even while the window is busy, and even for the first send of a
// new tab. Sends alternate GUI / CLI so that load on the machine falls on both alike.

#include "tests/gui/endtoend/app_harness.h"
#include "tests/support/nginx_server.h"
#include "tests/support/test_support.h"

#include "core/http/http_types.h"
#include "ui/composer/composer_state.h"
#include "ui/composer/composer_widget.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <optional>
#include <utility>
#include <vector>

using namespace statusscope;
using statusscope::test::AppHarness;

namespace {

constexpr int kSends = 20;

struct PhasePair
{
    double connect = 0;
    double ttfb = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The window at work: 30 ms of computation every 40 ms on the GUI thread, as a heavy relayout
// or a slow model would keep it. sendOnNextTick() presses Send at the start of a tick, right
// before the computation, so the whole exchange happens while the GUI thread is occupied.
class BusyWindow
{
public:
    BusyWindow()
    {
        m_timer.setInterval(40);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            if (m_onTick)
                std::exchange(m_onTick, {})();
            QElapsedTimer spin;
            spin.start();
            while (spin.nsecsElapsed() < 30'000'000)
                m_sink = m_sink * 31 + 7;
            ++m_busyTicks;
        });
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    bool isActive() const { return m_timer.isActive(); }
    void sendOnNextTick(std::function<void()> send) { m_onTick = std::move(send); }
    int busyTicks() const { return m_busyTicks; }

private:
    QTimer m_timer;
    std::function<void()> m_onTick;
    volatile quint64 m_sink = 1;
    int m_busyTicks = 0;
};

// One Send in a new request tab (the first send of that tab), as a user would, then the tab
// is closed again.
std::optional<PhasePair> sendFromGui(AppHarness &app, BusyWindow &window, const QString &url)
{
    ui::ComposerWidget *composer = app.wiring()->workspace()->newComposerTab();
    ui::ComposerState state;
    state.method = QStringLiteral("GET");
    state.url = url;
    composer->setState(state);
    std::optional<http::Exchange> result;
    QObject::connect(composer, &ui::ComposerWidget::exchangeFinished, composer,
                     [&result](const http::Exchange &exchange) { result = exchange; });
    if (window.isActive())
        window.sendOnNextTick([composer] { composer->send(); });
    else
        composer->send();
    const bool done = test::waitUntil([&] { return result.has_value(); }, 15000);
    QTabWidget *tabs = app.window()->documents();
    tabs->removeTab(tabs->indexOf(composer));
    composer->deleteLater();
    if (!done || result->attempts.size() != 1 || !result->finalStatus())
        return std::nullopt;
    const http::Timings t = http::deriveTimings(result->attempts.first());
    if (!t.connect || !t.ttfb)
        return std::nullopt;
    return PhasePair{*t.connect, *t.ttfb};
}

std::optional<PhasePair> sendFromCli(const QString &url)
{
    const test::ProcessResult r = test::runCli({QStringLiteral("send"), QStringLiteral("--json"), url});
    if (r.exitCode != 0)
        return std::nullopt;
    const QJsonObject attempt = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("attempts")).toArray().first().toObject();
    const QJsonObject t = attempt.value(QStringLiteral("timings_ms")).toObject();
    if (!t.value(QStringLiteral("connect")).isDouble() || !t.value(QStringLiteral("ttfb")).isDouble())
        return std::nullopt;
    return PhasePair{t.value(QStringLiteral("connect")).toDouble(), t.value(QStringLiteral("ttfb")).toDouble()};
}

struct Medians
{
    double guiConnect, cliConnect, guiTtfb, cliTtfb;
};

void measure(bool busy, Medians *out)
{
    test::NginxServer nginx;
    ASSERT_TRUE(nginx.start()) << nginx.error().toStdString();
    const QString url = nginx.url(QStringLiteral("/index.html"));
    AppHarness app;
    BusyWindow window;
    std::vector<double> guiConnect, guiTtfb, cliConnect, cliTtfb;
    for (int i = 0; i < kSends; ++i) {
        if (busy)
            window.start();
        const std::optional<PhasePair> gui = sendFromGui(app, window, url);
        window.stop();
        ASSERT_TRUE(gui) << "GUI send " << i << " failed";
        const std::optional<PhasePair> cli = sendFromCli(url);
        ASSERT_TRUE(cli) << "CLI send " << i << " failed";
        guiConnect.push_back(gui->connect);
        guiTtfb.push_back(gui->ttfb);
        cliConnect.push_back(cli->connect);
        cliTtfb.push_back(cli->ttfb);
    }
    if (busy) {
        ASSERT_GE(window.busyTicks(), kSends) << "the window was not kept busy while the GUI sent";
    }
    *out = {median(guiConnect), median(cliConnect), median(guiTtfb), median(cliTtfb)};
    std::cout << (busy ? "busy window" : "quiet window") << ": connect median GUI " << out->guiConnect
              << " ms, CLI " << out->cliConnect << " ms; TTFB median GUI " << out->guiTtfb << " ms, CLI "
              << out->cliTtfb << " ms\n";
}

// Within 1 ms or 20 % of the CLI's, whichever is larger.
testing::AssertionResult agrees(const char *what, double gui, double cli)
{
    const double allowed = std::max(1.0, 0.2 * cli);
    if (std::abs(gui - cli) <= allowed)
        return testing::AssertionSuccess();
    return testing::AssertionFailure() << what << ": GUI median " << gui << " ms vs CLI " << cli << " ms (allowed ±"
                                       << allowed << " ms)";
}

// The GUI's medians against the CLI's, both phases.
void expectAgreement(bool busy)
{
    Medians m{};
    measure(busy, &m);
    if (testing::Test::HasFatalFailure())
        return;
    EXPECT_TRUE(agrees("connect", m.guiConnect, m.cliConnect));
    EXPECT_TRUE(agrees("ttfb", m.guiTtfb, m.cliTtfb));
}

} // namespace

TEST(SendTimings, GuiAndCliAgreeWithAQuietWindow)
{
    expectAgreement(false);
}

TEST(SendTimings, GuiAndCliAgreeWhileTheWindowIsBusy)
{
    expectAgreement(true);
}
