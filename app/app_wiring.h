#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the GUI wires between core and ui, in one place, so the end-to-end GUI tests run
// the same wiring a user gets: the viewers per file kind, the Guide dock's navigator, the
// request workspace (composer, saved exchanges, history, troubleshooting), the diagnosis of
// HAR entries and the Expect probe (from the composer and from Expect/417 findings). main()
// only parses the command line, builds a MainWindow and calls this.

#include <QString>

#include <memory>

namespace statusscope {
class GuideCatalog;
}

namespace statusscope::ui {
class GuideBrowser;
class GuideNavigator;
class MainWindow;
class ProbeLauncher;
class RequestWorkspace;
} // namespace statusscope::ui

namespace statusscope::app {

// Owns what the wiring adds next to a window. The window and the catalog must outlive it
// (the Guide dock's browser reads the catalog for as long as it lives).
class AppWiring
{
public:
    AppWiring(ui::MainWindow *window, const GuideCatalog &guides, const QString &historyPath);
    ~AppWiring();
    AppWiring(const AppWiring &) = delete;
    AppWiring &operator=(const AppWiring &) = delete;

    ui::MainWindow *window() const { return m_window; }
    ui::GuideBrowser *guideBrowser() const { return m_guideBrowser; }
    ui::GuideNavigator *guideNavigator() const { return m_navigator.get(); }
    ui::RequestWorkspace *workspace() const { return m_workspace.get(); }
    ui::ProbeLauncher *probes() const { return m_probes.get(); }
    // Empty when every viewer was registered; otherwise what the window refused (a wiring bug).
    QString wiringError() const { return m_wiringError; }

private:
    void registerViewers();

    ui::MainWindow *m_window;
    ui::GuideBrowser *m_guideBrowser = nullptr; // owned by the Guide dock
    std::unique_ptr<ui::GuideNavigator> m_navigator;
    std::unique_ptr<ui::RequestWorkspace> m_workspace;
    std::unique_ptr<ui::ProbeLauncher> m_probes;
    QString m_wiringError;
};

} // namespace statusscope::app
