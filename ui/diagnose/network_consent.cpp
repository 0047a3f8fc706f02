// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/network_consent.h"

#include <QCheckBox>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace statusscope::ui {

NetworkConsent::NetworkConsent(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_parent(dialogParent)
{}

NetworkConsent::~NetworkConsent()
{
    if (m_box)
        m_box->deleteLater();
}

QString NetworkConsent::questionText(const NetworkRequestSummary &request)
{
    QString what = tr("%1 <b>%2</b>").arg(request.action.toHtmlEscaped(), request.host.toHtmlEscaped());
    if (!request.method.isEmpty())
        what += request.bodyBytes > 0
                    ? tr(" — a %1 request with a %2-byte body").arg(request.method.toHtmlEscaped(),
                                                                   QLocale().toString(request.bodyBytes))
                    : tr(" — a %1 request without a body").arg(request.method.toHtmlEscaped());
    return tr("<p>This check would %1.</p><p>The host came from %2, not from you. Only allow it if you trust "
              "that host with this request.</p>")
        .arg(what, request.origin.isEmpty() ? tr("a file") : request.origin.toHtmlEscaped());
}

void NetworkConsent::ask(const NetworkRequestSummary &request, QObject *context, std::function<void(bool)> done)
{
    const Answer known = remembered(request.host);
    if (known != Answer::Unknown) {
        done(known == Answer::Allowed);
        return;
    }
    if (m_box) // one question at a time: a new check replaces the unanswered one
        m_box->reject();
    emit asked(request.host);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Contact %1?").arg(request.host), questionText(request),
                                QMessageBox::NoButton, m_parent);
    box->setObjectName(QStringLiteral("networkConsentBox"));
    box->setTextFormat(Qt::RichText);
    QPushButton *allow = box->addButton(tr("Allow"), QMessageBox::AcceptRole);
    allow->setObjectName(QStringLiteral("networkConsentAllow"));
    QPushButton *refuse = box->addButton(tr("Don't contact"), QMessageBox::RejectRole);
    refuse->setObjectName(QStringLiteral("networkConsentRefuse"));
    box->setDefaultButton(refuse);
    box->setEscapeButton(refuse);
    auto *rememberBox = new QCheckBox(tr("Remember for %1 until StatusScope quits").arg(request.host), box);
    rememberBox->setObjectName(QStringLiteral("networkConsentRemember"));
    box->setCheckBox(rememberBox);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_box = box;
    const QString host = request.host.toLower();
    QPointer<QObject> guard(context);
    connect(box, &QMessageBox::finished, this, [this, box, allow, rememberBox, host, guard, done = std::move(done)] {
        const bool allowed = box->clickedButton() == allow;
        if (m_box == box)
            m_box = nullptr; // answered: no question pending, though the box is deleted later
        if (rememberBox->isChecked())
            m_remembered.insert(host, allowed ? Answer::Allowed : Answer::Refused);
        if (guard)
            done(allowed);
    });
    box->open();
}

} // namespace statusscope::ui
