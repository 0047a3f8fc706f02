#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Guided troubleshooting as data: a flow is a list of steps; each step says what to check and
// why, may name a check the app can run itself, and has outcomes that lead to the next step or
// end the flow with a likely cause and a fix. A TroubleshootingRun records what the user (or an
// automatic check) saw at each step and builds the Markdown summary for a bug report. No widgets:
// the panel in ui/ shows these values.

#include "core/diagnose/finding.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <iosfwd>
#include <optional>

namespace statusscope::diagnose {

// The checks the app can run on its own (DESIGN.md "Understand and fix").
enum class CheckKind {
    None, // the user checks and reports the outcome
    ResendWithoutExpect,
    ResendWithExpect,
    ResendHttp10,
    ResendSmallerBody,
    ResendWithoutProxy,
    DnsLookup,
    ShowCertificateChain,
    CompareWithPreviousAttempt,
    OpenLogsFiltered,
};
QString toString(CheckKind kind); // "resend-without-expect", …; "none"
void PrintTo(CheckKind kind, std::ostream *os);

// The link the summary and the panel use for a guide (and a section of it, by its heading's
// slug: "server-side-fixes"): "guide:417#server-side-fixes". The GUI's Guide dock opens these.
QString guideLink(const QString &guideId, const QString &section = {});

// One side's fix for a diagnosed cause, and the guide section that explains it.
struct Fix
{
    QString text;    // "Raise client_max_body_size for this location."
    QString guide;   // the guide holding the section: "413", "cert-expired"
    QString section; // the slug of its heading: "server-side-fixes"
    QString link() const { return guideLink(guide, section); }
};

struct StepOutcome
{
    QString id;    // stable within the step: "still-417"
    QString label; // what was seen: "Still 417 without Expect"
    QString next;  // the next step's id; empty: the flow ends here with cause and fixes
    QString cause;
    // Both sides: whoever reads the diagnosis may run the server or only the client.
    Fix server{};
    Fix client{};
    bool endsFlow() const { return next.isEmpty(); }
};

struct TroubleshootingStep
{
    QString id;
    QString title; // "Resend without Expect"
    QString check; // what to look at or do
    QString why;   // why this tells something
    CheckKind automatic = CheckKind::None;
    QList<StepOutcome> outcomes;

    const StepOutcome *outcome(const QString &id) const;
};

struct TroubleshootingFlow
{
    QString id;    // "expect-417", "bad-gateway", "class-4xx", …
    QString title;
    QString guide; // the guide the flow belongs to
    QList<TroubleshootingStep> steps; // the first step is where the flow starts

    const TroubleshootingStep *step(const QString &id) const;
    // Structural problems, empty for a sound flow: duplicate ids, an outcome leading nowhere, a
    // step no path reaches, a cycle, an end without a cause or without both fixes and their guide
    // sections, a step without outcomes.
    QStringList problems() const;
};

// The catalog (troubleshooting_flows.cpp).
QList<TroubleshootingFlow> allTroubleshootingFlows();
TroubleshootingFlow flowForStatus(int status);
// A transport guide id ("cert-expired", "dns-failure", …).
TroubleshootingFlow flowForTransport(const QString &guideId);
TroubleshootingFlow flowForFinding(const Finding &finding);

// One walk through a flow.
class TroubleshootingRun
{
public:
    struct Record
    {
        QString stepId;
        QString outcomeId;
        QString observed; // what the check showed, in the user's or the check's words
    };

    explicit TroubleshootingRun(TroubleshootingFlow flow, std::optional<Finding> finding = std::nullopt);

    const TroubleshootingFlow &flow() const { return m_flow; }
    const std::optional<Finding> &finding() const { return m_finding; }
    const QList<Record> &history() const { return m_history; }

    // nullptr once the flow has ended.
    const TroubleshootingStep *currentStep() const;
    bool isFinished() const { return m_finished; }
    // The outcome that ended the flow, or nullptr.
    const StepOutcome *conclusion() const;

    // Records an outcome of the current step and moves on; false (and no change) when the
    // outcome is not one of the step's or the flow has ended.
    bool record(const QString &outcomeId, const QString &observed = {});
    // Takes back the last recorded outcome; false when there is none.
    bool undo();

    // What was tried, what was seen, the likely cause and the fix, for a bug report.
    QString summaryMarkdown() const;

private:
    TroubleshootingFlow m_flow;
    std::optional<Finding> m_finding;
    QList<Record> m_history;
    QString m_currentStep;
    bool m_finished = false;
};

} // namespace statusscope::diagnose
