// SPDX-License-Identifier: GPL-3.0-or-later
// Takes every screenshot in docs/screenshots through the app's own wiring, at one window size
// and one theme: the start page, the composer, a live 417 → retry timeline, a HAR, a log spike
// with its raw lines, the troubleshooting flows (a saved 417 exchange, a 502 HAR entry, a 429
// log spike), a guide, the Expect probe against a private nginx and Python's http.server, and
// File › Open Log Source… against a private clickhouse-server holding a log with a 502 burst.
// Nothing goes to a host that is not on loopback; the servers are started and stopped here.
// docs/screenshots/make.sh runs it for 1280×800 and 1920×1080, light and dark.
//
//   build/app/statusscope_screenshots SOURCE_DIR OUT_DIR light|dark [WIDTHxHEIGHT]
//
// Files are NAME_THEME.png at 1280×800 (the README's size) and NAME_WIDTH_THEME.png otherwise.

#include "app/app_wiring.h"
#include "core/guides/guide_catalog.h"
#include "core/logs/source/clickhouse_endpoint.h"
#include "core/logs/source/clickhouse_loader.h"
#include "tests/support/clickhouse_server.h"
#include "tests/support/nginx_server.h"
#include "tests/support/python_server.h"
#include "tests/support/test_support.h"
#include "ui/composer/composer_state.h"
#include "ui/composer/composer_widget.h"
#include "ui/diagnose/har_diagnosis.h"
#include "ui/diagnose/troubleshooting_panel.h"
#include "ui/guide_dock.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_view.h"
#include "ui/logs/log_filter_bar.h"
#include "ui/logs/log_source_dialog.h"
#include "ui/logs/log_view.h"
#include "ui/logs/raw_lines_model.h"
#include "ui/logs/raw_lines_panel.h"
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
#include <QFile>
#include <QLineEdit>
#include <QPixmap>
#include <QPainter>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace statusscope;

namespace {

struct Shots
{
    ui::MainWindow &window;
    app::AppWiring &wiring;
    QDir source;
    QDir out;
    QString theme;
    QString sizeTag; // "" at 1280×800, "_1920" at 1920×1080
    QTemporaryDir &scratch;
    bool ok = true;

    QString fixture(const QString &relative) const { return source.filePath(relative); }

    void fail(const char *scene)
    {
        std::fprintf(stderr, "screenshot %s: could not be taken\n", scene);
        ok = false;
    }
};

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

QString shotPath(const Shots &shots, const QString &name)
{
    return shots.out.filePath(QStringLiteral("%1%2_%3.png").arg(name, shots.sizeTag, shots.theme));
}

void shoot(Shots &shots, const QString &name)
{
    settle([] { return false; }, 400); // let layouts and the charts paint
    const QString path = shotPath(shots, name);
    shots.window.grab().save(path);
    std::printf("%s\n", qUtf8Printable(path));
}

// Each scene starts from a window as a user has it after launch: no documents, the Guide dock
// at the window's default width (wider on a 1920 screen, where a user widens it to read),
// no message left over from the scene before.
void closeDocuments(Shots &shots)
{
    if (auto *closeTab = shots.window.findChild<QAction *>(QStringLiteral("actionCloseTab"))) {
        while (shots.window.documents()->count() > 0)
            closeTab->trigger();
    }
    shots.window.resizeDocks({shots.window.guideDock()}, {shots.window.width() >= 1900 ? 480 : ui::MainWindow::kDefaultGuideWidth},
                            Qt::Horizontal);
    shots.window.statusBar()->clearMessage();
}

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void startPage(Shots &shots)
{
    closeDocuments(shots);
    shoot(shots, QStringLiteral("start"));
}

// A PUT of a 3 MB report with Expect: 100-continue to a server that refuses Expect with 417 and
// answers the retry with a 103 and a 200: the composer before Send, then the timeline after it.
void composerAndTimeline(Shots &shots)
{
    closeDocuments(shots);
    const int port = freePort();
    QProcess server;
    server.start(QStringLiteral("python3"),
                 {shots.fixture(QStringLiteral("docs/screenshots/scripted_server.py")), QString::number(port)});
    if (!server.waitForStarted()) {
        shots.fail("timeline_417_retry");
        return;
    }
    QThread::msleep(300); // the script binds right after it starts
    const QString bodyPath = shots.scratch.filePath(QStringLiteral("report.bin"));
    QFile body(bodyPath);
    if (body.open(QIODevice::WriteOnly)) {
        body.write(QByteArray(3'000'000, 'r'));
        body.close();
    }
    ui::ComposerWidget *composer = shots.wiring.workspace()->newComposerTab();
    ui::ComposerState state;
    state.method = QStringLiteral("PUT");
    state.url = QStringLiteral("http://127.0.0.1:%1/v1/upload?bucket=reports&overwrite=1").arg(port);
    state.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer eyJhbGciOi…"), true},
                     {QStringLiteral("X-Request-Id"), QStringLiteral("4f9d2c1e"), true}};
    state.bodyMode = ui::BodyMode::File;
    state.bodyFile = bodyPath;
    state.expectMode = http::ExpectMode::Always;
    composer->setState(state);
    shoot(shots, QStringLiteral("composer"));

