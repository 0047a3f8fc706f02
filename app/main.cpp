// statusscope: the GUI. Wires core and ui; no logic of its own.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/app_info.h"
#include "ui/logs/log_view.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.process(app);

    statusscope::ui::MainWindow window;
    window.registerViewer(statusscope::FileKind::AccessLog, [](const QString &path, QWidget *parent) {
        return new statusscope::ui::LogView({path}, parent);
    });
    window.show();
    window.openFiles(parser.positionalArguments());
    return QApplication::exec();
}
