// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probe/probe_launcher.h"

#include "core/har/har_types.h"
#include "ui/composer/composer_widget.h"
#include "ui/diagnose/findings_panel.h"
#include "ui/har/har_view.h"
#include "ui/main_window.h"
#include "ui/probe/probe_view.h"
#include "ui/timeline/timeline_view.h"

#include <QFileInfo>
#include <QTabWidget>

namespace statusscope::ui {

namespace {

constexpr char kAttachedProperty[] = "statusscopeProbeAttached";

} // namespace

ProbeLauncher::ProbeLauncher(MainWindow *window, NetworkConsent *consent, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_consent(consent)
{}

bool ProbeLauncher::claim(QObject *object)
{
    if (!object || object->property(kAttachedProperty).toBool())
        return false;
    object->setProperty(kAttachedProperty, true);
    return true;
}

ProbeView *ProbeLauncher::openProbe(const ProbeTarget &target)
{
    if (!m_window)
        return nullptr;
    auto *view = new ProbeView(target, m_consent, m_window->documents());
    connect(view, &ProbeView::statusActivated, this, &ProbeLauncher::statusActivated);
    m_window->addDocument(view, view->title(), target.options.url.toDisplayString());
    return view;
}

void ProbeLauncher::attachComposer(ComposerWidget *composer)
{
    if (!claim(composer))
        return;
    connect(composer, &ComposerWidget::probeRequested, this,
            [this, composer] { openProbe(probeTargetFromComposer(composer->state())); });
    claim(composer->timeline());
    // The composer knows the request exactly: its findings probe what it would send.
    attachFindings(composer->timeline()->findingsPanel(), [composer]() -> std::optional<ProbeTarget> {
        return probeTargetFromComposer(composer->state());
    });
}

void ProbeLauncher::attachSavedExchange(TimelineView *view, const QString &path)
{
    if (!claim(view))
        return;
    const QString origin = tr("the saved exchange %1").arg(QFileInfo(path).fileName());
    attachFindings(view->findingsPanel(), [view, origin]() -> std::optional<ProbeTarget> {
        return probeTargetFromExchange(view->exchange(), origin);
    });
}

void ProbeLauncher::attachHar(HarView *view, FindingsPanel *findings)
{
    if (!claim(view))
        return;
    const QString origin = tr("the HAR file %1").arg(QFileInfo(view->path()).fileName());
    QPointer<HarView> guard(view);
    attachFindings(findings, [guard, origin]() -> std::optional<ProbeTarget> {
        const HarEntry *entry = guard ? guard->currentEntry() : nullptr;
        if (!entry)
            return std::nullopt;
        return probeTargetFromHarEntry(*entry, origin);
    });
}

void ProbeLauncher::attachDocument(QWidget *document)
{
    if (auto *composer = qobject_cast<ComposerWidget *>(document)) {
        attachComposer(composer);
    } else if (auto *timeline = qobject_cast<TimelineView *>(document); timeline && claim(timeline)) {
        attachFindings(timeline->findingsPanel(), [timeline]() -> std::optional<ProbeTarget> {
            return probeTargetFromExchange(timeline->exchange(), {});
        });
    }
}

void ProbeLauncher::attachFindings(FindingsPanel *panel, TargetSource source)
{
    if (!panel)
        return;
    connect(panel, &FindingsPanel::probeRequested, this, [this, source = std::move(source)] {
        if (const std::optional<ProbeTarget> target = source())
            openProbe(*target);
    });
}

} // namespace statusscope::ui
