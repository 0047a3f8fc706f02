// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace statusscope::ui {

// Help › About: the version, the Qt it runs on, and the full license texts of StatusScope,
// Qt and QCustomPlot (compiled in from LICENSES/, so they are there in every package).
class AboutDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace statusscope::ui
