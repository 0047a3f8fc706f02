// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/status/status_activation.h"

#include <QObject>
#include <QPointer>

class QDockWidget;

namespace statusscope::ui {

class GuideBrowser;
class StatusLinkDelegate;
class StatusLinkLabel;

// Where every statusActivated in the app goes: shows the guide in the Guide dock's browser and
// brings the dock forward. The app creates one and hands it to whatever shows statuses (no
// singleton); views connect their links with connectLink().
class GuideNavigator : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideNavigator)

public:
    GuideNavigator(GuideBrowser *browser, QDockWidget *dock, QObject *parent = nullptr);

    void connectLink(StatusLinkLabel *link);
    void connectLink(StatusLinkDelegate *delegate);

    // Opens the guide for a code id ("417", "dns-failure"), at its section if one is given; a
    // code without a guide still shows what is known about it.
    void showGuide(const StatusActivation &activation);

signals:
    void guideShown(const QString &codeId);

private:
    QPointer<GuideBrowser> m_browser;
    QPointer<QDockWidget> m_dock;
};

} // namespace statusscope::ui
