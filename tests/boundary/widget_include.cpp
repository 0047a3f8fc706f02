// SPDX-License-Identifier: GPL-3.0-or-later
// Must NOT compile: core's include paths do not reach QtWidgets.
#include <QWidget>

int main()
{
    return 0;
}
