// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QLabel;
class QStackedWidget;

namespace statusscope::ui {

// The right-hand dock that follows the status selected anywhere in the app. Until a status is
// selected it says what will appear here.
class GuideDock : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideDock)

public:
    explicit GuideDock(QWidget *parent = nullptr);

    // A guide browser (or any content) replaces the empty state once set.
    void setContent(QWidget *content);
    bool isShowingEmptyState() const;

private:
    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyState = nullptr;
};

} // namespace statusscope::ui
