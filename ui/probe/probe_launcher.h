#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Where "Probe Expect handling…" comes from and where it goes: the composer's action (the
// current URL, method and proxy), and the action on an Expect/417 finding (of the composer's
// exchange, a saved exchange, a history entry or a HAR entry). Each opens a ProbeView tab; a
// host from a file carries its origin, so the view asks NetworkConsent before contacting it.
// The app creates one next to its RequestWorkspace and attaches what it builds.

#include "ui/probe/probe_target.h"
#include "ui/status/status_activation.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace statusscope::ui {

class ComposerWidget;
class FindingsPanel;
class HarView;
class MainWindow;
class NetworkConsent;
class ProbeView;
class TimelineView;

class ProbeLauncher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeLauncher)

public:
    ProbeLauncher(MainWindow *window, NetworkConsent *consent, QObject *parent = nullptr);

    // A new probe tab showing what will be sent; nothing is sent until the user runs it.
    ProbeView *openProbe(const ProbeTarget &target);

    // The request the user composed: the composer's action and its exchange's findings.
    void attachComposer(ComposerWidget *composer);
    // A saved exchange opened from `path` (a host from a file).
    void attachSavedExchange(TimelineView *view, const QString &path);
    // A HAR tab and its Diagnosis panel (hosts from a file).
    void attachHar(HarView *view, FindingsPanel *findings);
    // Any document the app shows: composers and timelines not attached yet get the actions
    // (a timeline reopened from history is the user's own request).
    void attachDocument(QWidget *document);

signals:
    void statusActivated(const statusscope::ui::StatusActivation &activation);

private:
    using TargetSource = std::function<std::optional<ProbeTarget>()>;
    void attachFindings(FindingsPanel *panel, TargetSource source);
    // True the first time for `object`: attachments happen once per widget.
    static bool claim(QObject *object);

    QPointer<MainWindow> m_window;
    QPointer<NetworkConsent> m_consent;
};

} // namespace statusscope::ui
