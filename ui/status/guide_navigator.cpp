// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/status/guide_navigator.h"

#include "ui/guides/guide_browser.h"
#include "ui/status/status_link.h"

#include <QDockWidget>

namespace statusscope::ui {

GuideNavigator::GuideNavigator(GuideBrowser *browser, QDockWidget *dock, QObject *parent)
    : QObject(parent), m_browser(browser), m_dock(dock)
{}

void GuideNavigator::connectLink(StatusLinkLabel *link)
{
    connect(link, &StatusLinkLabel::statusActivated, this, &GuideNavigator::showGuide);
}

void GuideNavigator::connectLink(StatusLinkDelegate *delegate)
{
    connect(delegate, &StatusLinkDelegate::statusActivated, this, &GuideNavigator::showGuide);
}

void GuideNavigator::showGuide(const StatusActivation &activation)
{
    if (!m_browser)
        return;
    m_browser->showGuide(activation.codeId, activation.section);
    if (m_dock) {
        m_dock->show();
        m_dock->raise();
    }
    emit guideShown(activation.codeId);
}

} // namespace statusscope::ui
