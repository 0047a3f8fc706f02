// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/source_error_page.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace statusscope::ui {

SourceErrorPage::SourceErrorPage(QWidget *parent)
    : QWidget(parent)
{
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("sourceError"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *retry = new QPushButton(tr("Try again"), this);
    retry->setObjectName(QStringLiteral("sourceRetry"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_message);
    layout->addWidget(retry, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    connect(retry, &QPushButton::clicked, this, &SourceErrorPage::retryClicked);
}

void SourceErrorPage::setMessage(const QString &message)
{
    m_message->setText(message);
}

} // namespace statusscope::ui
