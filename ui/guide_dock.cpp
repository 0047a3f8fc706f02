// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/guide_dock.h"

#include <QLabel>
#include <QStackedWidget>

namespace statusscope::ui {

GuideDock::GuideDock(QWidget *parent)
    : QDockWidget(tr("Guide"), parent)
{
    setObjectName(QStringLiteral("guideDock"));
    m_stack = new QStackedWidget(this);
    m_emptyState = new QLabel(
        tr("<p><b>No status selected</b></p>"
           "<p>Select a status code anywhere — in a request timeline, a HAR entry or a log "
           "chart — and its guide appears here: what it means, why it happens and how to fix "
           "it.</p>"),
        m_stack);
    m_emptyState->setObjectName(QStringLiteral("guideEmptyState"));
    m_emptyState->setWordWrap(true);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setMargin(16);
    m_emptyState->setEnabled(false); // drawn in the palette's disabled text colour: a hint
    m_stack->addWidget(m_emptyState);
    setWidget(m_stack);
}

void GuideDock::setContent(QWidget *content)
{
    while (m_stack->count() > 1) {
        QWidget *old = m_stack->widget(1);
        m_stack->removeWidget(old);
        old->deleteLater();
    }
    content->setParent(m_stack);
    m_stack->addWidget(content);
    m_stack->setCurrentWidget(content);
}

bool GuideDock::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyState;
}

} // namespace statusscope::ui
