// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/findings_panel.h"

#include "ui/status/status_link.h"
#include "ui/theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace statusscope::ui {

namespace {

constexpr int kIconSize = 24;
constexpr int kStripeWidth = 4;

QStyle::StandardPixmap severityIcon(diagnose::Severity severity)
{
    switch (severity) {
    case diagnose::Severity::Error: return QStyle::SP_MessageBoxCritical;
    case diagnose::Severity::Warning: return QStyle::SP_MessageBoxWarning;
    case diagnose::Severity::Info: break;
    }
    return QStyle::SP_MessageBoxInformation;
}

QString severityLabel(diagnose::Severity severity)
{
    switch (severity) {
    case diagnose::Severity::Error: return FindingsPanel::tr("Error");
    case diagnose::Severity::Warning: return FindingsPanel::tr("Warning");
    case diagnose::Severity::Info: break;
    }
    return FindingsPanel::tr("Info");
}

QLabel *textLabel(const QString &html, QWidget *parent, const char *name)
{
    auto *label = new QLabel(html, parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

QColor severityColor(diagnose::Severity severity, bool dark)
{
    switch (severity) {
    case diagnose::Severity::Error: return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case diagnose::Severity::Warning: return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0xa6, 0x5c, 0x00);
    case diagnose::Severity::Info: break;
    }
    return dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0);
}

bool offersExpectProbe(const diagnose::Finding &finding)
{
    return finding.rule.startsWith(QLatin1String("expect-")) || finding.rule == QLatin1String("rejected-before-body")
           || finding.guide == QLatin1String("417");
}

FindingsPanel::FindingsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("findingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_list = new QWidget(scroll);
    m_listLayout = new QVBoxLayout(m_list);
    m_listLayout->setContentsMargins(8, 8, 8, 8);
    m_listLayout->setSpacing(10);
    m_empty = new QLabel(m_list);
    m_empty->setObjectName(QStringLiteral("findingsEmpty"));
    m_empty->setWordWrap(true);
    m_listLayout->addWidget(m_empty);
    m_listLayout->addStretch(1);
    scroll->setWidget(m_list);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setFindings({});
}

void FindingsPanel::setFindings(const diagnose::Findings &findings, const QString &emptyText)
{
    m_findings = findings;
    m_links.clear();
    for (QWidget *card : m_list->findChildren<QWidget *>(QStringLiteral("findingCard"), Qt::FindDirectChildrenOnly))
        delete card;
    m_empty->setText(emptyText.isEmpty() ? tr("No problems found by the diagnosis rules.") : emptyText);
    m_empty->setVisible(findings.isEmpty());
    for (int i = 0; i < findings.size(); ++i)
        m_listLayout->insertWidget(m_listLayout->count() - 1, buildCard(findings.at(i), i));
}

QWidget *FindingsPanel::buildCard(const diagnose::Finding &finding, int index)
{
    auto *card = new QFrame(m_list);
    card->setObjectName(QStringLiteral("findingCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setProperty("rule", finding.rule);
    const QColor color = severityColor(finding.severity, isDarkPalette());

    auto *stripe = new QFrame(card);
    stripe->setFixedWidth(kStripeWidth);
    stripe->setAutoFillBackground(true);
    QPalette stripePalette = stripe->palette();
    stripePalette.setColor(QPalette::Window, color);
    stripe->setPalette(stripePalette);

    auto *icon = new QLabel(card);
    icon->setPixmap(style()->standardIcon(severityIcon(finding.severity)).pixmap(kIconSize, kIconSize));
    icon->setAlignment(Qt::AlignTop);
    icon->setToolTip(severityLabel(finding.severity));

    auto *title = textLabel(QStringLiteral("<span style=\"color:%1\"><b>%2</b></span> &nbsp;<b>%3</b>")
                                .arg(color.name(), severityLabel(finding.severity).toHtmlEscaped(),
                                     finding.title.toHtmlEscaped()),
                            card, "findingTitle");
    auto *explanation = textLabel(finding.explanation.toHtmlEscaped(), card, "findingExplanation");
    auto *cause = textLabel(tr("<b>Likely cause:</b> %1").arg(finding.cause.toHtmlEscaped()), card, "findingCause");
    auto *fix = textLabel(tr("<b>Fix:</b> %1").arg(finding.fix.toHtmlEscaped()), card, "findingFix");
    cause->setVisible(!finding.cause.isEmpty());
    fix->setVisible(!finding.fix.isEmpty());

    auto *guideRow = new QHBoxLayout;
    if (!finding.guide.isEmpty()) {
        guideRow->addWidget(new QLabel(tr("Guide:"), card));
        auto *link = new StatusLinkLabel(card);
        link->setObjectName(QStringLiteral("findingGuide"));
        link->setCodeId(finding.guide);
        connect(link, &StatusLinkLabel::statusActivated, this, &FindingsPanel::statusActivated);
        guideRow->addWidget(link);
        m_links << link;
    }
    guideRow->addStretch(1);
    auto *troubleshoot = new QPushButton(tr("Troubleshoot…"), card);
    troubleshoot->setObjectName(QStringLiteral("findingTroubleshoot"));
    troubleshoot->setToolTip(tr("Walk through the checks for this finding step by step."));
    connect(troubleshoot, &QPushButton::clicked, this, [this, index] {
        if (index < m_findings.size())
            emit troubleshootRequested(m_findings.at(index));
    });
    guideRow->addWidget(troubleshoot);
    if (offersExpectProbe(finding)) {
        auto *probe = new QPushButton(tr("Probe Expect handling…"), card);
        probe->setObjectName(QStringLiteral("findingProbeExpect"));
        probe->setToolTip(tr("Run the Expect conformance probe against this host (it shows what it will send first)."));
        connect(probe, &QPushButton::clicked, this, [this, index] {
            if (index < m_findings.size())
                emit probeRequested(m_findings.at(index));
        });
        guideRow->addWidget(probe);
    }

    auto *text = new QVBoxLayout;
    text->setSpacing(4);
    text->addWidget(title);
    text->addWidget(explanation);
    text->addWidget(cause);
    text->addWidget(fix);
    text->addLayout(guideRow);
    auto *row = new QHBoxLayout(card);
    row->setContentsMargins(0, 0, 8, 8);
    row->addWidget(stripe);
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addLayout(text, 1);
    text->setContentsMargins(0, 8, 0, 0);
    icon->setContentsMargins(0, 8, 0, 0);
    return card;
}

} // namespace statusscope::ui
