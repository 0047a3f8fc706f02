// SPDX-License-Identifier: GPL-3.0-or-later
// Must NOT link: even through the qualified path, core brings no widget symbols.
#include <QtWidgets/QWidget>

int main()
{
    QWidget widget;
    return widget.isVisible() ? 1 : 0;
}
