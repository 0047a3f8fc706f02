// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_summary_strip.h"

#include "ui/flow_layout.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace statusscope::ui {

HarSummaryStrip::HarSummaryStrip(QWidget *parent) : QWidget(parent)
{
    // The totals and the buttons go onto two rows when the tab is narrow (see FlowLayout).
    auto *layout = new FlowLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_totals = new QLabel(this);
    auto *buttonBox = new QWidget(this);
    m_buttons = new QHBoxLayout(buttonBox);
    m_buttons->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_totals);
    layout->addWidget(buttonBox);
}

void HarSummaryStrip::setSummary(const HarSummary &summary, int skippedEntries)
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QLocale locale;
    int total = 0;
    for (int count : summary.classCounts)
        total += count;
    QString totals = tr("%1 requests, %2 s total, %3")
                         .arg(locale.toString(total))
                         .arg(summary.totalTimeMs / 1000.0, 0, 'f', 2)
                         .arg(locale.formattedDataSize(summary.totalBodyBytes));
    if (skippedEntries > 0)
        totals += tr(", %1 skipped").arg(skippedEntries);
    m_totals->setText(totals);

    auto addButton = [this](const QString &objectName, const QString &text, const QString &tip) {
        auto *button = new QToolButton(this);
        button->setObjectName(objectName);
        button->setText(text);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        m_buttons->addWidget(button);
        return button;
    };
    for (int c = 0; c < static_cast<int>(HarStatusClass::ClassCount); ++c) {
        const auto statusClass = static_cast<HarStatusClass>(c);
        const int count = summary.count(statusClass);
        if (count == 0 || statusClass == HarStatusClass::Failed)
            continue;
        QToolButton *button = addButton(QStringLiteral("harSummary_") + toString(statusClass),
                                        QStringLiteral("%1: %2").arg(toString(statusClass), locale.toString(count)),
                                        tr("Show only %1 responses").arg(toString(statusClass)));
        connect(button, &QToolButton::clicked, this, [this, statusClass] { emit classClicked(statusClass); });
    }
    QToolButton *failed = addButton(QStringLiteral("harSummary_failed"),
                                    tr("Failed: %1").arg(locale.toString(summary.failedCount)),
                                    tr("No response, 4xx and 5xx"));
    failed->setEnabled(summary.failedCount > 0);
    connect(failed, &QToolButton::clicked, this, [this] { emit failedClicked(); });
    if (!summary.slowest.isEmpty()) {
        QToolButton *slowest = addButton(QStringLiteral("harSummary_slowest"),
                                         tr("Slowest %1").arg(summary.slowest.size()),
                                         tr("Show the %1 slowest requests").arg(summary.slowest.size()));
        const QList<int> positions = summary.slowest;
        connect(slowest, &QToolButton::clicked, this, [this, positions] { emit slowestClicked(positions); });
    }
}

} // namespace statusscope::ui