    bool finished = false;
    QObject::connect(composer, &ui::ComposerWidget::exchangeFinished, composer, [&finished] { finished = true; });
    composer->send();
    if (settle([&finished] { return finished; }))
        shoot(shots, QStringLiteral("timeline_417_retry"));
    else
        shots.fail("timeline_417_retry");
    server.kill();
    server.waitForFinished();
}

// The saved 417 exchange: step 1 answered by attempt #2, step 2 does not apply.
void troubleshoot417(Shots &shots)
{
    closeDocuments(shots);
    auto *view = qobject_cast<ui::TimelineView *>(
        shots.window.openFile(shots.fixture(QStringLiteral("tests/fixtures/diagnose/expect-417-retried.json"))));
    if (!view)
        return shots.fail("troubleshoot_417");
    view->requestTroubleshooting();
    auto *panel = qobject_cast<ui::TroubleshootingPanel *>(shots.window.documents()->currentWidget());
    if (!panel)
        return shots.fail("troubleshoot_417");
    shots.wiring.guideNavigator()->showGuide({QStringLiteral("417"), {}});
    panel->chooseOutcome(panel->suggestedOutcome());
    settle([panel] { return !panel->suggestedOutcome().isEmpty(); }, 3000);
    shoot(shots, QStringLiteral("troubleshoot_417"));
}

// A checkout page's HAR with a 502: the table, then the entry's troubleshooting flow.
void har(Shots &shots)
{
    closeDocuments(shots);
    auto *view = qobject_cast<ui::HarView *>(
        shots.window.openFile(shots.fixture(QStringLiteral("docs/screenshots/checkout-502.har"))));
    if (!view || !settle([view] { return view->loadState() == ui::HarView::LoadState::Loaded; }))
        return shots.fail("har");
    QAbstractItemModel *model = view->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ui::HarEntriesModel::StatusColumn).data(ui::HarEntriesModel::StatusRole).toInt() == 502) {
            view->table()->setCurrentIndex(model->index(row, ui::HarEntriesModel::PathColumn));
            break;
        }
    }
    shots.wiring.guideNavigator()->showGuide({QStringLiteral("502"), {}});
    shoot(shots, QStringLiteral("har"));
    if (auto *diagnosis = view->findChild<ui::HarDiagnosis *>())
        diagnosis->troubleshoot();
    shoot(shots, QStringLiteral("troubleshoot_502_har"));
}

// The same log drilled down: /api/ only, the spike's status chosen (tables narrowed, chart
// highlighted), its raw lines below with one opened in its context.
void logDrillDown(Shots &shots)
{
    closeDocuments(shots);
    auto *log = qobject_cast<ui::LogView *>(
        shots.window.openFile(shots.fixture(QStringLiteral("tests/fixtures/logs/api-429-spike.log"))));
    if (!log || !settle([log] { return !log->isLoading() && log->summary().linesTotal > 0; })
        || log->summary().spikes.isEmpty())
        return shots.fail("log_drill_down");
    log->filterBar()->pathEdit()->setText(QStringLiteral("/api/"));
    emit log->filterBar()->filterChanged();
    if (!settle([log] { return !log->isRecounting() && log->summary().linesParsed < log->fullSummary().linesParsed; }))
        return shots.fail("log_drill_down");
    log->selectStatus(log->summary().spikes.front().status);
    log->showRawLines();
    if (!settle([log] { return !log->rawLines()->isLoading() && log->rawLines()->model()->rowCount() > 3; }))
        return shots.fail("log_drill_down");
    log->rawLines()->table()->selectRow(3);
    log->rawLines()->jumpTo(3);
    shoot(shots, QStringLiteral("log_drill_down"));
}

