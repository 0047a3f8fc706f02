// SPDX-License-Identifier: GPL-3.0-or-later
// Takes the screenshots in docs/screenshots through the app's own wiring, at 1280×800, in the
// theme given: troubleshooting a saved 417 exchange, a 502 HAR entry and a 429 log spike
// (nothing goes to the network: only steps the exchange answers itself are run), and the
// Expect probe's result against a private nginx and a Python http.server on loopback (the test
// fixtures' servers, started and stopped here).
//
//   xvfb-run -s "-screen 0 1280x800x24" build/app/statusscope_screenshots SOURCE_DIR OUT_DIR light|dark

#include "app/app_wiring.h"
#include "core/guides/guide_catalog.h"
#include "tests/support/nginx_server.h"
#include "tests/support/python_server.h"
#include "ui/composer/composer_state.h"
#include "ui/composer/composer_widget.h"
#include "ui/diagnose/har_diagnosis.h"
#include "ui/diagnose/troubleshooting_panel.h"
#include "ui/guide_dock.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_view.h"
#include "ui/logs/log_chart.h"
#include "ui/logs/log_view.h"
#include "ui/main_window.h"
#include "ui/probe/probe_results_model.h"
#include "ui/probe/probe_view.h"
#include "ui/request_workspace.h"
#include "ui/status/guide_navigator.h"
#include "ui/timeline/timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace statusscope;

namespace {

bool settle(const std::function<bool()> &done, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    return done();
}

// The composer's "Probe Expect handling…" on `url`, run to the end; the early_final row selected
// (its detail below the table) and its guide in the Guide dock.
bool probeShot(ui::MainWindow &window, app::AppWiring &wiring, const QString &url, const QString &path);

void shoot(ui::MainWindow &window, const QString &path)
{
    settle([] { return false; }, 400); // let layouts and the chart paint
    window.grab().save(path);
    std::printf("%s\n", qUtf8Printable(path));
}

bool probeShot(ui::MainWindow &window, app::AppWiring &wiring, const QString &url, const QString &path)
{
    ui::ComposerWidget *composer = wiring.workspace()->newComposerTab();
    ui::ComposerState state;
    state.method = QStringLiteral("PUT");
    state.url = url;
    composer->setState(state);
    composer->probeAction()->trigger();
    auto *view = qobject_cast<ui::ProbeView *>(window.documents()->currentWidget());
    if (!view)
        return false;
    view->start();
    if (!settle([view] { return view->stage() == ui::ProbeView::Stage::Finished; }, 120000))
        return false;
    const ui::ProbeResultsModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ui::ProbeResultsModel::CheckIdRole).toString() == QLatin1String("early_final")) {
            view->table()->selectRow(row);
            wiring.guideNavigator()->showGuide(index.data(ui::ProbeResultsModel::GuideRole).toString());
        }
    }
    shoot(window, path);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s SOURCE_DIR OUT_DIR light|dark\n", argv[0]);
        return 2;
    }
    const QDir source(QString::fromLocal8Bit(argv[1]));
    const QDir out(QString::fromLocal8Bit(argv[2]));
    const QString theme = QString::fromLocal8Bit(argv[3]);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("appearance/theme"), theme);
    const GuideCatalog guides = GuideCatalog::load();
    ui::MainWindow window(&settings);
    app::AppWiring wiring(&window, guides, dir.filePath(QStringLiteral("history.sqlite")));
    window.resize(1280, 800);
    window.show();
    bool ok = true;

    // 1. The saved 417 exchange: step 1 answered by attempt #2, step 2 does not apply.
    {
        auto *view = qobject_cast<ui::TimelineView *>(
            window.openFile(source.filePath(QStringLiteral("tests/fixtures/diagnose/expect-417-retried.json"))));
        ok = ok && view;
        if (view) {
            view->requestTroubleshooting();
            if (auto *panel = qobject_cast<ui::TroubleshootingPanel *>(window.documents()->currentWidget())) {
                wiring.guideNavigator()->showGuide(QStringLiteral("417"));
                panel->chooseOutcome(panel->suggestedOutcome());
                settle([panel] { return !panel->suggestedOutcome().isEmpty(); }, 3000);
                shoot(window, out.filePath(QStringLiteral("troubleshoot_417_%1.png").arg(theme)));
            } else {
                ok = false;
            }
        }
    }

    // 2. A 502 entry of a HAR.
    {
        auto *view = qobject_cast<ui::HarView *>(
            window.openFile(source.filePath(QStringLiteral("docs/screenshots/checkout-502.har"))));
        ok = ok && view && settle([view] { return view->loadState() == ui::HarView::LoadState::Loaded; });
        if (view) {
            QAbstractItemModel *model = view->table()->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, ui::HarEntriesModel::StatusColumn).data(ui::HarEntriesModel::StatusRole).toInt() == 502) {
                    view->table()->setCurrentIndex(model->index(row, ui::HarEntriesModel::PathColumn));
                    break;
                }
            }
            if (auto *diagnosis = view->findChild<ui::HarDiagnosis *>())
                diagnosis->troubleshoot();
            shoot(window, out.filePath(QStringLiteral("troubleshoot_502_har_%1.png").arg(theme)));
        }
    }

    // 3. The 429 spike of an access log: the log tab with the spike's guide, then the 429 flow
    //    at its "open the logs" step for a saved 429 exchange.
    {
        auto *log = qobject_cast<ui::LogView *>(
            window.openFile(source.filePath(QStringLiteral("tests/fixtures/logs/api-429-spike.log"))));
        ok = ok && log && settle([log] { return !log->isLoading() && log->summary().linesTotal > 0; });
        if (log && !log->summary().spikes.isEmpty()) {
            const logs::Spike spike = log->summary().spikes.front();
            log->showBucket(spike.startMs, spike.endMs);
            wiring.guideNavigator()->showGuide(QString::number(spike.status));
            shoot(window, out.filePath(QStringLiteral("log_429_spike_%1.png").arg(theme)));
        }
        auto *view = qobject_cast<ui::TimelineView *>(
            window.openFile(source.filePath(QStringLiteral("tests/fixtures/diagnose/rate-limited-429.json"))));
        if (view) {
            view->requestTroubleshooting();
            shoot(window, out.filePath(QStringLiteral("troubleshoot_429_%1.png").arg(theme)));
        }
    }

    // 4. The Expect probe from the composer: nginx (/small: 413 before a large body) and Python's
    //    http.server (an HTTP/1.0 server that ignores Expect). In a window as a user starts it:
    //    the earlier shots' tabs closed, the Guide dock at a readable width.
    {
        if (auto *closeTab = window.findChild<QAction *>(QStringLiteral("actionCloseTab"))) {
            while (window.documents()->count() > 0)
                closeTab->trigger();
        }
        window.resizeDocks({window.guideDock()}, {360}, Qt::Horizontal);
        window.statusBar()->clearMessage();
        test::NginxServer nginx;
        ok = ok && nginx.start()
             && probeShot(window, wiring, nginx.url(QStringLiteral("/small")),
                          out.filePath(QStringLiteral("probe_nginx_%1.png").arg(theme)));
        test::PythonHttpServer python;
        ok = ok && python.start()
             && probeShot(window, wiring, python.url(QStringLiteral("/upload")),
                          out.filePath(QStringLiteral("probe_python_%1.png").arg(theme)));
    }
    return ok ? 0 : 1;
}
