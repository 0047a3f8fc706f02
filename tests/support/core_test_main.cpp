// SPDX-License-Identifier: GPL-3.0-or-later
// main() for core test suites: a QCoreApplication so sockets and timers have an event loop.
#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
