// statusscope: the GUI. Wires core and ui; no logic of its own.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/app_info.h"
#include "core/guides/guide_catalog.h"
#include "core/history/history_store.h"
#include "ui/composer/composer_widget.h"
#include "ui/guide_dock.h"
#include "ui/guides/guide_browser.h"
#include "ui/har/har_view.h"
#include "ui/logs/log_view.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"
#include "ui/status/guide_navigator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(statusscope::kAppName));
    QApplication::setApplicationDisplayName(QString::fromLatin1(statusscope::kAppName));
    QApplication::setApplicationVersion(QString::fromLatin1(statusscope::kAppVersion));
    QApplication::setOrganizationName(QString::fromLatin1(statusscope::kOrganizationName));
    QApplication::setOrganizationDomain(QString::fromLatin1(statusscope::kOrganizationDomain));
    QApplication::setDesktopFileName(QStringLiteral("org.statusscope.StatusScope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Desktop HTTP inspector: why did this request get this status, and what do I do about it?"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("HAR files, access logs or saved exchanges to open."),
                                 QStringLiteral("[FILE...]"));
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        QStringLiteral("Open the files, print what each was recognised as, and exit: 0 when every "
                       "file was recognised (used by package tests)."));
    parser.addOption(checkOption);
    const QCommandLineOption themeOption(
        QStringLiteral("theme"), QStringLiteral("Colour theme for this run and the next: light, dark or system."),
        QStringLiteral("theme"));
    parser.addOption(themeOption);
    const QCommandLineOption historyOption(
        QStringLiteral("history"), QStringLiteral("History database to use instead of the default."),
        QStringLiteral("file"));
    parser.addOption(historyOption);
    const QCommandLineOption curlOption(
        QStringLiteral("curl"), QStringLiteral("Open a request tab filled from this curl command."),
        QStringLiteral("command"));
    parser.addOption(curlOption);
    const QCommandLineOption sendOption(QStringLiteral("send"),
                                        QStringLiteral("Send the request given with --curl at once."));
    parser.addOption(sendOption);
    parser.process(app);
    if (parser.isSet(themeOption))
        QSettings().setValue(QStringLiteral("appearance/theme"), parser.value(themeOption));

    // The guides are compiled in; a broken one is a build problem, reported and skipped.
    const statusscope::GuideCatalog guides = statusscope::GuideCatalog::load();
    for (const statusscope::GuideError &error : guides.loadErrors())
        qWarning("guide %s", qUtf8Printable(error.toString()));

    statusscope::ui::MainWindow window;
    auto *guideBrowser = new statusscope::ui::GuideBrowser(guides);
    window.guideDock()->setContent(guideBrowser);
    // Every status link in the app goes through this one object to the Guide dock.
    statusscope::ui::GuideNavigator guideNavigator(guideBrowser, window.guideDock());

    statusscope::ui::RequestWorkspace workspace(
        &window, parser.isSet(historyOption) ? parser.value(historyOption) : statusscope::HistoryStore::defaultPath());
    workspace.setGuideNavigator(&guideNavigator);
    window.registerViewer(statusscope::FileKind::Har, [&guideNavigator](const QString &path, QWidget *parent) -> QWidget * {
        auto *view = new statusscope::ui::HarView(path, parent);
        // The Guide dock follows the selected entry's status.
        QObject::connect(view, &statusscope::ui::HarView::statusSelected, &guideNavigator,
                         [&guideNavigator](int code) { guideNavigator.showGuide(QString::number(code)); });
        return view;
    });
    window.setRequestFactory([&workspace](QWidget *parent) { return workspace.createComposer(parent); });
    window.registerViewer(statusscope::FileKind::ExchangeJson, [&workspace](const QString &path, QWidget *parent) {
        return workspace.openExchangeFile(path, parent);
    });
    bool allRecognised = true;
    if (parser.isSet(checkOption)) {
        QObject::connect(&window, &statusscope::ui::MainWindow::fileOpened, &window,
                         [&allRecognised](const QString &path, statusscope::FileKind kind) {
                             allRecognised = allRecognised && kind != statusscope::FileKind::Unknown;
                             std::printf("%s: %s\n", qUtf8Printable(path),
                                         qUtf8Printable(statusscope::toString(kind)));
                         });
    }
    window.registerViewer(statusscope::FileKind::AccessLog, [](const QString &path, QWidget *parent) {
        return new statusscope::ui::LogView({path}, parent);
    });
    window.show();
    window.openFiles(parser.positionalArguments());
    if (parser.isSet(curlOption)) {
        statusscope::ui::ComposerWidget *composer = workspace.importCurlTab(parser.value(curlOption));
        // Sent once the window has painted, so start-up work does not sit inside the timings.
        if (parser.isSet(sendOption))
            QTimer::singleShot(500, composer, &statusscope::ui::ComposerWidget::send);
    }
    if (parser.isSet(checkOption))
        return allRecognised && !parser.positionalArguments().isEmpty() ? 0 : 1;
    return QApplication::exec();
}
