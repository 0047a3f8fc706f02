// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/har_diagnosis.h"

#include "core/diagnose/har_rules.h"
#include "ui/diagnose/findings_panel.h"
#include "ui/diagnose/troubleshoot_launch.h"
#include "ui/har/har_entry_details.h"
#include "ui/har/har_replay.h"
#include "ui/har/har_view.h"

#include <QAction>
#include <QFileInfo>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>

namespace statusscope::ui {

namespace {

CheckContext contextFor(const HarEntry &entry, const QString &harPath)
{
    CheckContext context;
    // The HAR's hosts are someone else's recording: checks ask before contacting them.
    context.hostFromFile = true;
    context.origin = HarDiagnosis::tr("the HAR file %1").arg(QFileInfo(harPath).fileName());
    context.exchange = exchangeFromHarEntry(entry);
    const SpecResult spec = requestSpecFromState(composerStateFromHarEntry(entry));
    if (spec.error.isEmpty())
        context.spec = spec.spec;
    context.specNote = HarDiagnosis::tr("the request was rebuilt from the HAR entry");
    return context;
}

} // namespace

HarDiagnosis::HarDiagnosis(HarView *view)
    : QObject(view)
    , m_view(view)
{
    HarEntryDetails *details = view->details();
    m_replay = details->actions()->addAction(view->style()->standardIcon(QStyle::SP_BrowserReload),
                                             tr("Replay in composer"));
    connect(m_replay, &QAction::triggered, this, &HarDiagnosis::replay);
    m_replay->setObjectName(QStringLiteral("harReplay"));
    m_replay->setToolTip(tr("Open this request in a new request tab, ready to send again."));
    m_diagnose = details->actions()->addAction(view->style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                               tr("Diagnose"));
    connect(m_diagnose, &QAction::triggered, this, &HarDiagnosis::diagnose);
    m_diagnose->setObjectName(QStringLiteral("harDiagnose"));
    m_diagnose->setToolTip(tr("Run the diagnosis rules on this entry."));
    m_troubleshoot = details->actions()->addAction(tr("Troubleshoot…"));
    connect(m_troubleshoot, &QAction::triggered, this, &HarDiagnosis::troubleshoot);
    m_troubleshoot->setObjectName(QStringLiteral("harTroubleshoot"));
    m_troubleshoot->setToolTip(tr("Step-by-step checks for this entry's status."));

    m_panel = new FindingsPanel(details->tabs());
    m_panel->setObjectName(QStringLiteral("harFindings"));
    m_tab = details->tabs()->addTab(m_panel, tr("Diagnosis"));
    connect(m_panel, &FindingsPanel::statusActivated, this, &HarDiagnosis::statusActivated);
    connect(m_panel, &FindingsPanel::troubleshootRequested, this, [this](const diagnose::Finding &finding) {
        const HarEntry *entry = m_view ? m_view->currentEntry() : nullptr;
        if (!entry)
            return;
        emit troubleshootRequested(diagnose::TroubleshootingRun(diagnose::flowForFinding(finding), finding),
                                   contextFor(*entry, m_view->path()));
    });
    connect(view, &HarView::entrySelected, this, &HarDiagnosis::refresh);
    connect(details->tabs(), &QTabWidget::currentChanged, this, [this](int index) {
        if (index == m_tab)
            refresh();
    });
    refresh();
}

const diagnose::Findings &HarDiagnosis::allFindings()
{
    const std::shared_ptr<const HarLog> log = m_view ? m_view->log() : nullptr;
    if (log && log != m_diagnosedLog) {
        m_findings = diagnose::diagnoseHar(*log);
        m_diagnosedLog = log;
    }
    return m_findings;
}

void HarDiagnosis::refresh()
{
    if (!m_view)
        return;
    const HarEntry *entry = m_view->currentEntry();
    if (!entry) {
        m_panel->setFindings({}, tr("Select an entry to diagnose it."));
        m_view->details()->tabs()->setTabText(m_tab, tr("Diagnosis"));
        return;
    }
    // The rules run over the whole file once, on first need (the Diagnosis tab or Diagnose).
    if (!m_diagnosedLog && m_view->details()->tabs()->currentIndex() != m_tab)
        return;
    const diagnose::Findings mine = findingsOfEntry(allFindings(), entry->index);
    m_panel->setFindings(mine, tr("No problems found for entry %1 by the HAR rules (a HAR has no interim "
                                  "responses or wire events, so some rules need a live exchange).")
                                   .arg(entry->index + 1));
    m_view->details()->tabs()->setTabText(m_tab, mine.isEmpty() ? tr("Diagnosis") : tr("Diagnosis (%1)").arg(mine.size()));
}

void HarDiagnosis::replay()
{
    if (const HarEntry *entry = m_view ? m_view->currentEntry() : nullptr)
        emit replayRequested(composerStateFromHarEntry(*entry));
}

void HarDiagnosis::diagnose()
{
    if (!m_view || !m_view->currentEntry())
        return;
    allFindings();
    m_view->details()->tabs()->setCurrentIndex(m_tab); // refresh() follows through currentChanged
    refresh();
}

void HarDiagnosis::troubleshoot()
{
    const HarEntry *entry = m_view ? m_view->currentEntry() : nullptr;
    if (!entry)
        return;
    emit troubleshootRequested(troubleshootingRunFor(*entry, findingsOfEntry(allFindings(), entry->index)),
                               contextFor(*entry, m_view->path()));
}

} // namespace statusscope::ui
