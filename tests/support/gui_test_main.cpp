// SPDX-License-Identifier: GPL-3.0-or-later
// main() for GUI test suites: a QApplication on the offscreen platform unless told otherwise
// (set QT_QPA_PLATFORM=xcb under Xvfb to watch them run).
#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("StatusScopeTests"));
    QApplication::setApplicationName(QStringLiteral("StatusScopeTests"));
    // Settings the views remember (column widths, splitters, recent files) go to a folder of
    // this process: no test sees what an earlier run or the user's own app stored.
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