// The 429 spike of an access log: the log tab at the spike's bucket with its guide, then the 429
// flow for a saved 429 exchange at its "open the logs" step.
void logSpike(Shots &shots)
{
    closeDocuments(shots);
    auto *log = qobject_cast<ui::LogView *>(
        shots.window.openFile(shots.fixture(QStringLiteral("tests/fixtures/logs/api-429-spike.log"))));
    if (!log || !settle([log] { return !log->isLoading() && log->summary().linesTotal > 0; })
        || log->summary().spikes.isEmpty())
        return shots.fail("log_429_spike");
    const logs::Spike spike = log->summary().spikes.front();
    log->showBucket(spike.startMs, spike.endMs);
    shots.wiring.guideNavigator()->showGuide(ui::StatusActivation::ofCode(spike.status));
    shoot(shots, QStringLiteral("log_429_spike"));

    auto *view = qobject_cast<ui::TimelineView *>(
        shots.window.openFile(shots.fixture(QStringLiteral("tests/fixtures/diagnose/rate-limited-429.json"))));
    if (!view)
        return shots.fail("troubleshoot_429");
    view->requestTroubleshooting();
    shoot(shots, QStringLiteral("troubleshoot_429"));
}

// A guide read on its own: the dock widened the way a reader would.
void guide(Shots &shots)
{
    closeDocuments(shots);
    shots.window.resizeDocks({shots.window.guideDock()}, {shots.window.width() / 2}, Qt::Horizontal);
    shots.wiring.guideNavigator()->showGuide({QStringLiteral("417"), {}});
    shoot(shots, QStringLiteral("guide_417"));
}

// The Body tab of two new requests: a multipart upload with text fields and files, and a
// JSON body with a typo, whose error shows under the editor.
void composerBodies(Shots &shots)
{
    closeDocuments(shots);
    const QString photo = shots.scratch.filePath(QStringLiteral("receipt-2024-03.png"));
    const QString pdf = shots.scratch.filePath(QStringLiteral("expense report Q1.pdf"));
    for (const auto &[path, size] : {std::pair(photo, 482'113), std::pair(pdf, 2'310'554)}) {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(QByteArray(size, 'x'));
    }
    ui::ComposerWidget *form = shots.wiring.workspace()->newComposerTab();
    ui::ComposerState state;
    state.method = QStringLiteral("POST");
    state.url = QStringLiteral("https://api.example.com/v2/expenses/upload");
    state.bearerToken = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.4Adcj3UFYzP");
    state.bodyMode = ui::BodyMode::Multipart;
    state.multipart = {{QStringLiteral("employee"), QStringLiteral("ann.lee@example.com"), true, false, {}},
                       {QStringLiteral("amount"), QStringLiteral("184.20"), true, false, {}},
                       {QStringLiteral("note"), QStringLiteral("Team dinner, Lisbon offsite"), true, false, {}},
                       {QStringLiteral("receipt"), photo, true, true, {}},
                       {QStringLiteral("report"), pdf, true, true, QStringLiteral("application/pdf")}};
    form->setState(state);
    shoot(shots, QStringLiteral("composer_multipart"));

    ui::ComposerWidget *json = shots.wiring.workspace()->newComposerTab();
    ui::ComposerState jsonState;
    jsonState.method = QStringLiteral("PATCH");
    jsonState.url = QStringLiteral("https://api.example.com/v2/expenses/8812");
    jsonState.bodyMode = ui::BodyMode::Raw;
    jsonState.rawContentType = QStringLiteral("application/json");
    jsonState.rawText = QStringLiteral("{\n  \"amount\": 184.20,\n  \"currency\": \"EUR\"\n  \"tags\": [\"travel\", \"team\"],\n"
                                       "  \"approved\": false\n}");
    json->setState(jsonState);
    shoot(shots, QStringLiteral("composer_json_error"));
}

// The composer's "Probe Expect handling…" on `url`, run to the end; the early_final row selected
// (its detail below the table) and its guide in the Guide dock.
void probe(Shots &shots, const QString &url, const QString &name)
{
    closeDocuments(shots);
    ui::ComposerWidget *composer = shots.wiring.workspace()->newComposerTab();
    ui::ComposerState state;
    state.method = QStringLiteral("PUT");
    state.url = url;
    composer->setState(state);
    composer->probeAction()->trigger();
    auto *view = qobject_cast<ui::ProbeView *>(shots.window.documents()->currentWidget());
    if (!view)
        return shots.fail("probe");
    view->start();
    if (!settle([view] { return view->stage() == ui::ProbeView::Stage::Finished; }, 120000))
        return shots.fail("probe");
    const ui::ProbeResultsModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ui::ProbeResultsModel::CheckIdRole).toString() == QLatin1String("early_final")) {
            view->table()->selectRow(row);
            shots.wiring.guideNavigator()->showGuide({index.data(ui::ProbeResultsModel::GuideRole).toString(), {}});
        }
    }
    shoot(shots, name);
}

