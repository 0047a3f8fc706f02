// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/app_wiring.h"

#include "core/guides/guide_catalog.h"
#include "ui/composer/composer_widget.h"
#include "ui/diagnose/har_diagnosis.h"
#include "ui/guide_dock.h"
#include "ui/guides/guide_browser.h"
#include "ui/har/har_view.h"
#include "ui/logs/log_source_action.h"
#include "ui/logs/log_view.h"
#include "ui/main_window.h"
#include "ui/probe/probe_launcher.h"
#include "ui/request_workspace.h"
#include "ui/status/guide_navigator.h"
#include "ui/timeline/timeline_view.h"

#include <QTabWidget>

namespace statusscope::app {

AppWiring::AppWiring(ui::MainWindow *window, const GuideCatalog &guides, const QString &historyPath)
    : m_window(window)
{
    m_guideBrowser = new ui::GuideBrowser(guides);
    window->guideDock()->setContent(m_guideBrowser);
    // Every status link in the app goes through this one object to the Guide dock.
    m_navigator = std::make_unique<ui::GuideNavigator>(m_guideBrowser, window->guideDock());
    m_workspace = std::make_unique<ui::RequestWorkspace>(window, historyPath);
    m_workspace->setGuideNavigator(m_navigator.get());
    m_probes = std::make_unique<ui::ProbeLauncher>(window, m_workspace->networkConsent());
    QObject::connect(m_probes.get(), &ui::ProbeLauncher::statusActivated, m_navigator.get(),
                     &ui::GuideNavigator::showGuide);
    window->setRequestFactory([workspace = m_workspace.get(), probes = m_probes.get()](QWidget *parent) {
        ui::ComposerWidget *composer = workspace->createComposer(parent);
        probes->attachComposer(composer);
        return composer;
    });
    // Composers and timelines the workspace opens itself (Import cURL, replay, history) get the
    // probe actions when their tab is added (every added document becomes the current tab).
    QTabWidget *documents = window->documents();
    QObject::connect(documents, &QTabWidget::currentChanged, m_probes.get(),
                     [documents, probes = m_probes.get()](int index) { probes->attachDocument(documents->widget(index)); });
    registerViewers();
}

AppWiring::~AppWiring() = default;

void AppWiring::registerViewers()
{
    ui::GuideNavigator *navigator = m_navigator.get();
    ui::RequestWorkspace *workspace = m_workspace.get();
    ui::ProbeLauncher *probes = m_probes.get();
    QStringList refused;
    auto add = [this, &refused](FileKind kind, ui::MainWindow::ViewerFactory factory) {
        QString error;
        if (!m_window->registerViewer(kind, std::move(factory), &error))
            refused << error;
    };

    add(FileKind::Har, [navigator, workspace, probes](const QString &path, QWidget *parent) -> QWidget * {
        auto *view = new ui::HarView(path, parent);
        // The Guide dock follows the selected entry's status.
        QObject::connect(view, &ui::HarView::statusActivated, navigator, &ui::GuideNavigator::showGuide);
        // Replay in composer, Diagnose, Troubleshoot… on the selected entry.
        auto *diagnosis = new ui::HarDiagnosis(view);
        QObject::connect(diagnosis, &ui::HarDiagnosis::statusActivated, navigator, &ui::GuideNavigator::showGuide);
        QObject::connect(diagnosis, &ui::HarDiagnosis::replayRequested, workspace,
                         &ui::RequestWorkspace::replayInComposer);
        QObject::connect(diagnosis, &ui::HarDiagnosis::troubleshootRequested, workspace,
                         &ui::RequestWorkspace::openTroubleshooting);
        probes->attachHar(view, diagnosis->findingsPanel());
        return view;
    });
    add(FileKind::AccessLog, [navigator](const QString &path, QWidget *parent) -> QWidget * {
        auto *view = new ui::LogView({path}, parent);
        // Status table (click, Enter, double-click), bucket table, chart legend and spikes.
        QObject::connect(view, &ui::LogView::statusActivated, navigator, &ui::GuideNavigator::showGuide);
        return view;
    });
    add(FileKind::ExchangeJson, [workspace, probes](const QString &path, QWidget *parent) {
        QWidget *view = workspace->openExchangeFile(path, parent);
        if (auto *timeline = qobject_cast<ui::TimelineView *>(view))
            probes->attachSavedExchange(timeline, path); // a host from a file: the probe asks first
        return view;
    });
    // File › Open Log Source…: a log tab over ClickHouse follows statuses to guides like a file's.
    ui::installOpenLogSourceAction(m_window, [navigator](ui::LogView *view) {
        QObject::connect(view, &ui::LogView::statusActivated, navigator, &ui::GuideNavigator::showGuide);
    });
    m_wiringError = refused.join(QLatin1Char('\n'));
}

} // namespace statusscope::app
