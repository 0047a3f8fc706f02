// statusscope: the GUI. Wires core and ui; no logic of its own.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/app_info.h"
#include "core/guides/guide_catalog.h"
#include "ui/guide_dock.h"
#include "ui/guides/guide_browser.h"
#include "ui/main_window.h"
#include "ui/status/guide_navigator.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.process(app);

    // The guides are compiled in; a broken one is a build problem, reported and skipped.
    const statusscope::GuideCatalog guides = statusscope::GuideCatalog::load();
    for (const statusscope::GuideError &error : guides.loadErrors())
        qWarning("guide %s", qUtf8Printable(error.toString()));

    statusscope::ui::MainWindow window;
    auto *guideBrowser = new statusscope::ui::GuideBrowser(guides);
    window.guideDock()->setContent(guideBrowser);
    // Every status link in the app goes through this one object to the Guide dock; viewers get
    // it from here when they are registered.
    statusscope::ui::GuideNavigator guideNavigator(guideBrowser, window.guideDock());
    bool allRecognised = true;
    if (parser.isSet(checkOption)) {
        QObject::connect(&window, &statusscope::ui::MainWindow::fileOpened, &window,
                         [&allRecognised](const QString &path, statusscope::FileKind kind) {
                             allRecognised = allRecognised && kind != statusscope::FileKind::Unknown;
                             std::printf("%s: %s\n", qUtf8Printable(path),
                                         qUtf8Printable(statusscope::toString(kind)));
                         });
    }
    window.show();
    window.openFiles(parser.positionalArguments());
    if (parser.isSet(checkOption))
        return allRecognised && !parser.positionalArguments().isEmpty() ? 0 : 1;
    return QApplication::exec();
}
