// statusscope: the GUI. Parses the command line and hands the window to the app wiring
// (app_wiring.cpp); no logic of its own.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/app_wiring.h"
#include "core/app_info.h"
#include "core/guides/guide_catalog.h"
#include "core/history/history_store.h"
#include "ui/composer/composer_widget.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace {

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QString::fromLatin1(statusscope::kAppName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(statusscope::kAppVersion));
    QCoreApplication::setOrganizationName(QString::fromLatin1(statusscope::kOrganizationName));
    QCoreApplication::setOrganizationDomain(QString::fromLatin1(statusscope::kOrganizationDomain));
}

struct Options
{
    QCommandLineOption check{QStringLiteral("check"),
                             QStringLiteral("Open the files, print what each was recognised as, and exit: 0 when "
                                            "every file was recognised (used by package tests).")};
    QCommandLineOption theme{QStringLiteral("theme"),
                             QStringLiteral("Colour theme for this run and the next: light, dark or system."),
                             QStringLiteral("theme")};
    QCommandLineOption history{QStringLiteral("history"),
                               QStringLiteral("History database to use instead of the default."),
                               QStringLiteral("file")};
    QCommandLineOption curl{QStringLiteral("curl"), QStringLiteral("Open a request tab filled from this curl command."),
                            QStringLiteral("command")};
    QCommandLineOption send{QStringLiteral("send"), QStringLiteral("Send the request given with --curl at once.")};
};

void describe(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(QStringLiteral(
        "Desktop HTTP inspector: why did this request get this status, and what do I do about it?"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("HAR files, access logs or saved exchanges to open."),
                                 QStringLiteral("[FILE...]"));
    parser.addOptions({options.check, options.theme, options.history, options.curl, options.send});
}

QStringList argumentList(int argc, char *argv[])
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}

} // namespace

int main(int argc, char *argv[])
{
    const Options options;
    QCommandLineParser parser;
    describe(parser, options);
    // --help, --version and usage errors print and exit without a display: a console-only
    // application answers them, before a QApplication would need a screen.
    const bool parsed = parser.parse(argumentList(argc, argv));
    if (!parsed || parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))
        || parser.isSet(QStringLiteral("version"))) {
        QCoreApplication console(argc, argv);
        setApplicationNames();
        parser.process(console); // prints, then exits (0 for help/version, 1 for an error)
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QString::fromLatin1(statusscope::kAppName));
    QApplication::setDesktopFileName(QStringLiteral("org.statusscope.StatusScope"));
    parser.process(app);
    if (parser.isSet(options.theme))
        QSettings().setValue(QStringLiteral("appearance/theme"), parser.value(options.theme));

    // The guides are compiled in; a broken one is a build problem, reported and skipped.
    const statusscope::GuideCatalog guides = statusscope::GuideCatalog::load();
    for (const statusscope::GuideError &error : guides.loadErrors())
        qWarning("guide %s", qUtf8Printable(error.toString()));

    statusscope::ui::MainWindow window;
    const statusscope::app::AppWiring wiring(
        &window, guides,
        parser.isSet(options.history) ? parser.value(options.history) : statusscope::HistoryStore::defaultPath());

    bool allRecognised = true;
    if (parser.isSet(options.check)) {
        QObject::connect(&window, &statusscope::ui::MainWindow::fileOpened, &window,
                         [&allRecognised](const QString &path, statusscope::FileKind kind) {
                             allRecognised = allRecognised && kind != statusscope::FileKind::Unknown;
                             std::printf("%s: %s\n", qUtf8Printable(path),
                                         qUtf8Printable(statusscope::toString(kind)));
                         });
    }
    window.show();
    window.openFiles(parser.positionalArguments());
    if (parser.isSet(options.curl)) {
        statusscope::ui::ComposerWidget *composer = wiring.workspace()->importCurlTab(parser.value(options.curl));
        // Sent once the window has painted, so start-up work does not sit inside the timings.
        if (parser.isSet(options.send))
            QTimer::singleShot(500, composer, &statusscope::ui::ComposerWidget::send);
    }
    if (parser.isSet(options.check))
        return allRecognised && !parser.positionalArguments().isEmpty() ? 0 : 1;
    return QApplication::exec();
}