void probes(Shots &shots)
{
    test::NginxServer nginx;
    if (nginx.start())
        probe(shots, nginx.url(QStringLiteral("/small")), QStringLiteral("probe_nginx"));
    else
        shots.fail("probe_nginx");
    test::PythonHttpServer python;
    if (python.start())
        probe(shots, python.url(QStringLiteral("/upload")), QStringLiteral("probe_python"));
    else
        shots.fail("probe_python");
}

// A modal dialog as it looks over its window. Xvfb has no window manager to draw a frame, so
// the window behind is dimmed and the dialog outlined, as a desktop would show it.
QPixmap dialogOverWindow(QWidget &window, QWidget &dialog)
{
    QPixmap shot = window.grab();
    QPainter painter(&shot);
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 70));
    const QPoint at = dialog.geometry().topLeft() - window.geometry().topLeft();
    for (int spread = 6; spread > 0; --spread) // a soft shadow below and right
        painter.fillRect(QRect(at + QPoint(spread, spread), dialog.size()), QColor(0, 0, 0, 12));
    painter.drawPixmap(at, dialog.grab());
    painter.setPen(dialog.palette().color(QPalette::Shadow));
    painter.drawRect(QRect(at - QPoint(1, 1), dialog.size() + QSize(1, 1)));
    return shot;
}

// File › Open Log Source… on a ClickHouse table holding a generated 6-hour log whose 502 burst
// starts at 09:10: the dialog after "Test connection" (over the window it belongs to), then
// the tab it opens, with the burst's sample rows and the 502 guide.
void clickHouse(Shots &shots)
{
    closeDocuments(shots);
    test::ClickHouseServer server;
    bool created = false;
    if (!server.start() || (server.query(QStringLiteral("CREATE DATABASE web"), &created), !created)) {
        std::fprintf(stderr, "clickhouse: %s\n", qUtf8Printable(server.error()));
        return shots.fail("clickhouse");
    }
    const QString log = shots.scratch.filePath(QStringLiteral("access.log"));
    const test::ProcessResult generated = test::runProcess(
        QStringLiteral("python3"),
        {shots.fixture(QStringLiteral("tests/fixtures/logs/gen_access_log.py")), QStringLiteral("--seed"),
         QStringLiteral("21"), QStringLiteral("--lines"), QStringLiteral("150000"), QStringLiteral("--start"),
         QStringLiteral("2024-05-13T06:00:00+00:00"), QStringLiteral("--span"), QStringLiteral("6h"),
         QStringLiteral("--no-default-bursts"), QStringLiteral("--burst"),
         QStringLiteral("502@3h10m+8m,scope=*:/api/,p=0.45,rate=1.3"), QStringLiteral("-o"), log},
        120000);
    const QString url = server.sourceUrl(QStringLiteral("web.access"));
    logs::ClickHouseEndpoint endpoint;
    if (generated.exitCode != 0 || !logs::parseClickHouseUrl(url, endpoint, nullptr))
        return shots.fail("clickhouse");
    endpoint.password = test::ClickHouseServer::password();
    logs::ClickHouseLoader loader(endpoint, logs::LoadOptions{});
    if (const logs::LoadReport loaded = loader.load({log}); loaded.error.isError()) {
        std::fprintf(stderr, "clickhouse: %s\n", qUtf8Printable(loaded.error.message));
        return shots.fail("clickhouse");
    }

    // The dialog is modal: it is filled, tested and shot from inside its own event loop.
    bool dialogShot = false;
    QTimer::singleShot(0, &shots.window, [&] {
        auto *dialog = qobject_cast<ui::LogSourceDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->urlEdit()->setText(url);
        dialog->passwordEdit()->setText(test::ClickHouseServer::password());
        bool tested = false;
        QObject::connect(dialog, &ui::LogSourceDialog::tested, dialog, [&tested] { tested = true; });
        dialog->testConnection();
        if (settle([&tested] { return tested; })) {
            settle([] { return false; }, 400);
            const QString path = shotPath(shots, QStringLiteral("clickhouse_dialog"));
            dialogShot = dialogOverWindow(shots.window, *dialog).save(path);
            std::printf("%s\n", qUtf8Printable(path));
        }
        dialog->accept();
    });
    shots.window.findChild<QAction *>(QStringLiteral("actionOpenLogSource"))->trigger();
    auto *view = qobject_cast<ui::LogView *>(shots.window.documents()->currentWidget());
    // Done when the answer is shown (the call's end alone comes a moment before).
    if (!dialogShot || !view
        || !settle([view] { return view->summary().linesTotal > 0 || !view->errorText().isEmpty(); }, 60000)
        || view->summary().spikes.isEmpty())
        return shots.fail("clickhouse");
    logs::Spike spike = view->summary().spikes.front();
    for (const logs::Spike &candidate : view->summary().spikes) {
        if (candidate.status >= 500 && candidate.count > spike.count)
            spike = candidate;
    }
    // What a click on the spike's label does: its status chosen, then its rows.
    view->selectStatus(spike.status);
    view->showBucket(spike.startMs, spike.endMs);
    if (!settle([view] { return !view->isBusy() && view->sampleTable()->rowCount() > 0; }, 60000))
        return shots.fail("clickhouse_tab");
    shots.wiring.guideNavigator()->showGuide(ui::StatusActivation::ofCode(spike.status));
    shots.window.resizeDocks({shots.window.guideDock()}, {shots.window.width() >= 1900 ? 480 : 300}, Qt::Horizontal);
    // The spike's rows, as the click shows them next to its statuses.
    if (auto *tables = qobject_cast<QTabWidget *>(view->sampleTable()->parentWidget()->parentWidget()))
        tables->setCurrentWidget(view->sampleTable());
    view->sampleTable()->resizeColumnToContents(1);
    shoot(shots, QStringLiteral("clickhouse_tab"));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc != 4 && argc != 5) {
        std::fprintf(stderr, "usage: %s SOURCE_DIR OUT_DIR light|dark [WIDTHxHEIGHT]\n", argv[0]);
        return 2;
    }
    const QString theme = QString::fromLocal8Bit(argv[3]);
    const QStringList size = QString::fromLocal8Bit(argc == 5 ? argv[4] : "1280x800").split(QLatin1Char('x'));
    const int width = size.value(0).toInt();
    const int height = size.value(1).toInt();
    if (width < 800 || height < 600) {
        std::fprintf(stderr, "size must be WIDTHxHEIGHT, at least 800x600\n");
        return 2;
    }
    QTemporaryDir scratch;
    QSettings settings(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("appearance/theme"), theme);
    const GuideCatalog guides = GuideCatalog::load();
    ui::MainWindow window(&settings);
    app::AppWiring wiring(&window, guides, scratch.filePath(QStringLiteral("history.sqlite")));
    window.resize(width, height);
    window.show();

    Shots shots{window, wiring, QDir(QString::fromLocal8Bit(argv[1])), QDir(QString::fromLocal8Bit(argv[2])), theme,
                width == 1280 && height == 800 ? QString() : QStringLiteral("_%1").arg(width), scratch};
    startPage(shots);
    composerAndTimeline(shots);
    composerBodies(shots);
    har(shots);
    logSpike(shots);
    logDrillDown(shots);
    troubleshoot417(shots);
    guide(shots);
    probes(shots);
    clickHouse(shots);
    return shots.ok ? 0 : 1;
}
